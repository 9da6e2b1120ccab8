package com.bourse.cluster.service;

import com.bourse.cluster.statement.PostingRow;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.IgnoringEventSink;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import org.agrona.collections.Object2IntHashMap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Each account's postings (cash per currency and security quantities) as the clustered service keeps them beside
 * the engine, for the live clerk's statements: when, how much, the balance it left, the journal entry and what it
 * belongs to (the trade, the cash movement, or else the command's log position). The engine keeps balances only.
 *
 * <p>Replicated state: learnt from the engine's {@code BalanceChanged} legs in log order on every member,
 * snapshotted with the service (written oldest first, so equal records give equal bytes). Bounded like the desk
 * record's tape: an applied End of day lets the day's postings go, and at most {@link #KEPT} postings are kept (the
 * oldest go first); {@link #heldSince()} tells since when every posting is held. Changes of funds held (delta 0)
 * are not postings. The engine's other primitive callbacks carry no posting: ignored, nothing built.
 *
 * <p>Service thread only.
 */
final class PostingRecord extends IgnoringEventSink {
    /** Postings kept at most: a busy day's worth; about 56 bytes each in memory and in the snapshot. */
    static final int KEPT = 200_000;

    private final int capacity;
    private final long[] at;
    private final long[] account;
    private final int[] asset;
    private final long[] journal;
    private final long[] delta;
    private final long[] balance;
    private final byte[] kind;
    private final long[] ref;
    /** Oldest posting's slot, and how many are kept. */
    private int head;
    private int size;
    private final List<String> assets = new ArrayList<>();
    private final Object2IntHashMap<String> assetIndex = new Object2IntHashMap<>(-1);

    /** Since when every posting is held: 0 until the first command. */
    private long heldSince;
    /** Whether nothing was ever let go: the record began with the ledger. */
    private boolean sinceLedgerBegan = true;
    private long now;
    private PostingRow.Kind refKind = PostingRow.Kind.COMMAND;
    private long refId;

    PostingRecord() {
        this(KEPT);
    }

    PostingRecord(int capacity) {
        this.capacity = capacity;
        at = new long[capacity];
        account = new long[capacity];
        asset = new int[capacity];
        journal = new long[capacity];
        delta = new long[capacity];
        balance = new long[capacity];
        kind = new byte[capacity];
        ref = new long[capacity];
    }

    /**
     * {@code command} at log position {@code position} is about to be applied: its postings belong to the cash
     * movement it is about, else to the trade that makes them, else to the command itself.
     */
    void beginCommand(Command command, long position) {
        now = command.timestamp();
        if (heldSince == 0) {
            heldSince = now;
        }
        long movement = switch (command) {
            case Command.RequestTransfer t -> t.transferId();
            case Command.RequestPayment p -> p.paymentId();
            case Command.SettleTransfer t -> t.transferId();
            case Command.CancelTransfer t -> t.transferId();
            case Command.Approve a when a.subject() == ReviewSubject.TRANSFER -> a.subjectId();
            case Command.Reject r when r.subject() == ReviewSubject.TRANSFER -> r.subjectId();
            default -> 0;
        };
        refKind = movement != 0 ? PostingRow.Kind.TRANSFER : PostingRow.Kind.COMMAND;
        refId = movement != 0 ? movement : position;
    }

    /** An applied End of day: the day's postings go; the new day is held whole from now. */
    void endOfDay() {
        head = 0;
        size = 0;
        heldSince = now;
        sinceLedgerBegan = false;
    }

    long heldSince() {
        return heldSince;
    }

    boolean sinceLedgerBegan() {
        return sinceLedgerBegan;
    }

    int size() {
        return size;
    }

    // ---- Learning from the engine's events --------------------------------------------------------

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case Event.Trade t -> refer(t.tradeId());
            case Event.BalanceChanged b -> balanceChanged(b.accountId(), b.asset(), b.delta(), b.balance(), b.held(),
                    b.journalId());
            default -> {
            }
        }
    }

    /** A trade's legs follow its Trade: they belong to it. */
    @Override
    public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide,
                      long makerOrderId, long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves,
                      long takerLeaves, long timestamp) {
        refer(tradeId);
    }

    private void refer(long tradeId) {
        if (refKind != PostingRow.Kind.TRANSFER) {
            refKind = PostingRow.Kind.TRADE;
            refId = tradeId;
        }
    }

    @Override
    public void balanceChanged(long accountId, String assetCode, long change, long after, long held, long journalId) {
        if (change == 0) {
            return;
        }
        int slot;
        if (size == capacity) {
            slot = head;
            heldSince = at[head] + 1;
            sinceLedgerBegan = false;
            head = (head + 1) % capacity;
        } else {
            slot = (head + size) % capacity;
            size++;
        }
        at[slot] = now;
        account[slot] = accountId;
        asset[slot] = intern(assetCode);
        journal[slot] = journalId;
        delta[slot] = change;
        balance[slot] = after;
        kind[slot] = (byte) refKind.ordinal();
        ref[slot] = refId;
    }

    private int intern(String code) {
        int index = assetIndex.getValue(code);
        if (index < 0) {
            index = assets.size();
            assets.add(code);
            assetIndex.put(code, index);
        }
        return index;
    }

    // ---- Answering ----------------------------------------------------------------------------------

    /** A statement's content: the balance at each end of the window and the postings in it, oldest first. */
    record Window(long opening, List<PostingRow> postings, long closing) {
    }

    /**
     * The postings of {@code accountId}'s {@code assetCode} with business time in {@code fromMs}..{@code toMs}
     * (exclusive), and the balance at each end: before the first posting at or after an end, else {@code current}
     * (nothing moved since). Right for any window starting at or after {@link #heldSince()}.
     */
    Window window(long accountId, String assetCode, long fromMs, long toMs, long current) {
        int index = assetIndex.getValue(assetCode);
        List<PostingRow> rows = new ArrayList<>();
        long opening = Long.MIN_VALUE;
        long closing = Long.MIN_VALUE;
        for (int i = 0; i < size && index >= 0; i++) {
            int s = (head + i) % capacity;
            if (account[s] != accountId || asset[s] != index || at[s] < fromMs) {
                continue;
            }
            if (opening == Long.MIN_VALUE) {
                opening = balance[s] - delta[s];
            }
            if (at[s] >= toMs) {
                closing = balance[s] - delta[s];
                break;
            }
            rows.add(new PostingRow(at[s], journal[s], delta[s], balance[s], PostingRow.Kind.values()[kind[s]],
                    ref[s]));
        }
        return new Window(opening == Long.MIN_VALUE ? current : opening, rows,
                closing == Long.MIN_VALUE ? current : closing);
    }

    // ---- Snapshot -----------------------------------------------------------------------------------

    void write(DataOutputStream out) throws IOException {
        out.writeLong(heldSince);
        out.writeBoolean(sinceLedgerBegan);
        out.writeInt(assets.size());
        for (String code : assets) {
            out.writeUTF(code);
        }
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            int s = (head + i) % capacity;
            out.writeLong(at[s]);
            out.writeLong(account[s]);
            out.writeInt(asset[s]);
            out.writeLong(journal[s]);
            out.writeLong(delta[s]);
            out.writeLong(balance[s]);
            out.writeByte(kind[s]);
            out.writeLong(ref[s]);
        }
    }

    /** Reads what {@link #write} wrote; the oldest go if it holds more than this record keeps. */
    void read(DataInputStream in) throws IOException {
        heldSince = in.readLong();
        sinceLedgerBegan = in.readBoolean();
        assets.clear();
        assetIndex.clear();
        for (int i = in.readInt(); i > 0; i--) {
            intern(in.readUTF());
        }
        head = 0;
        size = 0;
        for (int i = in.readInt(); i > 0; i--) {
            now = in.readLong();
            long accountId = in.readLong();
            String code = assets.get(in.readInt());
            long journalId = in.readLong();
            long change = in.readLong();
            long after = in.readLong();
            refKind = PostingRow.Kind.values()[in.readByte()];
            refId = in.readLong();
            balanceChanged(accountId, code, change, after, 0, journalId);
        }
        refKind = PostingRow.Kind.COMMAND;
        refId = 0;
    }

    /**
     * A service snapshot from before this record (version 4 or older): the postings before it are not known, so
     * every posting is held from the first command after the load on.
     */
    void startedAfterLoad() {
        head = 0;
        size = 0;
        heldSince = 0;
        sinceLedgerBegan = false;
    }
}
