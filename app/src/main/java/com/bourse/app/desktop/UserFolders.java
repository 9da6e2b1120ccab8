package com.bourse.app.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where a user's Bourse data and configuration live, the platform's way: on Linux the XDG folders
 * ({@code $XDG_DATA_HOME/bourse}, default {@code ~/.local/share/bourse}; {@code $XDG_CONFIG_HOME/bourse}, default
 * {@code ~/.config/bourse}), on macOS {@code ~/Library/Application Support/Bourse}, on Windows
 * {@code %LOCALAPPDATA%\Bourse}. An installation that already keeps its data in {@code ~/.bourse} (before this
 * layout) goes on using it, so an upgrade never strands a user's books. Installing or removing the package never
 * touches these folders.
 *
 * @param data   the per-user data folder (workspaces, the simulation's and live back offices, training records)
 * @param config the folder of {@code bourse.properties}, or null when the user's home is unknown
 */
record UserFolders(Path data, Path config) {

    static UserFolders of(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String userHome = properties.apply("user.home");
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        Path home = userHome == null ? Path.of(".") : Path.of(userHome);
        Path legacy = home.resolve(".bourse");
        if (os.contains("win")) {
            String local = environment.apply("LOCALAPPDATA");
            Path base = local == null || local.isBlank() ? home.resolve("AppData/Local") : Path.of(local);
            return new UserFolders(Files.isDirectory(legacy) ? legacy : base.resolve("Bourse"), base.resolve("Bourse"));
        }
        if (os.contains("mac")) {
            Path base = home.resolve("Library/Application Support/Bourse");
            return new UserFolders(Files.isDirectory(legacy) ? legacy : base, base);
        }
        Path data = xdg(environment.apply("XDG_DATA_HOME"), home.resolve(".local/share")).resolve("bourse");
        Path config = xdg(environment.apply("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("bourse");
        return new UserFolders(Files.isDirectory(legacy) && !Files.isDirectory(data) ? legacy : data, config);
    }

    /** XDG: a variable that is unset, empty or not absolute is ignored. */
    private static Path xdg(String value, Path otherwise) {
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : otherwise;
    }
}
