package com.bourse.ui.port;

import java.time.LocalTime;

/**
 * Where a training session is, for the toolbar and the status bar.
 *
 * @param scenario  the scenario's name (the file name without {@code .scn})
 * @param title     its title as the trainer wrote it
 * @param time      simulated time of day
 * @param speed     simulated seconds per wall second, 0 as fast as possible
 * @param replaying a saved session plays again; the trainee's orders are the recorded ones
 * @param finished  the close was reached
 * @param version   grows with every new session (start, reset, jump back, reopen), so views can tell
 */
public record TrainingStatus(String scenario, String title, long seed, LocalTime time, LocalTime open,
                             LocalTime close, int speed, boolean paused, boolean replaying, boolean finished,
                             long version) {

    public String speedText() {
        return speed == TrainingControl.AS_FAST_AS_POSSIBLE ? "max" : speed + "×";
    }
}
