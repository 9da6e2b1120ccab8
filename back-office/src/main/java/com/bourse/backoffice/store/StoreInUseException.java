package com.bourse.backoffice.store;

import java.nio.file.Path;

/**
 * The database is open in another Bourse process (H2 holds one writer per file): an expected refusal, not a fault,
 * so its message is all there is to say (no stack trace on the console). Nothing was written to the file.
 */
public final class StoreInUseException extends StoreAccessException {
    public StoreInUseException(Path file, Throwable cause) {
        super("The database " + file + " is in use by another Bourse process", cause);
    }
}
