package com.bourse.cluster.service;

import com.bourse.cluster.movement.MovementRow;
import com.bourse.cluster.movement.MovementStepRow;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.IgnoringEventSink;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The back office's cash movements as the clustered service keeps them beside the engine: each deposit, withdrawal,
 * transfer and payment with who requested it and when, and every state it went through with the engine's reason,
 * whose command made the step and its business time (the engine keeps only a transfer's current state). A clerk's
 * window asks for the movements in a state and for one movement's history ({@code MovementQuery}).
 *
 * <p>Replicated state: learnt from the engine's {@code TransferStateChanged} events in log order on every member,
 * snapshotted with the service, written in id order so equal records give equal bytes. Bounded: every movement not
 * yet finished is kept, and the latest {@link #KEPT_FINISHED} finished ones (completed, failed, cancelled); an older
 * finished movement is forgotten here (its postings stay in the engine's ledger and in the statements).
 *
 * <p>The engine's primitive callbacks carry no movement: ignored, nothing built.
 *
 * <p>Service thread only.
 */
final class MovementRecord extends IgnoringEventSink {
    /** Finished movements kept for the clerk's lists and histories. */
    static final int KEPT_FINISHED = 20_000;

    private final Long2ObjectHashMap<Entry> movements = new Long2ObjectHashMap<>();
    /** Finished movement ids, oldest finish first: the first to forget. */
    private final ArrayDeque<Long> finished = new ArrayDeque<>();
    private final int keptFinished;
    private long now;
    private long actor;

    MovementRecord() {
        this(KEPT_FINISHED);
    }

    MovementRecord(int keptFinished) {
        this.keptFinished = keptFinished;
    }

    /** A command of {@code userId} at business time {@code timestamp} is about to be applied. */
    void beginCommand(long timestamp, long userId) {
        now = timestamp;
        actor = userId;
    }

    /** Learns a movement's change of state; anything else is ignored. */
    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.TransferStateChanged t) {
            changed(t);
        }
    }

    private void changed(Event.TransferStateChanged t) {
        Entry entry = movements.get(t.transferId());
        if (entry == null) {
            // A request the engine announces as PENDING first; anything else about an unknown id is the engine
            // repeating a forgotten movement's first answer to a retried request: nothing new.
            if (t.state() != TransferState.PENDING) {
                return;
            }
            entry = new Entry(t.transferId(), t.kind(), t.fromAccountId(), t.toAccountId(), t.asset(), t.amount(),
                    t.fee(), t.reference(), actor, now);
            movements.put(t.transferId(), entry);
        } else if (!forward(entry.state, entry.reason, t.state(), t.reason())) {
            return; // the engine repeating a first answer to a retried request
        }
        entry.step(t.state(), t.reason(), actor, now);
        if (t.state().isTerminal()) {
            finished.addLast(t.transferId());
            while (finished.size() > keptFinished) {
                movements.remove(finished.removeFirst().longValue());
            }
        }
    }

    /**
     * PENDING, then held for review (PENDING with the reason), PROCESSING or an end; PROCESSING, then an end; an end
     * is final.
     */
    private static boolean forward(TransferState from, ErrorCode fromReason, TransferState to, ErrorCode toReason) {
        return from == TransferState.PENDING && (to != TransferState.PENDING || fromReason == null && toReason != null)
                || from == TransferState.PROCESSING && to.isTerminal();
    }

    // ---- Answering ----------------------------------------------------------------------------------

    /**
     * Movements now in {@code state} (null: any) that {@code visible} lets through, newest change first (then the
     * higher id), at most {@code max}.
     */
    List<MovementRow> inState(TransferState state, LongPredicate visible, int max) {
        List<Entry> chosen = new ArrayList<>();
        for (Entry e : movements.values()) {
            if ((state == null || e.state == state) && visible.test(e.movementId)) {
                chosen.add(e);
            }
        }
        chosen.sort(Comparator.comparingLong((Entry e) -> e.updatedAt).thenComparingLong(e -> e.movementId)
                .reversed());
        List<MovementRow> rows = new ArrayList<>(Math.min(max, chosen.size()));
        for (Entry e : chosen) {
            if (rows.size() == max) {
                break;
            }
            rows.add(e.row());
        }
        return rows;
    }

    /** The movement with {@code movementId}, or null when this record does not hold it. */
    MovementRow movement(long movementId) {
        Entry e = movements.get(movementId);
        return e == null ? null : e.row();
    }

    /** Every state {@code movementId} went through, oldest first; empty when this record does not hold it. */
    List<MovementStepRow> history(long movementId) {
        Entry e = movements.get(movementId);
        if (e == null) {
            return List.of();
        }
        List<MovementStepRow> steps = new ArrayList<>(e.stepCount);
        for (int i = 0; i < e.stepCount; i++) {
            steps.add(new MovementStepRow(movementId, e.states[i], e.reasons[i], e.actors[i], e.times[i]));
        }
        return steps;
    }

    /** Whether {@code accountId} is on either side of movement {@code movementId}. */
    boolean involves(long movementId, long accountId) {
        Entry e = movements.get(movementId);
        return e != null && (e.from == accountId || e.to == accountId);
    }

    /** The accounts of {@code movementId}: payer (0 for a deposit), payee (0 for a withdrawal); null if unknown. */
    long[] accountsOf(long movementId) {
        Entry e = movements.get(movementId);
        return e == null ? null : new long[]{e.from, e.to};
    }

    int size() {
        return movements.size();
    }

    // ---- Snapshot -----------------------------------------------------------------------------------

    void write(DataOutputStream out) throws IOException {
        long[] ids = new long[movements.size()];
        int n = 0;
        var it = movements.keySet().iterator();
        while (it.hasNext()) {
            ids[n++] = it.nextLong();
        }
        Arrays.sort(ids);
        out.writeInt(ids.length);
        for (long id : ids) {
            Entry e = movements.get(id);
            out.writeLong(e.movementId);
            out.writeByte(e.kind.ordinal());
            out.writeLong(e.from);
            out.writeLong(e.to);
            out.writeUTF(e.asset);
            out.writeLong(e.amount);
            out.writeLong(e.fee);
            out.writeUTF(e.reference);
            out.writeLong(e.requestedBy);
            out.writeLong(e.requestedAt);
            out.writeInt(e.stepCount);
            for (int i = 0; i < e.stepCount; i++) {
                out.writeByte(e.states[i].ordinal());
                out.writeShort(e.reasons[i] == null ? -1 : e.reasons[i].ordinal());
                out.writeLong(e.actors[i]);
                out.writeLong(e.times[i]);
            }
        }
        out.writeInt(finished.size());
        for (long id : finished) {
            out.writeLong(id);
        }
    }

    /** Reads what {@link #write} wrote. */
    void read(DataInputStream in) throws IOException {
        movements.clear();
        finished.clear();
        for (int i = in.readInt(); i > 0; i--) {
            Entry e = new Entry(in.readLong(), TransferKind.values()[in.readByte()], in.readLong(), in.readLong(),
                    in.readUTF(), in.readLong(), in.readLong(), in.readUTF(), in.readLong(), in.readLong());
            for (int s = in.readInt(); s > 0; s--) {
                TransferState state = TransferState.values()[in.readByte()];
                int reason = in.readShort();
                e.step(state, reason < 0 ? null : ErrorCode.values()[reason], in.readLong(), in.readLong());
            }
            movements.put(e.movementId, e);
        }
        for (int i = in.readInt(); i > 0; i--) {
            finished.addLast(in.readLong());
        }
    }

    /** One movement and its steps (a handful: PENDING, PROCESSING, an end). */
    private static final class Entry {
        final long movementId;
        final TransferKind kind;
        final long from;
        final long to;
        final String asset;
        final long amount;
        final long fee;
        final String reference;
        final long requestedBy;
        final long requestedAt;
        TransferState state;
        ErrorCode reason;
        long updatedAt;
        TransferState[] states = new TransferState[3];
        ErrorCode[] reasons = new ErrorCode[3];
        long[] actors = new long[3];
        long[] times = new long[3];
        int stepCount;

        Entry(long movementId, TransferKind kind, long from, long to, String asset, long amount, long fee,
              String reference, long requestedBy, long requestedAt) {
            this.movementId = movementId;
            this.kind = kind;
            this.from = from;
            this.to = to;
            this.asset = asset;
            this.amount = amount;
            this.fee = fee;
            this.reference = reference == null ? "" : reference;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
        }

        void step(TransferState s, ErrorCode why, long by, long at) {
            if (stepCount == states.length) {
                states = Arrays.copyOf(states, stepCount * 2);
                reasons = Arrays.copyOf(reasons, stepCount * 2);
                actors = Arrays.copyOf(actors, stepCount * 2);
                times = Arrays.copyOf(times, stepCount * 2);
            }
            states[stepCount] = s;
            reasons[stepCount] = why;
            actors[stepCount] = by;
            times[stepCount] = at;
            stepCount++;
            state = s;
            reason = why;
            updatedAt = at;
        }

        MovementRow row() {
            return new MovementRow(movementId, kind, from, to, asset, amount, fee, reference, state, reason,
                    requestedBy, requestedAt, updatedAt);
        }
    }
}
