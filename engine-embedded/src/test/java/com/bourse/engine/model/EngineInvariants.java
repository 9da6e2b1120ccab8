package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.WorkingOrder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that must hold after every command, whatever the command was. It follows each order's quantity
 * through the events (accepted, traded, amended, cancelled, expired) and compares it with what the engine
 * says is still working, and it reads the engine's books, balances and transfers through the public queries.
 * Violations fail with an AssertJ message naming the command.
 */
final class EngineInvariants {

    /** One order's quantity as the events tell it: total = filled + open + cancelled + expired + refused. */
    private static final class Tally {
        long total;
        long filled;
        long open;
        long cancelled;
        long expired;
        long refused;
        boolean ended;

        long accountedFor() {
            return filled + open + cancelled + expired + refused;
        }
    }

    private final String run;
    /** An order as the events name it: client order ids are unique per account only. */
    private record Key(long accountId, long orderId) {
        @Override
        public String toString() {
            return orderId + " of account " + accountId;
        }
    }

    private final Map<Key, Tally> orders = new LinkedHashMap<>();
    private final Map<Long, TransferState> transfers = new LinkedHashMap<>();

    /** {@code run} names the stream (its seed) in every failure message. */
    EngineInvariants(String run) {
        this.run = run;
    }

    void check(Command command, List<Event> events, Engine engine) {
        String where = "after " + command + " in " + run;
        followOrders(events, where);
        checkJournals(events, where);
        Map<Key, WorkingOrder> working = new HashMap<>();
        for (WorkingOrder order : engine.workingOrders(0)) {
            working.put(new Key(order.accountId(), order.orderId()), order);
        }
        checkQuantitiesConserved(events, working, where);
        checkBooks(engine, working, where);
        checkLedger(engine, where);
        checkTransfers(events, engine, where);
    }

    private void followOrders(List<Event> events, String where) {
        for (Event event : events) {
            switch (event) {
                case Event.OrderAccepted a -> {
                    Key key = new Key(a.accountId(), a.orderId());
                    Tally previous = orders.get(key);
                    assertThat(previous == null || previous.ended)
                            .as("order %s accepted while still working, %s", key, where).isTrue();
                    Tally tally = new Tally();
                    tally.total = a.quantity();
                    tally.open = a.quantity();
                    orders.put(key, tally);
                }
                case Event.Trade t -> {
                    // Two accounts (no self-trade, below), so two orders, whatever their client ids.
                    assertThat(t.makerAccountId()).as("trade %d is a self-trade, %s", t.tradeId(), where)
                            .isNotEqualTo(t.takerAccountId());
                    assertThat(t.quantity()).as("trade %d quantity, %s", t.tradeId(), where).isPositive();
                    fill(new Key(t.makerAccountId(), t.makerOrderId()), t.quantity(), t.makerLeaves(), where);
                    fill(new Key(t.takerAccountId(), t.takerOrderId()), t.quantity(), t.takerLeaves(), where);
                }
                case Event.OrderReplaced r -> {
                    Key key = new Key(r.accountId(), r.orderId());
                    Tally tally = live(key, where);
                    // An amendment names the new total: what was filled stays filled, the rest is open.
                    assertThat(r.orderQuantity() - r.quantity())
                            .as("filled part of amended order %s, %s", key, where).isEqualTo(tally.filled);
                    tally.total += r.quantity() - tally.open;
                    tally.open = r.quantity();
                }
                case Event.OrderCancelled c -> {
                    Tally tally = live(new Key(c.accountId(), c.orderId()), where);
                    assertThat(c.cancelledQuantity()).as("cancelled quantity of order %d, %s", c.orderId(), where)
                            .isEqualTo(tally.open);
                    tally.cancelled += tally.open;
                    tally.open = 0;
                    tally.ended = true;
                }
                case Event.OrderExpired x -> {
                    Tally tally = live(new Key(x.accountId(), x.orderId()), where);
                    assertThat(x.expiredQuantity()).as("expired quantity of order %d, %s", x.orderId(), where)
                            .isEqualTo(tally.open);
                    tally.expired += tally.open;
                    tally.open = 0;
                    tally.ended = true;
                }
                default -> {
                }
            }
        }
    }

    private void fill(Key order, long quantity, long leavesReported, String where) {
        Tally tally = live(order, where);
        tally.filled += quantity;
        tally.open -= quantity;
        assertThat(tally.open).as("leaves of order %s, %s", order, where).isEqualTo(leavesReported)
                .isNotNegative();
    }

    private Tally live(Key order, String where) {
        Tally tally = orders.get(order);
        assertThat(tally).as("event about order %s that was never accepted, %s", order, where).isNotNull();
        assertThat(tally.ended).as("event about order %s after it ended, %s", order, where).isFalse();
        return tally;
    }

