package com.bourse.app.training;

import com.bourse.ui.port.Debrief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainee's finished attempts, one line each in {@code attempts.csv}:
 * {@code scenario,when,seed,pnl_minor,goals_met,goals,fills,session_file}. A line that does not read is skipped
 * (the file is the trainee's, edited or not), never fatal. Engine thread only.
 */
final class AttemptHistory {
    private static final String HEADER = "scenario,when,seed,pnl_minor,goals_met,goals,fills,session_file";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final System.Logger LOG = System.getLogger(AttemptHistory.class.getName());

    private final Path file;

    AttemptHistory(Path file) {
        this.file = file;
    }

    List<Debrief.Attempt> of(String scenario) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Debrief.Attempt> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                if (f.length < 7 || !f[0].equals(scenario)) {
                    continue;
                }
                try {
                    found.add(new Debrief.Attempt(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
                            Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6])));
                } catch (NumberFormatException e) {
                    LOG.log(System.Logger.Level.WARNING, file + ":" + (i + 1) + ": skipped, " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file, e);
        }
        return found;
    }

    void append(String scenario, Debrief debrief, String sessionFile) {
        int met = (int) debrief.goals().stream().filter(Debrief.GoalLine::met).count();
        String line = String.join(",", scenario, LocalDateTime.now().format(WHEN), Long.toString(debrief.seed()),
                Long.toString(debrief.pnlMinor()), Integer.toString(met), Integer.toString(debrief.goals().size()),
                Integer.toString(debrief.fills().size()), sessionFile) + "\n";
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the attempt to " + file, e);
        }
    }
}
