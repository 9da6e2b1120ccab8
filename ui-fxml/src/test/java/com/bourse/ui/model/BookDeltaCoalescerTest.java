package com.bourse.ui.model;

import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookDeltaCoalescerTest {

    @Test
    void manyUpdatesOfOneLevelInAFrameApplyOnceWithTheLatestQuantity() {
        BookDeltaCoalescer coalescer = new BookDeltaCoalescer();
        for (int q = 1; q <= 1_000; q++) {
            coalescer.offer(new Event.BookDelta(1, Side.BUY, 68_400, q, 1));
        }

        List<Event.BookDelta> applied = new ArrayList<>();
        coalescer.drain(applied::add);

        assertThat(applied).containsExactly(new Event.BookDelta(1, Side.BUY, 68_400, 1_000, 1));
        assertThat(coalescer.offered()).isEqualTo(1_000);
        assertThat(coalescer.drained()).isEqualTo(1);
    }

    @Test
    void sameLevelOnTheOtherSideOrInstrumentIsADifferentLevel() {
        BookDeltaCoalescer coalescer = new BookDeltaCoalescer();
        coalescer.offer(new Event.BookDelta(1, Side.BUY, 100, 5, 1));
        coalescer.offer(new Event.BookDelta(1, Side.SELL, 100, 6, 1));
        coalescer.offer(new Event.BookDelta(2, Side.BUY, 100, 7, 1));

        assertThat(coalescer.pending()).isEqualTo(3);
    }

    @Test
    void pendingNeverExceedsTheNumberOfDistinctLevels() {
        BookDeltaCoalescer coalescer = new BookDeltaCoalescer();
        for (int i = 0; i < 100_000; i++) {
            coalescer.offer(new Event.BookDelta(1, i % 2 == 0 ? Side.BUY : Side.SELL, 100 + i % 50, i, 1));
        }

        assertThat(coalescer.pending()).isEqualTo(50);
        assertThat(coalescer.drain(d -> { })).isEqualTo(50);
        assertThat(coalescer.pending()).isZero();
    }
}
