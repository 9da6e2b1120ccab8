package com.bourse.protocol.wire;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.sbe.*;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Translates {@link Event} records to and from their SBE messages, one message per event.
 *
 * <p>{@link #decode} never throws: a buffer that is not a whole, valid event gives {@code false} and a
 * {@link #rejection()} reason. Strings travel as UTF-8 of at most {@link WireFormat#MAX_TEXT_BYTES}.
 *
 * <p>Not thread-safe: one instance per thread; it reuses its flyweights.
 */
public final class EventCodec {
    /** Enough for any event: fixed fields plus the longest strings. */
    public static final int MAX_ENCODED_LENGTH = 256 + 2 * (WireFormat.MAX_TEXT_BYTES + 2);
    /** A version 4 RiskAlert's block: everything up to the reason, before the rule mask of version 5. */
    static final int RISK_ALERT_V4_BLOCK_LENGTH = RiskAlertDecoder.ruleMaskEncodingOffset();
    /** A version 5 TransferStateChanged's block: everything up to the reason, before the fee of version 6. */
    static final int TRANSFER_V5_BLOCK_LENGTH = TransferStateChangedDecoder.feeEncodingOffset();

    /** Version 6 blocks of the order messages version 7 extended: before the stop price, or before the account. */
    static final int REPLACED_V6_BLOCK_LENGTH = OrderReplacedDecoder.stopPriceEncodingOffset();
    static final int REJECTED_V6_BLOCK_LENGTH = CommandRejectedDecoder.accountIdEncodingOffset();
    static final int APPROVED_V6_BLOCK_LENGTH = OrderApprovedDecoder.accountIdEncodingOffset();
    static final int TRIGGERED_V6_BLOCK_LENGTH = OrderTriggeredDecoder.accountIdEncodingOffset();

    /** A version 6 RiskLimitsChanged's block: the limits, before the band and threshold of version 7. */
    static final int LIMITS_V6_BLOCK_LENGTH = RiskLimitsChangedDecoder.priceBandBpsEncodingOffset();

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderAcceptedEncoder orderAcceptedEncoder = new OrderAcceptedEncoder();
    private final OrderRejectedEncoder orderRejectedEncoder = new OrderRejectedEncoder();
    private final OrderHeldEncoder orderHeldEncoder = new OrderHeldEncoder();
    private final OrderApprovedEncoder orderApprovedEncoder = new OrderApprovedEncoder();
    private final OrderTriggeredEncoder orderTriggeredEncoder = new OrderTriggeredEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final OrderCancelledEncoder orderCancelledEncoder = new OrderCancelledEncoder();
    private final OrderReplacedEncoder orderReplacedEncoder = new OrderReplacedEncoder();
    private final OrderExpiredEncoder orderExpiredEncoder = new OrderExpiredEncoder();
    private final BookDeltaEncoder bookDeltaEncoder = new BookDeltaEncoder();
    private final BalanceChangedEncoder balanceChangedEncoder = new BalanceChangedEncoder();
    private final TransferStateChangedEncoder transferEncoder = new TransferStateChangedEncoder();
    private final RiskAlertEncoder riskAlertEncoder = new RiskAlertEncoder();
    private final KillSwitchChangedEncoder killSwitchEncoder = new KillSwitchChangedEncoder();
    private final RiskLimitsChangedEncoder limitsEncoder = new RiskLimitsChangedEncoder();
    private final InstrumentStatusChangedEncoder statusEncoder = new InstrumentStatusChangedEncoder();
    private final CurrencyAddedEncoder currencyEncoder = new CurrencyAddedEncoder();
    private final InstrumentListedEncoder instrumentEncoder = new InstrumentListedEncoder();
    private final AccountOpenedEncoder accountEncoder = new AccountOpenedEncoder();
    private final UserRegisteredEncoder userEncoder = new UserRegisteredEncoder();
    private final CommandRejectedEncoder commandRejectedEncoder = new CommandRejectedEncoder();
    private final PaymentProcessedEncoder paymentEncoder = new PaymentProcessedEncoder();
    private final ComplianceViolationEncoder complianceEncoder = new ComplianceViolationEncoder();
    private final OcoLinkedEncoder ocoLinkedEncoder = new OcoLinkedEncoder();

    private final MessageFrame frame = new MessageFrame();
    private final OrderAcceptedDecoder orderAcceptedDecoder = new OrderAcceptedDecoder();
    private final OrderRejectedDecoder orderRejectedDecoder = new OrderRejectedDecoder();
    private final OrderHeldDecoder orderHeldDecoder = new OrderHeldDecoder();
    private final OrderApprovedDecoder orderApprovedDecoder = new OrderApprovedDecoder();
    private final OrderTriggeredDecoder orderTriggeredDecoder = new OrderTriggeredDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final OrderCancelledDecoder orderCancelledDecoder = new OrderCancelledDecoder();
    private final OrderReplacedDecoder orderReplacedDecoder = new OrderReplacedDecoder();
    private final OrderExpiredDecoder orderExpiredDecoder = new OrderExpiredDecoder();
    private final BookDeltaDecoder bookDeltaDecoder = new BookDeltaDecoder();
    private final BalanceChangedDecoder balanceChangedDecoder = new BalanceChangedDecoder();
    private final TransferStateChangedDecoder transferDecoder = new TransferStateChangedDecoder();
    private final RiskAlertDecoder riskAlertDecoder = new RiskAlertDecoder();
    private final KillSwitchChangedDecoder killSwitchDecoder = new KillSwitchChangedDecoder();
    private final RiskLimitsChangedDecoder limitsDecoder = new RiskLimitsChangedDecoder();
    private final InstrumentStatusChangedDecoder statusDecoder = new InstrumentStatusChangedDecoder();
    private final CurrencyAddedDecoder currencyDecoder = new CurrencyAddedDecoder();
    private final InstrumentListedDecoder instrumentDecoder = new InstrumentListedDecoder();
    private final AccountOpenedDecoder accountDecoder = new AccountOpenedDecoder();
    private final UserRegisteredDecoder userDecoder = new UserRegisteredDecoder();
    private final CommandRejectedDecoder commandRejectedDecoder = new CommandRejectedDecoder();
    private final PaymentProcessedDecoder paymentDecoder = new PaymentProcessedDecoder();
    private final ComplianceViolationDecoder complianceDecoder = new ComplianceViolationDecoder();
    private final OcoLinkedDecoder ocoLinkedDecoder = new OcoLinkedDecoder();

    private final TextCache assets = new TextCache();

    private Event event;
    private String rejection;

    // ---- Encoding ------------------------------------------------------------------------------

    /** Writes {@code event} at {@code offset}; returns the number of bytes written, header included. */
    public int encode(Event event, MutableDirectBuffer buffer, int offset) {
        return switch (event) {
            case Event.OrderAccepted e -> encodeOrderAccepted(buffer, offset, e.orderId(), e.accountId(),
                    e.instrumentId(), e.userId(), e.side(), e.type(), e.timeInForce(), e.price(), e.stopPrice(),
                    e.quantity(), e.displayQuantity(), e.postOnly(), e.timestamp());
            case Event.OrderRejected e -> encodeOrderRejected(buffer, offset, e.orderId(), e.accountId(), e.reason());
            case Event.OrderHeld e -> WireFormat.HEADER_LENGTH
                    + orderHeldEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .orderId(e.orderId()).accountId(e.accountId()).riskScoreBps(e.riskScoreBps())
                    .reason(ToSbe.of(e.reason())).encodedLength();
            case Event.OrderApproved e -> WireFormat.HEADER_LENGTH
                    + orderApprovedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .orderId(e.orderId()).officerUserId(e.officerUserId()).accountId(e.accountId()).encodedLength();
            case Event.OrderTriggered e -> WireFormat.HEADER_LENGTH
                    + orderTriggeredEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .orderId(e.orderId()).lastTradePrice(e.lastTradePrice()).accountId(e.accountId())
                    .encodedLength();
            case Event.Trade e -> encodeTrade(buffer, offset, e.tradeId(), e.instrumentId(), e.price(), e.quantity(),
                    e.takerSide(), e.makerOrderId(), e.takerOrderId(), e.makerAccountId(), e.takerAccountId(),
                    e.makerLeaves(), e.takerLeaves(), e.timestamp());
            case Event.OrderCancelled e -> encodeOrderCancelled(buffer, offset, e.orderId(), e.accountId(),
                    e.cancelledQuantity(), e.reason());
            case Event.OrderReplaced e -> encodeOrderReplaced(buffer, offset, e.orderId(), e.accountId(), e.price(),
                    e.quantity(), e.keptPriority(), e.stopPrice(), e.orderQuantity());
            case Event.OrderExpired e -> WireFormat.HEADER_LENGTH
                    + orderExpiredEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .orderId(e.orderId()).accountId(e.accountId()).expiredQuantity(e.expiredQuantity())
                    .encodedLength();
            case Event.OcoLinked e -> WireFormat.HEADER_LENGTH
                    + ocoLinkedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .accountId(e.accountId()).targetOrderId(e.targetOrderId()).stopOrderId(e.stopOrderId())
                    .encodedLength();
            case Event.BookDelta e -> encodeBookDelta(buffer, offset, e.instrumentId(), e.side(), e.price(),
                    e.levelQuantity(), e.orderCount());
            case Event.BalanceChanged e -> encodeBalanceChanged(buffer, offset, e.accountId(), e.asset(), e.delta(),
                    e.balance(), e.held(), e.journalId());
            case Event.TransferStateChanged e -> WireFormat.HEADER_LENGTH
                    + transferEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .transferId(e.transferId()).kind(ToSbe.of(e.kind())).fromAccountId(e.fromAccountId())
                    .toAccountId(e.toAccountId()).amount(e.amount()).state(ToSbe.of(e.state()))
                    .reason(ToSbe.of(e.reason())).fee(e.fee()).asset(ToSbe.text(e.asset(), "asset"))
                    .reference(ToSbe.text(e.reference(), "reference")).encodedLength();
            case Event.PaymentProcessed e -> WireFormat.HEADER_LENGTH
                    + paymentEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .paymentId(e.paymentId()).fromAccountId(e.fromAccountId()).toAccountId(e.toAccountId())
                    .amount(e.amount()).fee(e.fee()).asset(ToSbe.text(e.asset(), "asset"))
                    .reference(ToSbe.text(e.reference(), "reference")).encodedLength();
            case Event.ComplianceViolation e -> WireFormat.HEADER_LENGTH
                    + complianceEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .accountId(e.accountId()).userId(e.userId()).kind(ToSbe.of(e.kind())).subjectId(e.subjectId())
                    .reason(ToSbe.of(e.reason())).encodedLength();
            case Event.RiskAlert e -> WireFormat.HEADER_LENGTH
                    + riskAlertEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .subjectType(ToSbe.of(e.subject())).subjectId(e.subjectId()).accountId(e.accountId())
                    .scoreBps(e.scoreBps()).amountBps(e.amountBps()).frequencyBps(e.frequencyBps())
                    .patternBps(e.patternBps()).reason(ToSbe.of(e.reason())).ruleMask(e.ruleMask()).encodedLength();
            case Event.KillSwitchChanged e -> WireFormat.HEADER_LENGTH
                    + killSwitchEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .accountId(e.accountId()).engaged(ToSbe.of(e.engaged())).byUserId(e.byUserId()).encodedLength();
            case Event.RiskLimitsChanged e -> {
                if (e.limits() == null) {
                    throw new IllegalArgumentException("RiskLimitsChanged has no limits");
                }
                RiskLimitsChangedEncoder enc = limitsEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                        .accountId(e.accountId());
                CommandCodec.limits(enc.limits(), e.limits());
                enc.priceBandBps(e.limits().priceBandBps()).reviewThresholdBps(e.limits().reviewThresholdBps());
                yield WireFormat.HEADER_LENGTH + enc.encodedLength();
            }
            case Event.InstrumentStatusChanged e -> WireFormat.HEADER_LENGTH
                    + statusEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .instrumentId(e.instrumentId()).halted(ToSbe.of(e.halted())).encodedLength();
            case Event.CurrencyAdded e -> {
                if (e.currency() == null) {
                    throw new IllegalArgumentException("CurrencyAdded has no currency");
                }
                yield WireFormat.HEADER_LENGTH + currencyEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                        .minorDigits(e.currency().minorDigits()).code(ToSbe.text(e.currency().code(), "code"))
                        .encodedLength();
            }
            case Event.InstrumentListed e -> {
                Instrument i = e.instrument();
                if (i == null) {
                    throw new IllegalArgumentException("InstrumentListed has no instrument");
                }
                yield WireFormat.HEADER_LENGTH + instrumentEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                        .instrumentId(i.id()).priceScale(i.priceScale()).tickSize(i.tickSize()).lotSize(i.lotSize())
                        .referencePrice(i.referencePrice()).bandBps(i.bandBps())
                        .symbol(ToSbe.text(i.symbol(), "symbol")).currency(ToSbe.text(i.currency(), "currency"))
                        .encodedLength();
            }
            case Event.AccountOpened e -> WireFormat.HEADER_LENGTH
                    + accountEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .accountId(e.accountId()).ownerUserId(e.ownerUserId())
                    .selfTradePrevention(ToSbe.of(e.selfTradePrevention()))
                    .baseCurrency(ToSbe.text(e.baseCurrency(), "baseCurrency")).encodedLength();
            case Event.UserRegistered e -> WireFormat.HEADER_LENGTH
                    + userEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .userId(e.userId()).roleMask(e.roleMask()).encodedLength();
            case Event.CommandRejected e -> WireFormat.HEADER_LENGTH
                    + commandRejectedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .refId(e.refId()).reason(ToSbe.of(e.reason())).accountId(e.accountId()).encodedLength();
        };
    }

    // ---- Encoding from the engine's primitive sink methods (no record, no allocation) ----------
    // Each writes exactly what encode(Event) writes for the equal record; each returns the bytes written, header
    // included.

    public int encodeOrderAccepted(MutableDirectBuffer buffer, int offset, long orderId, long accountId,
                                   long instrumentId, long userId, Side side, OrderType type, TimeInForce tif,
                                   long price, long stopPrice, long quantity, long displayQuantity, boolean postOnly,
                                   long timestamp) {
        return WireFormat.HEADER_LENGTH + orderAcceptedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .orderId(orderId).accountId(accountId).instrumentId(instrumentId).userId(userId)
                .side(ToSbe.of(side)).orderType(ToSbe.of(type)).timeInForce(ToSbe.of(tif))
                .price(price).stopPrice(stopPrice).quantity(quantity)
                .displayQuantity(displayQuantity).postOnly(ToSbe.of(postOnly)).timestamp(timestamp)
                .encodedLength();
    }

    public int encodeOrderRejected(MutableDirectBuffer buffer, int offset, long orderId, long accountId,
                                   ErrorCode reason) {
        return WireFormat.HEADER_LENGTH + orderRejectedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .orderId(orderId).accountId(accountId).reason(ToSbe.of(reason)).encodedLength();
    }

    public int encodeTrade(MutableDirectBuffer buffer, int offset, long tradeId, long instrumentId, long price,
                           long quantity, Side takerSide, long makerOrderId, long takerOrderId, long makerAccountId,
                           long takerAccountId, long makerLeaves, long takerLeaves, long timestamp) {
        return WireFormat.HEADER_LENGTH + tradeEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .tradeId(tradeId).instrumentId(instrumentId).price(price).quantity(quantity)
                .takerSide(ToSbe.of(takerSide)).makerOrderId(makerOrderId).takerOrderId(takerOrderId)
                .makerAccountId(makerAccountId).takerAccountId(takerAccountId)
                .makerLeaves(makerLeaves).takerLeaves(takerLeaves).timestamp(timestamp)
                .encodedLength();
    }

    public int encodeOrderCancelled(MutableDirectBuffer buffer, int offset, long orderId, long accountId,
                                    long cancelledQuantity, CancelReason reason) {
        return WireFormat.HEADER_LENGTH + orderCancelledEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .orderId(orderId).accountId(accountId).cancelledQuantity(cancelledQuantity)
                .reason(ToSbe.of(reason)).encodedLength();
    }

    /** An amendment of a limit order nothing of which was filled (no stop price; total equals open quantity). */
    public int encodeOrderReplaced(MutableDirectBuffer buffer, int offset, long orderId, long accountId, long price,
                                   long quantity, boolean keptPriority) {
        return encodeOrderReplaced(buffer, offset, orderId, accountId, price, quantity, keptPriority, 0, quantity);
    }

    public int encodeOrderReplaced(MutableDirectBuffer buffer, int offset, long orderId, long accountId, long price,
                                   long quantity, boolean keptPriority, long stopPrice, long orderQuantity) {
        return WireFormat.HEADER_LENGTH + orderReplacedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .orderId(orderId).accountId(accountId).price(price).quantity(quantity)
                .keptPriority(ToSbe.of(keptPriority)).stopPrice(stopPrice).orderQuantity(orderQuantity)
                .encodedLength();
    }

    public int encodeBookDelta(MutableDirectBuffer buffer, int offset, long instrumentId, Side side, long price,
                               long levelQuantity, int orderCount) {
        return WireFormat.HEADER_LENGTH + bookDeltaEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .instrumentId(instrumentId).side(ToSbe.of(side)).price(price)
                .levelQuantity(levelQuantity).orderCount(orderCount).encodedLength();
    }

    /** The asset's UTF-8 bytes come from a small cache: the engine names a handful of assets, over and over. */
    public int encodeBalanceChanged(MutableDirectBuffer buffer, int offset, long accountId, String asset, long delta,
                                    long balance, long held, long journalId) {
        byte[] assetBytes = assets.bytesOf(asset, "asset");
        return WireFormat.HEADER_LENGTH + balanceChangedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .accountId(accountId).delta(delta).balance(balance).held(held)
                .journalId(journalId).putAsset(assetBytes, 0, assetBytes.length).encodedLength();
    }

    // ---- Decoding ------------------------------------------------------------------------------

    /** Reads one event; on failure {@link #rejection()} says why and {@link #event()} is null. */
    public boolean decode(DirectBuffer buffer, int offset, int length) {
        event = null;
        rejection = null;
        try {
            event = read(frame.wrap(buffer, offset, length));
            return true;
        } catch (RuntimeException e) {
            rejection = frame.rejectionOf(e);
        }
        event = null;
        return false;
    }

    public Event event() {
        return event;
    }

    public String rejection() {
        return rejection;
    }

    private static ErrorCode error(short raw) {
        return WireEnums.domain(ErrorCode.values(), raw, "reason");
    }

    private Event read(int templateId) {
        var v = frame.view;
        int at = WireFormat.HEADER_LENGTH;
        int bl = frame.blockLength();
        int ver = frame.version();
        switch (templateId) {
            case OrderAcceptedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(OrderAcceptedDecoder.BLOCK_LENGTH);
                OrderAcceptedDecoder d = orderAcceptedDecoder.wrap(v, at, bl, ver);
                return new Event.OrderAccepted(d.orderId(), d.accountId(), d.instrumentId(), d.userId(),
                        WireEnums.domain(Side.values(), d.sideRaw(), "side"),
                        WireEnums.domain(OrderType.values(), d.orderTypeRaw(), "orderType"),
                        WireEnums.domain(TimeInForce.values(), d.timeInForceRaw(), "timeInForce"),
                        d.price(), d.stopPrice(), d.quantity(), d.displayQuantity(),
                        WireEnums.bool(d.postOnlyRaw(), "postOnly"), d.timestamp());
            }
            case OrderRejectedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(OrderRejectedDecoder.BLOCK_LENGTH);
                OrderRejectedDecoder d = orderRejectedDecoder.wrap(v, at, bl, ver);
                return new Event.OrderRejected(d.orderId(), d.accountId(), error(d.reasonRaw()));
            }
            case OrderHeldDecoder.TEMPLATE_ID -> {
                frame.requireBlock(OrderHeldDecoder.BLOCK_LENGTH);
                OrderHeldDecoder d = orderHeldDecoder.wrap(v, at, bl, ver);
                return new Event.OrderHeld(d.orderId(), d.accountId(), d.riskScoreBps(), error(d.reasonRaw()));
            }
            case OrderApprovedDecoder.TEMPLATE_ID -> {
                boolean account = ver >= OrderApprovedDecoder.accountIdSinceVersion();
                frame.requireBlock(account ? OrderApprovedDecoder.BLOCK_LENGTH : APPROVED_V6_BLOCK_LENGTH);
                OrderApprovedDecoder d = orderApprovedDecoder.wrap(v, at, bl, ver);
                return new Event.OrderApproved(d.orderId(), d.officerUserId(), account ? d.accountId() : 0);
            }
            case OrderTriggeredDecoder.TEMPLATE_ID -> {
                boolean account = ver >= OrderTriggeredDecoder.accountIdSinceVersion();
                frame.requireBlock(account ? OrderTriggeredDecoder.BLOCK_LENGTH : TRIGGERED_V6_BLOCK_LENGTH);
                OrderTriggeredDecoder d = orderTriggeredDecoder.wrap(v, at, bl, ver);
                return new Event.OrderTriggered(d.orderId(), d.lastTradePrice(), account ? d.accountId() : 0);
            }
            case TradeDecoder.TEMPLATE_ID -> {
                frame.requireBlock(TradeDecoder.BLOCK_LENGTH);
                TradeDecoder d = tradeDecoder.wrap(v, at, bl, ver);
                return new Event.Trade(d.tradeId(), d.instrumentId(), d.price(), d.quantity(),
                        WireEnums.domain(Side.values(), d.takerSideRaw(), "takerSide"), d.makerOrderId(),
                        d.takerOrderId(), d.makerAccountId(), d.takerAccountId(), d.makerLeaves(), d.takerLeaves(),
                        d.timestamp());
            }
            case OrderCancelledDecoder.TEMPLATE_ID -> {
                frame.requireBlock(OrderCancelledDecoder.BLOCK_LENGTH);
                OrderCancelledDecoder d = orderCancelledDecoder.wrap(v, at, bl, ver);
                return new Event.OrderCancelled(d.orderId(), d.accountId(), d.cancelledQuantity(),
                        WireEnums.domain(CancelReason.values(), d.reasonRaw(), "reason"));
            }
            case OrderReplacedDecoder.TEMPLATE_ID -> {
                // Before version 7 the block ends at keptPriority: no stop price, and the total was not sent.
                boolean total = ver >= OrderReplacedDecoder.orderQuantitySinceVersion();
                frame.requireBlock(total ? OrderReplacedDecoder.BLOCK_LENGTH : REPLACED_V6_BLOCK_LENGTH);
                OrderReplacedDecoder d = orderReplacedDecoder.wrap(v, at, bl, ver);
                boolean kept = WireEnums.bool(d.keptPriorityRaw(), "keptPriority");
                return total
                        ? new Event.OrderReplaced(d.orderId(), d.accountId(), d.price(), d.quantity(), kept,
                        d.stopPrice(), d.orderQuantity())
                        : new Event.OrderReplaced(d.orderId(), d.accountId(), d.price(), d.quantity(), kept);
            }
            case OrderExpiredDecoder.TEMPLATE_ID -> {
                frame.requireBlock(OrderExpiredDecoder.BLOCK_LENGTH);
                OrderExpiredDecoder d = orderExpiredDecoder.wrap(v, at, bl, ver);
                return new Event.OrderExpired(d.orderId(), d.accountId(), d.expiredQuantity());
            }
            case OcoLinkedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(OcoLinkedDecoder.BLOCK_LENGTH);
                OcoLinkedDecoder d = ocoLinkedDecoder.wrap(v, at, bl, ver);
                return new Event.OcoLinked(d.accountId(), d.targetOrderId(), d.stopOrderId());
            }
            case BookDeltaDecoder.TEMPLATE_ID -> {
                frame.requireBlock(BookDeltaDecoder.BLOCK_LENGTH);
                BookDeltaDecoder d = bookDeltaDecoder.wrap(v, at, bl, ver);
                return new Event.BookDelta(d.instrumentId(), WireEnums.domain(Side.values(), d.sideRaw(), "side"),
                        d.price(), d.levelQuantity(), d.orderCount());
            }
            case BalanceChangedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(BalanceChangedDecoder.BLOCK_LENGTH);
                BalanceChangedDecoder d = balanceChangedDecoder.wrap(v, at, bl, ver);
                long accountId = d.accountId();
                long delta = d.delta();
                long balance = d.balance();
                long held = d.held();
                long journalId = d.journalId();
                return new Event.BalanceChanged(accountId, d.asset(), delta, balance, held, journalId);
            }
            case TransferStateChangedDecoder.TEMPLATE_ID -> {
                // Before version 6 the block ends before the fee and no reference follows the asset.
                boolean payment = ver >= TransferStateChangedDecoder.feeSinceVersion();
                frame.requireBlock(payment ? TransferStateChangedDecoder.BLOCK_LENGTH : TRANSFER_V5_BLOCK_LENGTH);
                TransferStateChangedDecoder d = transferDecoder.wrap(v, at, bl, ver);
                long transferId = d.transferId();
                TransferKind kind = WireEnums.domain(TransferKind.values(), d.kindRaw(), "kind");
                long from = d.fromAccountId();
                long to = d.toAccountId();
                long amount = d.amount();
                TransferState state = WireEnums.domain(TransferState.values(), d.stateRaw(), "state");
                ErrorCode reason = error(d.reasonRaw());
                long fee = payment ? d.fee() : 0;
                String asset = d.asset();
                String reference = payment ? d.reference() : "";
                return new Event.TransferStateChanged(transferId, kind, from, to, asset, amount, state, reason, fee,
                        reference);
            }
            case PaymentProcessedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(PaymentProcessedDecoder.BLOCK_LENGTH);
                PaymentProcessedDecoder d = paymentDecoder.wrap(v, at, bl, ver);
                long paymentId = d.paymentId();
                long from = d.fromAccountId();
                long to = d.toAccountId();
                long amount = d.amount();
                long fee = d.fee();
                String asset = d.asset();
                return new Event.PaymentProcessed(paymentId, from, to, asset, amount, fee, d.reference());
            }
            case ComplianceViolationDecoder.TEMPLATE_ID -> {
                frame.requireBlock(ComplianceViolationDecoder.BLOCK_LENGTH);
                ComplianceViolationDecoder d = complianceDecoder.wrap(v, at, bl, ver);
                return new Event.ComplianceViolation(d.accountId(), d.userId(),
                        WireEnums.domain(ComplianceKind.values(), d.kindRaw(), "kind"), d.subjectId(),
                        error(d.reasonRaw()));
            }
            case RiskAlertDecoder.TEMPLATE_ID -> {
                // Before version 5 the block ends before ruleMask: such an alert names no rules.
                boolean hasRules = ver >= RiskAlertDecoder.ruleMaskSinceVersion();
                frame.requireBlock(hasRules ? RiskAlertDecoder.BLOCK_LENGTH : RISK_ALERT_V4_BLOCK_LENGTH);
                RiskAlertDecoder d = riskAlertDecoder.wrap(v, at, bl, ver);
                return new Event.RiskAlert(WireEnums.domain(ReviewSubject.values(), d.subjectTypeRaw(), "subject"),
                        d.subjectId(), d.accountId(), d.scoreBps(), d.amountBps(), d.frequencyBps(), d.patternBps(),
                        error(d.reasonRaw()), hasRules ? d.ruleMask() : 0);
            }
            case KillSwitchChangedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(KillSwitchChangedDecoder.BLOCK_LENGTH);
                KillSwitchChangedDecoder d = killSwitchDecoder.wrap(v, at, bl, ver);
                return new Event.KillSwitchChanged(d.accountId(), WireEnums.bool(d.engagedRaw(), "engaged"),
                        d.byUserId());
            }
            case RiskLimitsChangedDecoder.TEMPLATE_ID -> {
                // Before version 7 the block ends before the account's own band and threshold: none were set.
                boolean ownBand = ver >= RiskLimitsChangedDecoder.priceBandBpsSinceVersion();
                frame.requireBlock(ownBand ? RiskLimitsChangedDecoder.BLOCK_LENGTH : LIMITS_V6_BLOCK_LENGTH);
                RiskLimitsChangedDecoder d = limitsDecoder.wrap(v, at, bl, ver);
                RiskLimits limits = CommandCodec.limits(d.limits());
                if (ownBand) {
                    limits = limits.withBandAndThreshold(d.priceBandBps(), d.reviewThresholdBps());
                }
                return new Event.RiskLimitsChanged(d.accountId(), limits);
            }
            case InstrumentStatusChangedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(InstrumentStatusChangedDecoder.BLOCK_LENGTH);
                InstrumentStatusChangedDecoder d = statusDecoder.wrap(v, at, bl, ver);
                return new Event.InstrumentStatusChanged(d.instrumentId(), WireEnums.bool(d.haltedRaw(), "halted"));
            }
            case CurrencyAddedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(CurrencyAddedDecoder.BLOCK_LENGTH);
                CurrencyAddedDecoder d = currencyDecoder.wrap(v, at, bl, ver);
                int digits = d.minorDigits();
                return new Event.CurrencyAdded(new Currency(d.code(), digits));
            }
            case InstrumentListedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(InstrumentListedDecoder.BLOCK_LENGTH);
                InstrumentListedDecoder d = instrumentDecoder.wrap(v, at, bl, ver);
                long id = d.instrumentId();
                int scale = d.priceScale();
                long tick = d.tickSize();
                long lot = d.lotSize();
                long reference = d.referencePrice();
                int band = d.bandBps();
                String symbol = d.symbol();
                String currency = d.currency();
                return new Event.InstrumentListed(new Instrument(id, symbol, currency, scale, tick, lot, reference,
                        band));
            }
            case AccountOpenedDecoder.TEMPLATE_ID -> {
                frame.requireBlock(AccountOpenedDecoder.BLOCK_LENGTH);
                AccountOpenedDecoder d = accountDecoder.wrap(v, at, bl, ver);
                long accountId = d.accountId();
                long owner = d.ownerUserId();
                SelfTradePrevention stp = WireEnums.domain(SelfTradePrevention.values(),
                        d.selfTradePreventionRaw(), "selfTradePrevention");
                return new Event.AccountOpened(accountId, owner, d.baseCurrency(), stp);
            }
            case UserRegisteredDecoder.TEMPLATE_ID -> {
                frame.requireBlock(UserRegisteredDecoder.BLOCK_LENGTH);
                UserRegisteredDecoder d = userDecoder.wrap(v, at, bl, ver);
                return new Event.UserRegistered(d.userId(), d.roleMask());
            }
            case CommandRejectedDecoder.TEMPLATE_ID -> {
                boolean account = ver >= CommandRejectedDecoder.accountIdSinceVersion();
                frame.requireBlock(account ? CommandRejectedDecoder.BLOCK_LENGTH : REJECTED_V6_BLOCK_LENGTH);
                CommandRejectedDecoder d = commandRejectedDecoder.wrap(v, at, bl, ver);
                return new Event.CommandRejected(d.refId(), error(d.reasonRaw()), account ? d.accountId() : 0);
            }
            default -> throw new MalformedMessageException("template " + templateId + " is not an event");
        }
    }
}
