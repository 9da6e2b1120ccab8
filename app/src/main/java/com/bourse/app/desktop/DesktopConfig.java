package com.bourse.app.desktop;

import java.nio.file.Path;

/**
 * How the desktop starts, read once from system properties so tests and the launcher can differ:
 * {@code bourse.home} (where workspaces are kept, default {@code ~/.bourse}), {@code bourse.sim.barMillis}
 * (wall time per simulated minute of market, 0 to freeze the market after its warm-up),
 * {@code bourse.sim.warmUpBars} (minutes of market replayed at start, stamped in the recent past so the chart
 * has history) and {@code bourse.sim.seed}.
 *
 * @param home            per-installation folder; each user's workspace lives under {@code workspaces/}
 * @param sampleData      the {@code sample-data/} folder
 * @param barMillis       milliseconds between simulated market minutes; 0 replays only the first one
 * @param warmUpBars      simulated minutes replayed before the window opens
 * @param seed            market simulator seed
 */
public record DesktopConfig(Path home, Path sampleData, long barMillis, int warmUpBars, long seed) {

    public static DesktopConfig fromSystemProperties() {
        Path home = Path.of(System.getProperty("bourse.home", System.getProperty("user.home") + "/.bourse"));
        String data = System.getProperty("bourse.sampleData");
        return new DesktopConfig(home, data == null ? com.bourse.engine.sim.SampleData.locate() : Path.of(data),
                Long.getLong("bourse.sim.barMillis", 1_500), Integer.getInteger("bourse.sim.warmUpBars", 80),
                Long.getLong("bourse.sim.seed", 42));
    }

    public DesktopConfig withHome(Path newHome) {
        return new DesktopConfig(newHome, sampleData, barMillis, warmUpBars, seed);
    }

    public DesktopConfig withBarMillis(long millis) {
        return new DesktopConfig(home, sampleData, millis, warmUpBars, seed);
    }
}
