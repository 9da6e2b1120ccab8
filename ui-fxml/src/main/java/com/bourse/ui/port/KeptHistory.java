package com.bourse.ui.port;

import java.util.List;

/**
 * What the venue kept of one order from before the window's feed started: every step up to the snapshot the window
 * connected at, oldest first (every later step reaches the window as an event), or nothing when the venue keeps no
 * order history for the desktop ({@code kept} false).
 */
public record KeptHistory(boolean kept, List<OrderStep> steps) {
    /** A venue that keeps no history of its orders for the desktop. */
    public static final KeptHistory NOT_KEPT = new KeptHistory(false, List.of());

    public KeptHistory {
        steps = List.copyOf(steps);
        if (!kept && !steps.isEmpty()) {
            throw new IllegalArgumentException("steps from a venue that says it keeps none");
        }
    }
}
