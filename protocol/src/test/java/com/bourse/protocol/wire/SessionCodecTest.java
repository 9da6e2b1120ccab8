package com.bourse.protocol.wire;

import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.sbe.MessageHeaderEncoder;
import com.bourse.protocol.wire.SessionMessage.AccountBalance;
import com.bourse.protocol.wire.SessionMessage.AckStatus;
import com.bourse.protocol.wire.SessionMessage.BlotterChunk;
import com.bourse.protocol.wire.SessionMessage.DepthChunk;
import com.bourse.protocol.wire.SessionMessage.DepthLevel;
import com.bourse.protocol.wire.SessionMessage.LastOrderId;
import com.bourse.protocol.wire.SessionMessage.LastTrade;
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
                List.of(new AccountBalance(2, "EUR", 1_000, 50), new AccountBalance(2, "ACME", 7, 0)),
                List.of(new LastOrderId(2, 3)));
        int length = codec.encodeBlotterChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(chunk);
    }

    @Test
    void blotterChunkCarriesTheOcoLinkBetweenTwoWorkingLegsSinceVersion9() {
        List<WorkingOrder> legs = List.of(
                new WorkingOrder(11, 2, 3, 4, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 120, 0, 10, 10, 0, false,
                        "RESTING", 12),
                new WorkingOrder(12, 2, 3, 4, Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, 80, 10, 0, 0, false,
                        "STOP_WAITING", 11));
        BlotterChunk chunk = new BlotterChunk(8, 4_096, true, legs, List.of(), List.of());
        int length = codec.encodeBlotterChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(((BlotterChunk) codec.message()).orders()).extracting(WorkingOrder::ocoPeerId)
                .containsExactly(12L, 11L);

        // A version 8 cluster sends no link: its answer reads as two orders of no group, as before.
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 8);
        assertThat(codec.decode(buffer, 0, length)).as(codec.rejection()).isTrue();
        assertThat(((BlotterChunk) codec.message()).orders()).extracting(WorkingOrder::ocoPeerId)
                .containsExactly(0L, 0L);
    }

    @Test
    void blotterChunkCarriesEachOrdersBracketSinceVersion9AndAVersion8AnswerReadsAsNoBracket() {
        WorkingOrder.Bracket bracket = new WorkingOrder.Bracket(20, 21, 130, 22, 90);
        List<WorkingOrder> orders = List.of(
                new WorkingOrder(20, 2, 3, 4, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 110, 0, 10, 10, 0, false,
                        "RESTING", 0, bracket),
                new WorkingOrder(31, 2, 3, 4, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 125, 0, 5, 5, 0, false,
                        "RESTING", 32, new WorkingOrder.Bracket(30, 31, 125, 32, 95)),
                new WorkingOrder(32, 2, 3, 4, Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, 95, 5, 0, 0, false,
                        "STOP_WAITING", 31, new WorkingOrder.Bracket(30, 31, 125, 32, 95)),
                new WorkingOrder(40, 2, 3, 4, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 100, 0, 1, 1, 0, false,
                        "RESTING"));
        BlotterChunk chunk = new BlotterChunk(8, 4_096, true, orders, List.of(), List.of());
        int length = codec.encodeBlotterChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(((BlotterChunk) codec.message()).orders()).isEqualTo(orders);

        // A version 8 cluster sends no bracket: the entry reads as a plain order, the legs as a plain OCO pair
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 8);
        assertThat(codec.decode(buffer, 0, length)).as(codec.rejection()).isTrue();
        assertThat(((BlotterChunk) codec.message()).orders()).extracting(WorkingOrder::bracket)
                .containsOnly(WorkingOrder.Bracket.NONE);
    }

    @Test
    void blotterChunkCarriesEachAccountsLastOrderIdEvenForAnAccountWithNoBalances() {
        BlotterChunk chunk = new BlotterChunk(9, 512, true, List.of(), List.of(new AccountBalance(2, "EUR", 10, 0)),
                List.of(new LastOrderId(2, 1_002_000_000_017L), new LastOrderId(5, 0)));
        int length = codec.encodeBlotterChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(((BlotterChunk) codec.message()).lastOrderIds())
                .containsExactly(new LastOrderId(2, 1_002_000_000_017L), new LastOrderId(5, 0));
    }

    @Test
    void blotterChunkOfAVersion3ClusterDecodesWithNoLastOrderIds() {
        BlotterChunk chunk = new BlotterChunk(8, 4_096, true,
                List.of(new WorkingOrder(1, 2, 3, 4, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 0, 10, 10, 10,
                        false, "RESTING")),
                List.of(new AccountBalance(2, "EUR", 1_000, 50)), List.of());
        int length = codec.encodeBlotterChunk(chunk, buffer, 0);
        // What a version 3 cluster sends: the same bytes without the trailing accounts group (a 4-byte header
        // when empty), and version 3 in the header.
        int version3Length = length - 4;
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 3);

        assertThat(codec.decode(buffer, 0, version3Length)).as(codec.rejection()).isTrue();
        assertThat(codec.message()).isEqualTo(chunk);
        assertThat(((BlotterChunk) codec.message()).lastOrderIds()).isEmpty();
    }

    @Test
    void version4BlotterChunkCutBeforeItsAccountEntriesIsRejectedNotThrown() {
        BlotterChunk chunk = new BlotterChunk(8, 4_096, true, List.of(), List.of(new AccountBalance(2, "EUR", 1, 0)),
                List.of(new LastOrderId(2, 41)));
        int length = codec.encodeBlotterChunk(chunk, buffer, 0);

        for (int cut = 1; cut < length; cut++) {
            assertThat(codec.decode(buffer, 0, cut)).as("cut at %d", cut).isFalse();
        }
    }

    @Test
    void blotterRequestRoundTrips() {
        int length = codec.encodeBlotterRequest(77, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(new SessionMessage.BlotterRequest(77));
    }

    @Test
    void marketRequestRoundTrips() {
        int length = codec.encodeMarketRequest(91, 2_000, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(new SessionMessage.MarketRequest(91, 2_000));
    }

    @Test
    void marketRequestForNoLevelsIsRejectedCleanly() {
        int length = codec.encodeMarketRequest(91, 0, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isFalse();
        assertThat(codec.rejection()).contains("depthLevels");
    }

    @Test
    void depthChunkRoundTripsBothSidesAndLastTrades() {
        DepthChunk chunk = new DepthChunk(12, 8_192,
                List.of(new DepthLevel(1, Side.BUY, 10_050, 300, 2), new DepthLevel(1, Side.SELL, 10_100, 50, 1),
                        new DepthLevel(7, Side.SELL, 99, 1, 1)),
                List.of(new LastTrade(1, 10_075), new LastTrade(7, 0)));
        int length = codec.encodeDepthChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(chunk);
    }

    @Test
    void emptyDepthChunkRoundTrips() {
        DepthChunk chunk = new DepthChunk(3, 0, List.of(), List.of());
        int length = codec.encodeDepthChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(chunk);
    }

    @Test
    void truncatedDepthChunkIsRejectedNotThrown() {
        DepthChunk chunk = new DepthChunk(12, 8_192, List.of(new DepthLevel(1, Side.BUY, 10_050, 300, 2)),
                List.of(new LastTrade(1, 10_075)));
        int length = codec.encodeDepthChunk(chunk, buffer, 0);

        for (int cut = 1; cut < length; cut++) {
            assertThat(codec.decode(buffer, 0, cut)).as("cut at %d", cut).isFalse();
        }
    }

    @Test
    void depthChunkLargerThanTheLimitIsRefused() {
        List<DepthLevel> levels = new ArrayList<>();
        for (int i = 0; i <= SessionCodec.MAX_LEVELS_PER_CHUNK; i++) {
            levels.add(new DepthLevel(1, Side.BUY, 100 + i, 1, 1));
        }

        assertThatThrownBy(() -> codec.encodeDepthChunk(new DepthChunk(1, 0, levels, List.of()), buffer, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkLargerThanTheLimitIsRefused() {
        List<AccountBalance> balances = new ArrayList<>();
        for (int i = 0; i <= SessionCodec.MAX_ROWS_PER_CHUNK; i++) {
            balances.add(new AccountBalance(i, "EUR", i, 0));
        }

        assertThatThrownBy(() -> codec.encodeBlotterChunk(new BlotterChunk(1, 0, true, List.of(), balances,
                List.of()), buffer, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkWithMoreAccountEntriesThanTheLimitIsRefused() {
        List<LastOrderId> accounts = new ArrayList<>();
        for (int i = 0; i <= SessionCodec.MAX_ROWS_PER_CHUNK; i++) {
            accounts.add(new LastOrderId(i, i));
        }

        assertThatThrownBy(() -> codec.encodeBlotterChunk(new BlotterChunk(1, 0, true, List.of(), List.of(),
                accounts), buffer, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deskChunkRoundTripsHeldItemsWithTheirScorePartsKillSwitchesHaltsAndTheDaysSteps() {
        SessionMessage.Review review = new SessionMessage.Review(8_500, 6_000, 1_500, 1_000,
                com.bourse.protocol.ErrorCode.LARGE_AMOUNT, 0b101, 1_764_000_000_000L);
        SessionMessage.DeskChunk chunk = new SessionMessage.DeskChunk(12, 8_192,
                List.of(new SessionMessage.HeldOrder(7, 2, 3, 4, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
                        500, review)),
                List.of(new SessionMessage.HeldTransfer(9, com.bourse.protocol.TransferKind.WITHDRAWAL, 2, 2, 0,
                        "EUR", 9_000_000, 0, review)),
                List.of(2L, 5L), List.of(3L),
                List.of(new SessionMessage.DayStep(2, 3, 1_000, 0, 0, null, 68_450, 100, false, 0),
                        new SessionMessage.DayStep(2, 3, 2_000, 41, 7, Side.SELL, 68_500, 40, true, 60)));
        int length = codec.encodeDeskChunk(chunk, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).as(codec.rejection()).isTrue();
        assertThat(codec.message()).isEqualTo(chunk);
        assertThat(((SessionMessage.DeskChunk) codec.message()).steps())
                .extracting(SessionMessage.DayStep::isFill).containsExactly(false, true);
    }

    @Test
    void marketRequestSaysWhetherItAsksForTheDeskAndAVersion7OneAsksForNeither() {
        int length = codec.encodeMarketRequest(new SessionMessage.MarketRequest(4, 10, true, false), buffer, 0);
        assertThat(codec.decode(buffer, 0, length)).isTrue();
        assertThat(codec.message()).isEqualTo(new SessionMessage.MarketRequest(4, 10, true, false));

        // What a version 7 client sends: the block without the two flags, version 7 in the header.
        int version7Block = com.bourse.protocol.sbe.MarketRequestDecoder.BLOCK_LENGTH - 2;
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short) version7Block);
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 7);
        assertThat(codec.decode(buffer, 0, WireFormat.HEADER_LENGTH + version7Block)).as(codec.rejection()).isTrue();
        assertThat(codec.message()).isEqualTo(new SessionMessage.MarketRequest(4, 10, false, false));
    }
}
