package com.bourse.simulator.session;

import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trainee did and caused, as the events told it: every fill with the mid when its order arrived, the
 * position by instrument, and the reviews (held orders and transfers) with when each was decided. What the goals
 * are checked against and the debrief is drawn from. Simulation thread only.
 */
public final class TraineeActivity {

    /** One fill of a trainee order; {@code arrivalDoubleMid} is twice the mid when the order was accepted. */
    public record Fill(long time, long orderId, long instrumentId, Side side, long price, long quantity,
                       long arrivalDoubleMid) {
    }

    /** An order or transfer held for a risk officer; {@code decidedAt} is 0 while it waits. */
    public record Review(ReviewSubject subject, long subjectId, long accountId, long heldAt, long decidedAt) {
    }

    private final List<Fill> fills = new ArrayList<>();
    private final Map<Long, Long> arrivalMids = new LinkedHashMap<>();
    private final Map<Long, Long> positions = new LinkedHashMap<>();
    private final Map<String, Review> reviews = new LinkedHashMap<>();
    private long lastFillTime;

    void accepted(long orderId, long doubleMid) {
        arrivalMids.put(orderId, doubleMid);
    }

    void filled(long time, long orderId, long instrumentId, Side side, long price, long quantity) {
        fills.add(new Fill(time, orderId, instrumentId, side, price, quantity, arrivalMids.getOrDefault(orderId, 0L)));
        positions.merge(instrumentId, side == Side.BUY ? quantity : -quantity, Long::sum);
        lastFillTime = time;
    }

    void held(ReviewSubject subject, long subjectId, long accountId, long time) {
        reviews.putIfAbsent(subject + ":" + subjectId, new Review(subject, subjectId, accountId, time, 0));
    }

    void decided(ReviewSubject subject, long subjectId, long time) {
        reviews.computeIfPresent(subject + ":" + subjectId, (key, review) -> review.decidedAt() != 0 ? review
                : new Review(review.subject(), review.subjectId(), review.accountId(), review.heldAt(), time));
    }

    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    /** Units bought minus sold today in the instrument. */
    public long traded(long instrumentId) {
        return positions.getOrDefault(instrumentId, 0L);
    }

    public long lastFillTime() {
        return lastFillTime;
    }

    public List<Review> reviews() {
        return List.copyOf(reviews.values());
    }
}
