package com.bourse.backoffice.audit;

import com.bourse.backoffice.importexport.TestClock;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.jooq.DSLContext;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * What the tampering specs start from: a store in a test's folder, its audit trail signed with a fresh key and
 * stamped by a test clock from 2026-11-02 08:00 UTC, and plain SQL on it for the person with database access.
 */
record SignedTrail(Store store, AuditTrail trail, DSLContext sql, Ed25519PrivateKeyParameters key, TestClock clock)
        implements AutoCloseable {

    static SignedTrail in(Path dir) {
        Store store = Store.open(StoreConfig.in(dir));
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        TestClock clock = new TestClock(Instant.parse("2026-11-02T08:00:00Z"));
        return new SignedTrail(store, new AuditTrail(store, key, clock), store.dsl(), key, clock);
    }

    /** Appends {@code entries} of alice's orders, one a second. */
    void appendOrders(int entries) {
        for (int i = 1; i <= entries; i++) {
            clock.advance(Duration.ofSeconds(1));
            trail.append(AuditEntry.of(2, "alice", AuditAction.ORDER_ENTERED, "order:" + i + " account:1001",
                    "BUY 10 ASML at 684.50"));
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
