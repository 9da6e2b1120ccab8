package com.bourse.engine;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the engine's whole state as bytes and reads it back. Everything is written in the deterministic
 * order of the engine's lists (never a hash map's), so equal states give equal bytes; book queues are
 * rebuilt from time priority and stop lists from their written order. Version 2 adds the history the
 * surveillance rules read; a version 1 snapshot restores with that history empty. Version 3 adds payments' fee
 * and reference and what a held order or transfer waits for (reason and rules fired); a version 2 snapshot
 * restores with no fee, no reference, and held items whose rules are unknown (approving them logs no override).
 * Version 4 adds an account's own price band and review threshold; a version 3 snapshot restores without them.
 * Version 5 adds each order's filled quantity and whether it was elected (a stop), and names waiting stops by
 * account and client order id (ids are unique per account only); an order from an older snapshot restores as
 * unfilled, so an amendment of it reads its total as the open quantity. Version 6 adds each order's OCO peer (its
 * client order id, 0 for none) and a bracket's entry order its target and stop; an older snapshot has neither.
 * Version 7 adds a bracket's target and stop their entry's id; in an older snapshot they are a plain OCO pair.
 */
final class SnapshotCodec {
    private static final int MAGIC = 0x424F5552; // "BOUR"
    private static final int VERSION = 7;
    private static final int VERSION_WITHOUT_BRACKET_LEGS = 6;
    private static final int VERSION_WITHOUT_OCO = 5;
    private static final int VERSION_WITHOUT_FILLED = 4;
    private static final int VERSION_WITHOUT_ACCOUNT_BANDS = 3;
    private static final int VERSION_WITHOUT_PAYMENTS = 2;
    private static final int VERSION_WITHOUT_SURVEILLANCE = 1;

    private SnapshotCodec() {
    }

