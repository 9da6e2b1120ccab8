package com.bourse.backoffice;

import com.bourse.backoffice.audit.AuditVerification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Verified copies of a data folder, and putting one back. A backup first opens the back office (key vault, every
 * row of the store, the whole journal, the audit chain: whatever is damaged stops it, naming the file), closes it,
 * copies its files into a new folder with a {@code MANIFEST} of their SHA-256 sums, and reads the copies back
 * against the sums. A restore checks every sum first and refuses a copy that does not match; the folder it replaces
 * is moved aside, never deleted. Neither runs while the desktop has the folder open (H2 holds a lock on it).
 */
public final class Backups {
    static final String MANIFEST = "MANIFEST";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** What a backup wrote. */
    public record Copy(Path folder, int files, long bytes) {
    }

    /** Where backups of {@code dataDir} go unless told otherwise: {@code <dataDir>-backups} beside it. */
    public static Path defaultRoot(Path dataDir) {
        Path data = dataDir.toAbsolutePath();
        return data.resolveSibling(data.getFileName() + "-backups");
    }

    /**
     * Verifies the installation in {@code options.dataDir()} and copies it to a new folder under {@code root},
     * named by the time (UTC). Refuses a folder that is not installed or whose audit chain is broken.
     */
    public static Copy backup(BackOffice.Options options, Path root) {
        DataFolder folder = new DataFolder(options.dataDir());
        if (folder.state() != DataFolder.State.INSTALLED) {
            throw new IllegalStateException("nothing to back up: " + folder.root() + " holds no installation");
        }
        try (BackOffice office = BackOffice.open(options)) {
            AuditVerification audit = office.auditVerified().join();
            if (!audit.intact()) {
                throw new IllegalStateException("not backed up: the audit trail is broken at entry "
                        + audit.firstBadSeq() + " (" + audit.message() + "); restore an earlier backup instead");
            }
        }
        Path target = root.toAbsolutePath().resolve("bourse-" + STAMP.format(Instant.now()));
        Map<String, String> sums = new LinkedHashMap<>();
        long bytes = 0;
        try {
            Files.createDirectories(root);
            DataFolder.ownerOnly(root);
            Files.createDirectory(target);
            DataFolder.ownerOnly(target);
            for (Path file : filesOf(folder.root())) {
                String name = folder.root().relativize(file).toString();
                Path copy = target.resolve(name);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                sums.put(name, sha256(file));
                bytes += Files.size(file);
            }
            StringBuilder manifest = new StringBuilder();
            sums.forEach((name, sum) -> manifest.append(sum).append("  ").append(name).append('\n'));
            Files.writeString(target.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + target, e);
        }
        new DataFolder(target).secure();
        List<String> bad = mismatches(target);
        if (!bad.isEmpty()) {
            throw new IllegalStateException("the backup " + target + " does not read back as written: " + bad);
        }
        return new Copy(target, sums.size(), bytes);
    }

    /**
     * Puts the backup in {@code backup} in place of {@code dataDir}: every file is checked against the manifest
     * first; an existing folder is moved to {@code <dataDir>.before-restore-<time>}. Returns where it went, or null
     * when there was no folder.
     */
    public static Path restore(Path backup, Path dataDir) {
        List<String> bad = mismatches(backup);
        if (!bad.isEmpty()) {
            throw new IllegalStateException("not restored: the backup " + backup + " is damaged (" + bad
                    + "); nothing was changed");
        }
        Path data = dataDir.toAbsolutePath();
        Path staging = data.resolveSibling(data.getFileName() + ".restoring");
        Path aside = null;
        try {
            if (Files.exists(staging)) {
                DataFolder.deleteTree(staging);
            }
            Files.createDirectories(staging);
            for (String name : manifest(backup).keySet()) {
                Path copy = staging.resolve(name);
                Files.createDirectories(copy.getParent());
                Files.copy(backup.resolve(name), copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            new DataFolder(staging).secure();
            if (Files.exists(data)) {
                aside = data.resolveSibling(data.getFileName() + ".before-restore-" + STAMP.format(Instant.now()));
                Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + backup + " into " + data
                    + (aside == null ? "" : "; the folder it replaces is in " + aside), e);
        }
        return aside;
    }

    /** Files whose sum is not the manifest's (or that are missing); empty when the copy is sound. */
    static List<String> mismatches(Path backup) {
        List<String> bad = new ArrayList<>();
        manifest(backup).forEach((name, sum) -> {
            Path file = backup.resolve(name);
            if (!Files.isRegularFile(file)) {
                bad.add(name + " is missing");
            } else if (!sha256(file).equals(sum)) {
                bad.add(name + " does not match its checksum");
            }
        });
        return bad;
    }

    private static Map<String, String> manifest(Path backup) {
        Path file = backup.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(backup + " is not a Bourse backup: it has no " + MANIFEST);
        }
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int split = line.indexOf("  ");
                if (split != 64 || line.length() <= 66 || line.contains("..")) {
                    throw new IllegalStateException(file + " is damaged: '" + line + "'");
                }
                sums.put(line.substring(66), line.substring(0, 64));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return sums;
    }

    /** The installation's files: the mark, the vault, the store files and the journal (not H2's trace or lock files). */
    private static List<Path> filesOf(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                Path relative = root.relativize(p);
                return !relative.startsWith(DataFolder.SETUP) && !name.endsWith(".trace.db")
                        && !name.endsWith(".lock.db") && !name.endsWith(".tmp")
                        && (relative.getNameCount() == 1
                        ? name.equals(DataFolder.VAULT) || name.equals(DataFolder.INSTALLED)
                        : relative.startsWith(DataFolder.DB) || relative.startsWith(DataFolder.JOURNAL));
            }).sorted().toList();
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
