package com.bourse.protocol.wire;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

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
    void rejectionReasonSurvivesTheWire() {
        Event event = new Event.OrderRejected(5, 6, ErrorCode.INSUFFICIENT_BALANCE);
        int length = codec.encode(event, buffer, 0);

        codec.decode(buffer, 0, length);

        assertThat(((Event.OrderRejected) codec.event()).reason()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }
}
