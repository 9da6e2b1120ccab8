package com.bourse.backoffice.store;

import java.nio.file.Path;

/**
 * A back-office file that exists but cannot be what this installation wrote: H2 cannot read it, or it reads as
 * empty (no users, no audit trail) although the installation was set up. The start stops and nothing is written
 * to it; the message names the file and says how to recover. Fit to show the person starting the desk.
 */
public final class StoreDamagedException extends RuntimeException {
    private final Path file;

    public StoreDamagedException(Path file, String problem, Throwable cause) {
        super("The back-office database " + file + " is damaged: " + problem + ". Nothing was written to it."
                + " Restore the data folder from a backup (./bourse restore, see README \"Backups\") or move it"
                + " aside; the desktop starts a new installation only in an empty data folder.", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
