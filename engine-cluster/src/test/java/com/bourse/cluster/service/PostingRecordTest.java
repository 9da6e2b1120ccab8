package com.bourse.cluster.service;

import com.bourse.cluster.statement.PostingRow;
import com.bourse.protocol.Command;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The clustered service's record of each account's postings: referenced, windowed, bounded, snapshotted. */
class PostingRecordTest {
    private static final long OLGA = 6;
    private static final long ALICE = 1001;

    private static void settle(PostingRecord record, long at, long movementId, long delta, long balance) {
        record.beginCommand(new Command.SettleTransfer(at, OLGA, movementId, true), 99);
        record.balanceChanged(ALICE, "EUR", delta, balance, 0, movementId * 10);
    }

    @Test
    void aWindowHasTheBalanceAtEachEndAndThePostingsBetweenUnderTheirMovement() {
        PostingRecord record = new PostingRecord();
        settle(record, 1_000, 7, 500, 500);
        settle(record, 2_000, 8, -200, 300);
        settle(record, 3_000, 9, 50, 350);

        PostingRecord.Window window = record.window(ALICE, "EUR", 1_500, 2_500, 350);

        assertThat(window.opening()).isEqualTo(500);
        assertThat(window.postings()).containsExactly(
                new PostingRow(2_000, 80, -200, 300, PostingRow.Kind.TRANSFER, 8));
        assertThat(window.closing()).isEqualTo(300);
        assertThat(record.window(ALICE, "EUR", 3_500, 4_000, 350).opening()).isEqualTo(350);
    }

    @Test
    void endOfDayLetsTheDaysPostingsGoAndTheOldestGoBeyondTheBound() {
        PostingRecord record = new PostingRecord(2);
        settle(record, 1_000, 7, 500, 500);
        assertThat(record.sinceLedgerBegan()).isTrue();
        assertThat(record.heldSince()).isEqualTo(1_000);

        settle(record, 2_000, 8, -200, 300);
        settle(record, 3_000, 9, 50, 350);

        assertThat(record.size()).isEqualTo(2);
        assertThat(record.heldSince()).isEqualTo(1_001);
        assertThat(record.sinceLedgerBegan()).isFalse();

        record.beginCommand(new Command.EndOfDay(5_000, OLGA), 100);
        record.endOfDay();

        assertThat(record.size()).isZero();
        assertThat(record.heldSince()).isEqualTo(5_000);
    }

    @Test
    void aSnapshotGivesAnEqualRecord() throws IOException {
        PostingRecord record = new PostingRecord();
        settle(record, 1_000, 7, 500, 500);
        settle(record, 2_000, 8, -200, 300);

        PostingRecord copy = new PostingRecord();
        copy.read(new DataInputStream(new ByteArrayInputStream(bytes(record))));

        assertThat(bytes(copy)).isEqualTo(bytes(record));
        assertThat(copy.window(ALICE, "EUR", 0, Long.MAX_VALUE, 300).postings())
                .isEqualTo(record.window(ALICE, "EUR", 0, Long.MAX_VALUE, 300).postings());
    }

    private static byte[] bytes(PostingRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            record.write(data);
        }
        return out.toByteArray();
    }
}
