package com.bourse.ui.port;

import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The back-office clerk's line to the books: accounts with their cash, positions, orders, movements and trades;
 * cash movements and payments entered, settled and cancelled, listed by state with each one's history; statements
 * and their exports. Reads come from the venue's state (and, in simulation, the back office's projections); every
 * command goes through the signed-in person's audited gateway and the venue judges it again (roles, four eyes,
 * balances).
 *
 * <p>Simulation: {@link BackOfficeDesk} over the embedded engine and the local store (it also administers users and
 * closes the day). Live: the clerk's desk over the production cluster's answers.
 *
 * <p>Thread-safe. Futures complete on any thread; {@link #onMovement} listeners are called on the venue's thread.
 */
public interface ClerkDesk extends AutoCloseable {


    /** Who is signed in at this desk. */
    TraderIdentity user();

    List<Currency> currencies();

    List<Instrument> instruments();

    /** The zone trade dates and statement times are told in. */
    ZoneId tradingZone();

    /** Today's trade date in {@link #tradingZone()}. */
    LocalDate today();

    // ---- Accounts -----------------------------------------------------------------------------------

    /** Every customer account with its owner, base currency and status. */
    CompletableFuture<List<AccountSummary>> accounts();

    /** One account's page: cash per currency, positions and working orders now, latest movements and trades. */
    CompletableFuture<AccountDetail> account(long accountId);

    /**
     * Why an account's page lists no trades on this desk and where they are, or null when it lists them (the live
     * clerk's desk: the production engine gives a day's fills to their owners only).
     */
    default String tradesElsewhere() {
        return null;
    }

    // ---- Cash movements and payments ---------------------------------------------------------------

    /** A fresh movement id: the idempotency key the entry form shows and sends again on a retry. */
    long newMovementId();

    /**
     * Sends a movement as the signed-in person and completes with the venue's first answer about that id (recorded
     * with its state, refused with the venue's words, or not sent at all).
     */
    CompletableFuture<MovementOutcome> request(MovementRequest request);

    /** Movements now in {@code state}, newest first. */
    CompletableFuture<List<Movement>> movements(com.bourse.protocol.TransferState state);

    /** Every state a movement went through, oldest first. */
    CompletableFuture<List<MovementStep>> history(long movementId);

    /** Withdraws a movement still pending; completes with the venue's answer. */
    CompletableFuture<MovementOutcome> cancel(long movementId);

    /** Records the bank's answer for a deposit or withdrawal in processing; completes with the venue's answer. */
    CompletableFuture<MovementOutcome> settle(long movementId, boolean settled);

    /** Hears every movement's change of state (venue thread; return quickly). Removed by closing the handle. */
    AutoCloseable onMovement(Consumer<MovementUpdate> listener);

    // ---- Statements ------------------------------------------------------------------------------------

    /**
     * Why this desk cannot state {@code from}..{@code to} and where such a statement is to be had, or null when it
     * can (a live desk states the current trading day only, from the cluster's day record).
     */
    default String statementsOutside(LocalDate from, LocalDate to) {
        return null;
    }

    /** An account's statement of one asset over whole trade dates {@code from}..{@code to}. */
    CompletableFuture<StatementView> statement(long accountId, String asset, LocalDate from, LocalDate to);

    /** Writes the statement to {@code file} (audited as the signed-in person). */
    CompletableFuture<Path> export(StatementView statement, ExportFormat format, Path file);

    enum ExportFormat { CSV, PDF }

    @Override
    void close();
}
