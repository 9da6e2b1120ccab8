package com.bourse.app.desktop;

import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The officers' reasons for rejecting held orders, so the trader's window can say why: the engine's event says
 * only "rejected by a risk officer" (the reason travels in the command, to the audit trail), so the simulation
 * notes each reason as the command passes through on its way to the venue, and a trader's feed adds it as a
 * notice right after the rejection. Keeps the latest 10,000. Thread-safe.
 */
final class ReviewNotes {
    private static final int KEEP = 10_000;
    private final Map<Long, String> reasons = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > KEEP;
        }
    };

    /** Notes the reason of an order rejection on its way to the venue. */
    void noteIfRejection(Command command) {
        if (command instanceof Command.Reject reject && reject.subject() == ReviewSubject.ORDER) {
            synchronized (reasons) {
                reasons.put(reject.subjectId(), reject.reason());
            }
        }
    }

    String reasonFor(long orderId) {
        synchronized (reasons) {
            return reasons.get(orderId);
        }
    }

    /** {@code feed}, followed after each officer's rejection by a notice with the officer's reason. */
    MarketFeed tellingReasons(MarketFeed feed) {
        return new MarketFeed() {
            @Override
            public void onEvent(Event event) {
                feed.onEvent(event);
                if (event instanceof Event.OrderRejected r && r.reason() == ErrorCode.REJECTED_BY_RISK_OFFICER) {
                    String reason = reasonFor(r.orderId());
                    if (reason != null) {
                        feed.notice("Order " + r.orderId() + " rejected by a risk officer: " + reason);
                    }
                }
            }

            @Override
            public void reload(MarketSnapshot snapshot) {
                feed.reload(snapshot);
            }

            @Override
            public void notice(String message) {
                feed.notice(message);
            }
        };
    }
}
