package com.bourse.backoffice.store;

import java.util.List;

/** A movement as it stands and every state it went through, oldest first: one row of the desk's list. */
public record TransferWithHistory(TransferLine transfer, List<TransferEventLine> history) {
    public TransferWithHistory {
        history = List.copyOf(history);
    }
}
