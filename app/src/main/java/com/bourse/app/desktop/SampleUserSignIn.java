package com.bourse.app.desktop;

import com.bourse.engine.sim.SampleData;
import com.bourse.protocol.Role;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Sign-in for simulation mode: the sample users of {@code sample-data/users.csv} with their training
 * passwords, compared in constant time. The simulator's own user cannot sign in, and the trader
 * workstation needs the TRADER role. Stateless and thread-safe.
 */
public final class SampleUserSignIn implements SignIn {
    private final SampleData data;

    public SampleUserSignIn(SampleData data) {
        this.data = data;
    }

    @Override
    public Result signIn(String username, char[] password) {
        for (SampleData.SampleUser user : data.users()) {
            if (!user.username().equalsIgnoreCase(username.strip())) {
                continue;
            }
            if (user.username().equals(SampleData.SIMULATOR_USERNAME) || !matches(user.password(), password)) {
                break;
            }
            if (!Role.TRADER.in(user.roleMask())) {
                return new Result.Refused(user.displayName() + " has no trader role: the trader workstation is for "
                        + "traders");
            }
            return new Result.Granted(new TraderIdentity(user.userId(), user.username(), user.displayName(),
                    user.roleMask()));
        }
        return new Result.Refused("Unknown user name or wrong password");
    }

    private static boolean matches(String expected, char[] given) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(given));
        byte[] typed = Arrays.copyOf(bytes.array(), bytes.limit());
        try {
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), typed);
        } finally {
            Arrays.fill(typed, (byte) 0);
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }

    /** The hint under the sign-in form: who can sign in and with what (training data, simulation only). */
    public String hint() {
        StringBuilder hint = new StringBuilder("Simulation with sample data. Traders: ");
        boolean first = true;
        for (SampleData.SampleUser user : data.users()) {
            if (Role.TRADER.in(user.roleMask()) && !user.username().equals(SampleData.SIMULATOR_USERNAME)) {
                hint.append(first ? "" : ", ").append(user.username()).append(" / ").append(user.password());
                first = false;
            }
        }
        return hint.toString();
    }
}
