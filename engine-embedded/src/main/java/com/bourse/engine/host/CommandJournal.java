package com.bourse.engine.host;

import com.bourse.protocol.Command;
import com.bourse.protocol.wire.CommandCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * An append-only file of commands, each as {@code [length][crc32c][SBE command]} with the command's sequence
 * number as its correlation id. Reading stops at the first record that is torn, corrupt or out of sequence (what a
 * crash mid-write leaves) and cuts the file there, so the next append continues a clean journal.
 *
 * <p>Single-threaded: the engine thread owns it.
 */
final class CommandJournal implements AutoCloseable {
    private static final int RECORD_HEADER = 8;

    private final FileChannel channel;
    private final CommandCodec codec = new CommandCodec();
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer writeView = new UnsafeBuffer(writeBuffer);
    private final CRC32C crc = new CRC32C();
    private final Durability durability;

    private CommandJournal(FileChannel channel, Durability durability) {
        this.channel = channel;
        this.durability = durability;
    }

    /**
     * Opens (creating if needed) the journal whose records follow {@code afterSequence}, hands each intact record
     * to {@code replay} in order, and cuts off whatever follows the last intact one.
     *
     * @return the journal, positioned for appending
     */
    static CommandJournal open(Path file, long afterSequence, Durability durability, Consumer<Command> replay,
                               long[] lastSequence) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        CommandJournal journal = new CommandJournal(channel, durability);
        long good = journal.replay(afterSequence, replay, lastSequence);
        if (channel.size() > good) {
            channel.truncate(good);
            channel.force(true);
        }
        channel.position(good);
        return journal;
    }

    private long replay(long afterSequence, Consumer<Command> replay, long[] lastSequence) throws IOException {
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        long position = 0;
        long expected = afterSequence + 1;
        while (position + RECORD_HEADER <= size) {
            header.clear();
            channel.read(header, position);
            int length = header.getInt(0);
            int checksum = header.getInt(4);
            if (length <= 0 || length > CommandCodec.MAX_ENCODED_LENGTH || position + RECORD_HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            channel.read(payload, position + RECORD_HEADER);
            crc.reset();
            crc.update(payload.array(), 0, length);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            if (!codec.decode(new UnsafeBuffer(payload.array()), 0, length) || codec.correlationId() != expected) {
                break;
            }
            replay.accept(codec.command());
            lastSequence[0] = expected++;
            position += RECORD_HEADER + length;
        }
        return position;
    }

    /** Buffers one command as record {@code sequence}; nothing reaches the file until {@link #commit()}. */
    void append(long sequence, Command command) {
        int at = writeBuffer.position();
        if (at + RECORD_HEADER + CommandCodec.MAX_ENCODED_LENGTH > writeBuffer.capacity()) {
            commit();
            at = 0;
        }
        int length = codec.encode(0, sequence, command, writeView, at + RECORD_HEADER);
        crc.reset();
        ByteBuffer payload = writeBuffer.duplicate();
        payload.position(at + RECORD_HEADER).limit(at + RECORD_HEADER + length);
        crc.update(payload);
        writeView.putInt(at, length, ByteOrder.LITTLE_ENDIAN);
        writeView.putInt(at + 4, (int) crc.getValue(), ByteOrder.LITTLE_ENDIAN);
        writeBuffer.position(at + RECORD_HEADER + length);
    }

    /** Writes what was appended and, for {@link Durability#POWER_LOSS}, forces it to the disk. */
    void commit() {
        try {
            writeBuffer.flip();
            while (writeBuffer.hasRemaining()) {
                channel.write(writeBuffer);
            }
            writeBuffer.clear();
            if (durability == Durability.POWER_LOSS) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal write failed: the command was not applied", e);
        }
    }

    @Override
    public void close() throws IOException {
        commit();
        channel.force(true);
        channel.close();
    }
}
