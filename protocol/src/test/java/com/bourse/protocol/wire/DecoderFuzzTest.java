package com.bourse.protocol.wire;

import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, a decoder answers with a whole value or a clean rejection: it never throws and never hands
 * out a partly read command. A failure prints its seed; rerun with that seed to reproduce it.
 */
class DecoderFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 8_675_309L);
    private final CommandCodec commands = new CommandCodec();
    private final EventCodec events = new EventCodec();
    private final SessionCodec sessions = new SessionCodec();
    private final byte[] bytes = new byte[CommandCodec.MAX_ENCODED_LENGTH + 64];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);

    @Test
    void randomBytesAreRejectedOrDecodedWithoutThrowing() {
        Random random = new Random(SEED);
        for (int i = 0; i < 100_000; i++) {
            int length = random.nextInt(200);
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                // Make it look like ours so the fuzz reaches past the schema check.
                buffer.putShort(4, (short) WireFormat.SCHEMA_ID, java.nio.ByteOrder.LITTLE_ENDIAN);
                buffer.putShort(6, (short) 1, java.nio.ByteOrder.LITTLE_ENDIAN);
                buffer.putShort(2, (short) (1 + random.nextInt(60)), java.nio.ByteOrder.LITTLE_ENDIAN);
            }
            decodeAll(length, "seed " + SEED + " iteration " + i);
        }
    }

    @Test
    void everyTruncationOfAValidCommandIsRejected() {
        Random random = new Random(SEED);
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            for (int sample = 0; sample < 20; sample++) {
                Command command = (Command) WireSamples.random(type, random);
                int length = commands.encode(1, 2, command, buffer, 0);
                for (int cut = 0; cut < length; cut++) {
                    boolean decoded = commands.decode(buffer, 0, cut);

                    assertThat(decoded).as("%s cut to %d bytes", command, cut).isFalse();
                    assertThat(commands.command()).isNull();
                    assertThat(commands.rejection()).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyTruncationOfAValidEventIsRejected() {
        Random random = new Random(SEED + 1);
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            for (int sample = 0; sample < 20; sample++) {
                Event event = (Event) WireSamples.random(type, random);
                int length = events.encode(event, buffer, 0);
                for (int cut = 0; cut < length; cut++) {
                    assertThat(events.decode(buffer, 0, cut)).as("%s cut to %d bytes", event, cut).isFalse();
                    assertThat(events.event()).isNull();
                }
            }
        }
    }

    @Test
    void flippedBytesInValidMessagesNeverEscapeTheDecoder() {
        Random random = new Random(SEED + 2);
        Class<?>[] commandTypes = Command.class.getPermittedSubclasses();
        Class<?>[] eventTypes = Event.class.getPermittedSubclasses();
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextBoolean()
                    ? commands.encode(3, 4, (Command) WireSamples.random(commandTypes[random.nextInt(commandTypes.length)],
                    random), buffer, 0)
                    : events.encode((Event) WireSamples.random(eventTypes[random.nextInt(eventTypes.length)], random),
                    buffer, 0);
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(length);
                bytes[at] = (byte) random.nextInt(256);
            }
            decodeAll(random.nextInt(4) == 0 ? random.nextInt(length + 1) : length, "seed " + SEED + " flip " + i);
        }
    }

    private void decodeAll(int length, String description) {
        boolean command = commands.decode(buffer, 0, length);
        assertThat(command ? commands.command() != null : commands.command() == null && commands.rejection() != null)
                .as(description).isTrue();
        boolean event = events.decode(buffer, 0, length);
        assertThat(event ? events.event() != null : events.event() == null && events.rejection() != null)
                .as(description).isTrue();
        boolean session = sessions.decode(buffer, 0, length);
        assertThat(session ? sessions.message() != null : sessions.rejection() != null).as(description).isTrue();
    }
}
