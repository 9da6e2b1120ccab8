package com.bourse.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Training mode, when asked for: the scenario the desktop opens on, its seed, where scenarios are picked from, and
 * where sessions and earlier attempts are kept ({@code <home>/training}). Asked for on the command line
 * ({@code --scenario flash-crash --seed 7}) or by the settings {@code bourse.scenario} and {@code bourse.scenario.seed};
 * a scenario is a path or a name in {@code sample-data/scenarios/}. Without one the desktop runs as before.
 */
public record TrainingConfig(Path scenario, long seed, Path scenariosFolder, Path home) {

    public static final long DEFAULT_SEED = 7;

    /** Reads the arguments first, then the settings; empty when no scenario is named. Fails naming a bad value. */
    public static Optional<TrainingConfig> from(List<String> args, Path sampleData, Path bourseHome) {
        String scenario = System.getProperty("bourse.scenario");
        String seed = System.getProperty("bourse.scenario.seed");
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--scenario" -> scenario = value(args, ++i, "--scenario");
                case "--seed" -> seed = value(args, ++i, "--seed");
                default -> {
                    // other arguments belong to JavaFX or the desktop
                }
            }
        }
        if (scenario == null || scenario.isBlank()) {
            return Optional.empty();
        }
        Path folder = sampleData.resolve("scenarios");
        return Optional.of(new TrainingConfig(resolve(scenario.strip(), folder), parseSeed(seed), folder,
                bourseHome.resolve("training")));
    }

    /** A scenario named by path, or by name in {@code folder} ({@code flash-crash} is {@code flash-crash.scn}). */
    public static Path resolve(String scenario, Path folder) {
        Path asPath = Path.of(scenario);
        if (Files.isRegularFile(asPath)) {
            return asPath.toAbsolutePath();
        }
        Path named = folder.resolve(scenario.endsWith(".scn") ? scenario : scenario + ".scn");
        if (Files.isRegularFile(named)) {
            return named.toAbsolutePath();
        }
        throw new IllegalArgumentException("bourse.scenario: no scenario '" + scenario + "' (neither a file nor one of "
                + folder + ")");
    }

    private static long parseSeed(String seed) {
        if (seed == null || seed.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(seed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got '" + seed + "'");
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** The file name without {@code .scn}: how the picker and the attempts name a scenario. */
    public static String nameOf(Path scenario) {
        String file = scenario.getFileName().toString();
        return file.endsWith(".scn") ? file.substring(0, file.length() - 4) : file;
    }
}
