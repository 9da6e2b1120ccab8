package com.bourse.app.desktop;

import com.bourse.protocol.Command;
import com.bourse.protocol.TransferKind;
import com.bourse.ui.port.MovementRequest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine commands a clerk's desk sends for a cash movement, the same whether the engine is embedded or the
 * production cluster, and the movement ids the entry form shows as idempotency keys.
 */
final class MovementCommands {
    /** Movement ids: epoch milliseconds times 100 plus a counter, above any id an earlier run handed out. */
    private static final AtomicLong LAST_MOVEMENT_ID = new AtomicLong();

    private MovementCommands() {
    }

    static long newMovementId() {
        long floor = System.currentTimeMillis() * 100;
        return LAST_MOVEMENT_ID.updateAndGet(last -> Math.max(last + 1, floor));
    }

    static Command request(MovementRequest r, long userId, long now) {
        return switch (r.kind()) {
            case DEPOSIT -> new Command.RequestTransfer(now, userId, r.movementId(), TransferKind.DEPOSIT, 0,
                    r.toAccountId(), r.currency(), r.amount());
            case WITHDRAWAL -> new Command.RequestTransfer(now, userId, r.movementId(), TransferKind.WITHDRAWAL,
                    r.fromAccountId(), 0, r.currency(), r.amount());
            case TRANSFER -> new Command.RequestTransfer(now, userId, r.movementId(), TransferKind.INTERNAL,
                    r.fromAccountId(), r.toAccountId(), r.currency(), r.amount());
            case PAYMENT -> new Command.RequestPayment(now, userId, r.movementId(), r.fromAccountId(),
                    r.toAccountId(), r.currency(), r.amount(), r.fee(), r.reference());
        };
    }

    static Command cancel(long movementId, long userId, long now) {
        return new Command.CancelTransfer(now, userId, movementId);
    }

    static Command settle(long movementId, boolean settled, long userId, long now) {
        return new Command.SettleTransfer(now, userId, movementId, settled);
    }
}