    static byte[] write(EngineState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(s.tradeSeq);
            out.writeLong(s.journalSeq);
            out.writeLong(s.entrySeq);
            out.writeLong(s.prioritySeq);

            out.writeInt(s.userIds.size());
            for (long userId : s.userIds) {
                out.writeLong(userId);
                out.writeInt(s.roles(userId));
            }
            out.writeInt(s.assetCodes.size());
            for (String code : s.assetCodes) {
                out.writeUTF(code);
            }
            for (long total : s.assetTotals) {
                out.writeLong(total);
            }
            out.writeInt(s.currencies.size());
            for (Currency currency : s.currencies) {
                out.writeUTF(currency.code());
                out.writeInt(currency.minorDigits());
            }
            out.writeInt(s.instrumentList.size());
            for (InstrumentState instrument : s.instrumentList) {
                Instrument spec = instrument.spec;
                out.writeLong(spec.id());
                out.writeUTF(spec.symbol());
                out.writeUTF(spec.currency());
                out.writeInt(spec.priceScale());
                out.writeLong(spec.tickSize());
                out.writeLong(spec.lotSize());
                out.writeLong(spec.referencePrice());
                out.writeInt(spec.bandBps());
                out.writeBoolean(instrument.halted);
                out.writeLong(instrument.lastTradePrice);
            }
            writeBalances(out, s.external);
            out.writeInt(s.accountList.size());
            for (Account account : s.accountList) {
                writeAccount(out, account);
            }
            for (Account account : s.accountList) {
                int count = 0;
                for (Order o = account.firstOrder; o != null; o = o.accountNext) {
                    count++;
                }
                out.writeInt(count);
                for (Order o = account.firstOrder; o != null; o = o.accountNext) {
                    writeOrder(out, o);
                }
            }
            for (InstrumentState instrument : s.instrumentList) {
                out.writeInt(instrument.stopCount);
                for (Order o = instrument.firstStop; o != null; o = o.nextStop) {
                    out.writeLong(o.account.accountId);
                    out.writeLong(o.orderId);
                }
            }
            out.writeInt(s.transferList.size());
            for (Transfer t : s.transferList) {
                out.writeLong(t.transferId);
                out.writeLong(t.userId);
                out.writeByte(t.kind.ordinal());
                out.writeLong(t.fromAccountId);
                out.writeLong(t.toAccountId);
                out.writeUTF(t.asset);
                out.writeLong(t.amount);
                out.writeByte(t.state.ordinal());
                out.writeLong(t.held);
                out.writeBoolean(t.awaitingReview);
                out.writeByte(t.firstResult.state().ordinal());
                out.writeShort(t.firstResult.reason() == null ? -1 : t.firstResult.reason().ordinal());
                out.writeLong(t.fee);
                out.writeUTF(t.reference);
                out.writeShort(t.heldReason == null ? -1 : t.heldReason.ordinal());
                out.writeInt(t.heldRules);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static EngineState read(EngineConfig config, byte[] snapshot) {
        EngineState s = new EngineState(config);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a Bourse engine snapshot");
            }
            int version = in.readInt();
            if (version < VERSION_WITHOUT_SURVEILLANCE || version > VERSION) {
                throw new IllegalArgumentException("unsupported snapshot version " + version);
            }
            s.tradeSeq = in.readLong();
            s.journalSeq = in.readLong();
            s.entrySeq = in.readLong();
            s.prioritySeq = in.readLong();

            int users = in.readInt();
            for (int i = 0; i < users; i++) {
                long userId = in.readLong();
                s.userIds.add(userId);
                s.userRoles.put(userId, in.readInt());
            }
            int assets = in.readInt();
            for (int i = 0; i < assets; i++) {
                s.addAsset(in.readUTF());
            }
            for (int i = 0; i < assets; i++) {
                s.assetTotals[i] = in.readLong();
            }
            int currencies = in.readInt();
            for (int i = 0; i < currencies; i++) {
                Currency currency = new Currency(in.readUTF(), in.readInt());
                s.currencies.add(currency);
                s.currencyDigits.put(currency.code(), currency.minorDigits());
            }
            int instruments = in.readInt();
            for (int i = 0; i < instruments; i++) {
                Instrument spec = new Instrument(in.readLong(), in.readUTF(), in.readUTF(), in.readInt(), in.readLong(),
                        in.readLong(), in.readLong(), in.readInt());
                int digits = s.currencyDigits.getValue(spec.currency());
                InstrumentState instrument = new InstrumentState(spec, s.assetIndex.getValue(spec.symbol()),
                        s.assetIndex.getValue(spec.currency()), spec.currency(),
                        FixedPoint.pow10(spec.priceScale() - digits),
                        Math.multiplyExact(config.largeAmountUnits(), FixedPoint.pow10(digits)));
                instrument.halted = in.readBoolean();
                instrument.lastTradePrice = in.readLong();
                s.instruments.put(spec.id(), instrument);
                s.instrumentList.add(instrument);
            }
            readBalances(in, s.external);
            int accounts = in.readInt();
            for (int i = 0; i < accounts; i++) {
                Account account = readAccount(in, assets, config, version);
                s.addAccount(account);
            }
            List<Order> resting = new ArrayList<>();
            List<long[]> peers = new ArrayList<>(); // account, order, its OCO peer: linked once all are read
            for (Account account : s.accountList) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    Order o = readOrder(in, s, account, version, peers);
                    account.link(o);
                    s.liveOrders.add(o);
                    if (o.state == OrderState.RESTING) {
                        resting.add(o);
                    }
                }
            }
            for (long[] link : peers) {
                s.liveOrders.find(link[0], link[1]).ocoPeer = s.liveOrders.find(link[0], link[2]);
            }
            resting.sort(Comparator.comparingLong(o -> o.prioritySeq));
            for (Order o : resting) {
                o.instrument.side(o.isBuy()).add(o);
            }
            for (InstrumentState instrument : s.instrumentList) {
                int stops = in.readInt();
                for (int i = 0; i < stops; i++) {
                    long accountId = version >= VERSION_WITHOUT_OCO ? in.readLong() : 0;
                    instrument.addStop(s.liveOrders.find(accountId, in.readLong()));
                }
            }
            int transfers = in.readInt();
            for (int i = 0; i < transfers; i++) {
                long id = in.readLong();
                long userId = in.readLong();
                TransferKind kind = TransferKind.values()[in.readByte()];
                long from = in.readLong();
                long to = in.readLong();
                String asset = in.readUTF();
                long amount = in.readLong();
                Transfer t = new Transfer(id, userId, kind, s.accounts.get(from), s.accounts.get(to), from, to,
                        s.assetIndex.getValue(asset), asset, amount);
                t.state = TransferState.values()[in.readByte()];
                t.held = in.readLong();
                t.awaitingReview = in.readBoolean();
                TransferState first = TransferState.values()[in.readByte()];
                int reason = in.readShort();
                if (version >= VERSION_WITHOUT_ACCOUNT_BANDS) {
                    t.fee = in.readLong();
                    t.reference = in.readUTF();
                    int heldReason = in.readShort();
                    t.heldReason = heldReason < 0 ? null : ErrorCode.values()[heldReason];
                    t.heldRules = in.readInt();
                }
                t.firstResult = new Event.TransferStateChanged(id, kind, from, to, asset, amount, first,
                        reason < 0 ? null : ErrorCode.values()[reason], t.fee, t.reference);
                s.transfers.put(id, t);
                s.transferList.add(t);
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("snapshot has " + in.available() + " trailing bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt snapshot", e);
        }
        return s;
    }

    private static void writeAccount(DataOutputStream out, Account a) throws IOException {
        out.writeLong(a.accountId);
        out.writeLong(a.ownerUserId);
        out.writeUTF(a.baseCurrency);
        out.writeByte(a.selfTradePrevention.ordinal());
        RiskLimits l = a.limits;
        out.writeLong(l.maxOrderQuantity());
        out.writeLong(l.maxOrderNotional());
        out.writeLong(l.maxPosition());
        out.writeInt(l.maxOrdersPerWindow());
        out.writeLong(l.throttleWindowMillis());
        out.writeInt(l.priceBandBps());
        out.writeInt(l.reviewThresholdBps());
        out.writeBoolean(a.killSwitch);
        writeBalances(out, a);
        for (long pending : a.pendingBuy) {
            out.writeLong(pending);
        }
        out.writeLong(a.lastOrderId);
        out.writeLong(a.orderWindowStart);
        out.writeInt(a.ordersInWindow);
        out.writeLong(a.transferWindowStart);
        out.writeInt(a.transfersInWindow);
        out.writeLong(a.orderCount);
        out.writeLong(a.orderQuantitySum);
        out.writeLong(a.transferCount);
        out.writeLong(a.transferAmountSum);
        out.writeLong(a.orderNotionalSum);
        for (boolean ordered : a.hasOrdered) {
            out.writeBoolean(ordered);
        }
        writeTimes(out, a.movementsUnderLine);
        writeTimes(out, a.quickBuyCancels);
        writeTimes(out, a.quickSellCancels);
    }

    private static void writeTimes(DataOutputStream out, RecentTimes times) throws IOException {
        out.writeInt(times.size());
        for (int i = 0; i < times.size(); i++) {
            out.writeLong(times.get(i));
        }
    }

    /** Oldest first, as written; a ring smaller than the written run (a changed setting) keeps the newest. */
    private static void readTimes(DataInputStream in, RecentTimes times) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > SurveillanceConfig.MAX_COUNT) {
            throw new IllegalArgumentException("snapshot remembers " + count + " events of one kind");
        }
        for (int i = 0; i < count; i++) {
            times.add(in.readLong());
        }
    }

    private static Account readAccount(DataInputStream in, int assets, EngineConfig config, int version)
            throws IOException {
        long id = in.readLong();
        long owner = in.readLong();
        String base = in.readUTF();
        SelfTradePrevention stp = SelfTradePrevention.values()[in.readByte()];
        RiskLimits limits = new RiskLimits(in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readLong());
        if (version >= VERSION_WITHOUT_FILLED) {
            limits = limits.withBandAndThreshold(in.readInt(), in.readInt());
        }
        Account a = new Account(id, owner, base, stp, limits, assets, false, config.surveillance());
        a.killSwitch = in.readBoolean();
        readBalances(in, a);
        for (int i = 0; i < assets; i++) {
            a.pendingBuy[i] = in.readLong();
        }
        a.lastOrderId = in.readLong();
        a.orderWindowStart = in.readLong();
        a.ordersInWindow = in.readInt();
        a.transferWindowStart = in.readLong();
        a.transfersInWindow = in.readInt();
        a.orderCount = in.readLong();
        a.orderQuantitySum = in.readLong();
        a.transferCount = in.readLong();
        a.transferAmountSum = in.readLong();
        if (version >= VERSION_WITHOUT_PAYMENTS) {
            a.orderNotionalSum = in.readLong();
            for (int i = 0; i < assets; i++) {
                a.hasOrdered[i] = in.readBoolean();
            }
            readTimes(in, a.movementsUnderLine);
            readTimes(in, a.quickBuyCancels);
            readTimes(in, a.quickSellCancels);
        }
        return a;
    }

    private static void writeBalances(DataOutputStream out, Account a) throws IOException {
        for (int i = 0; i < a.balance.length; i++) {
            out.writeLong(a.balance[i]);
            out.writeLong(a.held[i]);
        }
    }

    private static void readBalances(DataInputStream in, Account a) throws IOException {
        for (int i = 0; i < a.balance.length; i++) {
            a.balance[i] = in.readLong();
            a.held[i] = in.readLong();
        }
    }

    private static void writeOrder(DataOutputStream out, Order o) throws IOException {
        out.writeLong(o.orderId);
        out.writeLong(o.userId);
        out.writeLong(o.instrument.id());
        out.writeByte(o.side.ordinal());
        out.writeByte(o.type.ordinal());
        out.writeByte(o.timeInForce.ordinal());
        out.writeLong(o.price);
        out.writeLong(o.stopPrice);
        out.writeLong(o.leaves);
        out.writeLong(o.visible);
        out.writeLong(o.displayQuantity);
        out.writeBoolean(o.postOnly);
        out.writeByte(o.state.ordinal());
        out.writeLong(o.entrySeq);
        out.writeLong(o.prioritySeq);
        out.writeLong(o.holdPrice);
        out.writeLong(o.held);
        out.writeBoolean(o.wentLive);
        out.writeLong(o.enteredAt);
        out.writeBoolean(o.enteredNearTouch);
        out.writeShort(o.heldReason == null ? -1 : o.heldReason.ordinal());
        out.writeInt(o.heldRules);
        out.writeLong(o.filled);
        out.writeBoolean(o.elected);
        out.writeLong(o.ocoPeer == null ? 0 : o.ocoPeer.orderId);
        out.writeLong(o.bracketTargetId);
        out.writeLong(o.bracketTargetPrice);
        out.writeLong(o.bracketStopId);
        out.writeLong(o.bracketStopPrice);
        out.writeLong(o.bracketEntryId);
    }

    private static Order readOrder(DataInputStream in, EngineState s, Account account, int version,
                                   List<long[]> peers) throws IOException {
        Order o = s.pool.acquire();
        o.orderId = in.readLong();
        o.userId = in.readLong();
        o.account = account;
        o.instrument = s.instruments.get(in.readLong());
        o.side = Side.values()[in.readByte()];
        o.type = OrderType.values()[in.readByte()];
        o.timeInForce = TimeInForce.values()[in.readByte()];
        o.price = in.readLong();
        o.stopPrice = in.readLong();
        o.leaves = in.readLong();
        o.visible = in.readLong();
        o.displayQuantity = in.readLong();
        o.postOnly = in.readBoolean();
        o.state = OrderState.values()[in.readByte()];
        o.entrySeq = in.readLong();
        o.prioritySeq = in.readLong();
        o.holdPrice = in.readLong();
        o.held = in.readLong();
        o.wentLive = in.readBoolean();
        if (version >= VERSION_WITHOUT_PAYMENTS) {
            o.enteredAt = in.readLong();
            o.enteredNearTouch = in.readBoolean();
        }
        if (version >= VERSION_WITHOUT_ACCOUNT_BANDS) {
            int heldReason = in.readShort();
            o.heldReason = heldReason < 0 ? null : ErrorCode.values()[heldReason];
            o.heldRules = in.readInt();
        }
        if (version >= VERSION_WITHOUT_OCO) {
            o.filled = in.readLong();
            o.elected = in.readBoolean();
        } else {
            // Before version 5 a stop-limit order on the book had been elected; nothing else can be known.
            o.elected = o.type == OrderType.STOP_LIMIT && o.state == OrderState.RESTING;
        }
        if (version >= VERSION_WITHOUT_BRACKET_LEGS) {
            long peerId = in.readLong();
            if (peerId != 0) {
                peers.add(new long[]{account.accountId, o.orderId, peerId});
            }
            o.bracketTargetId = in.readLong();
            o.bracketTargetPrice = in.readLong();
            o.bracketStopId = in.readLong();
            o.bracketStopPrice = in.readLong();
        }
        if (version >= VERSION) {
            o.bracketEntryId = in.readLong();
        }
        return o;
    }
}
