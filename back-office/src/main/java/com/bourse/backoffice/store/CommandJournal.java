package com.bourse.backoffice.store;

import com.bourse.protocol.Command;
import com.bourse.protocol.wire.CommandCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The desk's command log, the source of truth every projection is rebuilt from: an append-only file of
 * frames {@code [length][CRC32C][seq, command]} after an 8-byte header. Sequences start at 1 and have no gaps.
 *
 * <p>Appends are buffered; {@link #commit()} writes them and, with {@link Fsync#ON_COMMIT}, forces them to the
 * disk; a command is acknowledged once the commit that covers it returns. After a crash the tail may hold a
 * frame cut short: opening the journal keeps every whole frame whose checksum matches and cuts the rest.
 *
 * <p>Single writer: one thread appends and commits. {@link #read} may run on any thread over the committed part.
 */
public final class CommandJournal implements AutoCloseable {
    static final byte[] MAGIC = "BRSJRNL1".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME_HEADER = 8;
    static final int MAX_FRAME = 1 << 20;

    /** When a commit reaches the disk. */
    public enum Fsync {
        /** Force the file on every commit: survives power loss. */
        ON_COMMIT,
        /** Hand the bytes to the OS on every commit: survives a killed process, not a power cut. */
        OS_ONLY
    }

    /** What opening found: how many whole frames, and how many bytes of a torn tail were cut. */
    public record OpenReport(long lastSeq, long validBytes, long truncatedBytes) {
    }

    private final Path file;
    private final FileChannel channel;
    private final Fsync fsync;
    private final OpenReport openReport;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer pending = ByteBuffer.allocateDirect(1 << 20);
    /** The wire's SBE codec: the journal stores commands exactly as the production engine receives them. */
    private final CommandCodec codec = new CommandCodec();
    private final byte[] scratchBytes = new byte[Long.BYTES + CommandCodec.MAX_ENCODED_LENGTH];
    private final ByteBuffer scratch = ByteBuffer.wrap(scratchBytes);
    private final UnsafeBuffer scratchView = new UnsafeBuffer(scratchBytes);
    private long lastSeq;
    private volatile long committedSeq;
    private volatile long committedBytes;

    private CommandJournal(Path file, FileChannel channel, Fsync fsync, OpenReport report) {
        this.file = file;
        this.channel = channel;
        this.fsync = fsync;
        this.openReport = report;
        this.lastSeq = report.lastSeq();
        this.committedSeq = report.lastSeq();
        this.committedBytes = report.validBytes();
    }

    /** Open or create the journal for appending, cutting a torn tail left by a crash. */
    public static CommandJournal open(Path file, Fsync fsync) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                if (channel.size() < MAGIC.length) {
                    // New, or a crash before the header was whole: nothing acknowledged can be in it.
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(MAGIC), 0);
                    channel.force(true);
                }
                long[] scan = scan(channel, channel.size(), null);
                long validBytes = scan[1];
                long truncated = channel.size() - validBytes;
                if (truncated > 0) {
                    channel.truncate(validBytes);
                    channel.force(true);
                }
                channel.position(validBytes);
                return new CommandJournal(file, channel, fsync, new OpenReport(scan[0], validBytes, truncated));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the command journal " + file, e);
        }
    }

    /** Every whole record of the journal at {@code file}, in order, without changing the file. */
    public static long read(Path file, long afterSeq, Consumer<JournalRecord> reader) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return scan(channel, channel.size(), record -> {
                if (record.seq() > afterSeq) {
                    reader.accept(record);
                }
            })[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command journal " + file, e);
        }
    }

    /** Reads the committed records of this journal after {@code afterSeq}; returns the last sequence read. */
    public long readCommitted(long afterSeq, Consumer<JournalRecord> reader) {
        long limit = committedBytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return scan(channel, limit, record -> {
                if (record.seq() > afterSeq) {
                    reader.accept(record);
                }
            })[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command journal " + file, e);
        }
    }

    /** Buffer one command; it is durable only after the next {@link #commit()}. Returns its sequence. */
    public long append(Command command) {
        long seq = lastSeq + 1;
        ByteBuffer payload = encode(seq, command);
        int length = payload.remaining();
        if (pending.remaining() < FRAME_HEADER + length) {
            flushPending();
            if (pending.capacity() < FRAME_HEADER + length) {
                pending = ByteBuffer.allocateDirect(FRAME_HEADER + length);
            }
        }
        crc.reset();
        crc.update(payload.duplicate());
        pending.putInt(length).putInt((int) crc.getValue()).put(payload);
        lastSeq = seq;
        return seq;
    }

    /** Make every appended command durable (per the fsync policy); returns the last acknowledged sequence. */
    public long commit() {
        flushPending();
        if (fsync == Fsync.ON_COMMIT) {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot force the command journal " + file, e);
            }
        }
        committedSeq = lastSeq;
        return lastSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** The last sequence a commit covered: every command up to it survives a crash. */
    public long committedSeq() {
        return committedSeq;
    }

    public OpenReport openReport() {
        return openReport;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            commit();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the command journal " + file, e);
        }
    }

    private ByteBuffer encode(long seq, Command command) {
        scratch.clear();
        scratch.putLong(seq);
        int length;
        try {
            length = codec.encode(0, seq, command, scratchView, Long.BYTES);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("command cannot be journaled: " + e.getMessage(), e);
        }
        scratch.limit(Long.BYTES + length).position(0);
        return scratch;
    }

    private void flushPending() {
        pending.flip();
        try {
            while (pending.hasRemaining()) {
                channel.write(pending);
            }
            committedBytes = channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the command journal " + file, e);
        } finally {
            pending.clear();
        }
    }

    /**
     * Walks whole, checksummed frames up to {@code limit}; returns {last sequence, end of the last good frame}.
     * A frame that is cut short, fails its checksum, breaks the sequence or does not decode ends the walk.
     */
    private static long[] scan(FileChannel channel, long limit, Consumer<JournalRecord> reader) throws IOException {
        CommandCodec decoder = new CommandCodec();
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length);
        if (limit < MAGIC.length || channel.read(header, 0) < MAGIC.length) {
            return new long[] {0, 0};
        }
        if (!java.util.Arrays.equals(header.array(), MAGIC)) {
            throw new IllegalStateException("not a Bourse command journal (bad header)");
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        buffer.flip();
        long position = MAGIC.length;   // file offset of the next byte to read into the buffer
        long frameStart = MAGIC.length; // file offset of the frame being decoded
        long lastSeq = 0;
        CRC32C crc = new CRC32C();
        while (true) {
            if (buffer.remaining() < FRAME_HEADER) {
                position = refill(channel, buffer, position, limit);
                if (buffer.remaining() < FRAME_HEADER) {
                    break;
                }
            }
            int length = buffer.getInt(buffer.position());
            int expectedCrc = buffer.getInt(buffer.position() + 4);
            if (length < 9 || length > MAX_FRAME) {
                break;
            }
            if (buffer.remaining() < FRAME_HEADER + length) {
                if (buffer.capacity() < FRAME_HEADER + length) {
                    ByteBuffer bigger = ByteBuffer.allocate(FRAME_HEADER + length);
                    bigger.put(buffer).flip();
                    buffer = bigger;
                }
                position = refill(channel, buffer, position, limit);
                if (buffer.remaining() < FRAME_HEADER + length) {
                    break;
                }
            }
            ByteBuffer payload = buffer.slice(buffer.position() + FRAME_HEADER, length);
            crc.reset();
            crc.update(payload.duplicate());
            if ((int) crc.getValue() != expectedCrc) {
                break;
            }
            long seq = payload.getLong();
            if (seq != lastSeq + 1) {
                break;
            }
            // A frame whose checksum matched but whose command does not decode ends the readable journal.
            if (!decoder.decode(new UnsafeBuffer(payload, payload.position(), payload.remaining()), 0,
                    payload.remaining())) {
                break;
            }
            Command command = decoder.command();
            if (reader != null) {
                reader.accept(new JournalRecord(seq, command));
            }
            lastSeq = seq;
            buffer.position(buffer.position() + FRAME_HEADER + length);
            frameStart += FRAME_HEADER + length;
        }
        return new long[] {lastSeq, frameStart};
    }

    private static long refill(FileChannel channel, ByteBuffer buffer, long position, long limit) throws IOException {
        buffer.compact();
        try {
            while (buffer.hasRemaining() && position < limit) {
                int max = (int) Math.min(buffer.remaining(), limit - position);
                ByteBuffer window = buffer.slice(buffer.position(), max);
                int read = channel.read(window, position);
                if (read <= 0) {
                    break;
                }
                buffer.position(buffer.position() + read);
                position += read;
            }
        } finally {
            buffer.flip();
        }
        return position;
    }
}
