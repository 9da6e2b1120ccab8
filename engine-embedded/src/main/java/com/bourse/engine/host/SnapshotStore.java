package com.bourse.engine.host;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The snapshots beside a {@link CommandJournal}: {@code snapshot-<seq>.bin} holds the engine's bytes as of command
 * {@code seq} and, optionally, the state of whatever its owner derives from the same commands (the back office's
 * projector), so both resume from one sequence. Each file is {@code [magic][journal id][seq]} then AES-GCM of the
 * contents with the journal id and {@code seq} as associated data: unreadable without the key, and a file altered,
 * renamed or from another journal is refused. Written to a temporary file, forced, then renamed: a crash leaves
 * the previous snapshots as they were. The newest {@link #KEPT} are kept.
 *
 * <p>Thread-safe: the engine's thread or a projection thread may write while the other reads the list.
 */
public final class SnapshotStore {
    /** Snapshots kept: the newest may be ahead of what a projection holds, the one before it covers that case. */
    public static final int KEPT = 2;
    static final byte[] MAGIC = "BRSSNAP2".getBytes(StandardCharsets.US_ASCII);
    static final byte KIND_SNAPSHOT = 'S';
    private static final int CLEAR = MAGIC.length + RecordCipher.ID + Long.BYTES;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";

    /**
     * One snapshot.
     *
     * @param companion the owner's own state at {@code seq}, or null when it saved none
     */
    public record Snapshot(long seq, byte[] engine, byte[] companion) {
    }

    private final Path directory;
    private final SecretKey key;
    private final byte[] journalId;

    SnapshotStore(Path directory, SecretKey key, byte[] journalId) {
        this.directory = directory;
        this.key = key;
        this.journalId = journalId.clone();
    }

    /** The sequences of the snapshots on disk, oldest first (leftover temporary files are deleted). */
    public synchronized List<Long> sequences() {
        List<Long> sequences = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file); // a snapshot a crash interrupted; the previous ones stand
                    continue;
                }
                if (!name.endsWith(SUFFIX)) {
                    continue;
                }
                try {
                    sequences.add(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + directory, e);
        }
        sequences.sort(null);
        return sequences;
    }

    /**
     * Reads and authenticates snapshot {@code seq}.
     *
     * @throws JournalDamagedException when it is not this journal's, was altered, or the key is wrong
     */
    public Snapshot read(long seq) {
        Path file = fileOf(seq);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file, e);
        }
        if (bytes.length < CLEAR + RecordCipher.NONCE + RecordCipher.TAG
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new JournalDamagedException(file, 0, "not a Bourse snapshot (bad magic or cut short)");
        }
        if (!Arrays.equals(bytes, MAGIC.length, MAGIC.length + RecordCipher.ID, journalId, 0, RecordCipher.ID)) {
            throw new JournalDamagedException(file, MAGIC.length, "the snapshot belongs to another journal");
        }
        long written = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(MAGIC.length + RecordCipher.ID);
        byte[] plain = new byte[bytes.length - CLEAR];
        int length = written != seq ? -1 : new RecordCipher(key, journalId)
                .open(KIND_SNAPSHOT, seq, bytes, CLEAR, bytes.length - CLEAR, plain);
        if (length < 0) {
            throw new JournalDamagedException(file, CLEAR, "the snapshot does not authenticate: a wrong key, or the"
                    + " file (or its name) was altered");
        }
        ByteBuffer in = ByteBuffer.wrap(plain, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        byte[] engine = new byte[in.getInt()];
        in.get(engine);
        int companionLength = in.getInt();
        byte[] companion = null;
        if (companionLength >= 0) {
            companion = new byte[companionLength];
            in.get(companion);
        }
        return new Snapshot(seq, engine, companion);
    }

    /**
     * Writes snapshot {@code seq} durably (temporary file, force, rename, force the directory), then deletes all but
     * the newest {@link #KEPT}. Returns the oldest sequence still kept.
     */
    public synchronized long write(long seq, byte[] engine, byte[] companion) {
        int companionLength = companion == null ? 0 : companion.length;
        byte[] plain = new byte[2 * Integer.BYTES + engine.length + companionLength];
        ByteBuffer contents = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        contents.putInt(engine.length).put(engine).putInt(companion == null ? -1 : companion.length);
        if (companion != null) {
            contents.put(companion);
        }
        byte[] file = new byte[CLEAR + RecordCipher.NONCE + plain.length + RecordCipher.TAG];
        ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put(journalId).putLong(seq);
        new RecordCipher(key, journalId).seal(KIND_SNAPSHOT, seq, plain, 0, plain.length, file, CLEAR);
        Path target = fileOf(seq);
        Path temporary = directory.resolve(PREFIX + seq + SUFFIX + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                    CommandJournal.ownerOnly(directory))) {
                ByteBuffer buffer = ByteBuffer.wrap(file);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            CommandJournal.forceDirectory(directory);
            List<Long> kept = sequences();
            while (kept.size() > KEPT) {
                Files.deleteIfExists(fileOf(kept.removeFirst()));
            }
            return kept.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot " + target + "; the journal still holds every"
                    + " command", e);
        }
    }

    Path fileOf(long seq) {
        return directory.resolve(PREFIX + seq + SUFFIX);
    }
}
