package com.bourse.engine;

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
    /** Waiting for a risk officer. */
    boolean awaitingReview;
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

    /** The account whose funds leave: the source of a withdrawal or internal transfer, none for a deposit. */
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
}
