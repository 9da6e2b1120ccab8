package com.bourse.app.store;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where and how the back-office database lives.
 *
 * @param directory      folder of the H2 file (created if missing)
 * @param databaseName   file name without H2's {@code .mv.db} suffix
 * @param filePassword   when not null, H2 encrypts the whole file with AES under this secret (from the key vault)
 * @param tradingZone    zone that turns business timestamps into trade dates (blotter days, statements)
 * @param poolSize       connections kept by the pool: one for the projection writer, the rest for the UI
 */
public record StoreConfig(Path directory, String databaseName, char[] filePassword, ZoneId tradingZone,
                          int poolSize) {

    public StoreConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(tradingZone, "tradingZone");
        if (databaseName == null || !databaseName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("databaseName must be 1-64 letters, digits, '_' or '-', got "
                    + databaseName);
        }
        if (poolSize < 2 || poolSize > 32) {
            throw new IllegalArgumentException("poolSize must be in [2, 32], got " + poolSize);
        }
        if (filePassword != null && filePassword.length == 0) {
            throw new IllegalArgumentException("filePassword must not be empty; pass null for an unencrypted file");
        }
    }

    /** An unencrypted store named {@code bourse} in {@code directory}, trade dates in UTC. */
    public static StoreConfig in(Path directory) {
        return new StoreConfig(directory, "bourse", null, ZoneId.of("UTC"), 4);
    }

    public StoreConfig withFilePassword(char[] password) {
        return new StoreConfig(directory, databaseName, password, tradingZone, poolSize);
    }

    public StoreConfig withTradingZone(ZoneId zone) {
        return new StoreConfig(directory, databaseName, filePassword, zone, poolSize);
    }

    public Path databaseFile() {
        return directory.resolve(databaseName + ".mv.db");
    }
}
