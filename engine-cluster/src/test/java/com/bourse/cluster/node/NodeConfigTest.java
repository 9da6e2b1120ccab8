package com.bourse.cluster.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node's settings file: what a development member reads, and bad values refused by name before anything starts. */
class NodeConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDevelopmentMembersPackDatagramsForLoopback() throws Exception {
        NodeConfig config = NodeConfig.load(Path.of("config/node-1.properties"));

        assertThat(config.memberId()).isEqualTo(1);
        assertThat(config.hosts()).hasSize(3);
        assertThat(config.mtuLength()).isEqualTo(NodeConfig.JUMBO_MTU);
    }

    @Test
    void withoutAnMtuSettingANodeUsesOneThatFitsAnEthernetFrame() throws Exception {
        NodeConfig config = NodeConfig.load(write(""));

        assertThat(config.mtuLength()).isEqualTo(1408);
    }

    @Test
    void anMtuAeronCannotUseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> NodeConfig.load(write("bourse.cluster.mtu=9000\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bourse.cluster.mtu")
                .hasMessageContaining("9000");
        assertThatThrownBy(() -> NodeConfig.load(write("bourse.cluster.mtu=70000\n")))
                .hasMessageContaining("bourse.cluster.mtu");
    }

    @Test
    void aSharedKeySettingIsRefusedNodesShareNoKeyWithDesktops() {
        assertThatThrownBy(() -> NodeConfig.load(write("bourse.cluster.secretFile=dev-secret.b64\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bourse.cluster.secretFile: nodes share no key with desktops");
    }

    @Test
    void theBootstrapSecretFileIsReadRelativeToTheSettingsFile() throws Exception {
        NodeConfig config = NodeConfig.load(write("bourse.cluster.bootstrapSecretFile=boot.secret\n"));

        assertThat(config.identity().bootstrapSecretFile()).isEqualTo(dir.resolve("boot.secret").toAbsolutePath());
        assertThat(config.identity().maxFailedSignIns()).isEqualTo(5);
    }

    private Path write(String extra) throws Exception {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, """
                bourse.cluster.memberId=0
                bourse.cluster.hosts=localhost
                bourse.cluster.dir=node-0
                """ + extra);
        return file;
    }
}
