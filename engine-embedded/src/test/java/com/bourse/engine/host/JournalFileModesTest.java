package com.bourse.engine.host;

import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The journal's segments and snapshots are the owner's alone (0600), like the database beside them. */
class JournalFileModesTest {
    @TempDir
    Path directory;

    @Test
    void everySegmentAndSnapshotIsCreatedReadableAndWritableByItsOwnerOnly() throws IOException {
        assumeThat(directory.getFileSystem().supportedFileAttributeViews()).contains("posix");
        List<Command> stream = TradingStream.of(5, 300);

        try (JournaledEngine host = JournaledEngine.open(directory, EngineConfig.defaults(),
                Durability.PROCESS_CRASH, JournalFiles.key(5))) {
            stream.subList(0, 150).forEach(command -> host.apply(command, EventSink.NONE));
            host.snapshot();
            stream.subList(150, stream.size()).forEach(command -> host.apply(command, EventSink.NONE));
            host.commit();
        }

        try (Stream<Path> files = Files.list(directory)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            List<String> names = written.stream().map(f -> f.getFileName().toString()).toList();
            assertThat(names).anyMatch(name -> name.startsWith("snapshot-"));
            assertThat(names).anyMatch(name -> name.startsWith("journal-"));
            assertThat(written).allSatisfy(file -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------"));
        }
    }
}
