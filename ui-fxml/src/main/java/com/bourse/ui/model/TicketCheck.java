package com.bourse.ui.model;

import com.bourse.protocol.Command;

import java.util.Map;

/**
 * The validator's verdict on a draft: messages per field, or the numbers of a valid order.
 *
 * @param notionalMinor order value in minor units of the instrument's currency (limit or stop price, or the
 *                      last price for a market order)
 */
public record TicketCheck(TicketDraft draft, Map<TicketField, String> errors, long quantity, long price,
                          long stopPrice, long displayQuantity, long notionalMinor) {

    public TicketCheck {
        errors = Map.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public String errorAt(TicketField field) {
        return errors.get(field);
    }

    /** The command to send; only for a valid check. */
    public Command.PlaceOrder toCommand(long timestamp, long userId, long orderId) {
        if (!isValid()) {
            throw new IllegalStateException("ticket has errors: " + errors);
        }
        return new Command.PlaceOrder(timestamp, userId, orderId, draft.accountId(), draft.instrument().id(),
                draft.side(), draft.type(), draft.timeInForce(), draft.type().hasLimitPrice() ? price : 0,
                draft.type().isStop() ? stopPrice : 0, quantity, displayQuantity, draft.postOnly());
    }
}
