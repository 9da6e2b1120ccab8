package com.bourse.ui.port;

import com.bourse.protocol.Command;
import com.bourse.protocol.Event;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A risk officer's line to the venue: the queue of held orders and transfers as it stands, every event that
 * follows it, what an account's exposure and limits are, and what a control (kill switch, mass cancel, halt)
 * would affect, all read from the venue's own state. Commands the desk builds go through {@link #submit}, which
 * checks and audits them as the signed-in officer; the venue judges them again (roles, four eyes).
 *
 * <p>Simulation reads the embedded engine and the back office's projections; a live implementation reads the
 * cluster's officer session (which already receives every event) and the live back office's projections.
 *
 * <p>Thread-safe. Feed events arrive on the venue's thread, in order; futures complete on any thread.
 */
public interface RiskDesk extends AutoCloseable {

    TraderIdentity officer();

    /**
     * The held items, accounts and halted instruments at one instant, and from then on every event to
     * {@code feed}, nothing missed and nothing twice.
     */
    CompletableFuture<RiskSnapshot> connect(RiskFeed feed);

    /**
     * The queue line for an alert heard on the feed, built from the venue's state (the order or transfer as it
     * is held); empty when the subject is no longer held. {@code transfer} is the transfer's last state event
     * heard with the alert, or null.
     */
    CompletableFuture<Optional<ReviewItem>> describe(Event.RiskAlert alert, Event.TransferStateChanged transfer);

    /** An account's exposure against its limits and its latest orders, for the item in focus. */
    CompletableFuture<AccountExposure> exposure(long accountId);

    /**
     * What cancelling the working orders of {@code accountIds} (empty: every account) in {@code instrumentId}
     * (0: any) would touch, counted in the venue's state now.
     */
    CompletableFuture<ControlImpact> impact(List<Long> accountIds, long instrumentId);

    /** The names of the actions the audit trail records, for the viewer's filter. */
    default List<String> auditActions() {
        return List.of();
    }

    /** The newest audit entries matching {@code search}, newest first; read off the caller's thread. */
    default CompletableFuture<List<AuditLine>> searchAudit(AuditSearch search) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "this desk cannot read the audit trail"));
    }

    /** Walks the audit trail's hash chain and checks its signed head; read off the caller's thread. */
    default CompletableFuture<AuditCheck> verifyAudit() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "this desk cannot verify the audit trail"));
    }

    /**
     * Exposure per account and instrument against the position limits (from the venue's state), today's alerts
     * per {@code bucketMillis} and the {@code top} highest scores of the day (from the projections).
     */
    default CompletableFuture<RiskOverview> overview(long bucketMillis, int top) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "this desk has no risk overview"));
    }

    /** Business time in epoch milliseconds for a command's timestamp. */
    long now();

    /** Checks, audits and queues a command as the officer; false when it was refused or the venue is gone. */
    boolean submit(Command command);

    /** Stops the feed; the venue keeps running. */
    @Override
    void close();
}
