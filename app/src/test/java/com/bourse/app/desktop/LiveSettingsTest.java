package com.bourse.app.desktop;

import com.bourse.ui.port.VenueMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live settings a desktop starts with: good values are read, a bad one stops the start naming its setting. */
class LiveSettingsTest {
    @TempDir
    Path dir;

    @Test
    void membersInOrderOrNumberedGiveTheVenuesEndpoints() {
        assertThat(DesktopConfig.Cluster.parseEndpoints("localhost:20000, localhost:20010,localhost:20020"))
                .isEqualTo("0=localhost:20000,1=localhost:20010,2=localhost:20020");
        assertThat(DesktopConfig.Cluster.parseEndpoints("0=10.0.0.1:9000,1=10.0.0.2:9000"))
                .isEqualTo("0=10.0.0.1:9000,1=10.0.0.2:9000");
    }

    @Test
    void badEndpointNamesTheSettingAndWhatIsWrong() {
        assertThatThrownBy(() -> DesktopConfig.Cluster.parseEndpoints("localhost"))
                .hasMessageStartingWith("bourse.cluster: 'localhost' is not host:port");
        assertThatThrownBy(() -> DesktopConfig.Cluster.parseEndpoints("localhost:70000"))
                .hasMessageStartingWith("bourse.cluster: port 70000 is outside 1..65535");
        assertThatThrownBy(() -> DesktopConfig.Cluster.parseEndpoints(" "))
                .hasMessageStartingWith("bourse.cluster: the cluster's ingress endpoints are missing");
    }

    @Test
    void modeIsSimulationUnlessLiveIsAskedForAndAnythingElseIsRefused() {
        assertThat(DesktopConfig.mode(null)).isEqualTo(VenueMode.SIMULATION);
        assertThat(DesktopConfig.mode("LIVE")).isEqualTo(VenueMode.LIVE);
        assertThatThrownBy(() -> DesktopConfig.mode("production"))
                .hasMessage("bourse.mode must be simulation or live, got 'production'");
    }

    @Test
    void liveModeWithoutClusterSettingsCannotBeConfigured() {
        assertThatThrownBy(() -> new DesktopConfig(dir, dir, 0, 1, 1, dir, "passphrase-long", VenueMode.LIVE, null))
                .hasMessageContaining("live mode needs the cluster settings");
    }
}
