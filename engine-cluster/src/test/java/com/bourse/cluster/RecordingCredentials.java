package com.bourse.cluster;

import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.SignInMessages;
import io.aeron.security.CredentialsSupplier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real client whose every message and every challenge is kept, as an observer of the network would. */
final class RecordingCredentials implements CredentialsSupplier {
    final ScramCredentials real;
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    final List<byte[]> challenges = new CopyOnWriteArrayList<>();
    /** Where in {@link #sent} each exchange's first message stands. */
    final List<Integer> firstMessageIndexes = new CopyOnWriteArrayList<>();

    RecordingCredentials(ScramCredentials real) {
        this.real = real;
    }

    @Override
    public byte[] encodedCredentials() {
        byte[] bytes = real.encodedCredentials();
        firstMessageIndexes.add(sent.size());
        sent.add(bytes);
        return bytes;
    }

    @Override
    public byte[] onChallenge(byte[] challenge) {
        challenges.add(challenge);
        byte[] bytes = real.onChallenge(challenge);
        sent.add(bytes);
        return bytes;
    }

    /** The token in the cluster's last signed challenge so far. */
    String lastToken() {
        for (int i = challenges.size() - 1; i >= 0; i--) {
            SignInMessages.ServerFinal last = SignInMessages.parseServerFinal(challenges.get(i));
            if (last != null && last.token() != null) {
                return last.token();
            }
        }
        return null;
    }
}
