package com.bourse.engine;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Role;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;

/**
 * Deposits, withdrawals and transfers between accounts, as two-phase ledger transfers: funds are held
 * while PENDING or PROCESSING, posted on COMPLETED, released on FAILED or CANCELLED, exactly once.
 * Requests are idempotent by the client's transfer id. Engine thread only.
 */
final class TransferDesk {
    private final EngineState state;
    private final Ledger ledger;
    private final RiskScore score;

    TransferDesk(EngineState state, Ledger ledger, RiskScore score) {
        this.state = state;
        this.ledger = ledger;
        this.score = score;
    }

    void request(Command.RequestTransfer c) {
        Transfer existing = c.transferId() > 0 ? state.transfers.get(c.transferId()) : null;
        if (existing != null) {
            // Compare as stored: the account a kind does not use is recorded as 0, whatever the client sent.
            long from = c.kind() == TransferKind.DEPOSIT ? 0 : c.fromAccountId();
            long to = c.kind() == TransferKind.WITHDRAWAL ? 0 : c.toAccountId();
            if (existing.sameRequest(c.kind(), from, to, c.asset(), c.amount())) {
                state.sink.onEvent(existing.firstResult);
            } else {
                reject(c.transferId(), ErrorCode.DUPLICATE_ID_MISMATCH);
            }
            return;
        }
        ErrorCode error = validate(c);
        if (error != null) {
            reject(c.transferId(), error);
            return;
        }
        Account from = state.accounts.get(c.fromAccountId());
        Account to = state.accounts.get(c.toAccountId());
        int asset = state.assetIndex.getValue(c.asset());
        Transfer t = new Transfer(c.transferId(), c.userId(), c.kind(), c.kind() == TransferKind.DEPOSIT ? null : from,
                c.kind() == TransferKind.WITHDRAWAL ? null : to,
                c.kind() == TransferKind.DEPOSIT ? 0 : c.fromAccountId(),
                c.kind() == TransferKind.WITHDRAWAL ? 0 : c.toAccountId(), asset, state.assetCodes.get(asset),
                c.amount());
        state.transfers.put(t.transferId, t);
        state.transferList.add(t);
        announce(t, null);

        Account debited = t.debited();
        long availableBefore = debited == null ? 0 : debited.available(asset);
        if (debited != null && availableBefore < t.amount) {
            t.firstResult = moveTo(t, TransferState.FAILED, ErrorCode.INSUFFICIENT_BALANCE);
            return;
        }
        if (debited != null) {
            t.held = t.amount;
            ledger.hold(debited, asset, t.amount);
        }
        Account principal = t.principal();
        principal.rollTransferWindow(c.timestamp());
        long large = largeAmount(asset);
        int total = score.scoreTransfer(principal, t.amount, large, availableBefore, debited != null, c.timestamp());
        if (c.userId() != Command.SYSTEM_USER) {
            score.recordMovement(principal, t.amount, large, c.timestamp());
        }
        principal.transfersInWindow++;
        principal.transferCount++;
        principal.transferAmountSum += Math.min(t.amount, Long.MAX_VALUE / 1_000_000);
        // Opening balances loaded by the installation itself (SYSTEM) are not customer activity to review.
        ErrorCode review = c.userId() == Command.SYSTEM_USER ? null
                : t.amount > large ? ErrorCode.LARGE_AMOUNT
                : score.needsReview(total) ? ErrorCode.HIGH_RISK_TRANSACTION : null;
        if (review != null) {
            t.awaitingReview = true;
            Event.TransferStateChanged pending = new Event.TransferStateChanged(t.transferId, t.kind, t.fromAccountId,
                    t.toAccountId, t.asset, t.amount, TransferState.PENDING, review);
            state.sink.onEvent(pending);
            state.sink.onEvent(new Event.RiskAlert(ReviewSubject.TRANSFER, t.transferId, principal.accountId,
                    score.score, score.amount, score.frequency, score.pattern, review, score.ruleMask));
            t.firstResult = pending;
            return;
        }
        t.firstResult = process(t);
    }

    void settle(Command.SettleTransfer c) {
        if (!state.has(c.userId(), Role.ADMIN)) {
            reject(c.transferId(), ErrorCode.NOT_AUTHORIZED);
            return;
        }
        Transfer t = state.transfers.get(c.transferId());
        if (t == null) {
            reject(c.transferId(), ErrorCode.UNKNOWN_TRANSFER);
            return;
        }
        if (t.state != TransferState.PROCESSING || t.kind == TransferKind.INTERNAL) {
            reject(c.transferId(), ErrorCode.INVALID_TRANSFER_STATE);
            return;
        }
        if (!c.settled()) {
            releaseHold(t);
            moveTo(t, TransferState.FAILED, ErrorCode.SETTLEMENT_FAILED);
            return;
        }
        if (t.kind == TransferKind.DEPOSIT && !fitsSupply(t.assetIndex, t.amount)) {
            // Deposits settled since this one was requested leave no room for it.
            moveTo(t, TransferState.FAILED, ErrorCode.INVALID_AMOUNT);
            return;
        }
        if (t.kind == TransferKind.DEPOSIT) {
            ledger.move(state.external, t.to, t.assetIndex, t.amount, 0);
        } else {
            long release = t.held;
            t.held = 0;
            ledger.move(t.from, state.external, t.assetIndex, t.amount, release);
        }
        moveTo(t, TransferState.COMPLETED, null);
    }

