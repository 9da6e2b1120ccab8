package com.bourse.backoffice.audit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static com.bourse.backoffice.store.schema.Tables.AUDIT_CHECKPOINT;
import static com.bourse.backoffice.store.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start checks the audit trail from its signed checkpoint on; the full walk behind it covers what lies below.
 * Someone with SQL access edits the trail or the checkpoint; the check that reads the edited part names it.
 */
class AuditCheckpointTest {
    @TempDir
    Path dir;
    SignedTrail signed;
    AuditTrail trail;
    DSLContext sql;

    @BeforeEach
    void tenEntriesCheckpointedByAStart() {
        signed = SignedTrail.in(dir);
        trail = signed.trail();
        sql = signed.sql();
        signed.appendOrders(10);
        assertThat(trail.verifyAtStart().intact()).isTrue();
    }

    @AfterEach
    void close() {
        signed.close();
    }

    @Test
    void anIntactStartRecordsACheckpointSignedAtTheHead() {
        AuditCheckpoint checkpoint = trail.checkpoint().orElseThrow();

        assertThat(checkpoint.seq()).isEqualTo(10);
        assertThat(checkpoint.hash()).isEqualTo(hashOf(10));
        assertThat(checkpoint.signedBy(signed.key().generatePublicKey())).isTrue();
    }

    @Test
    void anEntryTamperedAfterTheCheckpointIsNamedAtStartAndTheCheckpointStays() {
        signed.appendOrders(5);
        sql.update(AUDIT_LOG).set(AUDIT_LOG.DETAILS, "BUY 1 ASML at 684.50").where(AUDIT_LOG.SEQ.eq(13L)).execute();

        AuditVerification atStart = trail.verifyAtStart();

        assertThat(atStart.intact()).isFalse();
        assertThat(atStart.problem()).isEqualTo(AuditVerification.Problem.ALTERED);
        assertThat(atStart.firstBadSeq()).isEqualTo(13);
        assertThat(atStart.message()).contains("entry 13");
        assertThat(trail.checkpoint().orElseThrow().seq()).as("a checkpoint never moves past a break").isEqualTo(10);
    }

    @Test
    void aCheckpointMovedByHandFailsItsSignatureAtStart() {
        signed.appendOrders(5);
        sql.update(AUDIT_CHECKPOINT).set(AUDIT_CHECKPOINT.SEQ, 15L).set(AUDIT_CHECKPOINT.HASH, hashOf(15)).execute();

        AuditVerification atStart = trail.verifyAtStart();

        assertThat(atStart.intact()).isFalse();
        assertThat(atStart.problem()).isEqualTo(AuditVerification.Problem.BAD_SIGNATURE);
        assertThat(atStart.message()).contains("checkpoint");
    }

    @Test
    void aCheckpointWhoseSignatureWasAlteredIsReportedAtStartAndByTheFullWalk() {
        byte[] signature = trail.checkpoint().orElseThrow().signature();
        signature[7] ^= 1;
        sql.update(AUDIT_CHECKPOINT).set(AUDIT_CHECKPOINT.SIGNATURE, signature).execute();

        assertThat(trail.verifyAtStart().problem()).isEqualTo(AuditVerification.Problem.BAD_SIGNATURE);
        assertThat(trail.verifyToCheckpoint(() -> false).orElseThrow().problem())
                .isEqualTo(AuditVerification.Problem.BAD_SIGNATURE);
    }

    @Test
    void aRewriteBelowTheCheckpointIsNamedByTheFullWalkNotReadAtStart() {
        sql.update(AUDIT_LOG).set(AUDIT_LOG.DETAILS, "BUY 1 ASML at 684.50").where(AUDIT_LOG.SEQ.eq(4L)).execute();

        // the start reads the checkpointed entry and what follows it, never entry 4: that is what keeps it bounded
        assertThat(trail.verifyAtStart().intact()).isTrue();
        AuditVerification walk = trail.verifyToCheckpoint(() -> false).orElseThrow();

        assertThat(walk.intact()).isFalse();
        assertThat(walk.problem()).isEqualTo(AuditVerification.Problem.ALTERED);
        assertThat(walk.firstBadSeq()).isEqualTo(4);
        assertThat(walk.message()).contains("entry 4");
    }

