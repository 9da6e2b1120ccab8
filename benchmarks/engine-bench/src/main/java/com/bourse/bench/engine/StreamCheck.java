package com.bourse.bench.engine;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamProfile;
import com.bourse.engine.Engine;

/**
 * Proves a benchmark round did the work the stream describes: every order accepted, every cancel found its
 * order, the same trades and volume as the generator's shadow books, the same working orders at the end.
 * A throughput figure from a run that fails this is not reported.
 */
final class StreamCheck {
    private StreamCheck() {
    }

    static void verify(OrderStream stream, CountingSink sink, Engine engine) {
        StreamProfile p = stream.profile();
        expect("rejected orders", sink.rejected, 0, sink.firstRejection);
        expect("record events (held orders, rejected commands)", sink.otherEvents, 0, sink.firstOtherEvent);
        expect("cancels for other reasons (self-trade, kill switch)", sink.otherCancels, 0, null);
        expect("accepted orders", sink.accepted, p.adds() + p.aggressive(), null);
        expect("trades", sink.trades, p.trades(), null);
        expect("traded quantity", sink.tradedQuantity, p.tradedQuantity(), null);
        expect("cancels by the trader", sink.userCancels, p.cancels(), null);
        expect("IOC remainders cancelled", sink.remainderCancels, p.aggressiveWithRemainder(), null);
        expect("working orders at the end", engine.liveOrderCount(), p.liveAtEnd(), null);
    }

    private static void expect(String what, long actual, long expected, Object example) {
        if (actual != expected) {
            throw new IllegalStateException("engine disagrees with the stream on " + what + ": " + actual
                    + " instead of " + expected + (example == null ? "" : " (first: " + example + ")"));
        }
    }
}
