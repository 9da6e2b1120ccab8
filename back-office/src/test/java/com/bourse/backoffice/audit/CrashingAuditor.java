package com.bourse.backoffice.audit;

import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HexFormat;

/** Child process of {@link AuditCrashTest}: appends entries as fast as it can, printing ACK after each. */
public final class CrashingAuditor {
    public static void main(String[] args) {
        Store store = Store.open(StoreConfig.in(Path.of(args[0])));
        AuditTrail trail = new AuditTrail(store, new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(args[1])),
                InstantSource.system());
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (long i = 1; System.nanoTime() < deadline; i++) {
            long seq = trail.append(AuditEntry.of(4, "rita", AuditAction.APPROVED, "order:" + i, "within mandate"));
            System.out.println("ACK " + seq);
            System.out.flush();
        }
        System.exit(3);
    }
}
