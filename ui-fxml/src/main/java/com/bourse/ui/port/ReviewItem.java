package com.bourse.ui.port;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.protocol.SurveillanceRule;

import java.util.List;
import java.util.Objects;

/**
 * One order or transfer waiting for a risk officer, with what the risk evaluator said about it.
 *
 * @param userId       who entered the order or asked for the transfer (four eyes: they may not approve it)
 * @param ownerUserId  the account's owner (nor may they)
 * @param instrumentId the order's instrument; 0 for a transfer
 * @param side         the order's side; null for a transfer
 * @param quantity     the order's open quantity, or the transfer's amount in minor units of {@code asset}
 * @param price        the order's limit price in the instrument's units; 0 for a market order or a transfer
 * @param notional     price times quantity in minor units of {@code currency}; the amount for a transfer
 * @param currency     the instrument's currency, or the transferred asset
 * @param description  for a transfer: its kind and accounts, e.g. "WITHDRAWAL from 1001"; empty for an order
 * @param raisedAt     epoch milliseconds of the alert (0 when unknown), which orders the queue
 */
public record ReviewItem(ReviewSubject subject, long subjectId, long accountId, long userId, long ownerUserId,
                         long instrumentId, Side side, long quantity, long price, long notional, String currency,
                         String description, int scoreBps, int amountBps, int frequencyBps, int patternBps,
                         ErrorCode reason, int ruleMask, long raisedAt) {

    public ReviewItem {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(description, "description");
    }

    public List<SurveillanceRule> rules() {
        return SurveillanceRule.of(ruleMask);
    }

    /** The key of the item in the queue: subject and id. */
    public String key() {
        return subject.name() + ":" + subjectId;
    }
}
