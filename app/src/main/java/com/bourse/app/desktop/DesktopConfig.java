package com.bourse.app.desktop;

import java.nio.file.Path;

/**
 * How the desktop starts, read once from system properties so tests and the launcher can differ:
 * {@code bourse.home} (where workspaces are kept, default {@code ~/.bourse}), {@code bourse.data} or the
 * environment variable {@code BOURSE_DATA} (the simulation's back-office folder: key vault, H2 store, command
 * journal; default {@code <home>/simulation}), {@code bourse.passphrase} or {@code BOURSE_PASSPHRASE} (the key
 * vault's passphrase; default {@link #TRAINING_PASSPHRASE}), {@code bourse.sim.barMillis} (wall time per
 * simulated minute of market, 0 to freeze the market after its warm-up), {@code bourse.sim.warmUpBars}
 * (minutes of market replayed at start, stamped in the recent past so the chart has history) and
 * {@code bourse.sim.seed}.
 *
 * @param home            per-installation folder; each user's workspace lives under {@code workspaces/}
 * @param sampleData      the {@code sample-data/} folder
 * @param barMillis       milliseconds between simulated market minutes; 0 replays only the first one
 * @param warmUpBars      simulated minutes replayed before the window opens
 * @param seed            market simulator seed
 * @param dataDir         the back office of the simulation (created and seeded on first run)
 * @param passphrase      opens the key vault in {@code dataDir}
 */
public record DesktopConfig(Path home, Path sampleData, long barMillis, int warmUpBars, long seed, Path dataDir,
                            String passphrase) {

    /**
     * The key-vault passphrase of a simulation installation, published like the training passwords: the
     * simulation holds only sample data. Set {@code BOURSE_PASSPHRASE} to protect a folder with real data.
     */
    public static final String TRAINING_PASSPHRASE = "bourse-simulation-training";

    /** The simulation's back office in {@code <home>/simulation}, opened with the training passphrase. */
    public DesktopConfig(Path home, Path sampleData, long barMillis, int warmUpBars, long seed) {
        this(home, sampleData, barMillis, warmUpBars, seed, home == null ? null : home.resolve("simulation"),
                TRAINING_PASSPHRASE);
    }

    public static DesktopConfig fromSystemProperties() {
        Path home = Path.of(System.getProperty("bourse.home", System.getProperty("user.home") + "/.bourse"));
        String data = System.getProperty("bourse.sampleData");
        String dataDir = setting("bourse.data", "BOURSE_DATA");
        String passphrase = setting("bourse.passphrase", "BOURSE_PASSPHRASE");
        return new DesktopConfig(home, data == null ? com.bourse.engine.sim.SampleData.locate() : Path.of(data),
                Long.getLong("bourse.sim.barMillis", 1_500), Integer.getInteger("bourse.sim.warmUpBars", 80),
                Long.getLong("bourse.sim.seed", 42), dataDir == null ? home.resolve("simulation") : Path.of(dataDir),
                passphrase == null ? TRAINING_PASSPHRASE : passphrase);
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value;
    }

    public DesktopConfig withHome(Path newHome) {
        return new DesktopConfig(newHome, sampleData, barMillis, warmUpBars, seed, newHome.resolve("simulation"),
                passphrase);
    }

    public DesktopConfig withBarMillis(long millis) {
        return new DesktopConfig(home, sampleData, millis, warmUpBars, seed, dataDir, passphrase);
    }
}
