package com.bourse.engine.host;

import com.bourse.protocol.Command;
import com.bourse.protocol.wire.CommandCodec;
import org.agrona.concurrent.UnsafeBuffer;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one command journal: the source of truth of an embedded engine and of everything projected from it. A
 * directory of segments {@code journal-<after>.log}, each holding the commands after sequence {@code after}; a new
 * segment starts at each snapshot ({@link #roll}), so a start reads only the segments after the snapshot it
 * restores, and old segments can be kept as history or deleted as a whole.
 *
 * <p>A segment is a header {@code [magic][journal id][after][nonce, tag]} whose tag proves the key opens it, then
 * records {@code [length][~length][nonce][AES-GCM(SBE command)][tag]}. Each record's associated data is the journal
 * id and its sequence, which is implied by its place: a record altered, dropped, swapped or copied from elsewhere
 * fails its tag, and nothing of a command can be read without the key. The length is written twice (as is and
 * inverted) so a damaged length is told from a record cut short.
 *
 * <p>A record may carry an attachment, opaque bytes of its owner's that must be exactly as durable as the command
 * (the back office's audit entry of a command a person sent: one forced write for both, and after a crash a command
 * is never replayed without it). Such a record has the {@link #ATTACHED} bit set in its length, a kind of its own in
 * the associated data (so the bit cannot be flipped unnoticed) and the plaintext
 * {@code [SBE length][SBE command][attachment]}. Records without one are written as before, so journals written
 * before attachments existed read unchanged.
 *
 * <p>What a start forgives and what it refuses: at the end of the newest segment, a record cut short (or a tail of
 * zero bytes, what a power cut leaves in a file extended but never written) is what a crash mid-write leaves; it
 * was never acknowledged, so it is cut. Anything else that fails (a record that is whole but does not authenticate,
 * a damaged length, a torn record in an older segment, a gap between segments, a wrong key) throws
 * {@link JournalDamagedException} naming the file and byte position, and nothing is truncated.
 *
 * <p>Single writer: the engine's thread appends, commits and rolls. {@link #committedSeq()} may be read from any
 * thread; {@link #replay} and {@link #deleteSegmentsBefore} are for the writer's thread too (or before it starts).
 */
public final class CommandJournal implements AutoCloseable {
    static final byte[] MAGIC = "BRSJRNL2".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = MAGIC.length + RecordCipher.ID + Long.BYTES + RecordCipher.NONCE + RecordCipher.TAG;
    static final int RECORD_PREFIX = 2 * Integer.BYTES;
    static final int MIN_SEALED = RecordCipher.NONCE + 1 + RecordCipher.TAG;
    /** Largest attachment a record carries (an audit entry's text is at most a few thousand characters). */
    public static final int MAX_ATTACHMENT = 24 * 1024;
    /** Set in a record's length when the record carries an attachment. */
    static final int ATTACHED = 1 << 30;
    static final int MAX_PLAIN = Integer.BYTES + CommandCodec.MAX_ENCODED_LENGTH + MAX_ATTACHMENT;
    static final int MAX_SEALED = RecordCipher.NONCE + MAX_PLAIN + RecordCipher.TAG;
    static final byte KIND_HEADER = 'H';
    static final byte KIND_COMMAND = 'C';
    static final byte KIND_ATTACHED = 'A';
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".log";
    private static final int BUFFER = 1 << 20;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What opening found: the last whole record, and how many bytes of a torn tail were cut. */
    public record OpenReport(long lastSeq, long truncatedBytes) {
    }

    private final Path directory;
    private final SecretKey key;
    private final Durability durability;
    private final byte[] journalId;
    private final RecordCipher cipher;
    private final CommandCodec codec = new CommandCodec();
    private final byte[] plain = new byte[MAX_PLAIN];
    private final UnsafeBuffer plainView = new UnsafeBuffer(plain);
    private final byte[] pending = new byte[BUFFER];
    private final OpenReport openReport;
    private int pendingLength;
    private FileChannel channel;
    private Path segment;
    private volatile long segmentAfter;
    /** End of the newest segment's last whole record, as found on open (replay reads no further). */
    private long lastSegmentEnd;
    private long lastSeq;
    private volatile long committedSeq;
    private long commits;
    private boolean failed;

    private CommandJournal(Path directory, SecretKey key, Durability durability, byte[] journalId,
                           OpenReport report) {
        this.directory = directory;
        this.key = key;
        this.durability = durability;
        this.journalId = journalId;
        this.cipher = new RecordCipher(key, journalId);
        this.openReport = report;
        this.lastSeq = report.lastSeq();
        this.committedSeq = report.lastSeq();
    }

    /**
     * Opens (creating when the directory has none) the journal in {@code directory}: checks every segment's header
     * with {@code key}, reads the newest segment to its end and cuts a torn tail, and positions for appending.
     * Reads no older segment: start-up costs the newest segment, not the history.
     *
     * @throws JournalDamagedException when a header or a record of the newest segment fails its check
     */
    public static CommandJournal open(Path directory, SecretKey key, Durability durability) {
        try {
            Files.createDirectories(directory);
            List<Long> segments = segments(directory);
            if (segments.isEmpty()) {
                byte[] id = RecordCipher.newJournalId();
                CommandJournal journal = new CommandJournal(directory, key, durability, id, new OpenReport(0, 0));
                journal.startSegment(0);
                return journal;
            }
            byte[] id = null;
            RecordCipher check = null;
            long newest = segments.getLast();
            for (long after : segments) {
                Path file = fileOf(directory, after);
                if (after == newest && Files.size(file) < HEADER) {
                    continue; // a crash while the newest segment's header was written: it holds nothing yet
                }
                byte[] header = readHeader(file);
                if (id == null) {
                    id = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + RecordCipher.ID);
                    check = new RecordCipher(key, id);
                }
                checkHeader(file, header, after, id, check);
            }
            if (id == null) {
                throw new JournalDamagedException(fileOf(directory, newest), 0,
                        "the only segment has no whole header: not a journal this build can read");
            }
            Path newestFile = fileOf(directory, newest);
            if (Files.size(newestFile) < HEADER) {
                Files.delete(newestFile);
                CommandJournal journal = new CommandJournal(directory, key, durability, id,
                        new OpenReport(newest, 0));
                journal.startSegment(newest);
                return journal;
            }
            SegmentReader reader = new SegmentReader(newestFile, check, newest, true);
            long end;
            long size;
            try (FileChannel read = FileChannel.open(newestFile, StandardOpenOption.READ)) {
                size = read.size();
                end = reader.read(read, size, Long.MIN_VALUE, null);
            }
            CommandJournal journal = new CommandJournal(directory, key, durability, id,
                    new OpenReport(reader.lastSeq, size - end));
            journal.channel = FileChannel.open(newestFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (size > end) {
                journal.channel.truncate(end);
                journal.channel.force(true);
            }
            journal.channel.position(end);
            journal.segment = newestFile;
            journal.segmentAfter = newest;
            journal.lastSegmentEnd = end;
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the command journal in " + directory, e);
        }
    }

    /**
     * Hands every record after {@code afterSeq} to {@code reader}, in order, authenticating each, from the
     * segment that holds {@code afterSeq + 1} to the end found on open. Call before appending.
     *
     * @throws JournalDamagedException when a record fails, a segment is missing between two others, or the history
     *                                 before {@code afterSeq} was deleted
     */
    public void replay(long afterSeq, Consumer<JournalRecord> reader) {
        if (afterSeq >= lastSeq) {
            return;
        }
        try {
            List<Long> segments = segments(directory);
            int first = -1;
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i) <= afterSeq) {
                    first = i;
                }
            }
            if (first < 0) {
                throw new JournalDamagedException(directory, 0, "no segment holds command " + (afterSeq + 1)
                        + " (the oldest kept begins after " + (segments.isEmpty() ? "nothing" : segments.getFirst())
                        + "): the history before it was deleted");
            }
            long expected = segments.get(first);
            for (int i = first; i < segments.size(); i++) {
                long after = segments.get(i);
                Path file = fileOf(directory, after);
                if (after != expected) {
                    throw new JournalDamagedException(file, 0, "segment begins after command " + after
                            + " but the one before it ends at " + expected + ": segments are missing");
                }
                boolean newest = i == segments.size() - 1;
                SegmentReader segmentReader = new SegmentReader(file, new RecordCipher(key, journalId), after, newest);
                try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
                    segmentReader.read(read, newest ? lastSegmentEnd : read.size(), afterSeq, reader);
                }
                expected = segmentReader.lastSeq;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command journal in " + directory, e);
        }
    }

    /** Buffers one command; it is durable only after the next {@link #commit()}. Returns its sequence. */
    public long append(Command command) {
        return append(command, null);
    }

    /**
     * Buffers one command with its attachment (null for none), sealed in the same record: both are durable after
     * the next {@link #commit()}, or neither is. Returns its sequence.
     *
     * @throws IllegalArgumentException when the command cannot be encoded or the attachment exceeds
     *                                  {@link #MAX_ATTACHMENT}; nothing is buffered then
     */
    public long append(Command command, byte[] attachment) {
        requireUsable();
        if (attachment != null && attachment.length > MAX_ATTACHMENT) {
            throw new IllegalArgumentException("an attachment of " + attachment.length + " bytes is over the "
                    + MAX_ATTACHMENT + " a journal record carries");
        }
        long seq = lastSeq + 1;
        int at = attachment == null ? 0 : Integer.BYTES;
        int length;
        try {
            length = codec.encode(0, seq, command, plainView, at);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("command cannot be journaled: " + e.getMessage(), e);
        }
        byte kind = KIND_COMMAND;
        if (attachment != null) {
            plainView.putInt(0, length, ByteOrder.LITTLE_ENDIAN);
            System.arraycopy(attachment, 0, plain, at + length, attachment.length);
            length = at + length + attachment.length;
            kind = KIND_ATTACHED;
        }
        if (pendingLength + RECORD_PREFIX + MAX_SEALED > pending.length) {
            flush();
        }
        int sealed = cipher.seal(kind, seq, plain, 0, length, pending, pendingLength + RECORD_PREFIX);
        int word = attachment == null ? sealed : sealed | ATTACHED;
        ByteBuffer prefix = ByteBuffer.wrap(pending, pendingLength, RECORD_PREFIX).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putInt(word).putInt(~word);
        pendingLength += RECORD_PREFIX + sealed;
        lastSeq = seq;
        return seq;
    }

    /**
     * Writes what was appended and, for {@link Durability#POWER_LOSS}, forces it to the disk: every command up to
     * the returned sequence is now acknowledged. A failed write leaves the journal unusable (the caller's state
     * has commands the file may not): restart to recover.
     */
    public long commit() {
        requireUsable();
        flush();
        if (durability == Durability.POWER_LOSS) {
            try {
                channel.force(false);
            } catch (IOException e) {
                failed = true;
                throw new UncheckedIOException("cannot force the command journal " + segment, e);
            }
        }
        committedSeq = lastSeq;
        commits++;
        return lastSeq;
    }

    /** Group commits so far (each one forced write for {@link Durability#POWER_LOSS}); read on the writer's thread. */
    public long commits() {
        return commits;
    }

    /**
     * Commits, forces the current segment to the disk and starts a new one after {@link #lastSeq()}: done when a
     * snapshot is taken at that sequence, so a start from it reads only what follows.
     */
    public void roll() {
        commit();
        if (lastSeq == segmentAfter) {
            return;
        }
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException("cannot close the journal segment " + segment, e);
        }
        startSegment(lastSeq);
    }

    /**
     * Deletes the segments whose every command is at or before {@code seq} (never the one being written).
     * Returns how many were deleted.
     */
    public int deleteSegmentsBefore(long seq) {
        try {
            List<Long> segments = segments(directory);
            int deleted = 0;
            for (int i = 0; i + 1 < segments.size(); i++) {
                if (segments.get(i + 1) <= seq && segments.get(i) != segmentAfter) {
                    Files.deleteIfExists(fileOf(directory, segments.get(i)));
                    deleted++;
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old journal segments in " + directory, e);
        }
    }

    /** The sequence of the last command appended (committed or not). */
    public long lastSeq() {
        return lastSeq;
    }

    /** The last sequence a commit covered: every command up to it survives a crash. Any thread. */
    public long committedSeq() {
        return committedSeq;
    }

    public OpenReport openReport() {
        return openReport;
    }

    public Path directory() {
        return directory;
    }

    /** The sequence after which the segment being written begins. */
    public long segmentAfter() {
        return segmentAfter;
    }

    byte[] journalId() {
        return journalId.clone();
    }

    SecretKey key() {
        return key;
    }

    @Override
    public void close() {
        try {
            if (!failed && channel != null) {
                commit();
                channel.force(true);
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the command journal " + segment, e);
        }
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    private void startSegment(long after) {
        Path file = fileOf(directory, after);
        try {
            byte[] header = new byte[HEADER];
            System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
            System.arraycopy(journalId, 0, header, MAGIC.length, RecordCipher.ID);
            ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putLong(MAGIC.length + RecordCipher.ID, after);
            int authenticated = MAGIC.length + RecordCipher.ID + Long.BYTES;
            cipher.seal(KIND_HEADER, after, header, 0, 0, header, authenticated);
            FileChannel created = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE), ownerOnly(directory));
            ByteBuffer out = ByteBuffer.wrap(header);
            while (out.hasRemaining()) {
                created.write(out);
            }
            created.force(true);
            forceDirectory(directory);
            channel = created;
            segment = file;
            segmentAfter = after;
            lastSegmentEnd = HEADER;
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException("cannot start the journal segment " + file, e);
        }
    }

    private void flush() {
        if (pendingLength == 0) {
            return;
        }
        try {
            ByteBuffer out = ByteBuffer.wrap(pending, 0, pendingLength);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            lastSegmentEnd = channel.position();
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException("journal write failed: the commands were not acknowledged", e);
        } finally {
            pendingLength = 0;
        }
    }

    private void requireUsable() {
        if (failed) {
            throw new IllegalStateException("the command journal in " + directory + " failed a write; restart to"
                    + " recover from what it holds");
        }
    }

    /**
     * Created read-write for the owner alone (0600), like the database beside it, where the file system has POSIX
     * permissions: commands are encrypted, yet nobody else on the machine needs to read or copy them.
     */
    static FileAttribute<?>[] ownerOnly(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can force a directory; the rename or creation is then as durable as it gets.
        }
    }

    private static byte[] readHeader(Path file) throws IOException {
        byte[] header = new byte[HEADER];
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer in = ByteBuffer.wrap(header);
            while (in.hasRemaining() && read.read(in) > 0) {
                // keep reading
            }
            if (in.hasRemaining()) {
                throw new JournalDamagedException(file, 0, "the segment header is cut short");
            }
        }
        return header;
    }

    private static void checkHeader(Path file, byte[] header, long after, byte[] id, RecordCipher cipher) {
        if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new JournalDamagedException(file, 0, "not a Bourse command journal segment (bad magic)");
        }
        if (!Arrays.equals(header, MAGIC.length, MAGIC.length + RecordCipher.ID, id, 0, RecordCipher.ID)) {
            throw new JournalDamagedException(file, MAGIC.length, "the segment belongs to another journal");
        }
        long written = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong(MAGIC.length + RecordCipher.ID);
        int authenticated = MAGIC.length + RecordCipher.ID + Long.BYTES;
        if (written != after || cipher.open(KIND_HEADER, after, header, authenticated, HEADER - authenticated,
                new byte[0]) != 0) {
            throw new JournalDamagedException(file, 0, "the key does not open this segment: a wrong key, or the"
                    + " header (or the file name) was altered");
        }
    }

    static List<Long> segments(Path directory) throws IOException {
        List<Long> sequences = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return sequences;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    sequences.add(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        sequences.sort(null);
        return sequences;
    }

    static Path fileOf(Path directory, long after) {
        return directory.resolve(PREFIX + after + SUFFIX);
    }

    /**
     * Walks the records of one segment: authenticates and decodes each after {@code skipThrough} (steps over the
     * others by their checked length), and classifies how the segment ends.
     */
    private static final class SegmentReader {
        private final Path file;
        private final RecordCipher cipher;
        private final boolean newest;
        private final CommandCodec decoder = new CommandCodec();
        private final byte[] plain = new byte[MAX_PLAIN + RecordCipher.TAG];
        private final UnsafeBuffer plainView = new UnsafeBuffer(plain);
        long lastSeq;

        SegmentReader(Path file, RecordCipher cipher, long after, boolean newest) {
            this.file = file;
            this.cipher = cipher;
            this.newest = newest;
            this.lastSeq = after;
        }

        /** Returns the end of the last whole record; throws on anything but a torn tail of the newest segment. */
        long read(FileChannel channel, long limit, long skipThrough, Consumer<JournalRecord> reader)
                throws IOException {
            byte[] bytes = new byte[BUFFER];
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long bufferStart = HEADER; // file offset of bytes[0]
            int filled = 0;
            int at = 0;
            while (true) {
                long position = bufferStart + at;
                if (filled - at < RECORD_PREFIX + MAX_SEALED && bufferStart + filled < limit) {
                    System.arraycopy(bytes, at, bytes, 0, filled - at);
                    filled -= at;
                    bufferStart += at;
                    at = 0;
                    buffer.clear().position(filled);
                    while (buffer.hasRemaining() && bufferStart + buffer.position() < limit) {
                        buffer.limit((int) Math.min(bytes.length, limit - bufferStart));
                        if (channel.read(buffer, bufferStart + buffer.position()) <= 0) {
                            break;
                        }
                    }
                    filled = buffer.position();
                }
                int available = filled - at;
                if (available == 0) {
                    return position;
                }
                if (available < RECORD_PREFIX
                        || allZero(bytes, at, filled) && zeroToEnd(channel, bufferStart + filled, limit)) {
                    return torn(position, "a record prefix cut short, or zeros a power cut left");
                }
                int word = buffer.getInt(at);
                boolean attached = (word & ATTACHED) != 0;
                int length = word & ~ATTACHED;
                if (buffer.getInt(at + Integer.BYTES) != ~word || length < MIN_SEALED || length > MAX_SEALED) {
                    throw new JournalDamagedException(file, position, "record " + (lastSeq + 1)
                            + " has a damaged length: the file was altered");
                }
                if (available < RECORD_PREFIX + length) {
                    return torn(position, "record " + (lastSeq + 1) + " cut short");
                }
                long seq = lastSeq + 1;
                if (seq > skipThrough) {
                    int plainLength = cipher.open(attached ? KIND_ATTACHED : KIND_COMMAND, seq, bytes,
                            at + RECORD_PREFIX, length, plain);
                    if (plainLength < 0) {
                        throw new JournalDamagedException(file, position, "record " + seq + " does not"
                                + " authenticate: it was altered, moved, dropped or copied from another journal,"
                                + " or the key is wrong");
                    }
                    int commandAt = 0;
                    int commandLength = plainLength;
                    if (attached) {
                        commandAt = Integer.BYTES;
                        commandLength = plainLength < Integer.BYTES ? -1
                                : plainView.getInt(0, ByteOrder.LITTLE_ENDIAN);
                    }
                    if (commandLength < 0 || commandAt + commandLength > plainLength
                            || !decoder.decode(plainView, commandAt, commandLength)
                            || decoder.correlationId() != seq) {
                        throw new JournalDamagedException(file, position, "record " + seq + " authenticates but"
                                + " does not decode: written by another version?");
                    }
                    if (reader != null) {
                        byte[] attachment = attached ? Arrays.copyOfRange(plain, commandAt + commandLength,
                                plainLength) : null;
                        reader.accept(new JournalRecord(seq, decoder.command(), attachment));
                    }
                }
                lastSeq = seq;
                at += RECORD_PREFIX + length;
            }
        }

        private long torn(long position, String what) {
            if (!newest) {
                throw new JournalDamagedException(file, position, what + " in a closed segment: the file was"
                        + " altered or cut");
            }
            return position;
        }

        private static boolean zeroToEnd(FileChannel channel, long from, long limit) throws IOException {
            ByteBuffer rest = ByteBuffer.allocate(BUFFER);
            for (long position = from; position < limit; ) {
                rest.clear().limit((int) Math.min(BUFFER, limit - position));
                int read = channel.read(rest, position);
                if (read <= 0 || !allZero(rest.array(), 0, read)) {
                    return read <= 0;
                }
                position += read;
            }
            return true;
        }

        private static boolean allZero(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
