package com.bourse.cluster.movement;

import java.util.List;

/**
 * The cluster's answer to a {@link MovementQuery}, as of one log position: the movements newest first, and for a
 * history query the movement's steps oldest first.
 */
public record Movements(long logPosition, List<MovementRow> movements, List<MovementStepRow> steps) {

    public Movements {
        movements = List.copyOf(movements);
        steps = List.copyOf(steps);
    }
}
