package com.bourse.backoffice.store;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where and how the back-office database lives: two H2 files in one folder, the back-office file and the
 * projection file beside it ({@link #projectionFile()}).
 *
 * @param directory      folder of the H2 files (created if missing)
 * @param databaseName   back-office file name without H2's {@code .mv.db} suffix; the projection file adds
 *                       {@code -projections}
 * @param filePassword   when not null, H2 encrypts both whole files with AES under this secret (from the key vault)
 * @param tradingZone    zone that turns business timestamps into trade dates (blotter days, statements)
 * @param poolSize       connections kept by each file's pool (the projection writer holds one of its file's)
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

    /** The projection file's H2 name: disposable, rebuilt from the command journal when it cannot be trusted. */
    public String projectionDatabaseName() {
        return databaseName + "-projections";
    }

    public Path projectionFile() {
        return directory.resolve(projectionDatabaseName() + ".mv.db");
    }
}