    @Test
    void aRewriteBelowTheCheckpointReChainedUpToItBreaksTheCheckpointedHashAtStart() {
        byte[] prev = hashOf(3);
        for (long seq = 4; seq <= 10; seq++) {
            var row = sql.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).fetchOne();
            String username = seq == 4 ? "bob" : row.getUsername();
            byte[] forged = AuditTrail.chain(prev, row.getAt(), row.getUserId(), username, row.getAction(),
                    row.getSubject(), row.getDetails());
            sql.update(AUDIT_LOG).set(AUDIT_LOG.USERNAME, username).set(AUDIT_LOG.PREV_HASH, prev)
                    .set(AUDIT_LOG.HASH, forged).where(AUDIT_LOG.SEQ.eq(seq)).execute();
            prev = forged;
        }

        AuditVerification atStart = trail.verifyAtStart();

        assertThat(atStart.intact()).isFalse();
        assertThat(atStart.problem()).isEqualTo(AuditVerification.Problem.ALTERED);
        assertThat(atStart.firstBadSeq()).isEqualTo(10);
        assertThat(atStart.message()).contains("entry 10").contains("checkpoint");
    }

    @Test
    void entriesRemovedBelowTheCheckpointAreCountedAtStartAndNamedByTheFullWalk() {
        sql.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.between(2L, 3L)).execute();

        AuditVerification atStart = trail.verifyAtStart();
        assertThat(atStart.problem()).isEqualTo(AuditVerification.Problem.REMOVED);
        assertThat(atStart.message()).startsWith("2 entries at or below the checkpoint at entry 10 are missing");
        AuditVerification walk = trail.verifyToCheckpoint(() -> false).orElseThrow();

        assertThat(walk.problem()).isEqualTo(AuditVerification.Problem.REMOVED);
        assertThat(walk.firstBadSeq()).isEqualTo(2);
    }

    @Test
    void theCheckpointFollowsTheTrailOnceItHasGrownEnough() {
        signed.appendOrders(4);
        assertThat(trail.checkpointIfGrown(5)).as("grown by 4 of 5").isEmpty();
        signed.appendOrders(1);

        AuditCheckpoint moved = trail.checkpointIfGrown(5).orElseThrow();

        assertThat(moved.seq()).isEqualTo(15);
        assertThat(trail.checkpoint().orElseThrow().hash()).isEqualTo(hashOf(15));
        assertThat(trail.verifyAtStart().intact()).isTrue();
    }

    @Test
    void theCheckpointDoesNotFollowATrailBrokenSinceIt() {
        signed.appendOrders(5);
        sql.update(AUDIT_LOG).set(AUDIT_LOG.DETAILS, "SELL 1 ASML").where(AUDIT_LOG.SEQ.eq(12L)).execute();

        assertThat(trail.checkpointIfGrown(1)).isEmpty();
        assertThat(trail.checkpoint().orElseThrow().seq()).isEqualTo(10);
    }

    @Test
    void theWatchReportsABreakBelowTheCheckpointAndCheckpointsTheRunAtClose() throws Exception {
        sql.update(AUDIT_LOG).set(AUDIT_LOG.DETAILS, "BUY 1 ASML at 684.50").where(AUDIT_LOG.SEQ.eq(2L)).execute();
        AuditWatch watch = AuditWatch.start(trail, trail.verifyAtStart(), 1_000, Duration.ofMinutes(1));

        AuditVerification walked = watch.verified().get(30, TimeUnit.SECONDS);
        signed.appendOrders(3);
        watch.close();

        assertThat(walked.firstBadSeq()).isEqualTo(2);
        assertThat(trail.checkpoint().orElseThrow().seq()).as("checkpointed at a clean close").isEqualTo(13);
    }

    @Test
    void aWatchAfterABrokenStartReportsTheStartsFindingAndNeverMovesTheCheckpoint() throws Exception {
        signed.appendOrders(2);
        sql.update(AUDIT_LOG).set(AUDIT_LOG.DETAILS, "SELL 1 ASML").where(AUDIT_LOG.SEQ.eq(11L)).execute();
        AuditVerification atStart = trail.verifyAtStart();
        AuditWatch watch = AuditWatch.start(trail, atStart, 1, Duration.ofMillis(10));

        assertThat(watch.verified().get(30, TimeUnit.SECONDS)).isSameAs(atStart);
        watch.close();
        assertThat(trail.checkpoint().orElseThrow().seq()).isEqualTo(10);
    }

    private byte[] hashOf(long seq) {
        return sql.select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).fetchOne(AUDIT_LOG.HASH);
    }
}
