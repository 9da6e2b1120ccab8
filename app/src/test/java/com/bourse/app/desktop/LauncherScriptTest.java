package com.bourse.app.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door, {@code ./bourse}, run from a copy in an empty folder (so {@code run} starts with its first build)
 * with a stand-in Maven that only says how it was started.
 */
class LauncherScriptTest {
    @TempDir
    Path folder;

    @Test
    void theFirstBuildRunsMavenWithUnsafeMemoryAccessAllowedSoItsGuavaPrintsNoWarningsOnAJdk25() throws Exception {
        Path script = Files.copy(DesktopDriver.repositoryFolder("bourse"), folder.resolve("bourse"));
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho \"maven started with MAVEN_OPTS=$MAVEN_OPTS\"\nexit 3\n");
        assertThat(mvn.toFile().setExecutable(true)).isTrue();
        ProcessBuilder launcher = new ProcessBuilder("bash", script.toString(), "run").redirectErrorStream(true);
        launcher.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        launcher.environment().put("DISPLAY", ":0");
        launcher.environment().put("MAVEN_OPTS", "-Xmx768m");

        Process process = launcher.start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said).contains("building the desktop (first build)")
                .contains("maven started with MAVEN_OPTS=-Xmx768m --sun-misc-unsafe-memory-access=allow");
        assertThat(process.exitValue()).as("the build's failure is the launcher's").isEqualTo(3);
    }
}
