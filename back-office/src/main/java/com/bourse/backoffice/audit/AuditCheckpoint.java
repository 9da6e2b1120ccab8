package com.bourse.backoffice.audit;

import com.bourse.backoffice.store.schema.tables.records.AuditCheckpointRecord;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jooq.DSLContext;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import static com.bourse.backoffice.store.schema.Tables.AUDIT_CHECKPOINT;

/**
 * The newest point up to which the audit chain was verified whole: entry {@code seq} had hash {@code hash} when
 * checked at {@code at}, signed with the installation's audit key (the one that signs the trail's head, under its
 * own domain so neither signature passes for the other). A start trusts the chain up to here once the signature and
 * that entry's hash check out, and walks only what came after it; the full walk runs in the background.
 */
public record AuditCheckpoint(long seq, byte[] hash, long at, byte[] signature) {
    private static final byte[] DOMAIN = "BOURSE-AUDIT-CHECKPOINT-1".getBytes(StandardCharsets.US_ASCII);

    public AuditCheckpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(signature, "signature");
    }

    /** A checkpoint at entry {@code seq} with hash {@code hash}, signed now. */
    static AuditCheckpoint sign(long seq, byte[] hash, long at, Ed25519PrivateKeyParameters key) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] message = message(seq, hash, at);
        signer.update(message, 0, message.length);
        return new AuditCheckpoint(seq, hash.clone(), at, signer.generateSignature());
    }

    /** Whether the installation's key signed exactly this sequence, hash and time. */
    boolean signedBy(Ed25519PublicKeyParameters key) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        byte[] message = message(seq, hash, at);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** The stored checkpoint; empty before the first verification that recorded one. */
    static Optional<AuditCheckpoint> read(DSLContext dsl) {
        return dsl.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.ID.eq(1)).fetchOptional()
                .map(AuditCheckpoint::of);
    }

    /** Replaces the stored checkpoint (there is one, the newest). */
    void store(DSLContext dsl) {
        dsl.mergeInto(AUDIT_CHECKPOINT)
                .using(dsl.selectOne())
                .on(AUDIT_CHECKPOINT.ID.eq(1))
                .whenMatchedThenUpdate()
                .set(AUDIT_CHECKPOINT.SEQ, seq).set(AUDIT_CHECKPOINT.HASH, hash).set(AUDIT_CHECKPOINT.AT, at)
                .set(AUDIT_CHECKPOINT.SIGNATURE, signature)
                .whenNotMatchedThenInsert(AUDIT_CHECKPOINT.ID, AUDIT_CHECKPOINT.SEQ, AUDIT_CHECKPOINT.HASH,
                        AUDIT_CHECKPOINT.AT, AUDIT_CHECKPOINT.SIGNATURE)
                .values(1, seq, hash, at, signature)
                .execute();
    }

    private static AuditCheckpoint of(AuditCheckpointRecord r) {
        return new AuditCheckpoint(r.getSeq(), r.getHash(), r.getAt(), r.getSignature());
    }

    private static byte[] message(long seq, byte[] hash, long at) {
        return ByteBuffer.allocate(DOMAIN.length + 8 + hash.length + 8).put(DOMAIN).putLong(seq).put(hash).putLong(at)
                .array();
    }
}
