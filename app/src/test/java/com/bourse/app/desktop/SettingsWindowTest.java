package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Help › Settings lists what the desktop effectively runs with, and where each value came from. */
class SettingsWindowTest {
    @TempDir
    Path home;

    @Test
    void eachEffectiveValueIsListedWithItsSourceAndAValueSetInCodeSaysSo() {
        DesktopConfig config = new DesktopConfig(home, SampleWorld.locate(), 0, 60, 42);

        assertThat(SettingsWindow.rows(config)).contains(
                new DesktopSettings.Setting("bourse.mode", "simulation", "default"),
                new DesktopSettings.Setting("bourse.sim.seed", "42", "default"),
                new DesktopSettings.Setting("bourse.sim.barMillis", "0", "this start"),
                new DesktopSettings.Setting("bourse.data", home.resolve("simulation").toString(), "this start"));
    }
}
