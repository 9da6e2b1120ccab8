package com.bourse.app.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's data and configuration live where the platform keeps them; an older ~/.bourse is never stranded. */
class UserFoldersTest {
    @TempDir
    Path home;
    private final Map<String, String> environment = new HashMap<>();

    private UserFolders on(String os) {
        Map<String, String> properties = Map.of("user.home", home.toString(), "os.name", os);
        return UserFolders.of(properties::get, environment::get);
    }

    @Test
    void onLinuxDataAndConfigurationFollowXdgWithItsDefaults() {
        assertThat(on("Linux")).isEqualTo(new UserFolders(home.resolve(".local/share/bourse"),
                home.resolve(".config/bourse")));

        environment.put("XDG_DATA_HOME", "/srv/data");
        environment.put("XDG_CONFIG_HOME", "relative/is/ignored");
        assertThat(on("Linux")).isEqualTo(new UserFolders(Path.of("/srv/data/bourse"),
                home.resolve(".config/bourse")));
    }

    @Test
    void anInstallationThatKeptItsDataInDotBourseKeepsUsingIt() throws Exception {
        Files.createDirectories(home.resolve(".bourse/simulation"));

        assertThat(on("Linux").data()).isEqualTo(home.resolve(".bourse"));
        assertThat(on("Mac OS X").data()).isEqualTo(home.resolve(".bourse"));
    }

    @Test
    void onWindowsAndMacTheirOwnApplicationDataFolders() {
        environment.put("LOCALAPPDATA", home.resolve("AppData/Local").toString());

        assertThat(on("Windows 11").data()).isEqualTo(home.resolve("AppData/Local/Bourse"));
        assertThat(on("Mac OS X").data()).isEqualTo(home.resolve("Library/Application Support/Bourse"));
    }
}
