package com.bourse.cluster.service;

import com.bourse.cluster.movement.MovementRow;
import com.bourse.cluster.movement.MovementStepRow;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The clustered service's record of cash movements: every state with who and when, bounded, snapshotted. */
class MovementRecordTest {
    private static final long OLGA = 6;

    private static Event.TransferStateChanged deposit(long id, TransferState state, ErrorCode reason) {
        return new Event.TransferStateChanged(id, TransferKind.DEPOSIT, 0, 1001, "EUR", 123_456, state, reason);
    }

    private static void apply(MovementRecord record, long at, long user, Event.TransferStateChanged... events) {
        record.beginCommand(at, user);
        for (Event.TransferStateChanged e : events) {
            record.onEvent(e);
        }
    }

    @Test
    void everyStateAMovementWentThroughIsKeptWithWhoMadeItAndWhen() {
        MovementRecord record = new MovementRecord();

        apply(record, 1_000, OLGA, deposit(7, TransferState.PENDING, null), deposit(7, TransferState.PROCESSING, null));
        apply(record, 2_000, OLGA, deposit(7, TransferState.COMPLETED, null));

        assertThat(record.history(7)).containsExactly(
                new MovementStepRow(7, TransferState.PENDING, null, OLGA, 1_000),
                new MovementStepRow(7, TransferState.PROCESSING, null, OLGA, 1_000),
                new MovementStepRow(7, TransferState.COMPLETED, null, OLGA, 2_000));
        MovementRow row = record.movement(7);
        assertThat(row.state()).isEqualTo(TransferState.COMPLETED);
        assertThat(row.requestedBy()).isEqualTo(OLGA);
        assertThat(row.requestedAtMs()).isEqualTo(1_000);
        assertThat(row.updatedAtMs()).isEqualTo(2_000);
    }

    @Test
    void aRetriedRequestsRepeatedFirstAnswerAddsNoStep() {
        MovementRecord record = new MovementRecord();
        apply(record, 1_000, OLGA, deposit(7, TransferState.PENDING, null), deposit(7, TransferState.PROCESSING, null));
        apply(record, 2_000, OLGA, deposit(7, TransferState.COMPLETED, null));

        apply(record, 3_000, OLGA, deposit(7, TransferState.PROCESSING, null));

        assertThat(record.movement(7).state()).isEqualTo(TransferState.COMPLETED);
        assertThat(record.history(7)).hasSize(3);
    }

    @Test
    void aMovementHeldForReviewHasItsHeldStepWithTheReasonOnce() {
        MovementRecord record = new MovementRecord();
        apply(record, 1_000, OLGA, deposit(7, TransferState.PENDING, null),
                deposit(7, TransferState.PENDING, ErrorCode.LARGE_AMOUNT));

        apply(record, 2_000, OLGA, deposit(7, TransferState.PENDING, ErrorCode.LARGE_AMOUNT));

        assertThat(record.history(7)).extracting(MovementStepRow::reason).containsExactly(null,
                ErrorCode.LARGE_AMOUNT);
        assertThat(record.movement(7).reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
    }

    @Test
    void listsByStateNewestFirstAndForgetsTheOldestFinishedBeyondItsBound() {
        MovementRecord record = new MovementRecord(2);
        for (long id = 1; id <= 3; id++) {
            apply(record, id * 1_000, OLGA, deposit(id, TransferState.PENDING, null),
                    deposit(id, TransferState.FAILED, ErrorCode.INSUFFICIENT_BALANCE));
        }
        apply(record, 9_000, OLGA, deposit(4, TransferState.PENDING, ErrorCode.LARGE_AMOUNT));

        assertThat(record.inState(TransferState.FAILED, id -> true, 10)).extracting(MovementRow::movementId)
                .containsExactly(3L, 2L);
        assertThat(record.inState(null, id -> true, 10)).extracting(MovementRow::movementId)
                .containsExactly(4L, 3L, 2L);
        assertThat(record.inState(TransferState.PENDING, id -> id != 4, 10)).isEmpty();
        assertThat(record.movement(1)).isNull();
    }

    @Test
    void aSnapshotRestoresTheSameRecordAndWritesTheSameBytes() throws IOException {
        MovementRecord record = new MovementRecord();
        apply(record, 1_000, OLGA, deposit(7, TransferState.PENDING, ErrorCode.LARGE_AMOUNT));
        apply(record, 2_000, 4, deposit(7, TransferState.CANCELLED, null));
        apply(record, 3_000, OLGA, new Event.TransferStateChanged(8, TransferKind.PAYMENT, 1001, 1002, "EUR", 500,
                TransferState.PENDING, null, 25, "Invoice 42"));
        byte[] bytes = bytes(record);

        MovementRecord restored = new MovementRecord();
        restored.read(new DataInputStream(new ByteArrayInputStream(bytes)));

        assertThat(bytes(restored)).isEqualTo(bytes);
        assertThat(restored.history(7)).isEqualTo(record.history(7));
        assertThat(restored.movement(8).reference()).isEqualTo("Invoice 42");
        assertThat(restored.movement(8).fee()).isEqualTo(25);
    }

    private static byte[] bytes(MovementRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            record.write(data);
        }
        return out.toByteArray();
    }
}
