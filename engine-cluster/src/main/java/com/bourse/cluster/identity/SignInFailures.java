package com.bourse.cluster.identity;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a failed sign-in becomes replicated state. The authenticator runs on the leader's consensus module thread
 * and cannot append to the log; the service can ({@code Cluster.offer}), but only from its own callbacks. So the
 * authenticator reports each wrong password here, and the leader's service, on a timer it keeps in the log,
 * drains the reports and offers each as a service message; every member then applies it to its
 * {@link UserDirectory} (count in a row, lock at the limit, audit).
 *
 * <p>Until a report is applied the authenticator counts it as {@link #pending}, so a burst of wrong passwords
 * cannot outrun the lock: it refuses a user whose applied plus pending failures reached the limit. A report lost
 * with a leader (queue full, leadership changed before it was offered) is not replicated: the next leader starts
 * from the applied count.
 *
 * <p>Thread-safe: one producer (the consensus module), one consumer (the service).
 */
public final class SignInFailures {
    private static final int CAPACITY = 4096;

    private final ManyToOneConcurrentArrayQueue<Long> reports = new ManyToOneConcurrentArrayQueue<>(CAPACITY);
    private final ConcurrentHashMap<Long, AtomicInteger> pending = new ConcurrentHashMap<>();

    /** Consensus module thread: a wrong password for {@code userId}. */
    public void report(long userId) {
        if (reports.offer(userId)) {
            pending.computeIfAbsent(userId, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Failures reported for {@code userId} that the log has not applied yet. */
    public int pending(long userId) {
        AtomicInteger count = pending.get(userId);
        return count == null ? 0 : Math.max(0, count.get());
    }

    /** Service thread: the next report to offer, or null. */
    public Long next() {
        return reports.poll();
    }

    /** Service thread, leader: a report it offered came back through the log and is now applied. */
    public void applied(long userId) {
        AtomicInteger count = pending.get(userId);
        if (count != null && count.decrementAndGet() <= 0) {
            pending.remove(userId, count);
        }
    }

    /** Leadership changed: what was pending here will not come back through the log. */
    public void forget() {
        reports.clear();
        pending.clear();
    }
}
