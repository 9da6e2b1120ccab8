package com.bourse.ui.model;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket's checks for a bracket (the engine's Command.PlaceOco with an entry): a limit entry at the ticket's
 * price, and once it has filled a take-profit target and a protective stop on the other side, for what filled, that
 * cancel each other. The entry is checked as the limit order it is (tick, lot, band, limits, funds); the target and
 * the stop as prices (tick, band) on the right side of the entry: a buy bracket's target above it and its stop below,
 * a sell bracket's the other way round; and a time in force that rests (GTC or DAY), as the engine requires.
 * Messages name the field at fault and the figure that would be right. Stateless.
 */
public final class BracketTicket {

    private BracketTicket() {
    }

    /**
     * The verdict on a bracket ticket.
     *
     * @param entry       the entry's check, carrying every field's message (the target's and the stop's too), the
     *                    entry price ({@link TicketCheck#price()}) and the stop price ({@link TicketCheck#stopPrice()})
     * @param targetPrice the target's price in price units, 0 when it does not read as one
     */
    public record Check(TicketCheck entry, long targetPrice) {

        public boolean isValid() {
            return entry.isValid();
        }

        public long entryPrice() {
            return entry.price();
        }

        public long stopPrice() {
            return entry.stopPrice();
        }

        /**
         * What the bracket makes at its target and loses at its stop, in ticks from the entry and in the instrument's
         * currency, and the ratio of the two, one per line: "Target +20 ticks: +2,000.00 EUR", "Stop −10 ticks:
         * −1,000.00 EUR", "Reward/risk 2.0". Empty until the entry, target, stop and quantity all read as numbers on the right sides.
         */
        public String summary() {
            return outcome().map(o -> "Target +" + o.rewardTicks() + " ticks: +" + o.reward()
                    + "\nStop −" + o.riskTicks() + " ticks: −" + o.risk()
                    + "\nReward/risk " + o.ratio()).orElse("");
        }

        /**
         * The bracket's reward and risk for its whole quantity, formatted as the trader reads them, or empty until the
         * entry, target, stop and quantity all read as numbers on the right sides.
         */
        public Optional<Outcome> outcome() {
            TicketDraft d = entry.draft();
            Instrument i = d.instrument();
            long quantity = entry.quantity();
            long entryPrice = entryPrice();
            if (i == null || quantity <= 0 || entryPrice <= 0 || targetPrice <= 0 || stopPrice() <= 0
                    || entry.errorAt(TicketField.TARGET_PRICE) != null || entry.errorAt(TicketField.STOP_PRICE) != null
                    || entry.errorAt(TicketField.PRICE) != null || entry.errorAt(TicketField.QUANTITY) != null) {
                return Optional.empty();
            }
            long rewardUnits = Math.abs(targetPrice - entryPrice);
            long riskUnits = Math.abs(entryPrice - stopPrice());
            BigDecimal reward = value(rewardUnits, quantity, i, d.currencyDigits());
            BigDecimal risk = value(riskUnits, quantity, i, d.currencyDigits());
            String ratio = risk.signum() == 0 ? "—"
                    : Decimals.format(reward.divide(risk, 1, RoundingMode.HALF_EVEN), 1);
            String currency = " " + i.currency();
            return Optional.of(new Outcome(Decimals.format(rewardUnits / i.tickSize(), 0),
                    Decimals.format(reward, d.currencyDigits()) + currency,
                    Decimals.format(riskUnits / i.tickSize(), 0),
                    Decimals.format(risk, d.currencyDigits()) + currency, ratio));
        }

        private static BigDecimal value(long priceUnits, long quantity, Instrument i, int digits) {
            return FixedPoint.toDecimal(Math.multiplyExact(priceUnits, quantity), i.priceScale())
                    .setScale(digits, RoundingMode.HALF_EVEN);
        }
    }

    /**
     * What a bracket makes if its target fills and loses if its stop does (before any slippage past the stop), for
     * the whole quantity, in the trader's words: figures formatted, amounts with their currency, no signs.
     *
     * @param rewardTicks ticks from the entry to the target, "20"
     * @param reward      the money made at the target, "2,000.00 EUR"
     * @param riskTicks   ticks from the entry to the stop, "10"
     * @param risk        the money lost at the stop, "1,000.00 EUR"
     * @param ratio       reward over risk to one decimal, "2.0"
     */
    public record Outcome(String rewardTicks, String reward, String riskTicks, String risk, String ratio) {
    }

    /** Checks a bracket: the draft's side, quantity and price are the entry's, {@code target} the target as typed. */
    public static Check check(TicketDraft d, String target) {
        TicketDraft entryDraft = new TicketDraft(d.instrument(), d.accountId(), d.side(), OrderType.LIMIT,
                d.timeInForce(), d.quantity(), d.price(), d.stopPrice(), "", false, d.currencyDigits(), d.limits(),
                d.availableCash(), d.availablePosition(), d.lastPrice());
        TicketCheck entryCheck = TicketValidator.check(entryDraft);
        Map<TicketField, String> errors = new EnumMap<>(TicketField.class);
        errors.putAll(entryCheck.errors());
        if (d.timeInForce() != TimeInForce.GTC && d.timeInForce() != TimeInForce.DAY) {
            errors.put(TicketField.TIME_IN_FORCE, "A bracket rests until its entry fills: GTC or DAY");
        }
        Instrument i = d.instrument();
        long targetPrice = 0;
        long stopPrice = 0;
        if (i != null) {
            targetPrice = TicketValidator.readPrice(target, i, TicketField.TARGET_PRICE, errors);
            stopPrice = TicketValidator.readPrice(d.stopPrice(), i, TicketField.STOP_PRICE, errors);
            long entryPrice = entryCheck.price();
            if (entryPrice > 0 && !errors.containsKey(TicketField.PRICE)) {
                boolean buy = d.side() != Side.SELL;
                String side = buy ? "buy" : "sell";
                String entry = Decimals.format(entryPrice, i.priceScale());
                if (targetPrice > 0 && !errors.containsKey(TicketField.TARGET_PRICE)
                        && (buy ? targetPrice <= entryPrice : targetPrice >= entryPrice)) {
                    errors.put(TicketField.TARGET_PRICE, "A " + side + " bracket's target must be "
                            + (buy ? "above" : "below") + " its entry " + entry);
                }
                if (stopPrice > 0 && !errors.containsKey(TicketField.STOP_PRICE)
                        && (buy ? stopPrice >= entryPrice : stopPrice <= entryPrice)) {
                    errors.put(TicketField.STOP_PRICE, "A " + side + " bracket's stop must be "
                            + (buy ? "below" : "above") + " its entry " + entry);
                }
            }
        }
        return new Check(new TicketCheck(entryDraft, errors, entryCheck.quantity(), entryCheck.price(), stopPrice, 0,
                entryCheck.notionalMinor()), targetPrice);
    }
}
