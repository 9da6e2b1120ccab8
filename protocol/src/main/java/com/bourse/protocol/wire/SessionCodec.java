package com.bourse.protocol.wire;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.sbe.BlotterRequestDecoder;
import com.bourse.protocol.sbe.BlotterRequestEncoder;
import com.bourse.protocol.sbe.BlotterSnapshotDecoder;
import com.bourse.protocol.sbe.BlotterSnapshotEncoder;
import com.bourse.protocol.sbe.CommandAckDecoder;
import com.bourse.protocol.sbe.CommandAckEncoder;
import com.bourse.protocol.sbe.DeskStateDecoder;
import com.bourse.protocol.sbe.DeskStateEncoder;
import com.bourse.protocol.sbe.MarketDepthDecoder;
import com.bourse.protocol.sbe.MarketDepthEncoder;
import com.bourse.protocol.sbe.MarketRequestDecoder;
import com.bourse.protocol.sbe.MarketRequestEncoder;
import com.bourse.protocol.sbe.MessageHeaderEncoder;
import com.bourse.protocol.sbe.WorkingStatus;
import com.bourse.protocol.wire.SessionMessage.AccountBalance;
import com.bourse.protocol.wire.SessionMessage.AckStatus;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates {@link SessionMessage}s to and from SBE. Like the other codecs, {@link #decode} never throws.
 * Not thread-safe: one instance per thread.
 */
public final class SessionCodec {
    /**
     * Orders, balances or account entries per blotter chunk: keeps a chunk a few KB, well under an egress term's
     * largest message (an eighth of the term).
     */
    public static final int MAX_ROWS_PER_CHUNK = 40;
    /** Price levels or last trades per depth chunk (a level is 29 bytes on the wire). */
    public static final int MAX_LEVELS_PER_CHUNK = 200;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final CommandAckEncoder ackEncoder = new CommandAckEncoder();
    private final BlotterRequestEncoder requestEncoder = new BlotterRequestEncoder();
    private final BlotterSnapshotEncoder chunkEncoder = new BlotterSnapshotEncoder();
    private final MarketRequestEncoder marketRequestEncoder = new MarketRequestEncoder();
    private final MarketDepthEncoder depthEncoder = new MarketDepthEncoder();
    private final MarketRequestDecoder marketRequestDecoder = new MarketRequestDecoder();
    private final MarketDepthDecoder depthDecoder = new MarketDepthDecoder();
    private final DeskStateEncoder deskEncoder = new DeskStateEncoder();
    private final DeskStateDecoder deskDecoder = new DeskStateDecoder();
    private final MessageFrame frame = new MessageFrame();
    private final CommandAckDecoder ackDecoder = new CommandAckDecoder();
    private final BlotterRequestDecoder requestDecoder = new BlotterRequestDecoder();
    private final BlotterSnapshotDecoder chunkDecoder = new BlotterSnapshotDecoder();

    private SessionMessage message;
    private String rejection;

    public int encodeAck(long clientId, long correlationId, AckStatus status, long logPosition, int eventCount,
                         MutableDirectBuffer buffer, int offset) {
        return WireFormat.HEADER_LENGTH + ackEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .clientId(clientId).correlationId(correlationId)
                .status(com.bourse.protocol.sbe.AckStatus.get(WireEnums.raw(status)))
                .logPosition(logPosition).eventCount(eventCount).encodedLength();
    }

    public int encodeBlotterRequest(long requestId, MutableDirectBuffer buffer, int offset) {
        return WireFormat.HEADER_LENGTH + requestEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(requestId).encodedLength();
    }

    /** Writes one chunk; at most {@link #MAX_ROWS_PER_CHUNK} orders, balances and account entries each. */
    public int encodeBlotterChunk(SessionMessage.BlotterChunk chunk, MutableDirectBuffer buffer, int offset) {
        if (chunk.orders().size() > MAX_ROWS_PER_CHUNK || chunk.balances().size() > MAX_ROWS_PER_CHUNK
                || chunk.lastOrderIds().size() > MAX_ROWS_PER_CHUNK) {
            throw new IllegalArgumentException("a blotter chunk holds at most " + MAX_ROWS_PER_CHUNK + " rows each");
        }
        BlotterSnapshotEncoder e = chunkEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(chunk.requestId()).logPosition(chunk.logPosition()).last(ToSbe.of(chunk.last()));
        BlotterSnapshotEncoder.OrdersEncoder orders = e.ordersCount(chunk.orders().size());
        for (WorkingOrder o : chunk.orders()) {
            orders.next().orderId(o.orderId()).accountId(o.accountId()).instrumentId(o.instrumentId())
                    .userId(o.userId()).side(ToSbe.of(o.side())).orderType(ToSbe.of(o.type()))
                    .timeInForce(ToSbe.of(o.timeInForce())).price(o.price()).stopPrice(o.stopPrice())
                    .leaves(o.leaves()).visible(o.visible()).displayQuantity(o.displayQuantity())
                    .postOnly(ToSbe.of(o.postOnly())).status(WorkingStatus.valueOf(o.status()))
                    .ocoPeerId(o.ocoPeerId()).bracketEntryId(o.bracket().entryId())
                    .bracketTargetId(o.bracket().targetId()).bracketTargetPrice(o.bracket().targetPrice())
                    .bracketStopId(o.bracket().stopId()).bracketStopPrice(o.bracket().stopPrice());
        }
        BlotterSnapshotEncoder.BalancesEncoder balances = e.balancesCount(chunk.balances().size());
        for (AccountBalance b : chunk.balances()) {
            balances.next().accountId(b.accountId()).balance(b.balance()).held(b.held())
                    .asset(ToSbe.text(b.asset(), "asset"));
        }
        BlotterSnapshotEncoder.AccountsEncoder accounts = e.accountsCount(chunk.lastOrderIds().size());
        for (SessionMessage.LastOrderId a : chunk.lastOrderIds()) {
            accounts.next().accountId(a.accountId()).lastOrderId(a.orderId());
        }
        return WireFormat.HEADER_LENGTH + e.encodedLength();
    }

    public int encodeMarketRequest(long requestId, int depthLevels, MutableDirectBuffer buffer, int offset) {
        return encodeMarketRequest(new SessionMessage.MarketRequest(requestId, depthLevels), buffer, offset);
    }

    public int encodeMarketRequest(SessionMessage.MarketRequest request, MutableDirectBuffer buffer, int offset) {
        return WireFormat.HEADER_LENGTH + marketRequestEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(request.requestId()).depthLevels(request.depthLevels())
                .riskState(ToSbe.of(request.riskState())).dayFills(ToSbe.of(request.dayFills())).encodedLength();
    }

    /**
     * Writes one desk chunk; at most {@link #MAX_ROWS_PER_CHUNK} rows in each list (a chunk is then at most about
     * 13 KB, held transfers' assets at their longest included).
     */
    public int encodeDeskChunk(SessionMessage.DeskChunk chunk, MutableDirectBuffer buffer, int offset) {
        if (chunk.heldOrders().size() > MAX_ROWS_PER_CHUNK || chunk.heldTransfers().size() > MAX_ROWS_PER_CHUNK
                || chunk.killSwitches().size() > MAX_ROWS_PER_CHUNK
                || chunk.haltedInstruments().size() > MAX_ROWS_PER_CHUNK
                || chunk.steps().size() > MAX_ROWS_PER_CHUNK) {
            throw new IllegalArgumentException("a desk chunk holds at most " + MAX_ROWS_PER_CHUNK + " rows each");
        }
        DeskStateEncoder e = deskEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(chunk.requestId()).logPosition(chunk.logPosition());
        DeskStateEncoder.HeldOrdersEncoder orders = e.heldOrdersCount(chunk.heldOrders().size());
        for (SessionMessage.HeldOrder o : chunk.heldOrders()) {
            SessionMessage.Review r = o.review();
            orders.next().orderId(o.orderId()).accountId(o.accountId()).instrumentId(o.instrumentId())
                    .userId(o.userId()).side(ToSbe.of(o.side())).orderType(ToSbe.of(o.type()))
                    .timeInForce(ToSbe.of(o.timeInForce())).price(o.price()).stopPrice(o.stopPrice())
                    .quantity(o.quantity()).heldAt(r.heldAt()).scoreBps(r.scoreBps()).amountBps(r.amountBps())
                    .frequencyBps(r.frequencyBps()).patternBps(r.patternBps()).reason(ToSbe.of(r.reason()))
                    .ruleMask(r.ruleMask());
        }
        DeskStateEncoder.HeldTransfersEncoder transfers = e.heldTransfersCount(chunk.heldTransfers().size());
        for (SessionMessage.HeldTransfer t : chunk.heldTransfers()) {
            SessionMessage.Review r = t.review();
            transfers.next().transferId(t.transferId()).kind(ToSbe.of(t.kind())).accountId(t.accountId())
                    .fromAccountId(t.fromAccountId()).toAccountId(t.toAccountId()).amount(t.amount()).fee(t.fee())
                    .heldAt(r.heldAt()).scoreBps(r.scoreBps()).amountBps(r.amountBps())
                    .frequencyBps(r.frequencyBps()).patternBps(r.patternBps()).reason(ToSbe.of(r.reason()))
                    .ruleMask(r.ruleMask()).asset(ToSbe.text(t.asset(), "asset"));
        }
        DeskStateEncoder.KillSwitchesEncoder kills = e.killSwitchesCount(chunk.killSwitches().size());
        for (long accountId : chunk.killSwitches()) {
            kills.next().accountId(accountId);
        }
        DeskStateEncoder.HaltedInstrumentsEncoder halts = e.haltedInstrumentsCount(chunk.haltedInstruments().size());
        for (long instrumentId : chunk.haltedInstruments()) {
            halts.next().instrumentId(instrumentId);
        }
        DeskStateEncoder.StepsEncoder steps = e.stepsCount(chunk.steps().size());
        for (SessionMessage.DayStep step : chunk.steps()) {
            steps.next().accountId(step.accountId()).instrumentId(step.instrumentId()).time(step.time())
                    .tradeId(step.tradeId()).orderId(step.orderId()).side(ToSbe.of(step.side()))
                    .price(step.price()).quantity(step.quantity()).maker(ToSbe.of(step.maker()))
                    .leaves(step.leaves());
        }
        return WireFormat.HEADER_LENGTH + e.encodedLength();
    }

    /** Writes one depth chunk; at most {@link #MAX_LEVELS_PER_CHUNK} levels and last trades each. */
    public int encodeDepthChunk(SessionMessage.DepthChunk chunk, MutableDirectBuffer buffer, int offset) {
        if (chunk.levels().size() > MAX_LEVELS_PER_CHUNK || chunk.lastTrades().size() > MAX_LEVELS_PER_CHUNK) {
            throw new IllegalArgumentException("a depth chunk holds at most " + MAX_LEVELS_PER_CHUNK + " rows each");
        }
        MarketDepthEncoder e = depthEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(chunk.requestId()).logPosition(chunk.logPosition());
        MarketDepthEncoder.LevelsEncoder levels = e.levelsCount(chunk.levels().size());
        for (SessionMessage.DepthLevel l : chunk.levels()) {
            levels.next().instrumentId(l.instrumentId()).side(ToSbe.of(l.side())).price(l.price())
                    .quantity(l.quantity()).orderCount(l.orderCount());
        }
        MarketDepthEncoder.LastTradesEncoder trades = e.lastTradesCount(chunk.lastTrades().size());
        for (SessionMessage.LastTrade t : chunk.lastTrades()) {
            trades.next().instrumentId(t.instrumentId()).price(t.price());
        }
        return WireFormat.HEADER_LENGTH + e.encodedLength();
    }

    /** Reads one session message; on failure {@link #rejection()} says why. */
    public boolean decode(DirectBuffer buffer, int offset, int length) {
        message = null;
        rejection = null;
        try {
            message = read(frame.wrap(buffer, offset, length));
            return true;
        } catch (RuntimeException e) {
            rejection = frame.rejectionOf(e);
        }
        message = null;
        return false;
    }

    public SessionMessage message() {
        return message;
    }

    public String rejection() {
        return rejection;
    }

    private SessionMessage read(int templateId) {
        var v = frame.view;
        int at = WireFormat.HEADER_LENGTH;
        int bl = frame.blockLength();
        int ver = frame.version();
        switch (templateId) {
            case CommandAckDecoder.TEMPLATE_ID -> {
                frame.requireBlock(CommandAckDecoder.BLOCK_LENGTH);
                CommandAckDecoder d = ackDecoder.wrap(v, at, bl, ver);
                return new SessionMessage.CommandAck(d.clientId(), d.correlationId(),
                        WireEnums.required(AckStatus.values(), d.statusRaw(), "status"), d.logPosition(),
                        d.eventCount());
            }
            case BlotterRequestDecoder.TEMPLATE_ID -> {
                frame.requireBlock(BlotterRequestDecoder.BLOCK_LENGTH);
                return new SessionMessage.BlotterRequest(requestDecoder.wrap(v, at, bl, ver).requestId());
            }
            case BlotterSnapshotDecoder.TEMPLATE_ID -> {
                frame.requireBlock(BlotterSnapshotDecoder.BLOCK_LENGTH);
                BlotterSnapshotDecoder d = chunkDecoder.wrap(v, at, bl, ver);
                long requestId = d.requestId();
                long logPosition = d.logPosition();
                boolean last = WireEnums.bool(d.lastRaw(), "last");
                List<WorkingOrder> orders = new ArrayList<>();
                for (BlotterSnapshotDecoder.OrdersDecoder o : d.orders()) {
                    // The OCO link and the bracket travel since version 9; an older cluster's answer reads as neither.
                    long ocoPeerId = o.ocoPeerId();
                    orders.add(new WorkingOrder(o.orderId(), o.accountId(), o.instrumentId(), o.userId(),
                            WireEnums.domain(Side.values(), o.sideRaw(), "side"),
                            WireEnums.domain(OrderType.values(), o.orderTypeRaw(), "orderType"),
                            WireEnums.domain(TimeInForce.values(), o.timeInForceRaw(), "timeInForce"),
                            o.price(), o.stopPrice(), o.leaves(), o.visible(), o.displayQuantity(),
                            WireEnums.bool(o.postOnlyRaw(), "postOnly"), status(o.statusRaw()),
                            ocoPeerId == BlotterSnapshotDecoder.OrdersDecoder.ocoPeerIdNullValue() ? 0 : ocoPeerId,
                            bracketOf(o)));
                }
                List<AccountBalance> balances = new ArrayList<>();
                for (BlotterSnapshotDecoder.BalancesDecoder b : d.balances()) {
                    long accountId = b.accountId();
                    long balance = b.balance();
                    long held = b.held();
                    balances.add(new AccountBalance(accountId, b.asset(), balance, held));
                }
                // Before version 4 the group is absent and the generated decoder reads it as empty.
                List<SessionMessage.LastOrderId> lastOrderIds = new ArrayList<>();
                for (BlotterSnapshotDecoder.AccountsDecoder a : d.accounts()) {
                    lastOrderIds.add(new SessionMessage.LastOrderId(a.accountId(), a.lastOrderId()));
                }
                return new SessionMessage.BlotterChunk(requestId, logPosition, last, orders, balances,
                        lastOrderIds);
            }
            case MarketRequestDecoder.TEMPLATE_ID -> {
                // Version 3's block: the desk flags of version 8 are read only when the block has them.
                frame.requireBlock(MarketRequestDecoder.riskStateEncodingOffset());
                MarketRequestDecoder d = marketRequestDecoder.wrap(v, at, bl, ver);
                long requestId = d.requestId();
                int depthLevels = d.depthLevels();
                if (depthLevels <= 0) {
                    throw new MalformedMessageException("depthLevels must be positive, got " + depthLevels);
                }
                // Before version 8 the flags are absent and read as the schema's null: not asked.
                boolean riskState = d.riskStateRaw() == 1;
                boolean dayFills = d.dayFillsRaw() == 1;
                return new SessionMessage.MarketRequest(requestId, depthLevels, riskState, dayFills);
            }
            case DeskStateDecoder.TEMPLATE_ID -> {
                frame.requireBlock(DeskStateDecoder.BLOCK_LENGTH);
                return desk(deskDecoder.wrap(v, at, bl, ver));
            }
            case MarketDepthDecoder.TEMPLATE_ID -> {
                frame.requireBlock(MarketDepthDecoder.BLOCK_LENGTH);
                MarketDepthDecoder d = depthDecoder.wrap(v, at, bl, ver);
                long requestId = d.requestId();
                long logPosition = d.logPosition();
                List<SessionMessage.DepthLevel> levels = new ArrayList<>();
                for (MarketDepthDecoder.LevelsDecoder l : d.levels()) {
                    levels.add(new SessionMessage.DepthLevel(l.instrumentId(),
                            WireEnums.domain(Side.values(), l.sideRaw(), "side"), l.price(), l.quantity(),
                            l.orderCount()));
                }
                List<SessionMessage.LastTrade> trades = new ArrayList<>();
                for (MarketDepthDecoder.LastTradesDecoder t : d.lastTrades()) {
                    trades.add(new SessionMessage.LastTrade(t.instrumentId(), t.price()));
                }
                return new SessionMessage.DepthChunk(requestId, logPosition, levels, trades);
            }
            default -> throw new MalformedMessageException("template " + templateId + " is not a session message");
        }
    }

    private static SessionMessage.DeskChunk desk(DeskStateDecoder d) {
        long requestId = d.requestId();
        long logPosition = d.logPosition();
        List<SessionMessage.HeldOrder> orders = new ArrayList<>();
        for (DeskStateDecoder.HeldOrdersDecoder o : d.heldOrders()) {
            long orderId = o.orderId();
            long accountId = o.accountId();
            long instrumentId = o.instrumentId();
            long userId = o.userId();
            Side side = WireEnums.required(Side.values(), o.sideRaw(), "side");
            OrderType type = WireEnums.required(OrderType.values(), o.orderTypeRaw(), "orderType");
            TimeInForce tif = WireEnums.required(TimeInForce.values(), o.timeInForceRaw(), "timeInForce");
            long price = o.price();
            long stopPrice = o.stopPrice();
            long quantity = o.quantity();
            long heldAt = o.heldAt();
            SessionMessage.Review review = new SessionMessage.Review(o.scoreBps(), o.amountBps(), o.frequencyBps(),
                    o.patternBps(), WireEnums.required(ErrorCode.values(), o.reasonRaw(), "reason"), o.ruleMask(),
                    heldAt);
            orders.add(new SessionMessage.HeldOrder(orderId, accountId, instrumentId, userId, side, type, tif, price,
                    stopPrice, quantity, review));
        }
        List<SessionMessage.HeldTransfer> transfers = new ArrayList<>();
        for (DeskStateDecoder.HeldTransfersDecoder t : d.heldTransfers()) {
            long transferId = t.transferId();
            TransferKind kind = WireEnums.required(TransferKind.values(), t.kindRaw(), "kind");
            long accountId = t.accountId();
            long from = t.fromAccountId();
            long to = t.toAccountId();
            long amount = t.amount();
            long fee = t.fee();
            long heldAt = t.heldAt();
            SessionMessage.Review review = new SessionMessage.Review(t.scoreBps(), t.amountBps(), t.frequencyBps(),
                    t.patternBps(), WireEnums.required(ErrorCode.values(), t.reasonRaw(), "reason"), t.ruleMask(),
                    heldAt);
            transfers.add(new SessionMessage.HeldTransfer(transferId, kind, accountId, from, to, t.asset(), amount,
                    fee, review));
        }
        List<Long> kills = new ArrayList<>();
        for (DeskStateDecoder.KillSwitchesDecoder k : d.killSwitches()) {
            kills.add(k.accountId());
        }
        List<Long> halts = new ArrayList<>();
        for (DeskStateDecoder.HaltedInstrumentsDecoder h : d.haltedInstruments()) {
            halts.add(h.instrumentId());
        }
        List<SessionMessage.DayStep> steps = new ArrayList<>();
        for (DeskStateDecoder.StepsDecoder s : d.steps()) {
            steps.add(new SessionMessage.DayStep(s.accountId(), s.instrumentId(), s.time(), s.tradeId(), s.orderId(),
                    WireEnums.domain(Side.values(), s.sideRaw(), "side"), s.price(), s.quantity(),
                    WireEnums.bool(s.makerRaw(), "maker"), s.leaves()));
        }
        return new SessionMessage.DeskChunk(requestId, logPosition, orders, transfers, kills, halts, steps);
    }

    /** The bracket a working order belongs to; an answer older than version 9 (null entry id) reads as none. */
    private static WorkingOrder.Bracket bracketOf(BlotterSnapshotDecoder.OrdersDecoder o) {
        long entryId = o.bracketEntryId();
        if (entryId == BlotterSnapshotDecoder.OrdersDecoder.bracketEntryIdNullValue() || entryId == 0) {
            return WorkingOrder.Bracket.NONE;
        }
        return new WorkingOrder.Bracket(entryId, o.bracketTargetId(), o.bracketTargetPrice(), o.bracketStopId(),
                o.bracketStopPrice());
    }

    private static String status(short raw) {
        WorkingStatus status = WorkingStatus.get(raw);
        if (status == WorkingStatus.NULL_VAL) {
            throw new MalformedMessageException("working status is missing");
        }
        return status.name();
    }
}
