package com.bourse.app.desktop;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where each of the desktop's settings comes from, in this order: a system property ({@code -Dbourse.cluster=...}),
 * its environment variable ({@code BOURSE_CLUSTER}), the configuration file, the default. The file
 * ({@code bourse.config} / {@code BOURSE_CONFIG}, default {@code bourse.properties} in the user's configuration
 * folder: {@code $XDG_CONFIG_HOME/bourse} or {@code ~/.config/bourse} on Linux) holds the live-mode settings
 * without the {@code bourse.} prefix, and named profiles of them:
 *
 * <pre>
 * mode=live
 * profile=dev
 * profile.dev.cluster=localhost:20000,localhost:20010,localhost:20020
 * profile.prod.cluster=10.1.0.1:9000,10.1.0.2:9000,10.1.0.3:9000
 * </pre>
 *
 * A key of the selected profile wins over the same key at the top of the file. An unknown key, a profile the file
 * does not define, or a file named but missing is an error; {@link DesktopConfig#fromSystemProperties} reports all
 * of them at once.
 */
final class DesktopSettings {
    /** The settings a file may hold (without the {@code bourse.} prefix). */
    static final Set<String> FILE_KEYS = Set.of("mode", "profile", "cluster", "data");
    /** The key shared with the nodes of old, which a file written for an earlier version may still hold. */
    private static final String RETIRED_KEY = "cluster.secretFile";

    /** A setting's effective value and where it came from ("default" when nothing set it). */
    record Setting(String name, String value, String source) {
    }

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Path file;
    private final Map<String, String> fileValues = new LinkedHashMap<>();
    private final String profile;
    private final String profileSource;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Setting> read = new LinkedHashMap<>();

    DesktopSettings(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        this.properties = properties;
        this.environment = environment;
        String named = blankToNull(properties.apply("bourse.config"));
        if (named == null) {
            named = blankToNull(environment.apply("BOURSE_CONFIG"));
        }
        this.file = named != null ? Path.of(named) : defaultFile();
        if (named != null && !Files.isRegularFile(file)) {
            problems.add("bourse.config: the configuration file " + file + " does not exist");
        } else if (file != null && Files.isRegularFile(file)) {
            load();
        }
        String chosen = blankToNull(properties.apply("bourse.profile"));
        String chosenFrom = "-Dbourse.profile";
        if (chosen == null) {
            chosen = blankToNull(environment.apply("BOURSE_PROFILE"));
            chosenFrom = "BOURSE_PROFILE";
        }
        if (chosen == null) {
            chosen = fileValues.get("profile");
            chosenFrom = String.valueOf(file);
        }
        this.profile = chosen;
        this.profileSource = chosenFrom;
        String prefix = "profile." + chosen + ".";
        if (chosen != null && fileValues.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
            problems.add("bourse.profile: no profile '" + chosen + "' in " + (file == null ? "(no file)" : file)
                    + " (expected keys such as " + prefix + "cluster)");
        }
    }

    /** The process's own settings: system properties, environment, the user's configuration file. */
    static DesktopSettings ofProcess() {
        return new DesktopSettings(System::getProperty, System::getenv);
    }

    /** {@code bourse.<name>}: property, environment variable, the file's profile, the file, or null. */
    String get(String name) {
        String property = "bourse." + name;
        String value = blankToNull(properties.apply(property));
        if (value != null) {
            return remember(name, value, "-D" + property);
        }
        String variable = "BOURSE_" + name.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT);
        value = blankToNull(environment.apply(variable));
        if (value != null) {
            return remember(name, value, variable);
        }
        if (profile != null && fileValues.containsKey("profile." + profile + "." + name)) {
            return remember(name, fileValues.get("profile." + profile + "." + name),
                    file + " (profile " + profile + ")");
        }
        if (fileValues.containsKey(name)) {
            return remember(name, fileValues.get(name), String.valueOf(file));
        }
        return null;
    }

    /** Records a value the caller settled on by default, so the effective configuration lists it too. */
    void defaulted(String name, String value) {
        read.putIfAbsent(name, new Setting("bourse." + name, value, "default"));
    }

    /** Problems found reading the file and the profile, before any value is checked. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every setting read so far, with its value and source, in the order asked. */
    List<Setting> effective() {
        List<Setting> all = new ArrayList<>();
        all.add(new Setting("bourse.config", file == null ? "(none)" : file + (Files.isRegularFile(file) ? ""
                : " (absent)"), properties.apply("bourse.config") != null ? "-Dbourse.config"
                : environment.apply("BOURSE_CONFIG") != null ? "BOURSE_CONFIG" : "default"));
        if (profile != null) {
            all.add(new Setting("bourse.profile", profile, profileSource));
        }
        all.addAll(read.values());
        return all;
    }

    private String remember(String name, String value, String source) {
        read.put(name, new Setting("bourse." + name, value, source));
        return value;
    }

    private void load() {
        Properties loaded = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            loaded.load(in);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("bourse.config: cannot read " + file + ": " + e.getMessage());
            return;
        }
        for (String key : new java.util.TreeSet<>(loaded.stringPropertyNames())) {
            String value = loaded.getProperty(key).strip();
            String setting = key.startsWith("profile.") ? profileKey(key) : key;
            if (RETIRED_KEY.equals(setting)) {
                problems.add(file + ": '" + key + "' is no longer used: users sign in to the production engine "
                        + "itself, which shares no key with desktops; remove the line");
            } else if (setting == null || !FILE_KEYS.contains(setting) || setting.equals("profile") && key.startsWith("profile.")) {
                problems.add(file + ": unknown setting '" + key + "' (known: " + String.join(", ",
                        new java.util.TreeSet<>(FILE_KEYS)) + ", each also as profile.NAME.KEY)");
            } else {
                fileValues.put(key, value);
            }
        }
    }

    /** {@code profile.NAME.KEY} gives KEY, or null when there is no KEY after the profile's name. */
    private static String profileKey(String key) {
        String rest = key.substring("profile.".length());
        int dot = rest.indexOf('.');
        return dot <= 0 || dot == rest.length() - 1 ? null : rest.substring(dot + 1);
    }

    private Path defaultFile() {
        Path config = UserFolders.of(properties, environment).config();
        return config == null ? null : config.resolve("bourse.properties");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
