package com.bourse.ui.model;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;

/**
 * What the trader is asked before an order above the confirmation threshold goes: the dialog's title and the
 * question, naming every price and quantity that will work and, for a bracket, what it makes at its target and
 * loses at its stop. Built from the ticket's valid check, so every figure reads as a number.
 *
 * @param title    the dialog's title, "Confirm large order"
 * @param question the order in full, ending with the question
 */
public record OrderConfirmation(String title, String question) {

    /** "Buy 10 ASML worth 6,845.00 EUR?": a single order (and a flatten, which sells at market). */
    public static OrderConfirmation of(TicketCheck check) {
        Instrument i = check.draft().instrument();
        return new OrderConfirmation("Confirm large order", side(check.draft().side()) + " "
                + Decimals.format(check.quantity(), 0) + " " + i.symbol() + " worth " + value(check) + "?");
    }

    /**
     * "OCO sell 10 AIR: target 165.00, stop at market on stop 159.00, worth 1,650.00 EUR at the target?": an OCO exit
     * names both of its orders; one fills, the other is cancelled.
     */
    public static OrderConfirmation ofOco(TicketCheck check) {
        Instrument i = check.draft().instrument();
        String verb = check.draft().side() == Side.BUY ? "buy" : "sell";
        return new OrderConfirmation("Confirm large OCO exit", "OCO " + verb + " "
                + Decimals.format(check.quantity(), 0) + " " + i.symbol() + ": target " + price(check.price(), i)
                + ", stop at market on stop " + price(check.stopPrice(), i) + ", worth " + value(check)
                + " at the target?\nWhichever trades first cancels the other.");
    }

    /**
     * A bracket: its entry and its value, then the target and the stop that work once it fills, each with its side,
     * quantity and price and what it makes or loses from the entry, and the ratio of the two.
     */
    public static OrderConfirmation ofBracket(BracketTicket.Check bracket) {
        TicketCheck entry = bracket.entry();
        Instrument i = entry.draft().instrument();
        Side side = entry.draft().side();
        String quantity = Decimals.format(entry.quantity(), 0);
        String exit = (side == Side.BUY ? "sell " : "buy ") + quantity + " " + i.symbol();
        StringBuilder question = new StringBuilder("Bracket: ").append(side(side).toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(quantity).append(' ').append(i.symbol()).append(" @ ")
                .append(price(entry.price(), i)).append(", worth ").append(value(entry)).append('.')
                .append("\nOnce it fills, for what filled:")
                .append("\nTarget: ").append(exit).append(" @ ").append(price(bracket.targetPrice(), i));
        bracket.outcome().ifPresent(o -> question.append(", +").append(o.rewardTicks()).append(" ticks: +")
                .append(o.reward()));
        question.append("\nStop: ").append(exit).append(" at market on stop ").append(price(bracket.stopPrice(), i));
        bracket.outcome().ifPresent(o -> question.append(", −").append(o.riskTicks()).append(" ticks: −")
                .append(o.risk()).append("\nReward/risk ").append(o.ratio()));
        question.append("\nSend the bracket?");
        return new OrderConfirmation("Confirm large bracket", question.toString());
    }

    private static String side(Side side) {
        return side == Side.BUY ? "Buy" : "Sell";
    }

    private static String price(long units, Instrument i) {
        return Decimals.format(units, i.priceScale());
    }

    private static String value(TicketCheck check) {
        return Decimals.format(check.notionalMinor(), check.draft().currencyDigits()) + " "
                + check.draft().instrument().currency();
    }
}
