package com.bourse.app.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the simulated market stopped, read back at the next start: minute and direction of the day. */
class SimulatorBookmarkTest {
    @TempDir
    Path data;

    @Test
    void aDayWalkingTheHistoryBackwardsIsResumedBackwards() {
        SimulatorBookmark bookmark = new SimulatorBookmark(data);

        bookmark.write(new SimulatorBookmark.Position(77, 120, true));

        assertThat(bookmark.read()).contains(new SimulatorBookmark.Position(77, 120, true));
    }

    @Test
    void aBookmarkWrittenBeforeDaysAlternatedReadsAsADayWalkingForwards() throws Exception {
        Files.writeString(data.resolve(SimulatorBookmark.FILE_NAME), "77 120\n");

        assertThat(new SimulatorBookmark(data).read()).contains(new SimulatorBookmark.Position(77, 120, false));
    }

    @Test
    void aDirectionItDoesNotKnowStartsTheDayAgainRatherThanGuess() throws Exception {
        Files.writeString(data.resolve(SimulatorBookmark.FILE_NAME), "77 120 sideways\n");

        assertThat(new SimulatorBookmark(data).read()).isEmpty();
    }
}
