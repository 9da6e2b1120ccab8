package com.bourse.protocol.wire;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.sbe.MessageHeaderEncoder;
import com.bourse.protocol.sbe.RiskAlertEncoder;
import com.bourse.protocol.sbe.RiskLimitsChangedEncoder;
import com.bourse.protocol.sbe.TransferStateChangedEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {
    private final EventCodec codec = new EventCodec();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[EventCodec.MAX_ENCODED_LENGTH + 64]);

    @Test
    void everyEventEncodesAndDecodesToAnEqualValue() {
        Random random = new Random(7);
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            for (int i = 0; i < 200; i++) {
                Event event = (Event) WireSamples.random(type, random);
                int length = codec.encode(event, buffer, 8);

                boolean decoded = codec.decode(buffer, 8, length);

                assertThat(decoded).as("%s: %s", event, codec.rejection()).isTrue();
                assertThat(codec.event()).isEqualTo(event);
            }
        }
    }

    /** The cluster encodes the engine's hot events from its primitive sink methods: same bytes as the records. */
    @Test
    void primitiveEncodersWriteTheSameBytesAsTheRecordEncoder() {
        Random random = new Random(11);
        UnsafeBuffer primitive = new UnsafeBuffer(new byte[buffer.capacity()]);
        for (int i = 0; i < 200; i++) {
            for (Event event : hotEvents(random)) {
                int length = codec.encode(event, buffer, 8);
                int primitiveLength = encodePrimitive(event, primitive, 8);

                assertThat(primitiveLength).as("%s", event).isEqualTo(length);
                assertThat(primitive.compareTo(buffer)).as("%s", event).isZero();
                assertThat(codec.decode(primitive, 8, primitiveLength)).as("%s", codec.rejection()).isTrue();
                assertThat(codec.event()).isEqualTo(event);
            }
        }
    }

    @Test
    void balanceChangeOfAnAssetNameTooLongForTheWireIsRefused() {
        String asset = "X".repeat(WireFormat.MAX_TEXT_BYTES + 1);

        assertThatThrownBy(() -> codec.encodeBalanceChanged(buffer, 0, 1, asset, 1, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset is longer than");
    }

    @Test
    void equalAssetNamesFromDifferentStringsEncodeAlike() {
        int length = codec.encodeBalanceChanged(buffer, 0, 7, "EUR", -5, 95, 0, 3);
        UnsafeBuffer other = new UnsafeBuffer(new byte[buffer.capacity()]);
        int otherLength = codec.encodeBalanceChanged(other, 0, 7, new String("EUR".toCharArray()), -5, 95, 0, 3);

        assertThat(otherLength).isEqualTo(length);
        assertThat(other.compareTo(buffer)).isZero();
        codec.decode(other, 0, otherLength);
        assertThat(codec.event()).isEqualTo(new Event.BalanceChanged(7, "EUR", -5, 95, 0, 3));
    }

    private static java.util.List<Event> hotEvents(Random random) {
        return java.util.List.of(WireSamples.random(Event.OrderAccepted.class, random),
                WireSamples.random(Event.OrderRejected.class, random), WireSamples.random(Event.Trade.class, random),
                WireSamples.random(Event.OrderCancelled.class, random),
                WireSamples.random(Event.OrderReplaced.class, random),
                WireSamples.random(Event.BookDelta.class, random),
                WireSamples.random(Event.BalanceChanged.class, random));
    }

    private int encodePrimitive(Event event, UnsafeBuffer target, int offset) {
        return switch (event) {
            case Event.OrderAccepted e -> codec.encodeOrderAccepted(target, offset, e.orderId(), e.accountId(),
                    e.instrumentId(), e.userId(), e.side(), e.type(), e.timeInForce(), e.price(), e.stopPrice(),
                    e.quantity(), e.displayQuantity(), e.postOnly(), e.timestamp());
            case Event.OrderRejected e -> codec.encodeOrderRejected(target, offset, e.orderId(), e.accountId(),
                    e.reason());
            case Event.Trade e -> codec.encodeTrade(target, offset, e.tradeId(), e.instrumentId(), e.price(),
                    e.quantity(), e.takerSide(), e.makerOrderId(), e.takerOrderId(), e.makerAccountId(),
                    e.takerAccountId(), e.makerLeaves(), e.takerLeaves(), e.timestamp());
            case Event.OrderCancelled e -> codec.encodeOrderCancelled(target, offset, e.orderId(), e.accountId(),
                    e.cancelledQuantity(), e.reason());
            case Event.OrderReplaced e -> codec.encodeOrderReplaced(target, offset, e.orderId(), e.accountId(),
                    e.price(), e.quantity(), e.keptPriority(), e.stopPrice(), e.orderQuantity());
            case Event.BookDelta e -> codec.encodeBookDelta(target, offset, e.instrumentId(), e.side(), e.price(),
                    e.levelQuantity(), e.orderCount());
            case Event.BalanceChanged e -> codec.encodeBalanceChanged(target, offset, e.accountId(), e.asset(),
                    e.delta(), e.balance(), e.held(), e.journalId());
            default -> throw new IllegalArgumentException("no primitive encoder for " + event);
        };
    }

    @Test
    void transferWithoutAReasonKeepsItsReasonNull() {
        Event event = new Event.TransferStateChanged(4, TransferKind.DEPOSIT, 0, 9, "EUR", 100,
                TransferState.COMPLETED, null);
        int length = codec.encode(event, buffer, 0);

        codec.decode(buffer, 0, length);

        assertThat(((Event.TransferStateChanged) codec.event()).reason()).isNull();
    }

    @Test
    void commandIsNotAcceptedAsAnEvent() {
        int length = new CommandCodec().encode(1, 1, new com.bourse.protocol.Command.EndOfDay(1, 0), buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isFalse();
        assertThat(codec.rejection()).contains("not an event");
        assertThat(codec.event()).isNull();
    }

    @Test
    void riskAlertCarriesTheSurveillanceRulesThatFired() {
        int rules = SurveillanceRule.mask(SurveillanceRule.STRUCTURING, SurveillanceRule.WASH_TRADE);
        Event event = new Event.RiskAlert(ReviewSubject.ORDER, 7, 9, 5_600, 9_500, 300, 10_000,
                ErrorCode.HIGH_RISK_TRANSACTION, rules);
        int length = codec.encode(event, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).as(codec.rejection()).isTrue();

        assertThat(((Event.RiskAlert) codec.event()).rules())
                .containsExactly(SurveillanceRule.STRUCTURING, SurveillanceRule.WASH_TRADE);
    }

    @Test
    void riskAlertOfAVersion4EngineDecodesNamingNoRules() {
        Event.RiskAlert alert = new Event.RiskAlert(ReviewSubject.TRANSFER, 7, 9, 8_100, 10_000, 4_000, 5_000,
                ErrorCode.LARGE_AMOUNT, SurveillanceRule.mask(SurveillanceRule.ACCOUNT_DRAIN));
        int length = codec.encode(alert, buffer, 0);
        // What a version 4 engine sends: the block without the trailing rule mask, version 4 in the header.
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short) (RiskAlertEncoder.BLOCK_LENGTH - 4));
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 4);

        assertThat(codec.decode(buffer, 0, length - 4)).as(codec.rejection()).isTrue();

        assertThat(codec.event()).isEqualTo(new Event.RiskAlert(ReviewSubject.TRANSFER, 7, 9, 8_100, 10_000, 4_000,
                5_000, ErrorCode.LARGE_AMOUNT, 0));
    }

    @Test
    void version5RiskAlertWhoseBlockEndsBeforeItsRuleMaskIsRejected() {
        Event alert = new Event.RiskAlert(ReviewSubject.ORDER, 7, 9, 8_100, 10_000, 4_000, 5_000,
                ErrorCode.LARGE_AMOUNT, 1);
        int length = codec.encode(alert, buffer, 0);
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short) (RiskAlertEncoder.BLOCK_LENGTH - 4));

        assertThat(codec.decode(buffer, 0, length - 4)).isFalse();
        assertThat(codec.rejection()).contains("shorter than");
    }

    @Test
    void transferChangeOfAVersion5EngineDecodesWithNoFeeAndNoReference() {
        Event.TransferStateChanged change = new Event.TransferStateChanged(11, TransferKind.WITHDRAWAL, 3, 0, "EUR",
                1_000_00, TransferState.PROCESSING, null);
        int length = codec.encode(change, buffer, 0);
        // What a version 5 engine sends: the block without the trailing fee, the asset, no reference, version 5.
        int v5Block = TransferStateChangedEncoder.BLOCK_LENGTH - 8;
        int header = MessageHeaderEncoder.ENCODED_LENGTH;
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short) v5Block);
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 5);
        int assetLength = 2 + 3;
        buffer.putBytes(header + v5Block, buffer, header + TransferStateChangedEncoder.BLOCK_LENGTH, assetLength);

        assertThat(codec.decode(buffer, 0, header + v5Block + assetLength)).as(codec.rejection()).isTrue();

        assertThat(codec.event()).isEqualTo(change);
        assertThat(length).isEqualTo(header + TransferStateChangedEncoder.BLOCK_LENGTH + assetLength + 2);
    }

    @Test
    void limitsChangeCarriesTheAccountsOwnBandAndThreshold() {
        Event change = new Event.RiskLimitsChanged(3, new RiskLimits(1, 2, 3, 4, 5, 150, 5_000));
        int length = codec.encode(change, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).as(codec.rejection()).isTrue();

        assertThat(codec.event()).isEqualTo(change);
    }

    @Test
    void limitsChangeOfAVersion6EngineDecodesWithNoBandAndNoThresholdOfItsOwn() {
        int length = codec.encode(new Event.RiskLimitsChanged(3, new RiskLimits(1, 2, 3, 4, 5, 150, 5_000)), buffer, 0);
        int v6Block = RiskLimitsChangedEncoder.BLOCK_LENGTH - 8;
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short) v6Block);
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 6);

        assertThat(codec.decode(buffer, 0, length - 8)).as(codec.rejection()).isTrue();

        assertThat(codec.event()).isEqualTo(new Event.RiskLimitsChanged(3, new RiskLimits(1, 2, 3, 4, 5)));
    }

    @Test
    void paymentChangeCarriesItsFeeAndReference() {
        Event change = new Event.TransferStateChanged(12, TransferKind.PAYMENT, 3, 4, "EUR", 500_00,
                TransferState.PENDING, ErrorCode.HIGH_RISK_TRANSACTION, 2_50, "Invoice 117");
        int length = codec.encode(change, buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).as(codec.rejection()).isTrue();

        assertThat(codec.event()).isEqualTo(change);
    }

    @Test
    void rejectionReasonSurvivesTheWire() {
        Event event = new Event.OrderRejected(5, 6, ErrorCode.INSUFFICIENT_BALANCE);
        int length = codec.encode(event, buffer, 0);

        codec.decode(buffer, 0, length);

        assertThat(((Event.OrderRejected) codec.event()).reason()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void orderEventsFromAVersion6VenueReadWithTheirNewFieldsAbsent() {
        assertThat(asVersion6(new Event.OrderReplaced(7, 8, 100_00, 3, true, 99_00, 10),
                EventCodec.REPLACED_V6_BLOCK_LENGTH)).isEqualTo(new Event.OrderReplaced(7, 8, 100_00, 3, true, 0, 3));
        assertThat(asVersion6(new Event.OrderTriggered(7, 99_00, 8), EventCodec.TRIGGERED_V6_BLOCK_LENGTH))
                .isEqualTo(new Event.OrderTriggered(7, 99_00, 0));
        assertThat(asVersion6(new Event.OrderApproved(7, 2, 8), EventCodec.APPROVED_V6_BLOCK_LENGTH))
                .isEqualTo(new Event.OrderApproved(7, 2, 0));
        assertThat(asVersion6(new Event.CommandRejected(7, ErrorCode.NOT_HELD, 8), EventCodec.REJECTED_V6_BLOCK_LENGTH))
                .isEqualTo(new Event.CommandRejected(7, ErrorCode.NOT_HELD, 0));
    }

    /** Encodes {@code sent} as version 7, cuts it to what a version 6 venue sends, and decodes that. */
    private Event asVersion6(Event sent, int v6Block) {
        codec.encode(sent, buffer, 0);
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short) v6Block);
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 6);
        assertThat(codec.decode(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + v6Block)).as(codec.rejection())
                .isTrue();
        return codec.event();
    }
}
