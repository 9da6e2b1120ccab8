package com.bourse.ui.model;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.util.EnumMap;
import java.util.Map;

/**
 * The ticket's checks for a one-cancels-other exit (the engine's Command.PlaceOco): the limit price is the target,
 * the stop price the stop, both of the ticket's side and quantity. The target is checked as a limit order (tick,
 * lot, band, limits, funds: the pair holds once), the stop as a stop order, and then what only a pair has: a sell
 * pair's stop below its target and below the last price (a buy pair's above both), so the stop waits instead of
 * triggering at once; and a time in force that rests (GTC or DAY). Messages name the field at fault and the figure
 * that would be right. Stateless.
 */
public final class OcoTicket {

    private OcoTicket() {
    }

    public static TicketCheck check(TicketDraft d) {
        TicketDraft target = withType(d, OrderType.LIMIT);
        TicketCheck targetCheck = TicketValidator.check(target);
        TicketCheck stopCheck = TicketValidator.check(withType(d, OrderType.STOP));
        Map<TicketField, String> errors = new EnumMap<>(TicketField.class);
        errors.putAll(targetCheck.errors());
        String stopError = stopCheck.errorAt(TicketField.STOP_PRICE);
        if (stopError != null) {
            errors.put(TicketField.STOP_PRICE, stopError);
        }
        if (d.timeInForce() != TimeInForce.GTC && d.timeInForce() != TimeInForce.DAY) {
            errors.put(TicketField.TIME_IN_FORCE, "An OCO exit rests until one side trades: GTC or DAY");
        }
        Instrument i = d.instrument();
        long targetPrice = targetCheck.price();
        long stopPrice = stopCheck.stopPrice();
        if (i != null && !errors.containsKey(TicketField.STOP_PRICE) && stopPrice > 0) {
            boolean sell = d.side() == Side.SELL;
            int s = i.priceScale();
            if (targetPrice > 0 && !errors.containsKey(TicketField.PRICE)
                    && (sell ? stopPrice >= targetPrice : stopPrice <= targetPrice)) {
                errors.put(TicketField.STOP_PRICE, "A " + (sell ? "sell" : "buy") + " OCO's stop must be "
                        + (sell ? "below" : "above") + " its target " + Decimals.format(targetPrice, s));
            } else if (d.lastPrice() > 0 && (sell ? stopPrice >= d.lastPrice() : stopPrice <= d.lastPrice())) {
                errors.put(TicketField.STOP_PRICE, "Stop must be " + (sell ? "below" : "above") + " the last price "
                        + Decimals.format(d.lastPrice(), s) + ": it would trigger at once");
            }
        }
        return new TicketCheck(target, errors, targetCheck.quantity(), targetPrice, stopPrice, 0,
                targetCheck.notionalMinor());
    }

    private static TicketDraft withType(TicketDraft d, OrderType type) {
        return new TicketDraft(d.instrument(), d.accountId(), d.side(), type, d.timeInForce(), d.quantity(), d.price(),
                d.stopPrice(), "", false, d.currencyDigits(), d.limits(), d.availableCash(), d.availablePosition(),
                d.lastPrice());
    }
}