    void cancel(Command.CancelTransfer c) {
        Transfer t = state.transfers.get(c.transferId());
        if (t == null) {
            reject(c.transferId(), ErrorCode.UNKNOWN_TRANSFER);
            return;
        }
        if (!(state.has(c.userId(), Role.ADMIN) || t.principal().ownerUserId == c.userId())) {
            reject(c.transferId(), ErrorCode.NOT_AUTHORIZED);
            return;
        }
        if (t.state != TransferState.PENDING) {
            reject(c.transferId(), ErrorCode.INVALID_TRANSFER_STATE);
            return;
        }
        t.awaitingReview = false;
        releaseHold(t);
        moveTo(t, TransferState.CANCELLED, null);
    }

    void approve(Command.Approve c) {
        Transfer t = heldTransferFor(c.userId(), c.subjectId());
        if (t != null) {
            t.awaitingReview = false;
            process(t);
        }
    }

    void reject(Command.Reject c) {
        Transfer t = heldTransferFor(c.userId(), c.subjectId());
        if (t != null) {
            t.awaitingReview = false;
            releaseHold(t);
            moveTo(t, TransferState.FAILED, ErrorCode.REJECTED_BY_RISK_OFFICER);
        }
    }

    private Event.TransferStateChanged process(Transfer t) {
        Event.TransferStateChanged last = moveTo(t, TransferState.PROCESSING, null);
        if (t.kind == TransferKind.INTERNAL) {
            long release = t.held;
            t.held = 0;
            ledger.move(t.from, t.to, t.assetIndex, t.amount, release);
            last = moveTo(t, TransferState.COMPLETED, null);
        }
        return last;
    }

    private Transfer heldTransferFor(long officer, long transferId) {
        if (officer == Command.SYSTEM_USER || !state.has(officer, Role.RISK_OFFICER)) {
            reject(transferId, state.roles(officer) < 0 ? ErrorCode.UNKNOWN_USER : ErrorCode.NOT_AUTHORIZED);
            return null;
        }
        Transfer t = state.transfers.get(transferId);
        if (t == null) {
            reject(transferId, ErrorCode.UNKNOWN_TRANSFER);
            return null;
        }
        if (!t.awaitingReview || t.state != TransferState.PENDING) {
            reject(transferId, ErrorCode.NOT_HELD);
            return null;
        }
        if (t.userId == officer || t.principal().ownerUserId == officer) {
            reject(transferId, ErrorCode.FOUR_EYES_VIOLATION);
            return null;
        }
        return t;
    }

    private ErrorCode validate(Command.RequestTransfer c) {
        if (c.transferId() <= 0) {
            return ErrorCode.INVALID_ID;
        }
        if (c.kind() == null || c.asset() == null) {
            return ErrorCode.INVALID_TRANSFER;
        }
        if (c.amount() <= 0) {
            return ErrorCode.INVALID_AMOUNT;
        }
        if (state.assetIndex.getValue(c.asset()) < 0) {
            return ErrorCode.UNKNOWN_ASSET;
        }
        if (c.kind() == TransferKind.DEPOSIT && !fitsSupply(state.assetIndex.getValue(c.asset()), c.amount())) {
            return ErrorCode.INVALID_AMOUNT;
        }
        Account from = c.kind() == TransferKind.DEPOSIT ? null : state.accounts.get(c.fromAccountId());
        Account to = c.kind() == TransferKind.WITHDRAWAL ? null : state.accounts.get(c.toAccountId());
        if ((c.kind() != TransferKind.DEPOSIT && from == null) || (c.kind() != TransferKind.WITHDRAWAL && to == null)) {
            return ErrorCode.UNKNOWN_ACCOUNT;
        }
        if (from != null && from == to) {
            return ErrorCode.SAME_ACCOUNT;
        }
        int roles = state.roles(c.userId());
        if (roles < 0) {
            return ErrorCode.UNKNOWN_USER;
        }
        Account principal = from != null ? from : to;
        if (!Role.ADMIN.in(roles) && principal.ownerUserId != c.userId()) {
            return ErrorCode.NOT_AUTHORIZED;
        }
        if (from != null && from.killSwitch) {
            return ErrorCode.ACCOUNT_KILL_SWITCH;
        }
        return null;
    }

    /** Large-amount threshold for an asset: the configured units of a currency, or the value of securities. */
    private long largeAmount(int asset) {
        String code = state.assetCodes.get(asset);
        int digits = state.currencyDigits.getValue(code);
        if (digits >= 0) {
            return Math.multiplyExact(state.config.largeAmountUnits(), FixedPoint.pow10(digits));
        }
        for (InstrumentState instrument : state.instrumentList) {
            if (instrument.assetIndex == asset) {
                // Securities count by their value at the reference price: large means the same money.
                return Math.max(1, instrument.largeAmount / Math.max(1,
                        Matcher.notional(instrument, instrument.spec.referencePrice(), 1)));
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * Customer balances are never negative and add up to minus the external account's balance, so keeping
     * that sum within a long keeps every balance from wrapping around, whatever trades and transfers later
     * move between accounts. Only deposits add to the sum.
     */
    private boolean fitsSupply(int asset, long amount) {
        return amount <= Long.MAX_VALUE + state.external.balance[asset];
    }

    private void releaseHold(Transfer t) {
        if (t.held > 0) {
            long held = t.held;
            t.held = 0;
            ledger.release(t.from, t.assetIndex, held);
        }
    }

    private Event.TransferStateChanged moveTo(Transfer t, TransferState next, ErrorCode reason) {
        t.state = next;
        return announce(t, reason);
    }

    private Event.TransferStateChanged announce(Transfer t, ErrorCode reason) {
        Event.TransferStateChanged event = new Event.TransferStateChanged(t.transferId, t.kind, t.fromAccountId,
                t.toAccountId, t.asset, t.amount, t.state, reason);
        state.sink.onEvent(event);
        return event;
    }

    private void reject(long refId, ErrorCode code) {
        state.sink.onEvent(new Event.CommandRejected(refId, code));
    }
}
