package com.bourse.protocol.wire;

import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.SessionMessage.AccountBalance;
import com.bourse.protocol.wire.SessionMessage.AckStatus;
import com.bourse.protocol.wire.SessionMessage.BlotterChunk;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionCodecTest {
    private final SessionCodec codec = new SessionCodec();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);

    @Test
    void everyAckStatusRoundTrips() {
        for (AckStatus status : AckStatus.values()) {
            int length = codec.encodeAck(3, 44, status, 1_024, 6, buffer, 0);

            assertThat(codec.decode(buffer, 0, length)).isTrue();
            assertThat(codec.message()).isEqualTo(new SessionMessage.CommandAck(3, 44, status, 1_024, 6));
        }
    }

    @Test
    void blotterChunkRoundTripsWithEveryWorkingStatus() {
        List<WorkingOrder> orders = new ArrayList<>();
        for (String status : List.of("HELD", "STOP_WAITING", "RESTING")) {
            orders.add(new WorkingOrder(orders.size() + 1, 2, 3, 4, Side.SELL, OrderType.STOP_LIMIT,
                    TimeInForce.DAY, 100, 90, 10, 5, 5, false, status));
        }
        BlotterChunk chunk = new BlotterChunk(8, 4_096, true, orders,
                List.of(new AccountBalance(2, "EUR", 1_000, 50), new AccountBalance(2, "ACME", 7, 0)));
        int length = codec.encodeBlotterChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(chunk);
    }

    @Test
    void blotterRequestRoundTrips() {
        int length = codec.encodeBlotterRequest(77, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(new SessionMessage.BlotterRequest(77));
    }

    @Test
    void chunkLargerThanTheLimitIsRefused() {
        List<AccountBalance> balances = new ArrayList<>();
        for (int i = 0; i <= SessionCodec.MAX_ROWS_PER_CHUNK; i++) {
            balances.add(new AccountBalance(i, "EUR", i, 0));
        }

        assertThatThrownBy(() -> codec.encodeBlotterChunk(new BlotterChunk(1, 0, true, List.of(), balances),
                buffer, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
