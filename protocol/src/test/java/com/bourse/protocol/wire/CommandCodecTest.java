package com.bourse.protocol.wire;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandCodecTest {
    private final CommandCodec codec = new CommandCodec();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandCodec.MAX_ENCODED_LENGTH + 64]);

    @Test
    void everyCommandEncodesAndDecodesToAnEqualValue() {
        Random random = new Random(20261101);
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            for (int i = 0; i < 200; i++) {
                Command command = (Command) WireSamples.random(type, random);
                long clientId = random.nextLong();
                long correlationId = random.nextLong();
                int length = codec.encode(clientId, correlationId, command, buffer, 16);

                boolean decoded = codec.decode(buffer, 16, length);

                assertThat(decoded).as("%s: %s", command, codec.rejection()).isTrue();
                assertThat(codec.command()).isEqualTo(command);
                assertThat(codec.clientId()).isEqualTo(clientId);
                assertThat(codec.correlationId()).isEqualTo(correlationId);
            }
        }
    }

    @Test
    void clusterTimeReplacesTheTimestampTheClientSent() {
        Command sent = Command.PlaceOrder.limit(1_000, 7, 11, 3, 5, Side.BUY, 10_000, 4);
        int length = codec.encode(1, 1, sent, buffer, 0);

        codec.decode(buffer, 0, length, 42_000);

        assertThat(codec.command().timestamp()).isEqualTo(42_000);
        assertThat(((Command.PlaceOrder) codec.command()).price()).isEqualTo(10_000);
    }

    @Test
    void textLongerThanTheSchemaAllowsIsRefusedWhenEncoding() {
        Command command = new Command.Reject(1, 2, null, 3, "x".repeat(WireFormat.MAX_TEXT_BYTES + 1));

        assertThatThrownBy(() -> codec.encode(1, 1, command, buffer, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void commandWithoutItsCurrencyIsRefusedWhenEncoding() {
        assertThatThrownBy(() -> codec.encode(1, 1, new Command.AddCurrency(1, 0, null), buffer, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no currency");
    }

    @Test
    void eventIsNotAcceptedAsACommand() {
        EventCodec events = new EventCodec();
        int length = events.encode(new com.bourse.protocol.Event.UserRegistered(4, 1), buffer, 0);

        assertThat(codec.decode(buffer, 0, length)).isFalse();
        assertThat(codec.rejection()).contains("not a command");
        assertThat(codec.command()).isNull();
    }

    @Test
    void unknownEnumNumberIsRejectedWithTheFieldNamed() {
        int length = codec.encode(1, 1, Command.PlaceOrder.limit(1, 7, 11, 3, 5, Side.SELL, 100, 4), buffer, 0);
        int sideOffset = WireFormat.HEADER_LENGTH
                + com.bourse.protocol.sbe.PlaceOrderDecoder.sideEncodingOffset();
        buffer.putByte(sideOffset, (byte) 9);

        assertThat(codec.decode(buffer, 0, length)).isFalse();
        assertThat(codec.rejection()).isEqualTo("side has unknown value 9");
    }

    @Test
    void limitsAndCurrencyRoundTripFieldByField() {
        Command limits = new Command.SetRiskLimits(5, 6, 7, new RiskLimits(1, 2, 3, 4, 5));
        Command currency = new Command.AddCurrency(5, 0, new Currency("CHF", 2));

        assertThat(roundTrip(limits)).isEqualTo(limits);
        assertThat(roundTrip(currency)).isEqualTo(currency);
    }

    @Test
    void accountsOwnPriceBandAndReviewThresholdTravelWithItsLimits() {
        Command limits = new Command.SetRiskLimits(5, 6, 7, new RiskLimits(1, 2, 3, 4, 5, 250, 6_000));

        assertThat(roundTrip(limits)).isEqualTo(limits);
    }

    @Test
    void limitsOfAVersion6DeskSetNoBandAndNoThresholdOfTheirOwn() {
        Command sent = new Command.SetRiskLimits(5, 6, 7, new RiskLimits(1, 2, 3, 4, 5, 250, 6_000));
        codec.encode(9, 9, sent, buffer, 0);
        // What a version 6 desk sends: the block ends after the limits, version 6.
        int v6Block = com.bourse.protocol.sbe.SetRiskLimitsEncoder.BLOCK_LENGTH - 8;
        buffer.putShort(com.bourse.protocol.sbe.MessageHeaderEncoder.blockLengthEncodingOffset(), (short) v6Block);
        buffer.putShort(com.bourse.protocol.sbe.MessageHeaderEncoder.versionEncodingOffset(), (short) 6);

        assertThat(codec.decode(buffer, 0, com.bourse.protocol.sbe.MessageHeaderEncoder.ENCODED_LENGTH + v6Block))
                .as(codec.rejection()).isTrue();

        assertThat(codec.command()).isEqualTo(new Command.SetRiskLimits(5, 6, 7, new RiskLimits(1, 2, 3, 4, 5)));
    }

    @Test
    void cancelFromAVersion6ClientNamesNoAccount() {
        encodeAsVersion6(new Command.CancelOrder(5, 6, 7, 8), CommandCodec.CANCEL_V6_BLOCK_LENGTH);

        assertThat(codec.command()).isEqualTo(new Command.CancelOrder(5, 6, 7, 0));
    }

    @Test
    void amendmentFromAVersion6ClientNamesNoAccountNoStopAndReadsItsQuantityAsTheNewTotal() {
        encodeAsVersion6(new Command.ReplaceOrder(5, 6, 7, 8, 100_00, 99_00, 40), CommandCodec.REPLACE_V6_BLOCK_LENGTH);

        // Read as a total, an old client's open quantity can only open less than it meant, never a filled part.
        assertThat(codec.command()).isEqualTo(new Command.ReplaceOrder(5, 6, 7, 0, 100_00, 0, 40));
    }

    /** Encodes {@code sent} as version 7, then cuts it to what a version 6 client sends and decodes that. */
    private void encodeAsVersion6(Command sent, int v6Block) {
        codec.encode(9, 9, sent, buffer, 0);
        buffer.putShort(com.bourse.protocol.sbe.MessageHeaderEncoder.blockLengthEncodingOffset(), (short) v6Block);
        buffer.putShort(com.bourse.protocol.sbe.MessageHeaderEncoder.versionEncodingOffset(), (short) 6);
        assertThat(codec.decode(buffer, 0, com.bourse.protocol.sbe.MessageHeaderEncoder.ENCODED_LENGTH + v6Block))
                .as(codec.rejection()).isTrue();
    }

    private Command roundTrip(Command command) {
        int length = codec.encode(9, 9, command, buffer, 0);
        assertThat(codec.decode(buffer, 0, length)).isTrue();
        return codec.command();
    }
}
