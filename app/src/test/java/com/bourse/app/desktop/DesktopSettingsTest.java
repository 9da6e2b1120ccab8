package com.bourse.app.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live configuration file: its profiles, its precedence below -D and the environment, and its errors. */
class DesktopSettingsTest {
    @TempDir
    Path dir;
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private DesktopSettings settings() {
        properties.putIfAbsent("user.home", dir.toString());
        properties.putIfAbsent("os.name", "Linux");
        return new DesktopSettings(properties::get, environment::get);
    }

    private Path file(String text) throws Exception {
        Path file = dir.resolve("bourse.properties");
        Files.writeString(file, text);
        properties.put("bourse.config", file.toString());
        return file;
    }

    @Test
    void theSelectedProfileGivesTheClusterAndTheFileItsModeEachNamedWithItsSource() throws Exception {
        Path file = file("""
                mode=live
                profile=dev
                profile.dev.cluster=localhost:20000,localhost:20010
                profile.prod.cluster=10.1.0.1:9000
                """);
        DesktopSettings settings = settings();

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.get("mode")).isEqualTo("live");
        assertThat(settings.get("cluster")).isEqualTo("localhost:20000,localhost:20010");
        assertThat(settings.effective()).contains(
                new DesktopSettings.Setting("bourse.profile", "dev", file.toString()),
                new DesktopSettings.Setting("bourse.cluster", "localhost:20000,localhost:20010",
                        file + " (profile dev)"));
    }

    @Test
    void aSystemPropertyThenTheEnvironmentWinOverTheFile() throws Exception {
        file("cluster=file:1\n");
        environment.put("BOURSE_CLUSTER", "environment:2");
        environment.put("BOURSE_DATA", "/data/env");
        properties.put("bourse.cluster", "property:3");
        DesktopSettings settings = settings();

        assertThat(settings.get("cluster")).isEqualTo("property:3");
        assertThat(settings.get("data")).isEqualTo("/data/env");
        assertThat(settings.effective()).contains(
                new DesktopSettings.Setting("bourse.cluster", "property:3", "-Dbourse.cluster"),
                new DesktopSettings.Setting("bourse.data", "/data/env", "BOURSE_DATA"));
    }

    @Test
    void anUnknownKeyAMissingProfileAndAMissingNamedFileAreEachNamed() throws Exception {
        Path file = file("""
                mode=live
                clustr=localhost:20000
                profile=staging
                """);
        assertThat(settings().problems()).containsExactlyInAnyOrder(
                file + ": unknown setting 'clustr' (known: cluster, data, mode, profile, each "
                        + "also as profile.NAME.KEY)",
                "bourse.profile: no profile 'staging' in " + file + " (expected keys such as "
                        + "profile.staging.cluster)");

        properties.put("bourse.config", dir.resolve("absent.properties").toString());
        assertThat(settings().problems()).anySatisfy(p -> assertThat(p).isEqualTo(
                "bourse.config: the configuration file " + dir.resolve("absent.properties") + " does not exist"));
    }

    @Test
    void withoutAFileTheDefaultIsTheUsersXdgConfigFolderAndNothingIsWrong() {
        environment.put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        DesktopSettings settings = settings();

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.get("mode")).isNull();
        assertThat(settings.effective().getFirst()).isEqualTo(new DesktopSettings.Setting("bourse.config",
                dir.resolve("xdg-config/bourse/bourse.properties") + " (absent)", "default"));
    }

    @Test
    void liveStartWithSeveralWrongValuesNamesEveryOneOfThemInOneMessage() throws Exception {
        file("mode=live\ncluster=localhost:99999\n");
        properties.put("bourse.sim.barMillis", "fast");
        properties.put("bourse.sim.seed", "forty-two");

        assertThatThrownBy(() -> DesktopConfig.load(settings()))
                .hasMessageStartingWith("3 settings are wrong:")
                .hasMessageContaining("bourse.cluster: port 99999 is outside 1..65535")
                .hasMessageContaining("bourse.sim.barMillis must be a whole number, got 'fast'")
                .hasMessageContaining("bourse.sim.seed must be a whole number, got 'forty-two'");
    }

    @Test
    void liveNeedsOnlyTheClusterAddressNoKeySharedWithTheNodes() throws Exception {
        file("mode=live\ncluster=localhost:20000,localhost:20010\n");

        DesktopConfig.Loaded loaded = DesktopConfig.load(settings());

        assertThat(loaded.config().cluster().ingressEndpoints()).isEqualTo("0=localhost:20000,1=localhost:20010");
        assertThat(loaded.effective()).noneMatch(s -> s.name().contains("secret"));
    }

    @Test
    void aFileStillNamingTheOldSharedKeyIsToldToDropIt() throws Exception {
        Path file = file("mode=live\ncluster=localhost:20000\nprofile.dev.cluster.secretFile=/keys/dev.b64\n");

        assertThat(settings().problems()).containsExactly(file + ": 'profile.dev.cluster.secretFile' is no longer "
                + "used: users sign in to the production engine itself, which shares no key with desktops; remove "
                + "the line");
    }
}
