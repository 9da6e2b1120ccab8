package com.bourse.engine;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;

/** A transfer's request and where it stands. Engine thread only. */
final class Transfer {
    final long transferId;
    final long userId;
    final TransferKind kind;
    final Account from;
    final Account to;
    final long fromAccountId;
    final long toAccountId;
    final int assetIndex;
    final String asset;
    final long amount;
    TransferState state = TransferState.PENDING;
    /** Amount held on the debited account while the transfer is open. */
    long held;
    /** A payment's fee, paid by the payer to the house on completion; 0 for other kinds. */
    long fee;
    /** A payment's reference for the payee; "" for other kinds. */
    String reference = "";
    /** Waiting for a risk officer. */
    boolean awaitingReview;
    /** Why it waits and the surveillance rules that fired (an approval overrides them); null and 0 when not held. */
    ErrorCode heldReason;
    int heldRules;
    /** What the request answered first; a retry with the same id and fields gets exactly this again. */
    Event.TransferStateChanged firstResult;

    Transfer(long transferId, long userId, TransferKind kind, Account from, Account to, long fromAccountId,
             long toAccountId, int assetIndex, String asset, long amount) {
        this.transferId = transferId;
        this.userId = userId;
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.fromAccountId = fromAccountId;
        this.toAccountId = toAccountId;
        this.assetIndex = assetIndex;
        this.asset = asset;
        this.amount = amount;
    }

    /** The account whose funds leave: the source of a withdrawal, internal transfer or payment, none for a deposit. */
    Account debited() {
        return kind == TransferKind.DEPOSIT ? null : from;
    }

    /** The account that owns the request for permission and four-eyes purposes. */
    Account principal() {
        return kind == TransferKind.DEPOSIT ? to : from;
    }

    boolean sameRequest(TransferKind kind, long fromAccountId, long toAccountId, String asset, long amount) {
        return this.kind == kind && this.fromAccountId == fromAccountId && this.toAccountId == toAccountId
                && this.asset.equals(asset) && this.amount == amount;
    }

    boolean samePayment(long fromAccountId, long toAccountId, String asset, long amount, long fee, String reference) {
        return sameRequest(TransferKind.PAYMENT, fromAccountId, toAccountId, asset, amount) && this.fee == fee
                && this.reference.equals(reference == null ? "" : reference);
    }

    /** What leaves the debited account in all: the amount, and a payment's fee. */
    long debit() {
        return amount + fee;
    }
}
