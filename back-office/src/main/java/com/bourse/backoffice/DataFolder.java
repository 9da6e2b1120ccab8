package com.bourse.backoffice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The back office's data folder as files: {@code keys.vault}, {@code db/} (the H2 files), {@code journal/} (the
 * command journal and its snapshots) and {@code installed}, the mark a completed first run leaves. What state it is
 * in decides what a start may do: only a folder with none of these may be set up; an installed one must read as
 * installed or the start stops.
 *
 * <p>A first run is built whole in {@code .setup/} beside them and moved in only once complete, its own mark last
 * ({@link #promoteSetup}), so a first run cut short (a bad sample file, a crash) leaves nothing behind in the folder
 * and the next start simply tries again. Everything is created readable by the owner only (folders 0700, files
 * 0600). Not thread-safe: one start at a time.
 */
public final class DataFolder {
    private static final System.Logger LOG = System.getLogger(DataFolder.class.getName());
    static final String VAULT = "keys.vault";
    static final String DB = "db";
    static final String JOURNAL = "journal";
    static final String INSTALLED = "installed";
    static final String SETUP = ".setup";
    /** What a first run moves in, the mark last: once the mark is in place the installation is complete. */
    private static final List<String> PROMOTED = List.of(VAULT, JOURNAL, DB, INSTALLED);
    /** An empty journal segment is its sealed header alone: magic 8, journal id 16, first sequence 8, nonce 12, tag 16. */
    private static final long EMPTY_SEGMENT = 60;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    /** What a start finds. */
    public enum State {
        /** None of the back office's files: a first run may set it up. */
        EMPTY,
        /** A completed first run's mark: its store must hold what an installation holds. */
        INSTALLED,
        /** Files without the mark: made before the mark existed, or opened without a first run (tests, tools). */
        UNMARKED
    }

    private final Path root;

    public DataFolder(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    public Path vault() {
        return root.resolve(VAULT);
    }

    public Path storeDirectory() {
        return root.resolve(DB);
    }

    public Path journalDirectory() {
        return root.resolve(JOURNAL);
    }

    Path setupDirectory() {
        return root.resolve(SETUP);
    }

    public State state() {
        if (Files.exists(root.resolve(INSTALLED))) {
            return State.INSTALLED;
        }
        boolean any = Files.exists(vault()) || nonEmpty(storeDirectory()) || nonEmpty(journalDirectory());
        return any ? State.UNMARKED : State.EMPTY;
    }

    /**
     * Whether the journal holds any command: a snapshot, a segment after the first, or a segment longer than its
     * header. Read from the files' names and sizes alone, so it needs no key and changes nothing.
     */
    public boolean journalHoldsCommands() {
        if (!Files.isDirectory(journalDirectory())) {
            return false;
        }
        try (Stream<Path> files = Files.list(journalDirectory())) {
            return files.anyMatch(file -> {
                String name = file.getFileName().toString();
                if (name.startsWith("snapshot-")) {
                    return true;
                }
                if (!name.startsWith("journal-")) {
                    return false;
                }
                try {
                    return !name.equals("journal-0.log") || Files.size(file) > EMPTY_SEGMENT;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the size of " + file, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal folder " + journalDirectory(), e);
        }
    }

    /**
     * Settles what a previous first run left in {@code .setup/}: complete (its mark written), it is moved in now;
     * incomplete, it is deleted, and since nothing of it had reached the folder, the first run starts again.
     */
    public void settleSetup() {
        Path setup = setupDirectory();
        if (!Files.exists(setup)) {
            return;
        }
        if (Files.exists(setup.resolve(INSTALLED))) {
            LOG.log(System.Logger.Level.WARNING, "finishing the first run of {0}: moving its files into place", root);
            promoteSetup();
        } else {
            LOG.log(System.Logger.Level.WARNING, "a first run of {0} did not complete; it is discarded and starts"
                    + " again", root);
            deleteTree(setup);
        }
    }

    /** Marks a complete first run in {@code folder} (the {@code .setup/} folder): written last, forced. */
    static void markInstalled(Path folder) {
        Path mark = folder.resolve(INSTALLED);
        String text = "Bourse back office set up at " + Instant.now() + "\n";
        try (FileChannel out = FileChannel.open(mark, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(StandardCharsets.UTF_8.encode(text));
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the installation mark " + mark, e);
        }
        ownerOnly(mark);
        forceDirectory(folder);
    }

    /** Marks an installation found complete but made before the mark existed. */
    void adopt() {
        markInstalled(root);
    }

    /** Moves a complete first run from {@code .setup/} into the folder, the mark last, then removes {@code .setup/}. */
    void promoteSetup() {
        Path setup = setupDirectory();
        for (String name : PROMOTED) {
            Path from = setup.resolve(name);
            Path to = root.resolve(name);
            if (Files.exists(from) && !Files.exists(to)) {
                move(from, to);
            }
        }
        forceDirectory(root);
        deleteTree(setup);
    }

    /** Creates the folder (0700) and tightens everything in it to the owner alone. */
    public void secure() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + root, e);
        }
        if (!POSIX) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                ownerOnly(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the data folder " + root, e);
        }
    }

    /** A file 0600 or a folder 0700; a file that went away meanwhile (H2's temporary files) is no error. */
    static void ownerOnly(Path path) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIR : OWNER_FILE);
        } catch (java.nio.file.NoSuchFileException gone) {
            // H2 removes its temporary files at any time.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + path + " to its owner", e);
        }
    }

    private static boolean nonEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("cannot move " + from + " to " + to + " in one step", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for syncing; the rename itself is still atomic.
            LOG.log(System.Logger.Level.DEBUG, "cannot sync the folder " + dir, e);
        }
    }
}
