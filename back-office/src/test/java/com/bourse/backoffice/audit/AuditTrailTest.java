package com.bourse.backoffice.audit;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

import static com.bourse.backoffice.store.schema.Tables.AUDIT_HEAD;
import static com.bourse.backoffice.store.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/** Someone with SQL access edits the trail; the verifier names the first entry touched. */
class AuditTrailTest {
    @TempDir
    Path dir;
    SignedTrail signed;
    AuditTrail trail;
    DSLContext sql;

    @BeforeEach
    void tenEntries() {
        signed = SignedTrail.in(dir);
        trail = signed.trail();
        sql = signed.sql();
        signed.appendOrders(10);
    }

    @AfterEach
    void close() {
        signed.close();
    }

    @Test
    void untouchedTrailVerifies() {
        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.entries()).isEqualTo(10);
        });
    }

    @Test
    void alteredEntryIsNamed() {
        sql.update(AUDIT_LOG).set(AUDIT_LOG.DETAILS, "BUY 1 ASML at 684.50").where(AUDIT_LOG.SEQ.eq(6L)).execute();

        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).isEqualTo(AuditVerification.Problem.ALTERED);
            assertThat(v.firstBadSeq()).isEqualTo(6);
        });
    }

    @Test
    void alteredEntryWhoseHashWasRecomputedIsStillCaughtByItsSuccessor() {
        var row = sql.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(4L)).fetchOne();
        byte[] forged = AuditTrail.chain(row.getPrevHash(), row.getAt(), row.getUserId(), "bob", row.getAction(),
                row.getSubject(), row.getDetails());
        sql.update(AUDIT_LOG).set(AUDIT_LOG.USERNAME, "bob").set(AUDIT_LOG.HASH, forged)
                .where(AUDIT_LOG.SEQ.eq(4L)).execute();

        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(AuditVerification.Problem.ALTERED);
            assertThat(v.firstBadSeq()).isEqualTo(4);
        });
    }

    @Test
    void removedEntryIsNamed() {
        sql.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(3L)).execute();

        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(AuditVerification.Problem.REMOVED);
            assertThat(v.firstBadSeq()).isEqualTo(3);
        });
    }

    @Test
    void removedEntryWithTheRestRenumberedIsNamed() {
        sql.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(3L)).execute();
        for (long seq = 4; seq <= 10; seq++) {
            sql.update(AUDIT_LOG).set(AUDIT_LOG.SEQ, seq - 1).where(AUDIT_LOG.SEQ.eq(seq)).execute();
        }

        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(AuditVerification.Problem.REMOVED);
            assertThat(v.firstBadSeq()).isEqualTo(3);
        });
    }

    @Test
    void swappedEntriesAreReportedAsReordered() {
        sql.update(AUDIT_LOG).set(AUDIT_LOG.SEQ, 100L).where(AUDIT_LOG.SEQ.eq(5L)).execute();
        sql.update(AUDIT_LOG).set(AUDIT_LOG.SEQ, 5L).where(AUDIT_LOG.SEQ.eq(6L)).execute();
        sql.update(AUDIT_LOG).set(AUDIT_LOG.SEQ, 6L).where(AUDIT_LOG.SEQ.eq(100L)).execute();

        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(AuditVerification.Problem.REORDERED);
            assertThat(v.firstBadSeq()).isEqualTo(5);
        });
    }

    @Test
    void removedLastEntriesAreCaughtByTheSignedHead() {
        sql.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.ge(9L)).execute();

        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(AuditVerification.Problem.REMOVED);
            assertThat(v.firstBadSeq()).isEqualTo(9);
        });
    }

    @Test
    void headMovedBackByHandFailsItsSignature() {
        var eight = sql.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(8L)).fetchOne();
        sql.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.ge(9L)).execute();
        sql.update(AUDIT_HEAD).set(AUDIT_HEAD.SEQ, 8L).set(AUDIT_HEAD.HASH, eight.getHash()).execute();

        assertThat(trail.verify().problem()).isEqualTo(AuditVerification.Problem.BAD_SIGNATURE);
    }

    @Test
    void anOutsideAuditorVerifiesWithThePublicKeyOnly() {
        assertThat(AuditTrail.verify(signed.store(), signed.key().generatePublicKey()).intact()).isTrue();
        var otherKey = new Ed25519PrivateKeyParameters(new SecureRandom()).generatePublicKey();
        assertThat(AuditTrail.verify(signed.store(), otherKey).problem()).isEqualTo(AuditVerification.Problem.BAD_SIGNATURE);
    }

    @Test
    void textsLongerThanTheirColumnsAreShortenedNotRefused() {
        trail.append(new AuditEntry(null, "x".repeat(500), AuditAction.SIGN_IN_FAILED, null, "y".repeat(9_000)));

        assertThat(trail.entries(com.bourse.backoffice.store.Page.first(100)).getLast()).satisfies(e -> {
            assertThat(e.username()).hasSize(64).endsWith("…");
            assertThat(e.details()).hasSize(4_000);
        });
        assertThat(trail.verify().intact()).isTrue();
    }
}
