package com.bourse.ui.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every step of each of the trader's orders this window heard, with its time: accepted, refused, held, released,
 * elected, filled in part or in full, amended, linked into an OCO group, cancelled or expired and why. Kept for the
 * newest {@link #MAX_ORDERS} orders. FX thread only (the desk state writes it as it applies events).
 */
public final class OrderHistory {
    static final int MAX_ORDERS = 5_000;

    /** One step of an order: when, what happened (a word), and the details in the trader's terms. */
    public record Step(Instant time, String event, String detail) {
    }

    private final Map<String, List<Step>> steps = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Step>> eldest) {
            return size() > MAX_ORDERS;
        }
    };

    void record(long accountId, long orderId, long epochMillis, String event, String detail) {
        steps.computeIfAbsent(key(accountId, orderId), k -> new ArrayList<>())
                .add(new Step(Instant.ofEpochMilli(epochMillis), event, detail));
    }

    /** The order's steps, oldest first; empty when this window heard nothing of it. */
    public List<Step> of(long accountId, long orderId) {
        return List.copyOf(steps.getOrDefault(key(accountId, orderId), List.of()));
    }

    /** Client order ids are unique per account only. */
    private static String key(long accountId, long orderId) {
        return accountId + "/" + orderId;
    }
}
