package com.bourse.backoffice.audit;

import com.bourse.backoffice.store.Page;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.schema.tables.records.AuditHeadRecord;
import com.bourse.backoffice.store.schema.tables.records.AuditLogRecord;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static com.bourse.backoffice.store.schema.Tables.AUDIT_HEAD;
import static com.bourse.backoffice.store.schema.Tables.AUDIT_LOG;

/**
 * The append-only trail of user actions, hash-chained and signed: entry n stores
 * {@code hash_n = SHA-256(hash_(n-1) || canonical(entry_n))} (with 32 zero bytes before the first), and every
 * append re-signs the head (last sequence, its hash, time) with the installation's Ed25519 key, which lives in
 * the key vault, not in the database. {@link #verify()} walks every link and names the first entry that was
 * altered, removed or reordered. Thread-safe: appends are serialized.
 */
public final class AuditTrail {
    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());
    private static final byte[] GENESIS = new byte[32];
    private static final byte[] HEAD_DOMAIN = "BOURSE-AUDIT-HEAD-1".getBytes(StandardCharsets.US_ASCII);
    /** Entries the verification's cursor asks H2 for at a time. */
    private static final int VERIFY_FETCH = 1_000;

    private final Store store;
    private final DSLContext dsl;
    private final Ed25519PrivateKeyParameters signingKey;
    private final Ed25519PublicKeyParameters verifyingKey;
    private final InstantSource clock;

    public AuditTrail(Store store, Ed25519PrivateKeyParameters signingKey, InstantSource clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.signingKey = Objects.requireNonNull(signingKey);
        this.verifyingKey = signingKey.generatePublicKey();
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Append one entry stamped with the clock's time and force it to the disk (with whatever the caller
     * committed before, such as the user change it records); returns its sequence.
     */
    public synchronized long append(AuditEntry entry) {
        return appendAll(List.of(entry));
    }

    /**
     * Append entries in their order, as one transaction stamped with the clock's time, and force them to the disk
     * once: each is chained to the one before as if appended alone, and the head is signed at the last. Returns
     * the last one's sequence. A burst of actions costs one forced write instead of one each.
     */
    public synchronized long appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no audit entries to append");
        }
        long seq = insert(entries);
        store.forceToDisk();
        return seq;
    }

    /** One entry that travelled in the command journal's record of its command, stamped when it was sent. */
    public record JournaledEntry(long journalSeq, long at, AuditEntry entry) {
        public JournaledEntry {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * Append entries whose durable copy is already in the command journal (sealed in their command's record, see
     * {@link JournaledAudit}), in journal order, as one transaction, chained and signed like any other but not
     * forced: the journal is their durable point, and a start re-derives every one after
     * {@link #lastJournalSeq()}. Returns the last one's sequence in the trail.
     */
    public synchronized long appendJournaled(List<JournaledEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no audit entries to append");
        }
        return insert(entries.size(), i -> entries.get(i).entry(), i -> entries.get(i).at(),
                i -> entries.get(i).journalSeq());
    }

    /** The journal sequence of the newest entry that came from the command journal; 0 when none did. */
    public long lastJournalSeq() {
        Long last = dsl.select(DSL.max(AUDIT_LOG.JOURNAL_SEQ)).from(AUDIT_LOG).fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }

    /** Forces every committed entry to the disk (the back-office file's {@code CHECKPOINT SYNC}). */
    public void forceToDisk() {
        store.forceToDisk();
    }

    /** The time an entry is stamped with, from the trail's clock. */
    public long now() {
        return clock.millis();
    }

    private long insert(List<AuditEntry> entries) {
        long at = clock.millis();
        return insert(entries.size(), entries::get, i -> at, i -> null);
    }

    private long insert(int count, java.util.function.IntFunction<AuditEntry> entryAt,
                        java.util.function.IntToLongFunction stampAt,
                        java.util.function.IntFunction<Long> journalSeqAt) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            AuditHeadRecord head = tx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchOne();
            long seq = head == null ? 0 : head.getSeq();
            byte[] prev = head == null ? GENESIS : head.getHash();
            long at = 0;
            for (int i = 0; i < count; i++) {
                AuditEntry entry = entryAt.apply(i);
                at = stampAt.applyAsLong(i);
                seq++;
                byte[] hash = chain(prev, at, entry.userId(), entry.username(), entry.action().name(),
                        entry.subject(), entry.details());
                tx.insertInto(AUDIT_LOG)
                        .set(AUDIT_LOG.SEQ, seq)
                        .set(AUDIT_LOG.AT, at)
                        .set(AUDIT_LOG.USER_ID, entry.userId())
                        .set(AUDIT_LOG.USERNAME, entry.username())
                        .set(AUDIT_LOG.ACTION, entry.action().name())
                        .set(AUDIT_LOG.SUBJECT, entry.subject())
                        .set(AUDIT_LOG.DETAILS, entry.details())
                        .set(AUDIT_LOG.PREV_HASH, prev)
                        .set(AUDIT_LOG.HASH, hash)
                        .set(AUDIT_LOG.JOURNAL_SEQ, journalSeqAt.apply(i))
                        .execute();
                prev = hash;
            }
            byte[] signature = sign(seq, prev, at);
            if (head == null) {
                tx.insertInto(AUDIT_HEAD).set(AUDIT_HEAD.ID, 1).set(AUDIT_HEAD.SEQ, seq).set(AUDIT_HEAD.HASH, prev)
                        .set(AUDIT_HEAD.AT, at).set(AUDIT_HEAD.SIGNATURE, signature).execute();
            } else {
                tx.update(AUDIT_HEAD).set(AUDIT_HEAD.SEQ, seq).set(AUDIT_HEAD.HASH, prev).set(AUDIT_HEAD.AT, at)
                        .set(AUDIT_HEAD.SIGNATURE, signature).where(AUDIT_HEAD.ID.eq(1)).execute();
            }
            return seq;
        });
    }

    /** Entries in order, oldest first. */
    public List<AuditRecord> entries(Page page) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).offset(page.offset()).limit(page.limit())
                .fetch(AuditTrail::record);
    }

    /** Entries of one user, oldest first. */
    public List<AuditRecord> entriesOf(long userId, Page page) {
        return dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.USER_ID.eq(userId)).orderBy(AUDIT_LOG.SEQ)
                .offset(page.offset()).limit(page.limit()).fetch(AuditTrail::record);
    }

    /** The newest entries matching {@code query}, newest first. */
    public List<AuditRecord> search(AuditQuery query) {
        Condition where = DSL.noCondition();
        if (query.user() != null && !query.user().isBlank()) {
            where = where.and(AUDIT_LOG.USERNAME.containsIgnoreCase(query.user().strip()));
        }
        if (query.action() != null) {
            where = where.and(AUDIT_LOG.ACTION.eq(query.action().name()));
        }
        if (query.subject() != null && !query.subject().isBlank()) {
            where = where.and(AUDIT_LOG.SUBJECT.containsIgnoreCase(query.subject().strip()));
        }
        if (query.from() != null) {
            where = where.and(AUDIT_LOG.AT.ge(query.from().toEpochMilli()));
        }
        if (query.until() != null) {
            where = where.and(AUDIT_LOG.AT.lt(query.until().toEpochMilli()));
        }
        return dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.SEQ.desc()).limit(query.limit())
                .fetch(AuditTrail::record);
    }

    /** One entry as stored (tampered or not), to show what a verification found. */
    public Optional<AuditRecord> entry(long seq) {
        return dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).fetchOptional(AuditTrail::record);
    }

    /**
     * Check every entry, every link and the signed head; reports the first problem found, and logs it (on a risk
     * officer's demand, and for backups) naming the first bad entry.
     */
    public synchronized AuditVerification verify() {
        return logged(verify(dsl, verifyingKey));
    }

    /** Check a trail with only the public key, as an outside auditor would. */
    public static AuditVerification verify(Store store, Ed25519PublicKeyParameters key) {
        return verify(store.dsl(), key);
    }

    /**
     * The check a start runs, bounded by what was appended since the last verified checkpoint rather than by the
     * trail's length: the checkpoint's signature, the entry it names (its content still hashes to its stored hash,
     * which is still the checkpointed one), every entry and link after it, and the signed head. Without a checkpoint
     * it is the full {@link #verify()}. When intact, records a new checkpoint at the head, so the next start walks
     * only what this run appends. Logs a broken trail naming the first bad entry.
     *
     * <p>Why the checkpoint entry's hash stands for everything before it: each hash chains its predecessor's, so
     * rewriting any entry at or before the checkpoint and re-chaining the entries after it up to the checkpoint
     * changes the checkpoint entry's hash, which the signed checkpoint then no longer matches; forging a matching one
     * takes a SHA-256 collision or the vault's key. What this does not cover: an entry below the checkpoint rewritten
     * without re-chaining (its own hash no longer matches its content, or its successor no longer links to it) while
     * the checkpoint entry keeps its stored hash; the start never reads those rows. {@link #verifyToCheckpoint} walks
     * them in the background and reports such a rewrite the same way.
     */
    public synchronized AuditVerification verifyAtStart() {
        AuditVerification result = fromCheckpoint(dsl, verifyingKey);
        if (result.intact()) {
            AuditHeadRecord head = dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
            if (head != null) {
                AuditCheckpoint.sign(head.getSeq(), head.getHash(), clock.millis(), signingKey).store(dsl);
            }
        }
        return logged(result);
    }

    /**
     * The full walk behind a start's bounded check: every entry and link from the first up to the stored checkpoint,
     * which must end at the checkpoint's hash. Reads committed rows only up to the checkpoint, so it runs beside
     * appends without holding them up; a page H2 cannot read is reported as the entry the walk stopped at. Returns
     * empty when {@code stop} said so before the end. Logs a broken trail naming the first bad entry.
     */
    public Optional<AuditVerification> verifyToCheckpoint(BooleanSupplier stop) {
        Optional<AuditCheckpoint> checkpoint = AuditCheckpoint.read(dsl);
        long count = dsl.fetchCount(AUDIT_LOG);
        if (checkpoint.isEmpty()) {
            return Optional.of(AuditVerification.ok(count));
        }
        AuditCheckpoint cp = checkpoint.get();
        if (!cp.signedBy(verifyingKey)) {
            return Optional.of(logged(badCheckpoint(count, cp)));
        }
        Walk walk;
        try {
            walk = walk(dsl, count, 1, GENESIS, cp.seq(), false, stop);
        } catch (DataAccessException e) {
            return Optional.of(logged(AuditVerification.broken(count, null, AuditVerification.Problem.ALTERED,
                    "the trail cannot be read up to entry " + cp.seq() + " (" + e.getMessage() + ")")));
        }
        if (walk.cancelled()) {
            return Optional.empty();
        }
        if (walk.broken() != null) {
            return Optional.of(logged(walk.broken()));
        }
        if (walk.last() < cp.seq()) {
            return Optional.of(logged(AuditVerification.broken(count, walk.last() + 1,
                    AuditVerification.Problem.REMOVED, "entries " + (walk.last() + 1) + ".." + cp.seq()
                            + " are missing: the signed checkpoint is at " + cp.seq())));
        }
        if (!MessageDigest.isEqual(walk.lastHash(), cp.hash())) {
            return Optional.of(logged(AuditVerification.broken(count, cp.seq(), AuditVerification.Problem.ALTERED,
                    "the trail up to entry " + cp.seq() + " was rewritten: it does not end at the checkpoint's hash")));
        }
        return Optional.of(AuditVerification.ok(count));
    }

    /**
     * Once the trail has grown {@code entries} or more past the checkpoint, verifies what was appended since (every
     * entry and link up to the signed head as read now) and moves the checkpoint to that head, so the next start's
     * check stays bounded however long this run lasts. Runs beside appends (it reads committed rows up to the head it
     * read, and holds no lock they take). Returns the new checkpoint; empty when the trail has not grown that much or
     * the part since the checkpoint does not verify (logged; the checkpoint stays where it was).
     */
    public Optional<AuditCheckpoint> checkpointIfGrown(long entries) {
        AuditHeadRecord head = dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
        if (head == null) {
            return Optional.empty();
        }
        Optional<AuditCheckpoint> checkpoint = AuditCheckpoint.read(dsl);
        long from = checkpoint.map(AuditCheckpoint::seq).orElse(0L);
        if (head.getSeq() - from < entries || head.getSeq() <= from) {
            return Optional.empty();
        }
        long count = dsl.fetchCount(AUDIT_LOG);
        AuditVerification broken = checkpoint.map(cp -> checkpointEntry(dsl, verifyingKey, count, cp)).orElse(null);
        Walk walk = broken != null ? null : walk(dsl, count, from + 1,
                checkpoint.map(AuditCheckpoint::hash).orElse(GENESIS), head.getSeq(), false, () -> false);
        if (broken == null) {
            broken = walk.broken() != null ? walk.broken() : againstHead(dsl, verifyingKey, head, count, walk.last(),
                    false);
        }
        if (!broken.intact()) {
            logged(broken);
            return Optional.empty();
        }
        AuditCheckpoint next = AuditCheckpoint.sign(head.getSeq(), head.getHash(), clock.millis(), signingKey);
        next.store(dsl);
        return Optional.of(next);
    }

    /** The stored checkpoint, if a verification recorded one. */
    public Optional<AuditCheckpoint> checkpoint() {
        return AuditCheckpoint.read(dsl);
    }

    private static AuditVerification logged(AuditVerification result) {
        if (!result.intact()) {
            LOG.log(System.Logger.Level.ERROR, "The audit trail is broken at entry {0} ({1}): {2}",
                    result.firstBadSeq(), result.problem(), result.message());
        }
        return result;
    }

    /** The whole trail from its first entry; where a link is broken, says what happened. */
    private static AuditVerification verify(DSLContext dsl, Ed25519PublicKeyParameters key) {
        AuditHeadRecord head = dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
        long count = dsl.fetchCount(AUDIT_LOG);
        boolean rowsMissing = rowsMissing(key, head, count);
        Walk walk = walk(dsl, count, 1, GENESIS, Long.MAX_VALUE, rowsMissing, () -> false);
        return walk.broken() != null ? walk.broken() : againstHead(dsl, key, head, count, walk.last(), true);
    }

    /** The trail from the stored checkpoint on (the whole trail when there is none). */
    private static AuditVerification fromCheckpoint(DSLContext dsl, Ed25519PublicKeyParameters key) {
        Optional<AuditCheckpoint> checkpoint = AuditCheckpoint.read(dsl);
        if (checkpoint.isEmpty()) {
            return verify(dsl, key);
        }
        AuditCheckpoint cp = checkpoint.get();
        AuditHeadRecord head = dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
        // COUNT(*) of a whole table: H2 answers it from the primary index's row count, not a scan.
        long count = dsl.fetchCount(AUDIT_LOG);
        AuditVerification atCheckpoint = checkpointEntry(dsl, key, count, cp);
        if (atCheckpoint != null) {
            return atCheckpoint;
        }
        Walk walk = walk(dsl, count, cp.seq() + 1, cp.hash(), Long.MAX_VALUE, rowsMissing(key, head, count),
                () -> false);
        AuditVerification result = walk.broken() != null ? walk.broken()
                : againstHead(dsl, key, head, count, walk.last(), true);
        // Sequences run 1..head without gaps, so the row count (from the index, no scan) shows a removal below the
        // checkpoint that the start does not read; which entry is for a full walk to say.
        if (result.intact() && head != null && count < head.getSeq()) {
            return AuditVerification.broken(count, null, AuditVerification.Problem.REMOVED,
                    (head.getSeq() - count) + " entries at or below the checkpoint at entry " + cp.seq()
                            + " are missing: the signed head is at " + head.getSeq() + ", the trail holds " + count
                            + " (a full verification names the first)");
        }
        return result;
    }

    /** The checkpoint's signature and the entry it names (one lookup by key); null when both hold. */
    private static AuditVerification checkpointEntry(DSLContext dsl, Ed25519PublicKeyParameters key, long count,
                                                     AuditCheckpoint cp) {
        if (!cp.signedBy(key)) {
            return badCheckpoint(count, cp);
        }
        AuditLogRecord r = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(cp.seq())).fetchOne();
        if (r == null) {
            return AuditVerification.broken(count, cp.seq(), AuditVerification.Problem.REMOVED,
                    "entry " + cp.seq() + " is missing: the signed checkpoint names it");
        }
        byte[] recomputed = chain(r.getPrevHash(), r.getAt(), r.getUserId(), r.getUsername(), r.getAction(),
                r.getSubject(), r.getDetails());
        if (!MessageDigest.isEqual(recomputed, r.getHash())) {
            return AuditVerification.broken(count, cp.seq(), AuditVerification.Problem.ALTERED,
                    "entry " + cp.seq() + " was altered: its content no longer matches its hash");
        }
        if (!MessageDigest.isEqual(r.getHash(), cp.hash())) {
            return AuditVerification.broken(count, cp.seq(), AuditVerification.Problem.ALTERED,
                    "the trail up to entry " + cp.seq() + " was rewritten: entry " + cp.seq()
                            + " no longer has the hash the signed checkpoint recorded");
        }
        return null;
    }

    private static AuditVerification badCheckpoint(long count, AuditCheckpoint cp) {
        return AuditVerification.broken(count, cp.seq(), AuditVerification.Problem.BAD_SIGNATURE,
                "the audit checkpoint at entry " + cp.seq()
                        + " does not verify with the installation's key: it was altered");
    }

    /** The signed head says how many entries there were: with fewer rows, a broken link means a removal. */
    private static boolean rowsMissing(Ed25519PublicKeyParameters key, AuditHeadRecord head, long count) {
        return head != null && verifySignature(key, head.getSeq(), head.getHash(), head.getAt(), head.getSignature())
                && head.getSeq() > count;
    }

    /** Where a walk ended: the first problem found, or the last entry it checked and its hash. */
    private record Walk(AuditVerification broken, long last, byte[] lastHash, boolean cancelled) {
    }

    /**
     * One pass over entries {@code from..to} in sequence order through a cursor, holding one entry at a time (a trail
     * of a million entries is not loaded whole), starting from the hash {@code prev} of the entry before; where a link
     * is broken, one lookup says whether the entry it names is stored after it (reordered) or nowhere (rewritten or
     * removed).
     */
    private static Walk walk(DSLContext dsl, long count, long from, byte[] prev, long to, boolean rowsMissing,
                             BooleanSupplier stop) {
        long expected = from;
        try (Cursor<AuditLogRecord> rows = dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.SEQ.ge(from)).and(AUDIT_LOG.SEQ.le(to))
                .orderBy(AUDIT_LOG.SEQ).fetchSize(VERIFY_FETCH).fetchLazy()) {
            for (AuditLogRecord r : rows) {
                if (stop.getAsBoolean()) {
                    return new Walk(null, expected - 1, prev, true);
                }
                long seq = r.getSeq();
                if (seq != expected) {
                    return new Walk(AuditVerification.broken(count, expected, AuditVerification.Problem.REMOVED,
                            "entry " + expected + " is missing: the trail jumps from " + (expected - 1) + " to "
                                    + seq), expected - 1, prev, false);
                }
                byte[] recomputed = chain(r.getPrevHash(), r.getAt(), r.getUserId(), r.getUsername(), r.getAction(),
                        r.getSubject(), r.getDetails());
                if (!MessageDigest.isEqual(recomputed, r.getHash())) {
                    return new Walk(AuditVerification.broken(count, seq, AuditVerification.Problem.ALTERED,
                            "entry " + seq + " was altered: its content no longer matches its hash"),
                            expected - 1, prev, false);
                }
                if (!MessageDigest.isEqual(r.getPrevHash(), prev)) {
                    byte[] unlinkedPrev = r.getPrevHash();
                    rows.close();
                    return new Walk(unlinked(dsl, count, seq, unlinkedPrev, rowsMissing), expected - 1, prev, false);
                }
                prev = r.getHash();
                expected++;
            }
        }
        return new Walk(null, expected - 1, prev, false);
    }

    /**
     * What the signed head says of a trail whose entries up to {@code last} link: the signature holds, no entry it
     * covers is missing, the entry at its sequence has its hash (one lookup by key), and, when
     * {@code checkUnsigned}, nothing was appended after it (only when no append can be under way).
     */
    private static AuditVerification againstHead(DSLContext dsl, Ed25519PublicKeyParameters key,
                                                 AuditHeadRecord head, long count, long last, boolean checkUnsigned) {
        if (head == null) {
            return count == 0 ? AuditVerification.ok(0) : AuditVerification.broken(count, null,
                    AuditVerification.Problem.BAD_SIGNATURE, "the signed head of the trail is missing");
        }
        if (!verifySignature(key, head.getSeq(), head.getHash(), head.getAt(), head.getSignature())) {
            return AuditVerification.broken(count, head.getSeq(), AuditVerification.Problem.BAD_SIGNATURE,
                    "the head's signature does not verify with the installation's key");
        }
        if (head.getSeq() > last) {
            return AuditVerification.broken(count, last + 1, AuditVerification.Problem.REMOVED,
                    "entries " + (last + 1) + ".." + head.getSeq() + " are missing: the signed head is at "
                            + head.getSeq());
        }
        byte[] hashAtHead = head.getSeq() == 0 ? GENESIS : dsl.select(AUDIT_LOG.HASH).from(AUDIT_LOG)
                .where(AUDIT_LOG.SEQ.eq(head.getSeq())).fetchOne(AUDIT_LOG.HASH);
        if (hashAtHead == null || !MessageDigest.isEqual(hashAtHead, head.getHash())) {
            return AuditVerification.broken(count, head.getSeq(), AuditVerification.Problem.ALTERED,
                    "the trail up to entry " + head.getSeq() + " was rewritten: it does not end at the signed hash");
        }
        if (checkUnsigned && head.getSeq() < last) {
            return AuditVerification.broken(count, head.getSeq() + 1, AuditVerification.Problem.UNSIGNED_ENTRIES,
                    "entries after " + head.getSeq() + " were added without the installation's signature");
        }
        return AuditVerification.ok(count);
    }

    /** Entry {@code seq} does not link to the one before it: what happened, from where its link points. */
    private static AuditVerification unlinked(DSLContext dsl, long count, long seq, byte[] prevHash,
                                              boolean rowsMissing) {
        // Of entries with the same hash (a copied row), the one stored last.
        Long linked = dsl.select(AUDIT_LOG.SEQ).from(AUDIT_LOG).where(AUDIT_LOG.HASH.eq(prevHash))
                .orderBy(AUDIT_LOG.SEQ.desc()).limit(1).fetchOne(AUDIT_LOG.SEQ);
        if (linked != null && linked > seq) {
            return AuditVerification.broken(count, seq, AuditVerification.Problem.REORDERED,
                    "entry " + seq + " is out of place: it follows entry " + linked + ", stored after it");
        }
        if (linked == null && seq > 1 && !rowsMissing) {
            return AuditVerification.broken(count, seq - 1, AuditVerification.Problem.ALTERED,
                    "entry " + (seq - 1) + " was rewritten: entry " + seq + " no longer follows it");
        }
        return AuditVerification.broken(count, seq, AuditVerification.Problem.REMOVED,
                "entry " + seq + " does not follow entry " + (seq - 1) + ": an entry before it is missing");
    }

    /** SHA-256 of the previous hash and the entry's canonical bytes (length-prefixed fields, fixed order). */
    static byte[] chain(byte[] prev, long at, Long userId, String username, String action, String subject,
                        String details) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            AuditCodec.writeFields(out, at, userId, username, action, subject, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev);
            sha.update(bytes.toByteArray());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private byte[] sign(long seq, byte[] hash, long at) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, signingKey);
        byte[] message = headMessage(seq, hash, at);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static boolean verifySignature(Ed25519PublicKeyParameters key, long seq, byte[] hash, long at,
                                           byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        byte[] message = headMessage(seq, hash, at);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static byte[] headMessage(long seq, byte[] hash, long at) {
        return ByteBuffer.allocate(HEAD_DOMAIN.length + 8 + hash.length + 8).put(HEAD_DOMAIN).putLong(seq).put(hash)
                .putLong(at).array();
    }

    static AuditRecord record(AuditLogRecord r) {
        return new AuditRecord(r.getSeq(), Instant.ofEpochMilli(r.getAt()), r.getUserId(), r.getUsername(),
                AuditAction.valueOf(r.getAction()), r.getSubject(), r.getDetails());
    }
}
