package com.bourse.cluster.identity;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How password sign-ins become replicated state, so that the lockout is exact even when the leader dies. The
 * authenticator runs on the leader's consensus module thread and cannot append to the log; the leader's service
 * can. So before the authenticator checks a proof it asks for an <em>admission</em>: the service offers the attempt
 * as a service message, and every member applies it to its {@link UserDirectory} (one more sign-in without success;
 * refused when the user already has the limit, which locks it). The leader's service then hands the decision back
 * here, and only an admitted attempt's proof is checked. So every proof ever checked was first counted in the log:
 * an attempt whose record dies with a leader was never checked, and its client gets no answer at all. A success
 * (the session opened, in the log) sets the count back to zero; a wrong password is also {@linkplain #failed
 * reported}, for the audit and the LOCKED status, but the count no longer depends on that report arriving.
 *
 * <p>Thread-safe: one producer (the consensus module), one consumer (the service).
 */
public final class SignInAttempts {
    private static final int CAPACITY = 4096;

    /** What the service offers to the log for the authenticator. */
    public sealed interface Report permits Attempt, Failure {
        long userId();
    }

    /** A proof of {@code userId}'s password is waiting to be checked; {@code id} names this attempt. */
    public record Attempt(long id, long userId) implements Report {
    }

    /** An admitted attempt's proof was wrong. */
    public record Failure(long userId) implements Report {
    }

    private final ManyToOneConcurrentArrayQueue<Report> reports = new ManyToOneConcurrentArrayQueue<>(CAPACITY);
    private final ConcurrentHashMap<Long, Integer> decisions = new ConcurrentHashMap<>();

    /** Consensus module thread: asks for an admission; returns the attempt's id, or 0 when the queue is full. */
    public long admit(long userId) {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return reports.offer(new Attempt(id, userId)) ? id : 0;
    }

    /**
     * Consensus module thread: the log's decision on attempt {@code id} once it is applied (taken: asked once), or
     * null while it is not. A decision is the user's sign-ins without success counting this one, or -1 when the
     * attempt was refused (locked, disabled, gone).
     */
    public Integer decision(long id) {
        return decisions.remove(id);
    }

    /** Consensus module thread: an admitted attempt's proof was wrong. Lost with a leader, harmlessly. */
    public void failed(long userId) {
        reports.offer(new Failure(userId));
    }

    /** Service thread, leader: the next report to offer, or null. */
    public Report next() {
        return reports.poll();
    }

    /** Service thread, leader: attempt {@code id} came back through the log and is decided. */
    public void decided(long id, int decision) {
        decisions.put(id, decision);
    }

    /** Leadership moved away: nothing queued here will be offered, nothing decided will be asked for. */
    public void forget() {
        reports.clear();
        decisions.clear();
    }
}
