package com.bourse.app.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where the market simulator had got to: the replayed day's seed, the next minute to replay and the day's
 * direction through the history, kept in
 * {@code <data>/market-simulator.position} so a restart (after a crash too) goes on from that minute instead of the
 * day's open. Written after each simulated minute is handed to the venue, by a rename (a crash leaves the old
 * position or the new one, never half of one). The journal and this file are not one transaction: a crash between
 * them replays one minute again or skips one, a one-minute move, never a jump to another time of day.
 *
 * <p>Not thread-safe: the simulator's one clock thread writes it.
 */
final class SimulatorBookmark {
    private static final System.Logger LOG = System.getLogger(SimulatorBookmark.class.getName());
    static final String FILE_NAME = "market-simulator.position";
    private static final String FORWARDS = "forwards";
    private static final String BACKWARDS = "backwards";

    private final Path file;

    /** The replayed day's seed, its next minute, and whether the day walks the history backwards. */
    record Position(long daySeed, int barIndex, boolean backwards) {
        Position(long daySeed, int barIndex) {
            this(daySeed, barIndex, false);
        }
    }

    SimulatorBookmark(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** The position written last; empty before the first minute, or when the file does not read as one. */
    Optional<Position> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String[] parts = text.split(" ");
        try {
            // Two words: a bookmark from before days alternated direction, a day walking forwards.
            if (parts.length == 2) {
                return Optional.of(new Position(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
            }
            if (parts.length == 3 && (parts[2].equals(FORWARDS) || parts[2].equals(BACKWARDS))) {
                return Optional.of(new Position(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                        parts[2].equals(BACKWARDS)));
            }
        } catch (NumberFormatException e) {
            // falls through to the warning: a damaged bookmark costs a restart from the day's open, nothing more
        }
        LOG.log(System.Logger.Level.WARNING, file + " does not read as '<day seed> <minute> forwards|backwards': the simulated market"
                + " starts its day again");
        return Optional.empty();
    }

    void write(Position position) {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(temporary, position.daySeed() + " " + position.barIndex() + " "
                            + (position.backwards() ? BACKWARDS : FORWARDS) + "\n",
                    StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
