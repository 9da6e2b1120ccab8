package com.bourse.bench.peer;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamSpec;
import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.api.ApiCancelOrder;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiPlaceOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on the build JDK: it only builds exchange-core's command objects, which needs none of its Chronicle code. */
class PeerTranslationTest {

    @Test
    void everyStreamCommandBecomesTheMatchingExchangeCoreCommand() {
        // given a stream
        OrderStream stream = OrderStream.generate(StreamSpec.hundredInstruments(5_000));

        // when it is translated
        ApiCommand[] commands = PeerMarket.commands(stream);

        // then adds are GTC, aggressive orders IOC, cancels name owner and symbol, bids reserve their limit price
        for (int i = 0; i < stream.size(); i++) {
            long uid = PeerMarket.uid(stream.account(i));
            int symbol = PeerMarket.symbolId(stream.instrument(i));
            if (stream.kind(i) == OrderStream.CANCEL) {
                assertThat(commands[i]).isEqualTo(new ApiCancelOrder(stream.orderId(i), uid, symbol));
                continue;
            }
            ApiPlaceOrder place = (ApiPlaceOrder) commands[i];
            assertThat(place.orderType).isEqualTo(stream.kind(i) == OrderStream.ADD ? OrderType.GTC : OrderType.IOC);
            assertThat(place.action).isEqualTo(stream.isBuy(i) ? OrderAction.BID : OrderAction.ASK);
            assertThat(place.orderId).isEqualTo(stream.orderId(i));
            assertThat(place.uid).isEqualTo(uid);
            assertThat(place.symbol).isEqualTo(symbol);
            assertThat(place.price).isEqualTo(stream.price(i));
            assertThat(place.reservePrice).isEqualTo(stream.price(i));
            assertThat(place.size).isEqualTo(stream.quantity(i));
        }
    }

    @Test
    void waitStrategyDefaultsToYieldingAndTakesTheSameStreamOptionsAsOurBenchmark() {
        assertThat(PeerOptions.parse().waitStrategy()).isEqualTo(CoreWaitStrategy.YIELDING);
        PeerOptions options = PeerOptions.parse("--variants=1", "--commands=1_000", "--latency-rounds=2",
                "--wait=busy-spin");
        assertThat(options.variants()).containsExactly("1");
        assertThat(options.commands()).isEqualTo(1_000);
        assertThat(options.latencyCommands()).isEqualTo(1_000);
        assertThat(options.waitStrategy()).isEqualTo(CoreWaitStrategy.BUSY_SPIN);
    }
}
