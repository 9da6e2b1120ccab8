package com.bourse.backoffice.audit;

import com.bourse.backoffice.store.Attachments;
import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.backoffice.store.Page;
import com.bourse.backoffice.store.ProjectionWriter;
import com.bourse.backoffice.store.Projector;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.engine.host.JournalRecord;
import com.bourse.protocol.Command;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit entry of a command a person sent travels in the command's own journal record: one forced write makes
 * both durable, the trail is filled from the journal, and a start puts back any entry the trail had not copied.
 */
class JournaledAuditTest {
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final EngineConfig ENGINE = EngineConfig.defaults();
    private static final Ed25519PrivateKeyParameters SIGNING = new Ed25519PrivateKeyParameters(new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void anEntryReadsBackAsItWasStampedWhateverItsText() {
        AuditEntry entry = new AuditEntry(null, "inconnu — 未知", AuditAction.COMMAND_REFUSED, null,
                "refusé: drop table audit_log;--");

        AuditTrail.JournaledEntry read = JournaledAudit.decode(42, JournaledAudit.encode(1_793_606_400_123L, entry));

        assertThat(read).isEqualTo(new AuditTrail.JournaledEntry(42, 1_793_606_400_123L, entry));
    }

    @Test
    void bytesThatAreNotAnEntryAreRefusedNamingTheRecord() {
        assertThatThrownBy(() -> JournaledAudit.decode(7, new byte[]{9, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journal record 7");
        assertThatThrownBy(() -> JournaledAudit.decode(8, new byte[]{1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journal record 8");
    }

    @Test
    void givenCommandsSentWithTheirEntriesWhenTheirGroupCommitReturnsThenTheTrailHoldsEachEntryInJournalOrder() {
        try (Desk desk = Desk.open(dir, 50_000, null)) {
            desk.engine.apply(new Command.EndOfDay(1, 1));
            desk.send(order(10), "order:10");
            desk.send(order(11), "order:11");
            desk.engine.commit();
            desk.audit.awaitSettled();

            List<AuditRecord> entries = desk.trail.entries(new Page(0, 10));
            assertThat(entries).extracting(AuditRecord::subject).containsExactly("order:10", "order:11");
            assertThat(desk.trail.lastJournalSeq()).isEqualTo(3);
            assertThat(desk.trail.verify().intact()).isTrue();
        }
    }

    @Test
    void givenTheProcessDiedAfterTheJournalsForceButBeforeTheTrailCopiedWhenItStartsThenTheEntriesComeBack() {
        Attachments lostOnTheWay = new Attachments() {
            @Override
            public void committed(List<JournalRecord> records) {
                // the process dies before the copy reaches the trail
            }

            @Override
            public void replayed(JournalRecord record) {
            }

            @Override
            public void settleBefore(long seq) {
            }
        };
        try (Desk desk = Desk.open(dir, 50_000, lostOnTheWay)) {
            desk.send(order(10), "order:10");
            desk.engine.commit();
            desk.send(order(11), "order:11");
            desk.engine.commit();
            assertThat(desk.trail.entries(new Page(0, 10))).isEmpty();
        }

        try (Desk restarted = Desk.open(dir, 50_000, null)) {
            assertThat(restarted.restored).isEqualTo(2);
            assertThat(restarted.trail.entries(new Page(0, 10))).extracting(AuditRecord::subject)
                    .containsExactly("order:10", "order:11");
            assertThat(restarted.trail.verify().intact()).isTrue();
        }
        try (Desk again = Desk.open(dir, 50_000, null)) {
            assertThat(again.restored).as("nothing is derived twice").isZero();
            assertThat(again.trail.entries(new Page(0, 10))).hasSize(2);
        }
    }

    @Test
    void givenASnapshotAfterTheEntriesWhenTheDeskRestartsFromItThenTheTrailAlreadyHoldsThemAll() {
        try (Desk desk = Desk.open(dir, 5, null)) {
            for (int i = 1; i <= 12; i++) {
                desk.send(order(i), "order:" + i);
                desk.engine.commit();
            }
            assertThat(desk.engine.projections().awaitCommitted(12, java.time.Duration.ofSeconds(30))).isTrue();
        }
        try (Desk restarted = Desk.open(dir, 5, null)) {
            assertThat(restarted.engine.recovery().snapshotSeq()).isPositive();
            assertThat(restarted.trail.entries(new Page(0, 20))).hasSize(12);
            assertThat(restarted.trail.verify().intact()).isTrue();
        }
    }

    private static Command order(long orderId) {
        return new Command.CancelOrder(1_793_606_400_000L + orderId, 2, orderId);
    }

    /** A store, its trail, a projection writer and the journaled engine in one folder, as the back office wires them. */
    private static final class Desk implements AutoCloseable {
        final Store store;
        final AuditTrail trail;
        final JournaledAudit audit;
        final ProjectionWriter writer;
        final JournaledEngine engine;
        final int restored;

        private Desk(Path dir, long snapshotEvery, Attachments instead) {
            this.store = Store.open(StoreConfig.in(dir.resolve("db")).withTradingZone(ZONE));
            this.trail = new AuditTrail(store, SIGNING, InstantSource.system());
            this.audit = new JournaledAudit(trail);
            this.writer = ProjectionWriter.open(store, new Projector(ZONE, ENGINE.defaultLimits()),
                    ProjectionWriter.Options.defaults());
            this.engine = JournaledEngine.recover(new com.bourse.engine.host.JournaledEngine.Options(
                    dir.resolve("journal"), ENGINE, Durability.PROCESS_CRASH,
                    new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(), "AES"),
                    com.bourse.engine.host.JournaledEngine.Retention.ALL_HISTORY), snapshotEvery, writer,
                    instead == null ? audit : instead);
            this.restored = instead == null ? audit.restoreReplayed() : 0;
        }

        static Desk open(Path dir, long snapshotEvery, Attachments instead) {
            return new Desk(dir, snapshotEvery, instead);
        }

        void send(Command command, String subject) {
            engine.apply(command, JournaledAudit.encode(trail.now(),
                    AuditEntry.of(2, "alice", AuditAction.ORDER_CANCELLED, subject, command.toString())));
        }

        @Override
        public void close() {
            engine.commit();
            writer.close();
            engine.close();
            audit.close();
            store.close();
        }
    }
}
