package com.bourse.engine;

import com.bourse.protocol.Command;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Role;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;

/**
 * Deposits, withdrawals, transfers between accounts and payments, as two-phase ledger transfers: funds are held
 * while PENDING or PROCESSING, posted on COMPLETED, released on FAILED or CANCELLED, exactly once.
 * Requests are idempotent by the client's transfer id (payments share those ids). Back office moves any
 * account's cash; a trader only their own accounts'; the bank's settlement is back office's alone.
 * Engine thread only.
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
        ErrorCode error = c.kind() == TransferKind.PAYMENT ? ErrorCode.INVALID_TRANSFER : validate(c);
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
        admit(t, c.userId(), c.timestamp());
    }

    /**
     * A payment: the payer's {@code amount + fee} is held, it is scored and perhaps held for review like any
     * transfer, and once processed the payee has the amount, the house the fee, and {@code PaymentProcessed} says so.
     */
    void requestPayment(Command.RequestPayment c) {
        Transfer existing = c.paymentId() > 0 ? state.transfers.get(c.paymentId()) : null;
        if (existing != null) {
            if (existing.samePayment(c.fromAccountId(), c.toAccountId(), c.asset(), c.amount(), c.fee(),
                    c.reference())) {
                state.sink.onEvent(existing.firstResult);
            } else {
                reject(c.paymentId(), ErrorCode.DUPLICATE_ID_MISMATCH);
            }
            return;
        }
        ErrorCode error = validatePayment(c);
        if (error != null) {
            reject(c.paymentId(), error);
            return;
        }
        int asset = state.assetIndex.getValue(c.asset());
        Transfer t = new Transfer(c.paymentId(), c.userId(), TransferKind.PAYMENT,
                state.accounts.get(c.fromAccountId()), state.accounts.get(c.toAccountId()), c.fromAccountId(),
                c.toAccountId(), asset, state.assetCodes.get(asset), c.amount());
        t.fee = c.fee();
        t.reference = c.reference() == null ? "" : c.reference();
        admit(t, c.userId(), c.timestamp());
    }

    /** Records a valid request, holds the debit, scores it, and processes it unless it waits for review. */
    private void admit(Transfer t, long userId, long timestamp) {
        int asset = t.assetIndex;
        state.transfers.put(t.transferId, t);
        state.transferList.add(t);
        announce(t, null);

        Account debited = t.debited();
        long availableBefore = debited == null ? 0 : debited.available(asset);
        if (debited != null && availableBefore < t.debit()) {
            t.firstResult = moveTo(t, TransferState.FAILED, ErrorCode.INSUFFICIENT_BALANCE);
            return;
        }
        if (debited != null) {
            t.held = t.debit();
            ledger.hold(debited, asset, t.held);
        }
        Account principal = t.principal();
        principal.rollTransferWindow(timestamp);
        long large = largeAmount(asset);
        int total = score.scoreTransfer(principal, t.amount, large, availableBefore, debited != null, timestamp);
        if (userId != Command.SYSTEM_USER) {
            score.recordMovement(principal, t.amount, large, timestamp);
        }
        principal.transfersInWindow++;
        principal.transferCount++;
        principal.transferAmountSum += Math.min(t.amount, Long.MAX_VALUE / 1_000_000);
        // Opening balances loaded by the installation itself (SYSTEM) are not customer activity to review.
        ErrorCode review = userId == Command.SYSTEM_USER ? null
                : t.amount > large ? ErrorCode.LARGE_AMOUNT
                : score.needsReview(principal, total) ? ErrorCode.HIGH_RISK_TRANSACTION : null;
        if (review != null) {
            t.awaitingReview = true;
            t.heldReason = review;
            t.heldRules = score.ruleMask;
            Event.TransferStateChanged pending = changeOf(t, review);
            state.sink.onEvent(pending);
            state.sink.onEvent(new Event.RiskAlert(ReviewSubject.TRANSFER, t.transferId, principal.accountId,
                    score.score, score.amount, score.frequency, score.pattern, review, score.ruleMask));
            t.firstResult = pending;
            return;
        }
        t.firstResult = process(t);
    }

    void settle(Command.SettleTransfer c) {
        if (!state.has(c.userId(), Role.BACK_OFFICE)) {
            reject(c.transferId(), ErrorCode.NOT_AUTHORIZED);
            return;
        }
        Transfer t = state.transfers.get(c.transferId());
        if (t == null) {
            reject(c.transferId(), ErrorCode.UNKNOWN_TRANSFER);
            return;
        }
        if (t.state != TransferState.PROCESSING || t.kind == TransferKind.INTERNAL || t.kind == TransferKind.PAYMENT) {
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
        if (!(state.has(c.userId(), Role.BACK_OFFICE) || t.principal().ownerUserId == c.userId())) {
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
            if (t.heldRules != 0) {
                state.sink.onEvent(new Event.ComplianceViolation(t.principal().accountId, c.userId(),
                        ComplianceKind.OFFICER_OVERRIDE, t.transferId, t.heldReason));
            }
            t.heldReason = null;
            t.heldRules = 0;
            process(t);
        }
    }

    void reject(Command.Reject c) {
        Transfer t = heldTransferFor(c.userId(), c.subjectId());
        if (t != null) {
            t.awaitingReview = false;
            t.heldReason = null;
            t.heldRules = 0;
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
        } else if (t.kind == TransferKind.PAYMENT) {
            long release = t.held;
            t.held = 0;
            long journal = ledger.newJournal();
            ledger.post(journal, t.from, t.assetIndex, -t.debit(), release);
            ledger.post(journal, t.to, t.assetIndex, t.amount, 0);
            if (t.fee > 0) {
                ledger.post(journal, state.external, t.assetIndex, t.fee, 0);
            }
            last = moveTo(t, TransferState.COMPLETED, null);
            state.sink.onEvent(new Event.PaymentProcessed(t.transferId, t.fromAccountId, t.toAccountId, t.asset,
                    t.amount, t.fee, t.reference));
        }
        return last;
    }

    private Transfer heldTransferFor(long officer, long transferId) {
        if (officer == Command.SYSTEM_USER || !state.has(officer, Role.RISK_OFFICER)) {
            reject(transferId, state.roles(officer) < 0 ? ErrorCode.USER_NOT_FOUND : ErrorCode.NOT_AUTHORIZED);
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
            return ErrorCode.USER_NOT_FOUND;
        }
        Account principal = from != null ? from : to;
        if (!Role.BACK_OFFICE.in(roles) && principal.ownerUserId != c.userId()) {
            return ErrorCode.NOT_AUTHORIZED;
        }
        if (from != null && from.killSwitch) {
            return ErrorCode.ACCOUNT_KILL_SWITCH;
        }
        return null;
    }

    private ErrorCode validatePayment(Command.RequestPayment c) {
        if (c.paymentId() <= 0) {
            return ErrorCode.INVALID_ID;
        }
        if (c.asset() == null || (c.reference() != null && c.reference().length() > Command.MAX_PAYMENT_REFERENCE)) {
            return ErrorCode.INVALID_TRANSFER;
        }
        if (c.amount() <= 0 || c.fee() < 0 || c.amount() > Long.MAX_VALUE - c.fee()) {
            return ErrorCode.INVALID_AMOUNT;
        }
        if (state.currencyDigits.getValue(c.asset()) < 0) {
            // Payments move cash: a security or an unknown code is no currency.
            return ErrorCode.UNKNOWN_ASSET;
        }
        Account from = state.accounts.get(c.fromAccountId());
        Account to = state.accounts.get(c.toAccountId());
        if (from == null || to == null) {
            return ErrorCode.UNKNOWN_ACCOUNT;
        }
        if (from == to) {
            return ErrorCode.SAME_ACCOUNT;
        }
        int roles = state.roles(c.userId());
        if (roles < 0) {
            return ErrorCode.USER_NOT_FOUND;
        }
        if (!Role.BACK_OFFICE.in(roles) && from.ownerUserId != c.userId()) {
            return ErrorCode.NOT_AUTHORIZED;
        }
        if (from.killSwitch) {
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
        Event.TransferStateChanged event = changeOf(t, reason);
        state.sink.onEvent(event);
        return event;
    }

    private static Event.TransferStateChanged changeOf(Transfer t, ErrorCode reason) {
        return new Event.TransferStateChanged(t.transferId, t.kind, t.fromAccountId, t.toAccountId, t.asset, t.amount,
                t.state, reason, t.fee, t.reference);
    }

    private void reject(long refId, ErrorCode code) {
        state.sink.onEvent(new Event.CommandRejected(refId, code));
    }
}
