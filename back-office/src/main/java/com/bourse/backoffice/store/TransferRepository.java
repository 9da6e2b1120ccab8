package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.TransferEventsRecord;
import com.bourse.backoffice.store.schema.tables.records.TransfersRecord;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.bourse.backoffice.store.schema.Tables.TRANSFERS;
import static com.bourse.backoffice.store.schema.Tables.TRANSFER_EVENTS;

/** Deposits, withdrawals, internal transfers and payments, and the steps of each. Thread-safe. */
public final class TransferRepository {
    private final DSLContext dsl;

    public TransferRepository(Store store) {
        this.dsl = store.projections().dsl();
    }

    /** Transfers now in {@code state}, by id (index: state, id). */
    public List<TransferLine> inState(TransferState state, Page page) {
        return dsl.selectFrom(TRANSFERS)
                .where(TRANSFERS.STATE.eq(state.name()))
                .orderBy(TRANSFERS.TRANSFER_ID)
                .offset(page.offset()).limit(page.limit())
                .fetch(TransferRepository::line);
    }

    /** Movements now in {@code state}, each with every state it went through (one query for all the histories). */
    public List<TransferWithHistory> inStateWithHistory(TransferState state, Page page) {
        List<TransferLine> lines = inState(state, page);
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TransferEventLine>> histories = dsl.selectFrom(TRANSFER_EVENTS)
                .where(TRANSFER_EVENTS.TRANSFER_ID.in(lines.stream().map(TransferLine::transferId).toList()))
                .orderBy(TRANSFER_EVENTS.EVENT_ID)
                .fetch(TransferRepository::event).stream()
                .collect(Collectors.groupingBy(TransferEventLine::transferId, Collectors.toList()));
        return lines.stream()
                .map(line -> new TransferWithHistory(line, histories.getOrDefault(line.transferId(), List.of())))
                .toList();
    }

    /** Payments (of any state), newest first. */
    public List<TransferLine> payments(Page page) {
        return dsl.selectFrom(TRANSFERS)
                .where(TRANSFERS.KIND.eq(TransferKind.PAYMENT.name()))
                .orderBy(TRANSFERS.TRANSFER_ID.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch(TransferRepository::line);
    }

    public Optional<TransferLine> find(long transferId) {
        return dsl.selectFrom(TRANSFERS).where(TRANSFERS.TRANSFER_ID.eq(transferId))
                .fetchOptional(TransferRepository::line);
    }

    /** Every state the transfer went through, oldest first. */
    public List<TransferEventLine> history(long transferId) {
        return dsl.selectFrom(TRANSFER_EVENTS)
                .where(TRANSFER_EVENTS.TRANSFER_ID.eq(transferId))
                .orderBy(TRANSFER_EVENTS.EVENT_ID)
                .fetch(TransferRepository::event);
    }

    static TransferLine line(TransfersRecord r) {
        return new TransferLine(r.getTransferId(), TransferKind.valueOf(r.getKind()), r.getFromAccountId(),
                r.getToAccountId(), r.getAsset(), r.getAmount(), TransferState.valueOf(r.getState()), r.getReason(),
                r.getRequestedBy(), Instant.ofEpochMilli(r.getRequestedAt()), Instant.ofEpochMilli(r.getUpdatedAt()),
                r.getFee(), r.getReference());
    }

    static TransferEventLine event(TransferEventsRecord r) {
        return new TransferEventLine(r.getEventId(), r.getSeq(), r.getTransferId(), TransferState.valueOf(r.getState()),
                r.getReason(), r.getActingUserId(), Instant.ofEpochMilli(r.getAt()));
    }
}
