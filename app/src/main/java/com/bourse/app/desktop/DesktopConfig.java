package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.ui.port.VenueMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the desktop starts, read once from system properties, environment variables and the user's configuration
 * file ({@link DesktopSettings}) so tests and the launcher can differ:
 * {@code bourse.home} (where workspaces are kept, default the user's data folder: {@link UserFolders}), {@code bourse.data} or the
 * environment variable {@code BOURSE_DATA} (the back-office folder: key vault, H2 store, command journal; default
 * {@code <home>/simulation}, or {@code <home>/live} when live), {@code bourse.passphrase} or
 * {@code BOURSE_PASSPHRASE} (the key vault's passphrase; default {@link #TRAINING_PASSPHRASE}),
 * {@code bourse.sim.barMillis} (wall time per simulated minute of market, 0 to freeze the market after its
 * warm-up), {@code bourse.sim.warmUpBars} (minutes of market replayed at start, stamped in the recent past so the
 * chart has history) and {@code bourse.sim.seed}.
 *
 * <p>Live trading: {@code bourse.mode=live} (or {@code BOURSE_MODE}; default {@code simulation}), then
 * {@code bourse.cluster} (or {@code BOURSE_CLUSTER}) the cluster members' ingress, {@code host:port,host:port,...}
 * in member order or {@code 0=host:port,1=host:port,...}; these may also come from {@code bourse.properties}, by
 * named profile. The desktop holds no key of the cluster's: users sign in to the cluster itself. Bad values fail at
 * start with one message naming each of them.
 *
 * @param home       per-installation folder; each user's workspace lives under {@code workspaces/}
 * @param sampleData the {@code sample-data/} folder
 * @param barMillis  milliseconds between simulated market minutes; 0 replays only the first one
 * @param warmUpBars simulated minutes replayed before the window opens
 * @param seed       market simulator seed
 * @param dataDir    the back office (created and seeded from sample data on first run)
 * @param passphrase opens the key vault in {@code dataDir}
 * @param mode       simulation (embedded engine) or live (the production cluster)
 * @param cluster    where the production cluster is; null in simulation
 */
public record DesktopConfig(Path home, Path sampleData, long barMillis, int warmUpBars, long seed, Path dataDir,
                            String passphrase, VenueMode mode, Cluster cluster) {

    /**
     * The key-vault passphrase of a simulation installation, published like the training passwords: the
     * simulation holds only sample data. Set {@code BOURSE_PASSPHRASE} to protect a folder with real data.
     */
    public static final String TRAINING_PASSPHRASE = com.bourse.backoffice.BackOffice.TRAINING_PASSPHRASE;

    public DesktopConfig {
        java.util.Objects.requireNonNull(mode, "mode");
        if (mode == VenueMode.LIVE && cluster == null) {
            throw new IllegalArgumentException("live mode needs the cluster settings (bourse.cluster)");
        }
    }

    /**
     * The production cluster as the desktop reaches it.
     *
     * @param ingressEndpoints the members' ingress as {@code ClusterVenueConfig} wants it: {@code 0=host:port,...}
     */
    public record Cluster(String ingressEndpoints) {

        /**
         * Parses {@code host:port,host:port} (members 0, 1, ... in order) or {@code 0=host:port,1=host:port} into
         * the second form; fails naming {@code bourse.cluster}.
         */
        public static String parseEndpoints(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("bourse.cluster: the cluster's ingress endpoints are missing "
                        + "(e.g. -Dbourse.cluster=localhost:20000,localhost:20010,localhost:20020)");
            }
            StringBuilder out = new StringBuilder();
            String[] members = value.strip().split(",");
            for (int i = 0; i < members.length; i++) {
                String member = members[i].strip();
                int equals = member.indexOf('=');
                String id = String.valueOf(i);
                if (equals >= 0) {
                    id = member.substring(0, equals).strip();
                    member = member.substring(equals + 1).strip();
                    if (!id.matches("\\d{1,3}")) {
                        throw bad(value, "member id '" + id + "' is not a number");
                    }
                }
                int colon = member.lastIndexOf(':');
                if (colon <= 0 || colon == member.length() - 1) {
                    throw bad(value, "'" + member + "' is not host:port");
                }
                int port;
                try {
                    port = Integer.parseInt(member.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw bad(value, "port of '" + member + "' is not a number");
                }
                if (port < 1 || port > 65_535) {
                    throw bad(value, "port " + port + " is outside 1..65535");
                }
                out.append(i == 0 ? "" : ",").append(id).append('=').append(member);
            }
            return out.toString();
        }

        private static IllegalArgumentException bad(String value, String why) {
            return new IllegalArgumentException("bourse.cluster: " + why + " in '" + value + "'");
        }
    }

    /** A simulation with the given back-office folder. */
    public DesktopConfig(Path home, Path sampleData, long barMillis, int warmUpBars, long seed, Path dataDir,
                         String passphrase) {
        this(home, sampleData, barMillis, warmUpBars, seed, dataDir, passphrase, VenueMode.SIMULATION, null);
    }

    /** The simulation's back office in {@code <home>/simulation}, opened with the training passphrase. */
    public DesktopConfig(Path home, Path sampleData, long barMillis, int warmUpBars, long seed) {
        this(home, sampleData, barMillis, warmUpBars, seed, home == null ? null : home.resolve("simulation"),
                TRAINING_PASSPHRASE);
    }

    /**
     * The process's configuration (system properties, environment, the user's {@code bourse.properties}; see
     * {@link DesktopSettings}); every wrong value is named in one message, one line each.
     */
    public static DesktopConfig fromSystemProperties() {
        return load(DesktopSettings.ofProcess()).config();
    }

    /** A configuration and the settings it was made of, each with its value and where it came from. */
    record Loaded(DesktopConfig config, List<DesktopSettings.Setting> effective) {
    }

    /** The process's configuration and its effective settings (for the settings window). */
    static Loaded loadFromProcess() {
        return load(DesktopSettings.ofProcess());
    }

    static Loaded load(DesktopSettings settings) {
        List<String> problems = new ArrayList<>(settings.problems());
        String homeSetting = System.getProperty("bourse.home");
        Path home = homeSetting != null ? Path.of(homeSetting)
                : UserFolders.of(System::getProperty, System::getenv).data();
        String data = System.getProperty("bourse.sampleData");
        String dataDir = settings.get("data");
        String passphrase = settings.get("passphrase");
        VenueMode mode = VenueMode.SIMULATION;
        try {
            mode = mode(settings.get("mode"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        settings.defaulted("mode", mode.name().toLowerCase(Locale.ROOT));
        Cluster cluster = null;
        if (mode == VenueMode.LIVE) {
            String endpoints = null;
            try {
                endpoints = Cluster.parseEndpoints(settings.get("cluster"));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            if (endpoints != null) {
                cluster = new Cluster(endpoints);
            }
        }
        long barMillis = longSetting(settings, "sim.barMillis", 1_500, problems);
        long warmUpBars = longSetting(settings, "sim.warmUpBars", 80, problems);
        long seed = longSetting(settings, "sim.seed", 42, problems);
        Path sampleData = null;
        try {
            sampleData = data == null ? SampleWorld.locate() : Path.of(data);
        } catch (IllegalStateException e) {
            problems.add("bourse.sampleData: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() == 1 ? problems.getFirst()
                    : problems.size() + " settings are wrong:\n  " + String.join("\n  ", problems));
        }
        String defaultData = mode == VenueMode.LIVE ? "live" : "simulation";
        Path backOffice = dataDir == null ? home.resolve(defaultData) : Path.of(dataDir);
        settings.defaulted("data", backOffice.toString());
        DesktopConfig config = new DesktopConfig(home, sampleData, barMillis, (int) warmUpBars, seed, backOffice,
                passphrase == null ? TRAINING_PASSPHRASE : passphrase, mode, cluster);
        List<DesktopSettings.Setting> effective = new ArrayList<>();
        effective.add(new DesktopSettings.Setting("bourse.home", home.toString(),
                homeSetting != null ? "-Dbourse.home" : "default"));
        effective.add(new DesktopSettings.Setting("bourse.sampleData", sampleData.toString(),
                data != null ? "-Dbourse.sampleData" : "default"));
        for (DesktopSettings.Setting setting : settings.effective()) {
            // The vault's passphrase is a secret: the window says where it came from, never what it is.
            effective.add(setting.name().equals("bourse.passphrase")
                    ? new DesktopSettings.Setting(setting.name(), "(set, not shown)", setting.source()) : setting);
        }
        return new Loaded(config, List.copyOf(effective));
    }

    static VenueMode mode(String value) {
        if (value == null) {
            return VenueMode.SIMULATION;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "simulation" -> VenueMode.SIMULATION;
            case "live" -> VenueMode.LIVE;
            default -> throw new IllegalArgumentException("bourse.mode must be simulation or live, got '" + value
                    + "'");
        };
    }

    private static long longSetting(DesktopSettings settings, String name, long otherwise, List<String> problems) {
        String value = settings.get(name);
        if (value == null) {
            settings.defaulted(name, String.valueOf(otherwise));
            return otherwise;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add("bourse." + name + " must be a whole number, got '" + value + "'");
            return otherwise;
        }
    }

    public DesktopConfig withHome(Path newHome) {
        return new DesktopConfig(newHome, sampleData, barMillis, warmUpBars, seed,
                newHome.resolve(mode == VenueMode.LIVE ? "live" : "simulation"), passphrase, mode, cluster);
    }

    public DesktopConfig withBarMillis(long millis) {
        return new DesktopConfig(home, sampleData, millis, warmUpBars, seed, dataDir, passphrase, mode, cluster);
    }

    /** The same installation trading live on {@code cluster}, its back office in {@code <home>/live}. */
    public DesktopConfig live(Cluster liveCluster) {
        return new DesktopConfig(home, sampleData, barMillis, warmUpBars, seed, home.resolve("live"), passphrase,
                VenueMode.LIVE, liveCluster);
    }
}