    /**
     * Filled + open + cancelled + expired equals what the order was for (after amendments); an order that
     * left without a cancel or expiry must have filled completely, or been refused while held (never traded).
     */
    private void checkQuantitiesConserved(List<Event> events, Map<Key, WorkingOrder> working, String where) {
        for (Map.Entry<Key, Tally> entry : orders.entrySet()) {
            Key orderId = entry.getKey();
            Tally tally = entry.getValue();
            if (tally.ended) {
                assertThat(working).as("order %d ended but still works, %s", orderId, where)
                        .doesNotContainKey(orderId);
                continue;
            }
            WorkingOrder order = working.get(orderId);
            if (order != null) {
                assertThat(order.leaves()).as("open quantity of order %s, %s", orderId, where).isEqualTo(tally.open);
            } else if (tally.open > 0) {
                boolean refused = events.stream().anyMatch(e -> e instanceof Event.OrderRejected r
                        && r.orderId() == orderId.orderId() && r.accountId() == orderId.accountId());
                assertThat(refused).as("order %s vanished with %d open, %s", orderId, tally.open, where).isTrue();
                assertThat(tally.filled).as("refused order %s had traded, %s", orderId, where).isZero();
                tally.refused = tally.open;
                tally.open = 0;
                tally.ended = true;
            } else {
                tally.ended = true;
            }
            assertThat(tally.accountedFor()).as("quantity of order %s is not conserved, %s", orderId, where)
                    .isEqualTo(tally.total);
        }
        for (WorkingOrder order : working.values()) {
            assertThat(orders).as("working order %d was never accepted, %s", order.orderId(), where)
                    .containsKey(new Key(order.accountId(), order.orderId()));
        }
    }

    /** Every journal entry balances per asset. */
    private static void checkJournals(List<Event> events, String where) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Event event : events) {
            if (event instanceof Event.BalanceChanged b && b.journalId() != 0) {
                sums.merge(b.journalId() + "/" + b.asset(), b.delta(), Long::sum);
            }
        }
        sums.forEach((entry, sum) -> assertThat(sum).as("journal %s does not balance, %s", entry, where).isZero());
    }

    /** Books are sorted, uncrossed, and agree with the resting orders' visible quantities. */
    private static void checkBooks(Engine engine, Map<Key, WorkingOrder> working, String where) {
        for (Instrument instrument : engine.instruments()) {
            List<BookLevel> bids = engine.depth(instrument.id(), Side.BUY, Integer.MAX_VALUE);
            List<BookLevel> asks = engine.depth(instrument.id(), Side.SELL, Integer.MAX_VALUE);
            if (!bids.isEmpty() && !asks.isEmpty()) {
                assertThat(bids.getFirst().price()).as("%s book crossed, %s", instrument.symbol(), where)
                        .isLessThan(asks.getFirst().price());
            }
            checkSide(instrument, Side.BUY, bids, working, where);
            checkSide(instrument, Side.SELL, asks, working, where);
        }
    }

    private static void checkSide(Instrument instrument, Side side, List<BookLevel> levels,
                                  Map<Key, WorkingOrder> working, String where) {
        Map<Long, long[]> fromOrders = new HashMap<>();
        for (WorkingOrder o : working.values()) {
            if (o.instrumentId() == instrument.id() && o.side() == side && o.status().equals("RESTING")) {
                assertThat(o.visible()).as("visible part of order %d, %s", o.orderId(), where)
                        .isPositive().isLessThanOrEqualTo(o.leaves());
                long[] level = fromOrders.computeIfAbsent(o.price(), p -> new long[2]);
                level[0] += o.visible();
                level[1]++;
            }
        }
        long previous = side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (BookLevel level : levels) {
            String name = side + " " + instrument.symbol() + " @" + level.price();
            assertThat(side == Side.BUY ? level.price() < previous : level.price() > previous)
                    .as("%s out of price order, %s", name, where).isTrue();
            previous = level.price();
            long[] expected = fromOrders.remove(level.price());
            assertThat(expected).as("%s has no resting orders, %s", name, where).isNotNull();
            assertThat(new long[] {level.quantity(), level.orderCount()})
                    .as("%s quantity and count against its orders, %s", name, where).containsExactly(expected);
        }
        assertThat(fromOrders).as("%s %s resting orders missing from the book, %s", side, instrument.symbol(), where)
                .isEmpty();
    }

    /** Every asset sums to zero over all accounts; no customer account is overdrawn or holds a negative amount. */
    private static void checkLedger(Engine engine, String where) {
        for (String asset : engine.assets()) {
            assertThat(engine.ledgerTotal(asset)).as("ledger total of %s, %s", asset, where).isZero();
            for (long account : engine.accountIds()) {
                long balance = engine.balance(account, asset);
                long held = engine.held(account, asset);
                assertThat(held).as("held %s of account %d, %s", asset, account, where).isNotNegative();
                assertThat(balance - held).as("available %s of account %d, %s", asset, account, where)
                        .isNotNegative();
            }
        }
    }

    /** A transfer that reached COMPLETED, FAILED or CANCELLED stays there. */
    private void checkTransfers(List<Event> events, Engine engine, String where) {
        for (Event event : events) {
            if (event instanceof Event.TransferStateChanged t) {
                transfers.putIfAbsent(t.transferId(), t.state());
            }
        }
        for (Map.Entry<Long, TransferState> entry : transfers.entrySet()) {
            TransferState before = entry.getValue();
            TransferState now = engine.transferState(entry.getKey());
            if (before.isTerminal()) {
                assertThat(now).as("transfer %d left terminal state %s, %s", entry.getKey(), before, where)
                        .isEqualTo(before);
            }
            entry.setValue(Objects.requireNonNull(now, "transfer " + entry.getKey() + " vanished " + where));
        }
    }
}
