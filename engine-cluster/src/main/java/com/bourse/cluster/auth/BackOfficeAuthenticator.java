package com.bourse.cluster.auth;

import io.aeron.security.Authenticator;
import io.aeron.security.SessionProxy;
import org.agrona.collections.Long2ObjectHashMap;

import java.nio.charset.StandardCharsets;

/**
 * Admits cluster sessions that present a valid back-office credential and gives them their user as principal.
 *
 * <p>Aeron's {@code reject()} carries no reason, so a refused client is first sent a challenge whose text is
 * {@value #REFUSAL_PREFIX} and the reason; whatever it answers, it is then rejected. {@link ClusterCredentials}
 * keeps that reason so the client can say why (wrong signature, expired at ...).
 *
 * <p>Runs on the leader's consensus-module thread only; not thread-safe.
 */
public final class BackOfficeAuthenticator implements Authenticator {
    public static final String REFUSAL_PREFIX = "REFUSED: ";

    private final CredentialAuthority authority;
    private final Long2ObjectHashMap<CredentialAuthority.Verdict> verdicts = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Boolean> answeredRefusals = new Long2ObjectHashMap<>();

    public BackOfficeAuthenticator(CredentialAuthority authority) {
        this.authority = authority;
    }

    @Override
    public void onConnectRequest(long sessionId, byte[] encodedCredentials, long nowMs) {
        verdicts.put(sessionId, authority.verify(encodedCredentials, nowMs));
    }

    @Override
    public void onChallengeResponse(long sessionId, byte[] encodedCredentials, long nowMs) {
        answeredRefusals.put(sessionId, Boolean.TRUE);
    }

    @Override
    public void onConnectedSession(SessionProxy session, long nowMs) {
        CredentialAuthority.Verdict verdict = verdicts.get(session.sessionId());
        switch (verdict) {
            case CredentialAuthority.Verdict.Accepted accepted -> {
                if (session.authenticate(Principal.encode(accepted.userId()))) {
                    verdicts.remove(session.sessionId());
                }
            }
            case CredentialAuthority.Verdict.Refused refused -> {
                byte[] reason = (REFUSAL_PREFIX + refused.reason()).getBytes(StandardCharsets.UTF_8);
                session.challenge(reason);
            }
            case null -> session.reject();
        }
    }

    @Override
    public void onChallengedSession(SessionProxy session, long nowMs) {
        if (answeredRefusals.remove(session.sessionId()) != null) {
            verdicts.remove(session.sessionId());
            session.reject();
        }
    }
}
