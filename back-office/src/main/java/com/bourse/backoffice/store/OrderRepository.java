package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.OrderEventsRecord;
import com.bourse.backoffice.store.schema.tables.records.OrdersRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static com.bourse.backoffice.store.schema.Tables.ORDERS;
import static com.bourse.backoffice.store.schema.Tables.ORDER_EVENTS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;

/** The order blotter and each order's history. Thread-safe; reads what the projection writer has committed. */
public final class OrderRepository {
    private static final String FILL = "FILL";

    private final DSLContext dsl;

    public OrderRepository(Store store) {
        this.dsl = store.projections().dsl();
    }

    /** An account's orders entered on one trade date, in entry order (index: account, date, entry). */
    public List<OrderLine> blotter(long accountId, LocalDate tradeDate, Page page) {
        return dsl.selectFrom(ORDERS)
                .where(ORDERS.ACCOUNT_ID.eq(accountId).and(ORDERS.TRADE_DATE.eq(tradeDate)))
                .orderBy(ORDERS.ENTRY_SEQ)
                .offset(page.offset()).limit(page.limit())
                .fetch(OrderRepository::line);
    }

    /** The orders of an account still working (held, waiting for a trigger, on the book). */
    public List<OrderLine> working(long accountId, Page page) {
        return dsl.selectFrom(ORDERS)
                .where(ORDERS.ACCOUNT_ID.eq(accountId)
                        .and(ORDERS.STATUS.in(OrderStatus.HELD.name(), OrderStatus.WAITING_TRIGGER.name(),
                                OrderStatus.WORKING.name(), OrderStatus.PARTIALLY_FILLED.name())))
                .orderBy(ORDERS.ENTRY_SEQ)
                .offset(page.offset()).limit(page.limit())
                .fetch(OrderRepository::line);
    }

    /**
     * The newest {@code newest} orders of an account the engine refused at entry on one trade date (a refused order,
     * or an order of a refused OCO pair), oldest first: what the working-orders blotter lists as REJECTED.
     */
    public List<OrderLine> refusedAtEntry(long accountId, LocalDate tradeDate, int newest) {
        List<OrderLine> lines = new ArrayList<>(dsl.selectFrom(ORDERS)
                .where(ORDERS.ACCOUNT_ID.eq(accountId).and(ORDERS.TRADE_DATE.eq(tradeDate))
                        .and(ORDERS.ENTRY_KIND.eq(Projector.REJECTED_AT_ENTRY)))
                .orderBy(ORDERS.ENTRY_EVENT_ID.desc())
                .limit(newest)
                .fetch(OrderRepository::line));
        java.util.Collections.reverse(lines);
        return lines;
    }

    public Optional<OrderLine> byEntry(long entrySeq) {
        return dsl.selectFrom(ORDERS).where(ORDERS.ENTRY_SEQ.eq(entrySeq)).fetchOptional(OrderRepository::line);
    }

    /** The latest order an account entered with this client order id. */
    public Optional<OrderLine> byOrderId(long accountId, long orderId) {
        return dsl.selectFrom(ORDERS)
                .where(ORDERS.ORDER_ID.eq(orderId).and(ORDERS.ACCOUNT_ID.eq(accountId)))
                .orderBy(ORDERS.ENTRY_SEQ.desc()).limit(1)
                .fetchOptional(OrderRepository::line);
    }

    /**
     * Every state change of one order, oldest first (by event id). The projection stores each step once: the
     * entry (ACCEPTED, or REJECTED at entry) on the order row, each FILL on its trade row, every other step in
     * order_events; this puts them back together (indexes: order key, order events by order, trades by maker
     * and by taker order).
     */
    public List<OrderEventLine> history(long entrySeq) {
        Optional<OrdersRecord> order = dsl.selectFrom(ORDERS).where(ORDERS.ENTRY_SEQ.eq(entrySeq)).fetchOptional();
        if (order.isEmpty()) {
            return List.of();
        }
        List<OrderEventLine> steps = new ArrayList<>();
        steps.add(entry(order.get()));
        dsl.selectFrom(ORDER_EVENTS).where(ORDER_EVENTS.ENTRY_SEQ.eq(entrySeq))
                .forEach(r -> steps.add(event(r)));
        dsl.selectFrom(TRADES).where(TRADES.MAKER_ENTRY_SEQ.eq(entrySeq))
                .forEach(t -> steps.add(new OrderEventLine(t.getMakerEventId(), t.getSeq(), entrySeq,
                        t.getMakerOrderId(), t.getMakerAccountId(), FILL, t.getPrice(), 0, t.getQuantity(),
                        t.getMakerLeaves(), null, t.getTradeId(), t.getActingUserId(),
                        Instant.ofEpochMilli(t.getExecutedAt()))));
        dsl.selectFrom(TRADES).where(TRADES.TAKER_ENTRY_SEQ.eq(entrySeq))
                .forEach(t -> steps.add(new OrderEventLine(t.getTakerEventId(), t.getSeq(), entrySeq,
                        t.getTakerOrderId(), t.getTakerAccountId(), FILL, t.getPrice(), 0, t.getQuantity(),
                        t.getTakerLeaves(), null, t.getTradeId(), t.getActingUserId(),
                        Instant.ofEpochMilli(t.getExecutedAt()))));
        steps.sort(Comparator.comparingLong(OrderEventLine::eventId));
        return steps;
    }

    /** The order's first step as it was when entered: accepted with all of it left, or rejected outright. */
    private static OrderEventLine entry(OrdersRecord r) {
        boolean accepted = Projector.ACCEPTED.equals(r.getEntryKind());
        return new OrderEventLine(r.getEntryEventId(), Projector.commandSeqOf(r.getEntrySeq()), r.getEntrySeq(),
                r.getOrderId(),
                r.getAccountId(), r.getEntryKind(), r.getEntryPrice(), r.getStopPrice(), r.getEntryQuantity(),
                accepted ? r.getEntryQuantity() : 0, accepted ? null : r.getReason(), null, r.getUserId(),
                Instant.ofEpochMilli(r.getEnteredAt()));
    }

    static OrderLine line(OrdersRecord r) {
        return new OrderLine(r.getEntrySeq(), r.getOrderId(), r.getAccountId(), r.getInstrumentId(), r.getUserId(),
                r.getSide(), r.getOrderType(), r.getTimeInForce(), r.getPrice(), r.getStopPrice(), r.getQuantity(),
                r.getDisplayQuantity(), r.getPostOnly(), OrderStatus.valueOf(r.getStatus()), r.getLeaves(),
                r.getFilledQuantity(), r.getReason(), Instant.ofEpochMilli(r.getEnteredAt()), r.getTradeDate(),
                Instant.ofEpochMilli(r.getUpdatedAt()));
    }

    static OrderEventLine event(OrderEventsRecord r) {
        return new OrderEventLine(r.getEventId(), r.getSeq(), r.getEntrySeq(), r.getOrderId(), r.getAccountId(),
                r.getKind(), r.getPrice(), r.getStopPrice() == null ? 0 : r.getStopPrice(), r.getQuantity(),
                r.getLeaves(), r.getReason(), r.getTradeId(),
                r.getActingUserId(), Instant.ofEpochMilli(r.getAt()));
    }
}
