package com.bourse.engine.host;

import java.nio.file.Path;

/**
 * A journal or snapshot file that cannot be trusted: a record altered, dropped or moved, a file from another
 * journal, or a key that does not open it. Start-up stops here and changes nothing, so the files can be kept for
 * inspection; only a record torn by a crash at the very end of the journal is ever cut without asking.
 */
public final class JournalDamagedException extends IllegalStateException {
    private final transient Path file;
    private final long position;

    JournalDamagedException(Path file, long position, String problem) {
        super(file + " at byte " + position + ": " + problem);
        this.file = file;
        this.position = position;
    }

    /** The file that failed its check. */
    public Path file() {
        return file;
    }

    /** Byte offset in {@link #file()} of the record or header that failed. */
    public long position() {
        return position;
    }
}
