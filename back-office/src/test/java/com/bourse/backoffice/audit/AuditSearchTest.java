package com.bourse.backoffice.audit;

import com.bourse.backoffice.importexport.TestClock;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An officer searches the trail by user, action, subject and time; the newest entries come first. */
class AuditSearchTest {
    private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    @TempDir
    Path dir;
    Store store;
    AuditTrail trail;
    final TestClock clock = new TestClock(START);

    @BeforeEach
    void aMorningOfOrdersAndOneKillSwitch() {
        store = Store.open(StoreConfig.in(dir));
        trail = new AuditTrail(store, new Ed25519PrivateKeyParameters(new SecureRandom()), clock);
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofMinutes(1));
            trail.append(AuditEntry.of(i % 2 == 0 ? 3 : 2, i % 2 == 0 ? "bob" : "alice", AuditAction.ORDER_ENTERED,
                    "order:" + i + " account:" + (i % 2 == 0 ? 1002 : 1001), "BUY 10 AIR"));
        }
        clock.advance(Duration.ofMinutes(1));
        trail.append(AuditEntry.of(4, "rita", AuditAction.KILL_SWITCH_ENGAGED, "account:1001", ""));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyCriterionNarrowsAndTheNewestComeFirst() {
        assertThat(trail.search(new AuditQuery("ALI", null, null, null, null, 100)))
                .extracting(AuditRecord::seq).containsExactly(5L, 3L, 1L);
        assertThat(trail.search(new AuditQuery(null, AuditAction.KILL_SWITCH_ENGAGED, null, null, null, 100)))
                .extracting(AuditRecord::username).containsExactly("rita");
        assertThat(trail.search(new AuditQuery(null, null, "account:1001", null, null, 100)))
                .extracting(AuditRecord::seq).containsExactly(7L, 5L, 3L, 1L);
        assertThat(trail.search(new AuditQuery(null, null, null, START.plus(Duration.ofMinutes(2)),
                START.plus(Duration.ofMinutes(4)), 100))).extracting(AuditRecord::seq).containsExactly(3L, 2L);
        assertThat(trail.search(new AuditQuery("alice", AuditAction.ORDER_ENTERED, "account:1001", null, null, 2)))
                .extracting(AuditRecord::seq).containsExactly(5L, 3L);
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new AuditQuery(null, null, null, START, START, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be before its end");
    }

    @Test
    void oneEntryIsReadBySequence() {
        assertThat(trail.entry(7)).hasValueSatisfying(r -> assertThat(r.action())
                .isEqualTo(AuditAction.KILL_SWITCH_ENGAGED));
        assertThat(trail.entry(99)).isEmpty();
    }
}
