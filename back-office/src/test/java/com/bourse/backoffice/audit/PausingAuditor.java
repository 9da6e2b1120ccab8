package com.bourse.backoffice.audit;

import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HexFormat;

/**
 * Child process of {@link AuditCrashTest}: a burst of entries (a start's own writes), a pause of the given
 * milliseconds with nothing written (a person reading the screen), then one entry, ACK printed once it is forced,
 * and it idles until killed. Arguments: the store folder, the signing key in hex, the pause.
 */
public final class PausingAuditor {
    public static void main(String[] args) throws InterruptedException {
        Store store = Store.open(StoreConfig.in(Path.of(args[0])));
        AuditTrail trail = new AuditTrail(store, new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(args[1])),
                InstantSource.system());
        for (int i = 1; i <= 13; i++) {
            trail.append(AuditEntry.of(1, "admin", AuditAction.IMPORT, "file:" + i, "x".repeat(20_000)));
        }
        Thread.sleep(Long.parseLong(args[2]));
        long seq = trail.append(AuditEntry.of(2, "alice", AuditAction.ORDER_ENTERED, "order:1001000000001",
                "after a pause"));
        System.out.println("ACK " + seq);
        System.out.flush();
        Thread.sleep(120_000); // never outlive a broken parent by long
        System.exit(3);
    }
}
