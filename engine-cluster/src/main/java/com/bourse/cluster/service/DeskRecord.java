package com.bourse.cluster.service;

import com.bourse.engine.Engine;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.IgnoringEventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.SessionMessage;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2LongHashMap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a window cannot have heard before it opened, kept by the clustered service beside the engine: why each held
 * order and transfer waits (its score, the score's three parts, the reason, the rules that fired, when it was held:
 * the engine keeps only the reason and rules), and each account's fills and other security movements of the trading
 * day (the engine keeps no tape), so a trader's positions after a desktop restart are replayed to the cent.
 *
 * <p>Replicated state: learnt from the engine's events in log order on every member (the leader and followers
 * alike), snapshotted with the service, written in key order so equal records give equal bytes. The day's tape is
 * bounded by the trading day: an applied End of day clears it, and the positions carried into the new day are then
 * carried at each instrument's last trade price (its reference price before any trade). What is derived from the
 * engine (each account's security balances, the instruments, last prices) is not written but rebuilt at load.
 *
 * <p>Service thread only.
 */
final class DeskRecord extends IgnoringEventSink {
    /** A step's longs: instrument, time, trade id (0: a movement), order id, side code, price, quantity, leaves. */
    private static final int STRIDE = 8;
    private static final long MOVEMENT = -1;
    private static final long MAKER = 1L << 8;

    /** Why each held order waits: account, then order id (client order ids are unique per account only). */
    private final Long2ObjectHashMap<Long2ObjectHashMap<SessionMessage.Review>> heldOrders = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<SessionMessage.HeldTransfer> heldTransfers = new Long2ObjectHashMap<>();
    /** The day's steps per account. */
    private final Long2ObjectHashMap<Tape> tapes = new Long2ObjectHashMap<>();
    /** Per account, per instrument: the security balance the steps so far add up to (rebuilt from the engine). */
    private final Long2ObjectHashMap<Long2LongHashMap> explained = new Long2ObjectHashMap<>();
    private final Object2LongHashMap<String> instrumentBySymbol = new Object2LongHashMap<>(0);
    private final Long2LongHashMap referencePrices = new Long2LongHashMap(0);
    private final Long2LongHashMap lastPrices = new Long2LongHashMap(0);
    /** What a position held when the day began is carried at: set by End of day. */
    private final Long2LongHashMap dayOpenPrices = new Long2LongHashMap(0);
    private long dayStart;

    private long now;
    private boolean refused;
    /** The last pending change of a transfer: a transfer's alert follows it at once. */
    private Event.TransferStateChanged lastPending;

    /** A command at business time {@code timestamp} is about to be applied. */
    void beginCommand(long timestamp) {
        now = timestamp;
        refused = false;
    }

    /** Whether the engine refused the command being applied (a command with no event of its own then did nothing). */
    boolean refused() {
        return refused;
    }

    /** An applied End of day: the day's tapes go; positions carried into the new day at each last trade price. */
    void endOfDay() {
        tapes.clear();
        dayStart = now;
        dayOpenPrices.clear();
        referencePrices.forEachLong((instrumentId, reference) -> {
            long last = lastPrices.get(instrumentId);
            dayOpenPrices.put(instrumentId, last > 0 ? last : reference);
        });
    }

    // ---- Learning from the engine's events --------------------------------------------------------

    @Override
    public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                      long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                      long timestamp) {
        lastPrices.put(instrumentId, price);
        fill(makerAccountId, instrumentId, timestamp, tradeId, makerOrderId, takerSide.opposite(), price, quantity,
                true, makerLeaves);
        fill(takerAccountId, instrumentId, timestamp, tradeId, takerOrderId, takerSide, price, quantity, false,
                takerLeaves);
    }

    private void fill(long accountId, long instrumentId, long time, long tradeId, long orderId, Side side, long price,
                      long quantity, boolean maker, long leaves) {
        tape(accountId).add(instrumentId, time, tradeId, orderId, side.ordinal() | (maker ? MAKER : 0), price,
                quantity, leaves);
        explain(accountId, instrumentId, side == Side.BUY ? quantity : -quantity);
    }

    /**
     * A security balance the account's steps do not add up to moved other than by a trade (a deposit, a withdrawal):
     * a movement at the instrument's last trade price. A trade's legs come after its Trade, which counted them.
     */
    @Override
    public void balanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId) {
        long instrumentId = instrumentBySymbol.getValue(asset);
        if (instrumentId == 0) {
            return;
        }
        Long2LongHashMap quantities = explained(accountId);
        long unexplained = balance - quantities.get(instrumentId);
        if (unexplained != 0) {
            long last = lastPrices.get(instrumentId);
            tape(accountId).add(instrumentId, now, 0, 0, MOVEMENT, last > 0 ? last : referencePrices.get(instrumentId),
                    unexplained, 0);
            quantities.put(instrumentId, balance);
        }
    }

    @Override
    public void orderRejected(long orderId, long accountId, ErrorCode reason) {
        // An officer's refusal, or an approval that found the order stale; other refusals naming the id are of a
        // command about the order (it stays held) or of a new order, which the engine refuses for its used id.
        switch (reason) {
            case REJECTED_BY_RISK_OFFICER, INSTRUMENT_HALTED, POST_ONLY_WOULD_CROSS, STOP_PRICE_ALREADY_REACHED ->
                    released(accountId, orderId);
            default -> {
            }
        }
    }

    @Override
    public void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
        released(accountId, orderId);
    }

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case Event.RiskAlert a -> held(a);
            case Event.TransferStateChanged t -> {
                if (t.state() == TransferState.PENDING) {
                    lastPending = t;
                } else {
                    heldTransfers.remove(t.transferId());
                }
            }
            case Event.OrderApproved a -> released(a.accountId(), a.orderId());
            case Event.OrderExpired e -> released(e.accountId(), e.orderId());
            case Event.OrderRejected r -> orderRejected(r.orderId(), r.accountId(), r.reason());
            case Event.OrderCancelled c -> orderCancelled(c.orderId(), c.accountId(), c.cancelledQuantity(), c.reason());
            case Event.Trade t -> trade(t.tradeId(), t.instrumentId(), t.price(), t.quantity(), t.takerSide(),
                    t.makerOrderId(), t.takerOrderId(), t.makerAccountId(), t.takerAccountId(), t.makerLeaves(),
                    t.takerLeaves(), t.timestamp());
            case Event.BalanceChanged b -> balanceChanged(b.accountId(), b.asset(), b.delta(), b.balance(), b.held(),
                    b.journalId());
            case Event.InstrumentListed l -> listed(l.instrument());
            case Event.CommandRejected ignored -> refused = true;
            default -> {
            }
        }
    }

    private void held(Event.RiskAlert a) {
        SessionMessage.Review review = new SessionMessage.Review(a.scoreBps(), a.amountBps(), a.frequencyBps(),
                a.patternBps(), a.reason(), a.ruleMask(), now);
        if (a.subject() == ReviewSubject.ORDER) {
            Long2ObjectHashMap<SessionMessage.Review> orders = heldOrders.get(a.accountId());
            if (orders == null) {
                orders = new Long2ObjectHashMap<>();
                heldOrders.put(a.accountId(), orders);
            }
            orders.put(a.subjectId(), review);
        } else if (lastPending != null && lastPending.transferId() == a.subjectId()) {
            Event.TransferStateChanged t = lastPending;
            heldTransfers.put(t.transferId(), new SessionMessage.HeldTransfer(t.transferId(), t.kind(), a.accountId(),
                    t.fromAccountId(), t.toAccountId(), t.asset(), t.amount(), t.fee(), review));
        }
    }

    private void released(long accountId, long orderId) {
        Long2ObjectHashMap<SessionMessage.Review> orders = heldOrders.get(accountId);
        if (orders != null && orders.remove(orderId) != null && orders.isEmpty()) {
            heldOrders.remove(accountId);
        }
    }

    private void listed(Instrument instrument) {
        instrumentBySymbol.put(instrument.symbol(), instrument.id());
        referencePrices.put(instrument.id(), instrument.referencePrice());
        if (!dayOpenPrices.containsKey(instrument.id())) {
            dayOpenPrices.put(instrument.id(), instrument.referencePrice());
        }
    }

    private Tape tape(long accountId) {
        Tape tape = tapes.get(accountId);
        if (tape == null) {
            tape = new Tape();
            tapes.put(accountId, tape);
        }
        return tape;
    }

    private Long2LongHashMap explained(long accountId) {
        Long2LongHashMap quantities = explained.get(accountId);
        if (quantities == null) {
            quantities = new Long2LongHashMap(0);
            explained.put(accountId, quantities);
        }
        return quantities;
    }

    private void explain(long accountId, long instrumentId, long quantity) {
        Long2LongHashMap quantities = explained(accountId);
        quantities.put(instrumentId, quantities.get(instrumentId) + quantity);
    }

    // ---- Answering ----------------------------------------------------------------------------------

    /** Who may see what of the record. */
    interface Viewer {
        /** Held items and kill switches of every account (a risk officer, an administrator, the system). */
        boolean reviewsEveryAccount();

        boolean owns(long accountId);
    }

    /** The held orders the viewer may see, oldest first, as the engine holds them now. */
    List<SessionMessage.HeldOrder> heldOrders(Engine engine, Viewer viewer) {
        List<SessionMessage.HeldOrder> result = new ArrayList<>();
        for (long accountId : sortedKeys(heldOrders)) {
            if (!viewer.reviewsEveryAccount() && !viewer.owns(accountId)) {
                continue;
            }
            Long2ObjectHashMap<SessionMessage.Review> reviews = heldOrders.get(accountId);
            for (WorkingOrder o : engine.workingOrders(accountId)) {
                SessionMessage.Review review = reviews.get(o.orderId());
                if (review != null && "HELD".equals(o.status())) {
                    result.add(new SessionMessage.HeldOrder(o.orderId(), o.accountId(), o.instrumentId(), o.userId(),
                            o.side(), o.type(), o.timeInForce(), o.price(), o.stopPrice(), o.leaves(), review));
                }
            }
        }
        result.sort(Comparator.comparingLong((SessionMessage.HeldOrder o) -> o.review().heldAt())
                .thenComparingLong(SessionMessage.HeldOrder::accountId)
                .thenComparingLong(SessionMessage.HeldOrder::orderId));
        return result;
    }

    /** The held transfers the viewer may see (the reviewed account's, or either side's), oldest first. */
    List<SessionMessage.HeldTransfer> heldTransfers(Engine engine, Viewer viewer) {
        List<SessionMessage.HeldTransfer> result = new ArrayList<>();
        for (long transferId : sortedKeys(heldTransfers)) {
            SessionMessage.HeldTransfer t = heldTransfers.get(transferId);
            boolean visible = viewer.reviewsEveryAccount() || viewer.owns(t.accountId())
                    || viewer.owns(t.fromAccountId()) || viewer.owns(t.toAccountId());
            if (visible && engine.transferState(transferId) == TransferState.PENDING) {
                result.add(t);
            }
        }
        result.sort(Comparator.comparingLong((SessionMessage.HeldTransfer t) -> t.review().heldAt())
                .thenComparingLong(SessionMessage.HeldTransfer::transferId));
        return result;
    }

    /**
     * Today's steps of {@code accountId}: first, per instrument, what it held when the day began (carried at the
     * day's opening price), then its fills and movements in the engine's order.
     */
    List<SessionMessage.DayStep> steps(long accountId) {
        List<SessionMessage.DayStep> result = new ArrayList<>();
        Tape tape = tapes.get(accountId);
        Long2LongHashMap moved = new Long2LongHashMap(0);
        if (tape != null) {
            for (int at = 0; at < tape.size; at += STRIDE) {
                long[] s = tape.steps;
                long code = s[at + 4];
                long quantity = s[at + 6];
                long signed = code == MOVEMENT ? quantity : (code & 0xFF) == Side.BUY.ordinal() ? quantity : -quantity;
                moved.put(s[at], moved.get(s[at]) + signed);
            }
        }
        Long2LongHashMap quantities = explained.get(accountId);
        if (quantities != null) {
            long[] instruments = keys(quantities);
            for (long instrumentId : instruments) {
                long opening = quantities.get(instrumentId) - moved.get(instrumentId);
                if (opening != 0) {
                    long price = dayOpenPrices.containsKey(instrumentId) ? dayOpenPrices.get(instrumentId)
                            : referencePrices.get(instrumentId);
                    result.add(new SessionMessage.DayStep(accountId, instrumentId, dayStart, 0, 0, null, price,
                            opening, false, 0));
                }
            }
        }
        if (tape != null) {
            for (int at = 0; at < tape.size; at += STRIDE) {
                long[] s = tape.steps;
                long code = s[at + 4];
                Side side = code == MOVEMENT ? null : Side.values()[(int) (code & 0xFF)];
                result.add(new SessionMessage.DayStep(accountId, s[at], s[at + 1], s[at + 2], s[at + 3], side,
                        s[at + 5], s[at + 6], code != MOVEMENT && (code & MAKER) != 0, s[at + 7]));
            }
        }
        return result;
    }

    /** Fills and movements recorded today across all accounts (tests, metrics). */
    long stepCount() {
        long count = 0;
        for (long accountId : sortedKeys(tapes)) {
            count += tapes.get(accountId).size / STRIDE;
        }
        return count;
    }

    // ---- Snapshot -----------------------------------------------------------------------------------

    /**
     * Forgets reviews of orders the engine no longer holds (a safety net: every member does it at the same log
     * position, just before its snapshot, so the record stays the same on all of them).
     */
    void prune(Engine engine) {
        for (long accountId : sortedKeys(heldOrders)) {
            Long2ObjectHashMap<SessionMessage.Review> reviews = heldOrders.get(accountId);
            Long2ObjectHashMap<SessionMessage.Review> kept = new Long2ObjectHashMap<>();
            for (WorkingOrder o : engine.workingOrders(accountId)) {
                SessionMessage.Review review = reviews.get(o.orderId());
                if (review != null && "HELD".equals(o.status())) {
                    kept.put(o.orderId(), review);
                }
            }
            if (kept.isEmpty()) {
                heldOrders.remove(accountId);
            } else {
                heldOrders.put(accountId, kept);
            }
        }
        for (long transferId : sortedKeys(heldTransfers)) {
            if (engine.transferState(transferId) != TransferState.PENDING) {
                heldTransfers.remove(transferId);
            }
        }
    }

    void write(DataOutputStream out) throws IOException {
        List<long[]> orders = new ArrayList<>();
        for (long accountId : sortedKeys(heldOrders)) {
            for (long orderId : sortedKeys(heldOrders.get(accountId))) {
                orders.add(new long[]{accountId, orderId});
            }
        }
        out.writeInt(orders.size());
        for (long[] key : orders) {
            out.writeLong(key[0]);
            out.writeLong(key[1]);
            writeReview(out, heldOrders.get(key[0]).get(key[1]));
        }
        long[] transfers = sortedKeys(heldTransfers);
        out.writeInt(transfers.length);
        for (long transferId : transfers) {
            SessionMessage.HeldTransfer t = heldTransfers.get(transferId);
            out.writeLong(t.transferId());
            out.writeByte(t.kind().ordinal());
            out.writeLong(t.accountId());
            out.writeLong(t.fromAccountId());
            out.writeLong(t.toAccountId());
            out.writeUTF(t.asset());
            out.writeLong(t.amount());
            out.writeLong(t.fee());
            writeReview(out, t.review());
        }
        out.writeLong(dayStart);
        Entitlements.writeMap(out, dayOpenPrices);
        long[] accounts = sortedKeys(tapes);
        out.writeInt(accounts.length);
        for (long accountId : accounts) {
            Tape tape = tapes.get(accountId);
            out.writeLong(accountId);
            out.writeInt(tape.size);
            for (int i = 0; i < tape.size; i++) {
                out.writeLong(tape.steps[i]);
            }
        }
    }

    /** Reads what {@link #write} wrote; then {@link #rebuild} from the restored engine. */
    void read(DataInputStream in) throws IOException {
        heldOrders.clear();
        heldTransfers.clear();
        tapes.clear();
        for (int i = in.readInt(); i > 0; i--) {
            long accountId = in.readLong();
            long orderId = in.readLong();
            Long2ObjectHashMap<SessionMessage.Review> orders = heldOrders.get(accountId);
            if (orders == null) {
                orders = new Long2ObjectHashMap<>();
                heldOrders.put(accountId, orders);
            }
            orders.put(orderId, readReview(in));
        }
        for (int i = in.readInt(); i > 0; i--) {
            long transferId = in.readLong();
            TransferKind kind = TransferKind.values()[in.readByte()];
            long accountId = in.readLong();
            long from = in.readLong();
            long to = in.readLong();
            String asset = in.readUTF();
            long amount = in.readLong();
            long fee = in.readLong();
            heldTransfers.put(transferId, new SessionMessage.HeldTransfer(transferId, kind, accountId, from, to, asset,
                    amount, fee, readReview(in)));
        }
        dayStart = in.readLong();
        Entitlements.readMap(in, dayOpenPrices);
        for (int i = in.readInt(); i > 0; i--) {
            long accountId = in.readLong();
            Tape tape = new Tape();
            int size = in.readInt();
            tape.steps = new long[Math.max(STRIDE * 4, size)];
            for (int s = 0; s < size; s++) {
                tape.steps[s] = in.readLong();
            }
            tape.size = size;
            tapes.put(accountId, tape);
        }
    }

    /**
     * What the record derives from the engine, after a load: the instruments, last prices and each account's
     * security balances. Loading a snapshot older than the record (none was written) also starts the day here: the
     * positions held now are carried at each instrument's last trade price.
     */
    void rebuild(Engine engine, boolean recordWasWritten) {
        instrumentBySymbol.clear();
        referencePrices.clear();
        lastPrices.clear();
        explained.clear();
        for (Instrument instrument : engine.instruments()) {
            instrumentBySymbol.put(instrument.symbol(), instrument.id());
            referencePrices.put(instrument.id(), instrument.referencePrice());
            long last = engine.lastTradePrice(instrument.id());
            if (last > 0) {
                lastPrices.put(instrument.id(), last);
            }
            if (!recordWasWritten) {
                dayOpenPrices.put(instrument.id(), last > 0 ? last : instrument.referencePrice());
            }
            for (long accountId : engine.accountIds()) {
                long balance = engine.balance(accountId, instrument.symbol());
                if (balance != 0) {
                    explained(accountId).put(instrument.id(), balance);
                }
            }
        }
    }

    private static void writeReview(DataOutputStream out, SessionMessage.Review r) throws IOException {
        out.writeInt(r.scoreBps());
        out.writeInt(r.amountBps());
        out.writeInt(r.frequencyBps());
        out.writeInt(r.patternBps());
        out.writeShort(r.reason() == null ? -1 : r.reason().ordinal());
        out.writeInt(r.ruleMask());
        out.writeLong(r.heldAt());
    }

    private static SessionMessage.Review readReview(DataInputStream in) throws IOException {
        int score = in.readInt();
        int amount = in.readInt();
        int frequency = in.readInt();
        int pattern = in.readInt();
        int reason = in.readShort();
        int rules = in.readInt();
        long heldAt = in.readLong();
        return new SessionMessage.Review(score, amount, frequency, pattern,
                reason < 0 ? null : ErrorCode.values()[reason], rules, heldAt);
    }

    private static long[] sortedKeys(Long2ObjectHashMap<?> map) {
        long[] keys = new long[map.size()];
        int i = 0;
        var it = map.keySet().iterator();
        while (it.hasNext()) {
            keys[i++] = it.nextLong();
        }
        Arrays.sort(keys);
        return keys;
    }

    private static long[] keys(Long2LongHashMap map) {
        long[] keys = new long[map.size()];
        int[] i = {0};
        map.longForEach((key, value) -> keys[i[0]++] = key);
        Arrays.sort(keys);
        return keys;
    }

    /** One account's steps of the day, {@link #STRIDE} longs each, in the engine's order. */
    private static final class Tape {
        long[] steps = new long[STRIDE * 4];
        int size;

        void add(long instrumentId, long time, long tradeId, long orderId, long code, long price, long quantity,
                 long leaves) {
            if (size + STRIDE > steps.length) {
                steps = Arrays.copyOf(steps, steps.length * 2);
            }
            steps[size] = instrumentId;
            steps[size + 1] = time;
            steps[size + 2] = tradeId;
            steps[size + 3] = orderId;
            steps[size + 4] = code;
            steps[size + 5] = price;
            steps[size + 6] = quantity;
            steps[size + 7] = leaves;
            size += STRIDE;
        }
    }
}
