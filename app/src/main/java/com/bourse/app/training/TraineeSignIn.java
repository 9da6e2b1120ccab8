package com.bourse.app.training;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Role;
import com.bourse.simulator.scenario.TraineeSetup;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;

import java.util.Arrays;

/**
 * Sign-in to a training session: a sample trader (their published training password) takes the scenario's trainee
 * seat, so the engine sees the scenario's trainee user and account whoever practises. Nothing is kept in the back
 * office: a training session is in memory and its record. Thread-safe.
 */
public final class TraineeSignIn implements SignIn {
    private final SampleWorld world;
    private final TrainingHost host;

    public TraineeSignIn(SampleWorld world, TrainingHost host) {
        this.world = world;
        this.host = host;
    }

    @Override
    public Result signIn(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        for (SampleWorld.SampleUser user : world.users()) {
            if (user.username().equals(name) && !SampleWorld.MACHINE_USERS.contains(name)
                    && user.roles().contains(Role.TRADER)
                    && Arrays.equals(user.password().toCharArray(), password)) {
                TraineeSetup seat = host.scenario().trainee();
                return new Result.Granted(new TraderIdentity(seat.userId(), user.username(), user.displayName(),
                        Role.TRADER.bit()));
            }
        }
        return new Result.Refused("Unknown trainee or wrong password (training uses the sample traders' passwords)");
    }

    /** The hint under the form: the scenario and who may sign in. */
    public String hint() {
        StringBuilder hint = new StringBuilder("Training: ").append(host.scenario().name()).append(". Trainees: ");
        boolean first = true;
        for (SampleWorld.SampleUser user : world.users()) {
            if (user.roles().contains(Role.TRADER) && !SampleWorld.MACHINE_USERS.contains(user.username())) {
                hint.append(first ? "" : ", ").append(user.username()).append(" / ").append(user.password());
                first = false;
            }
        }
        return hint.toString();
    }

    /** Opens the trainee's session on the training host. */
    public com.bourse.ui.port.TradingSession session(TraderIdentity trader, Runnable signOut) {
        return new TraineeSession(host, trader, signOut);
    }
}
