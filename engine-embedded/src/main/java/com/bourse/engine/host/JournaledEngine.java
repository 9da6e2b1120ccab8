package com.bourse.engine.host;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The embedded engine with durability: every command is written to a journal before it is applied, and the
 * engine's own snapshot bytes are saved now and then so a restart need not replay everything. After a crash
 * (the desktop killed, not closed) {@link #open} restores the newest intact snapshot and replays the journal that
 * follows it, so the state equals every command whose {@link #apply} returned.
 *
 * <p>The files in the directory: {@code snapshot-<seq>.bin} (engine bytes as of command {@code seq}, with a
 * checksum; written to a temporary file and renamed) and {@code journal-<seq>.log} (the commands after
 * {@code seq}). A new snapshot starts a new journal; older files are deleted once it is safely on disk.
 *
 * <p>Not thread-safe: the hosting's engine thread owns it, as it owns the engine.
 */
public final class JournaledEngine implements AutoCloseable {
    private static final int SNAPSHOT_MAGIC = 0x424A534E; // "BJSN"

    private final Path directory;
    private final EngineConfig config;
    private final Durability durability;
    private Engine engine;
    private CommandJournal journal;
    private long sequence;
    private long snapshotSequence;

    private JournaledEngine(Path directory, EngineConfig config, Durability durability) {
        this.directory = directory;
        this.config = config;
        this.durability = durability;
    }

    /** Opens the engine kept in {@code directory}, recovering it after a crash; creates it when empty. */
    public static JournaledEngine open(Path directory, EngineConfig config, Durability durability) {
        JournaledEngine host = new JournaledEngine(directory, config, durability);
        try {
            Files.createDirectories(directory);
            host.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the engine journal in " + directory, e);
        }
        return host;
    }

    private void recover() throws IOException {
        snapshotSequence = 0;
        engine = null;
        for (long candidate : sequencesOf("snapshot-", ".bin")) {
            Engine restored = readSnapshot(directory.resolve("snapshot-" + candidate + ".bin"));
            if (restored != null && candidate >= snapshotSequence) {
                engine = restored;
                snapshotSequence = candidate;
            }
        }
        if (engine == null) {
            engine = new Engine(config);
        }
        long[] last = {snapshotSequence};
        journal = CommandJournal.open(journalFile(snapshotSequence), snapshotSequence, durability,
                command -> engine.apply(command, EventSink.NONE), last);
        sequence = last[0];
    }

    /** Journals then applies one command; when this returns the command survives a crash. */
    public long apply(Command command, EventSink sink) {
        journal.append(sequence + 1, command);
        journal.commit();
        engine.apply(command, sink);
        return ++sequence;
    }

    /** Journals a batch with one write (and one force), then applies it: group commit for a busy queue. */
    public long applyAll(List<Command> commands, EventSink sink) {
        long next = sequence;
        for (Command command : commands) {
            journal.append(++next, command);
        }
        journal.commit();
        for (Command command : commands) {
            engine.apply(command, sink);
        }
        sequence = next;
        return sequence;
    }

    /** Saves the engine's state, starts a fresh journal and deletes what the snapshot made redundant. */
    public void snapshot() {
        try {
            byte[] bytes = engine.snapshot();
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length + 24);
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeInt(SNAPSHOT_MAGIC);
                out.writeLong(sequence);
                out.writeInt(bytes.length);
                out.writeInt((int) crc.getValue());
                out.write(bytes);
            }
            Path target = directory.resolve("snapshot-" + sequence + ".bin");
            Path temporary = directory.resolve("snapshot-" + sequence + ".tmp");
            Files.write(temporary, buffer.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            CommandJournal previous = journal;
            long[] last = {sequence};
            journal = CommandJournal.open(journalFile(sequence), sequence, durability, command -> {
                throw new IllegalStateException("a fresh journal already holds commands");
            }, last);
            previous.close();
            long kept = sequence;
            snapshotSequence = kept;
            for (long old : sequencesOf("snapshot-", ".bin")) {
                if (old < kept) {
                    Files.deleteIfExists(directory.resolve("snapshot-" + old + ".bin"));
                }
            }
            for (long old : sequencesOf("journal-", ".log")) {
                if (old < kept) {
                    Files.deleteIfExists(journalFile(old));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot failed; the journal still holds every command", e);
        }
    }

    private Engine readSnapshot(Path file) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != SNAPSHOT_MAGIC) {
                return null;
            }
            in.readLong();
            byte[] bytes = new byte[in.readInt()];
            int checksum = in.readInt();
            in.readFully(bytes);
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            return (int) crc.getValue() == checksum ? Engine.restore(config, bytes) : null;
        } catch (IOException | RuntimeException e) {
            // A snapshot cut short by a crash is skipped; an older one and a longer journal cover it.
            return null;
        }
    }

    private List<Long> sequencesOf(String prefix, String suffix) throws IOException {
        List<Long> sequences = new java.util.ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*" + suffix)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    sequences.add(Long.parseLong(name.substring(prefix.length(), name.length() - suffix.length())));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        sequences.sort(null);
        return sequences;
    }

    private Path journalFile(long afterSequence) {
        return directory.resolve("journal-" + afterSequence + ".log");
    }

    /** The engine, for queries on the owning thread. */
    public Engine engine() {
        return engine;
    }

    /** Commands applied since the directory was created (recovered ones included). */
    public long sequence() {
        return sequence;
    }

    public long snapshotSequence() {
        return snapshotSequence;
    }

    @Override
    public void close() {
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
