package com.bourse.ui.model;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.RiskLimits;

/**
 * What the ticket's controls say right now, as typed. Text fields stay text until the validator reads them.
 *
 * @param currencyDigits   minor digits of the instrument's currency
 * @param limits           the account's hard limits
 * @param availableCash    the account's cash not held by orders, minor units
 * @param availablePosition the account's position in the instrument not held by orders
 * @param lastPrice        last trade price (0 if none), to value market orders
 */
public record TicketDraft(Instrument instrument, Long accountId, Side side, OrderType type, TimeInForce timeInForce,
                          String quantity, String price, String stopPrice, String displayQuantity, boolean postOnly,
                          int currencyDigits, RiskLimits limits, long availableCash, long availablePosition,
                          long lastPrice) {
}
