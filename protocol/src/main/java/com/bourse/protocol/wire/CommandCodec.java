package com.bourse.protocol.wire;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.sbe.*;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Translates {@link Command} records to and from their SBE messages. Each message starts with a command header
 * carrying the client's id and correlation id (what the acknowledgement names) next to the command's own
 * timestamp and user.
 *
 * <p>{@link #decode} never throws: a buffer that is not a whole, valid command gives {@code false} and a
 * {@link #rejection()} reason, and the command is built only after every field has been read, so a bad message
 * can never be half applied. Strings travel as UTF-8 of at most {@link WireFormat#MAX_TEXT_BYTES}; a null string
 * travels as empty. {@link #encode} refuses (IllegalArgumentException) what the wire cannot carry.
 *
 * <p>Not thread-safe: one instance per thread; it reuses its flyweights.
 */
public final class CommandCodec {
    /** Pass to {@link #decode(DirectBuffer, int, int, long)} to keep the timestamp the client sent. */
    public static final long TIMESTAMP_AS_SENT = Long.MIN_VALUE;
    /** Enough for any command: fixed fields plus the longest strings. */
    public static final int MAX_ENCODED_LENGTH = 256 + 2 * (WireFormat.MAX_TEXT_BYTES + 2);

    /** A version 6 SetRiskLimits' block: everything up to the limits, before the band and threshold of version 7. */
    static final int SET_LIMITS_V6_BLOCK_LENGTH = SetRiskLimitsDecoder.priceBandBpsEncodingOffset();

    /** Version 6 blocks of the order commands version 7 extended: both end before the account. */
    static final int CANCEL_V6_BLOCK_LENGTH = CancelOrderDecoder.accountIdEncodingOffset();
    static final int REPLACE_V6_BLOCK_LENGTH = ReplaceOrderDecoder.accountIdEncodingOffset();

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final PlaceOrderEncoder placeOrderEncoder = new PlaceOrderEncoder();
    private final CancelOrderEncoder cancelOrderEncoder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrderEncoder = new ReplaceOrderEncoder();
    private final MassCancelEncoder massCancelEncoder = new MassCancelEncoder();
    private final EndOfDayEncoder endOfDayEncoder = new EndOfDayEncoder();
    private final HaltInstrumentEncoder haltEncoder = new HaltInstrumentEncoder();
    private final ResumeInstrumentEncoder resumeEncoder = new ResumeInstrumentEncoder();
    private final ApproveEncoder approveEncoder = new ApproveEncoder();
    private final RejectEncoder rejectEncoder = new RejectEncoder();
    private final EngageKillSwitchEncoder engageEncoder = new EngageKillSwitchEncoder();
    private final ReleaseKillSwitchEncoder releaseEncoder = new ReleaseKillSwitchEncoder();
    private final SetRiskLimitsEncoder limitsEncoder = new SetRiskLimitsEncoder();
    private final RequestTransferEncoder requestTransferEncoder = new RequestTransferEncoder();
    private final SettleTransferEncoder settleTransferEncoder = new SettleTransferEncoder();
    private final CancelTransferEncoder cancelTransferEncoder = new CancelTransferEncoder();
    private final RequestPaymentEncoder requestPaymentEncoder = new RequestPaymentEncoder();
    private final PlaceOcoEncoder placeOcoEncoder = new PlaceOcoEncoder();
    private final AddCurrencyEncoder addCurrencyEncoder = new AddCurrencyEncoder();
    private final ListInstrumentEncoder listInstrumentEncoder = new ListInstrumentEncoder();
    private final OpenAccountEncoder openAccountEncoder = new OpenAccountEncoder();
    private final RegisterUserEncoder registerUserEncoder = new RegisterUserEncoder();

    private final MessageFrame frame = new MessageFrame();
    private final PlaceOrderDecoder placeOrderDecoder = new PlaceOrderDecoder();
    private final CancelOrderDecoder cancelOrderDecoder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrderDecoder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancelDecoder = new MassCancelDecoder();
    private final EndOfDayDecoder endOfDayDecoder = new EndOfDayDecoder();
    private final HaltInstrumentDecoder haltDecoder = new HaltInstrumentDecoder();
    private final ResumeInstrumentDecoder resumeDecoder = new ResumeInstrumentDecoder();
    private final ApproveDecoder approveDecoder = new ApproveDecoder();
    private final RejectDecoder rejectDecoder = new RejectDecoder();
    private final EngageKillSwitchDecoder engageDecoder = new EngageKillSwitchDecoder();
    private final ReleaseKillSwitchDecoder releaseDecoder = new ReleaseKillSwitchDecoder();
    private final SetRiskLimitsDecoder limitsDecoder = new SetRiskLimitsDecoder();
    private final RequestTransferDecoder requestTransferDecoder = new RequestTransferDecoder();
    private final SettleTransferDecoder settleTransferDecoder = new SettleTransferDecoder();
    private final CancelTransferDecoder cancelTransferDecoder = new CancelTransferDecoder();
    private final RequestPaymentDecoder requestPaymentDecoder = new RequestPaymentDecoder();
    private final PlaceOcoDecoder placeOcoDecoder = new PlaceOcoDecoder();
    private final AddCurrencyDecoder addCurrencyDecoder = new AddCurrencyDecoder();
    private final ListInstrumentDecoder listInstrumentDecoder = new ListInstrumentDecoder();
    private final OpenAccountDecoder openAccountDecoder = new OpenAccountDecoder();
    private final RegisterUserDecoder registerUserDecoder = new RegisterUserDecoder();

    private Command command;
    private long clientId;
    private long correlationId;
    private int templateId;
    private String rejection;

    // ---- Encoding ------------------------------------------------------------------------------

    /** Writes {@code command} at {@code offset}; returns the number of bytes written, header included. */
    public int encode(long clientId, long correlationId, Command command, MutableDirectBuffer buffer, int offset) {
        int body = switch (command) {
            case Command.PlaceOrder c -> {
                PlaceOrderEncoder e = placeOrderEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.orderId(c.orderId()).accountId(c.accountId()).instrumentId(c.instrumentId())
                        .side(ToSbe.of(c.side())).orderType(ToSbe.of(c.type()))
                        .timeInForce(ToSbe.of(c.timeInForce())).price(c.price()).stopPrice(c.stopPrice())
                        .quantity(c.quantity()).displayQuantity(c.displayQuantity()).postOnly(ToSbe.of(c.postOnly()));
                yield e.encodedLength();
            }
            case Command.PlaceOco c -> {
                PlaceOcoEncoder e = placeOcoEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.accountId(c.accountId()).instrumentId(c.instrumentId()).side(ToSbe.of(c.side()))
                        .timeInForce(ToSbe.of(c.timeInForce())).quantity(c.quantity())
                        .targetOrderId(c.targetOrderId()).targetPrice(c.targetPrice())
                        .stopOrderId(c.stopOrderId()).stopPrice(c.stopPrice())
                        .entryOrderId(c.entryOrderId()).entryPrice(c.entryPrice());
                yield e.encodedLength();
            }
            case Command.CancelOrder c -> {
                CancelOrderEncoder e = cancelOrderEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.orderId(c.orderId()).accountId(c.accountId());
                yield e.encodedLength();
            }
            case Command.ReplaceOrder c -> {
                ReplaceOrderEncoder e = replaceOrderEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.orderId(c.orderId()).newPrice(c.newPrice()).newQuantity(c.newTotalQuantity())
                        .accountId(c.accountId()).newStopPrice(c.newStopPrice());
                yield e.encodedLength();
            }
            case Command.MassCancel c -> {
                MassCancelEncoder e = massCancelEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.accountId(c.accountId()).instrumentId(c.instrumentId());
                yield e.encodedLength();
            }
            case Command.EndOfDay c -> {
                EndOfDayEncoder e = endOfDayEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                yield e.encodedLength();
            }
            case Command.HaltInstrument c -> {
                HaltInstrumentEncoder e = haltEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.instrumentId(c.instrumentId());
                yield e.encodedLength();
            }
            case Command.ResumeInstrument c -> {
                ResumeInstrumentEncoder e = resumeEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.instrumentId(c.instrumentId());
                yield e.encodedLength();
            }
            case Command.Approve c -> {
                ApproveEncoder e = approveEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.subjectType(ToSbe.of(c.subject())).subjectId(c.subjectId());
                yield e.encodedLength();
            }
            case Command.Reject c -> {
                RejectEncoder e = rejectEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.subjectType(ToSbe.of(c.subject())).subjectId(c.subjectId()).reason(ToSbe.text(c.reason(), "reason"));
                yield e.encodedLength();
            }
            case Command.EngageKillSwitch c -> {
                EngageKillSwitchEncoder e = engageEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.accountId(c.accountId());
                yield e.encodedLength();
            }
            case Command.ReleaseKillSwitch c -> {
                ReleaseKillSwitchEncoder e = releaseEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.accountId(c.accountId());
                yield e.encodedLength();
            }
            case Command.SetRiskLimits c -> {
                if (c.limits() == null) {
                    throw new IllegalArgumentException("SetRiskLimits has no limits");
                }
                SetRiskLimitsEncoder e = limitsEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.accountId(c.accountId());
                limits(e.limits(), c.limits());
                e.priceBandBps(c.limits().priceBandBps()).reviewThresholdBps(c.limits().reviewThresholdBps());
                yield e.encodedLength();
            }
            case Command.RequestTransfer c -> {
                RequestTransferEncoder e = requestTransferEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.transferId(c.transferId()).kind(ToSbe.of(c.kind())).fromAccountId(c.fromAccountId())
                        .toAccountId(c.toAccountId()).amount(c.amount()).asset(ToSbe.text(c.asset(), "asset"));
                yield e.encodedLength();
            }
            case Command.RequestPayment c -> {
                RequestPaymentEncoder e = requestPaymentEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.paymentId(c.paymentId()).fromAccountId(c.fromAccountId()).toAccountId(c.toAccountId())
                        .amount(c.amount()).fee(c.fee()).asset(ToSbe.text(c.asset(), "asset"))
                        .reference(ToSbe.text(c.reference(), "reference"));
                yield e.encodedLength();
            }
            case Command.SettleTransfer c -> {
                SettleTransferEncoder e = settleTransferEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.transferId(c.transferId()).settled(ToSbe.of(c.settled()));
                yield e.encodedLength();
            }
            case Command.CancelTransfer c -> {
                CancelTransferEncoder e = cancelTransferEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.transferId(c.transferId());
                yield e.encodedLength();
            }
            case Command.AddCurrency c -> {
                if (c.currency() == null) {
                    throw new IllegalArgumentException("AddCurrency has no currency");
                }
                AddCurrencyEncoder e = addCurrencyEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.minorDigits(c.currency().minorDigits()).code(ToSbe.text(c.currency().code(), "code"));
                yield e.encodedLength();
            }
            case Command.ListInstrument c -> {
                Instrument i = c.instrument();
                if (i == null) {
                    throw new IllegalArgumentException("ListInstrument has no instrument");
                }
                ListInstrumentEncoder e = listInstrumentEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.instrumentId(i.id()).priceScale(i.priceScale()).tickSize(i.tickSize()).lotSize(i.lotSize())
                        .referencePrice(i.referencePrice()).bandBps(i.bandBps())
                        .symbol(ToSbe.text(i.symbol(), "symbol")).currency(ToSbe.text(i.currency(), "currency"));
                yield e.encodedLength();
            }
            case Command.OpenAccount c -> {
                OpenAccountEncoder e = openAccountEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.accountId(c.accountId()).ownerUserId(c.ownerUserId())
                        .selfTradePrevention(ToSbe.of(c.selfTradePrevention()))
                        .baseCurrency(ToSbe.text(c.baseCurrency(), "baseCurrency"));
                yield e.encodedLength();
            }
            case Command.RegisterUser c -> {
                RegisterUserEncoder e = registerUserEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder);
                header(e.header(), clientId, correlationId, c);
                e.newUserId(c.newUserId()).roleMask(c.roleMask());
                yield e.encodedLength();
            }
        };
        return WireFormat.HEADER_LENGTH + body;
    }

    private static void header(CommandHeaderEncoder h, long clientId, long correlationId, Command c) {
        h.clientId(clientId).correlationId(correlationId).timestamp(c.timestamp()).userId(c.userId());
    }

    static void limits(RiskLimitsEncoder e, RiskLimits l) {
        e.maxOrderQuantity(l.maxOrderQuantity()).maxOrderNotional(l.maxOrderNotional()).maxPosition(l.maxPosition())
                .maxOrdersPerWindow(l.maxOrdersPerWindow()).throttleWindowMillis(l.throttleWindowMillis());
    }

    static RiskLimits limits(RiskLimitsDecoder d) {
        return new RiskLimits(d.maxOrderQuantity(), d.maxOrderNotional(), d.maxPosition(), d.maxOrdersPerWindow(),
                d.throttleWindowMillis());
    }

    // ---- Decoding ------------------------------------------------------------------------------

    /** {@link #decode(DirectBuffer, int, int, long)} keeping the timestamp the client sent. */
    public boolean decode(DirectBuffer buffer, int offset, int length) {
        return decode(buffer, offset, length, TIMESTAMP_AS_SENT);
    }

    /**
     * Reads one command. On success {@link #command()}, {@link #clientId()} and {@link #correlationId()} describe
     * it; on failure {@link #rejection()} says why and nothing else is set.
     *
     * @param timestamp the business time to give the command (a cluster stamps its own log time), or
     *                  {@link #TIMESTAMP_AS_SENT}
     */
    public boolean decode(DirectBuffer buffer, int offset, int length, long timestamp) {
        command = null;
        rejection = null;
        clientId = 0;
        correlationId = 0;
        templateId = -1;
        try {
            templateId = frame.wrap(buffer, offset, length);
            Command decoded = read(templateId, timestamp);
            clientId = headerClientId;
            correlationId = headerCorrelationId;
            command = decoded;
            return true;
        } catch (RuntimeException e) {
            rejection = frame.rejectionOf(e);
        }
        clientId = 0;
        correlationId = 0;
        return false;
    }

    public Command command() {
        return command;
    }

    public long clientId() {
        return clientId;
    }

    public long correlationId() {
        return correlationId;
    }

    /** Template id of the last buffer decoded, -1 when it had no readable header. */
    public int templateId() {
        return templateId;
    }

    public String rejection() {
        return rejection;
    }

    private long headerClientId;
    private long headerCorrelationId;
    private long ts;
    private long user;

    private void readHeader(CommandHeaderDecoder h, long timestamp) {
        headerClientId = h.clientId();
        headerCorrelationId = h.correlationId();
        ts = timestamp == TIMESTAMP_AS_SENT ? h.timestamp() : timestamp;
        user = h.userId();
    }

    private Command read(int templateId, long timestamp) {
        var v = frame.view;
        int at = WireFormat.HEADER_LENGTH;
        int bl = frame.blockLength();
        int ver = frame.version();
        switch (templateId) {
            case PlaceOrderDecoder.TEMPLATE_ID -> {
                frame.requireBlock(PlaceOrderDecoder.BLOCK_LENGTH);
                PlaceOrderDecoder d = placeOrderDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.PlaceOrder(ts, user, d.orderId(), d.accountId(), d.instrumentId(),
                        WireEnums.domain(Side.values(), d.sideRaw(), "side"),
                        WireEnums.domain(OrderType.values(), d.orderTypeRaw(), "orderType"),
                        WireEnums.domain(TimeInForce.values(), d.timeInForceRaw(), "timeInForce"),
                        d.price(), d.stopPrice(), d.quantity(), d.displayQuantity(),
                        WireEnums.bool(d.postOnlyRaw(), "postOnly"));
            }
            case PlaceOcoDecoder.TEMPLATE_ID -> {
                frame.requireBlock(PlaceOcoDecoder.BLOCK_LENGTH);
                PlaceOcoDecoder d = placeOcoDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.PlaceOco(ts, user, d.accountId(), d.instrumentId(),
                        WireEnums.domain(Side.values(), d.sideRaw(), "side"),
                        WireEnums.domain(TimeInForce.values(), d.timeInForceRaw(), "timeInForce"),
                        d.quantity(), d.targetOrderId(), d.targetPrice(), d.stopOrderId(), d.stopPrice(),
                        d.entryOrderId(), d.entryPrice());
            }
            case CancelOrderDecoder.TEMPLATE_ID -> {
                // Before version 7 a cancel named no account: 0, the one working order with that id.
                boolean account = ver >= CancelOrderDecoder.accountIdSinceVersion();
                frame.requireBlock(account ? CancelOrderDecoder.BLOCK_LENGTH : CANCEL_V6_BLOCK_LENGTH);
                CancelOrderDecoder d = cancelOrderDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.CancelOrder(ts, user, d.orderId(), account ? d.accountId() : 0);
            }
            case ReplaceOrderDecoder.TEMPLATE_ID -> {
                // Before version 7: no account, no stop price. Its quantity is read as the new total, the safe
                // reading: at worst it opens less than an old client meant, never a filled part again.
                boolean v7 = ver >= ReplaceOrderDecoder.accountIdSinceVersion();
                frame.requireBlock(v7 ? ReplaceOrderDecoder.BLOCK_LENGTH : REPLACE_V6_BLOCK_LENGTH);
                ReplaceOrderDecoder d = replaceOrderDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.ReplaceOrder(ts, user, d.orderId(), v7 ? d.accountId() : 0, d.newPrice(),
                        v7 ? d.newStopPrice() : 0, d.newQuantity());
            }
            case MassCancelDecoder.TEMPLATE_ID -> {
                frame.requireBlock(MassCancelDecoder.BLOCK_LENGTH);
                MassCancelDecoder d = massCancelDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.MassCancel(ts, user, d.accountId(), d.instrumentId());
            }
            case EndOfDayDecoder.TEMPLATE_ID -> {
                frame.requireBlock(EndOfDayDecoder.BLOCK_LENGTH);
                EndOfDayDecoder d = endOfDayDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.EndOfDay(ts, user);
            }
            case HaltInstrumentDecoder.TEMPLATE_ID -> {
                frame.requireBlock(HaltInstrumentDecoder.BLOCK_LENGTH);
                HaltInstrumentDecoder d = haltDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.HaltInstrument(ts, user, d.instrumentId());
            }
            case ResumeInstrumentDecoder.TEMPLATE_ID -> {
                frame.requireBlock(ResumeInstrumentDecoder.BLOCK_LENGTH);
                ResumeInstrumentDecoder d = resumeDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.ResumeInstrument(ts, user, d.instrumentId());
            }
            case ApproveDecoder.TEMPLATE_ID -> {
                frame.requireBlock(ApproveDecoder.BLOCK_LENGTH);
                ApproveDecoder d = approveDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.Approve(ts, user,
                        WireEnums.domain(ReviewSubject.values(), d.subjectTypeRaw(), "subject"), d.subjectId());
            }
            case RejectDecoder.TEMPLATE_ID -> {
                frame.requireBlock(RejectDecoder.BLOCK_LENGTH);
                RejectDecoder d = rejectDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                ReviewSubject subject = WireEnums.domain(ReviewSubject.values(), d.subjectTypeRaw(), "subject");
                long subjectId = d.subjectId();
                return new Command.Reject(ts, user, subject, subjectId, d.reason());
            }
            case EngageKillSwitchDecoder.TEMPLATE_ID -> {
                frame.requireBlock(EngageKillSwitchDecoder.BLOCK_LENGTH);
                EngageKillSwitchDecoder d = engageDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.EngageKillSwitch(ts, user, d.accountId());
            }
            case ReleaseKillSwitchDecoder.TEMPLATE_ID -> {
                frame.requireBlock(ReleaseKillSwitchDecoder.BLOCK_LENGTH);
                ReleaseKillSwitchDecoder d = releaseDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.ReleaseKillSwitch(ts, user, d.accountId());
            }
            case SetRiskLimitsDecoder.TEMPLATE_ID -> {
                // Before version 7 the block ends before the account's own band and threshold: none were set.
                boolean ownBand = ver >= SetRiskLimitsDecoder.priceBandBpsSinceVersion();
                frame.requireBlock(ownBand ? SetRiskLimitsDecoder.BLOCK_LENGTH : SET_LIMITS_V6_BLOCK_LENGTH);
                SetRiskLimitsDecoder d = limitsDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                RiskLimits limits = limits(d.limits());
                if (ownBand) {
                    limits = limits.withBandAndThreshold(d.priceBandBps(), d.reviewThresholdBps());
                }
                return new Command.SetRiskLimits(ts, user, d.accountId(), limits);
            }
            case RequestTransferDecoder.TEMPLATE_ID -> {
                frame.requireBlock(RequestTransferDecoder.BLOCK_LENGTH);
                RequestTransferDecoder d = requestTransferDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                long transferId = d.transferId();
                TransferKind kind = WireEnums.domain(TransferKind.values(), d.kindRaw(), "kind");
                long from = d.fromAccountId();
                long to = d.toAccountId();
                long amount = d.amount();
                return new Command.RequestTransfer(ts, user, transferId, kind, from, to, d.asset(), amount);
            }
            case RequestPaymentDecoder.TEMPLATE_ID -> {
                frame.requireBlock(RequestPaymentDecoder.BLOCK_LENGTH);
                RequestPaymentDecoder d = requestPaymentDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                long paymentId = d.paymentId();
                long from = d.fromAccountId();
                long to = d.toAccountId();
                long amount = d.amount();
                long fee = d.fee();
                String asset = d.asset();
                return new Command.RequestPayment(ts, user, paymentId, from, to, asset, amount, fee, d.reference());
            }
            case SettleTransferDecoder.TEMPLATE_ID -> {
                frame.requireBlock(SettleTransferDecoder.BLOCK_LENGTH);
                SettleTransferDecoder d = settleTransferDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.SettleTransfer(ts, user, d.transferId(), WireEnums.bool(d.settledRaw(), "settled"));
            }
            case CancelTransferDecoder.TEMPLATE_ID -> {
                frame.requireBlock(CancelTransferDecoder.BLOCK_LENGTH);
                CancelTransferDecoder d = cancelTransferDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.CancelTransfer(ts, user, d.transferId());
            }
            case AddCurrencyDecoder.TEMPLATE_ID -> {
                frame.requireBlock(AddCurrencyDecoder.BLOCK_LENGTH);
                AddCurrencyDecoder d = addCurrencyDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                int digits = d.minorDigits();
                return new Command.AddCurrency(ts, user, new Currency(d.code(), digits));
            }
            case ListInstrumentDecoder.TEMPLATE_ID -> {
                frame.requireBlock(ListInstrumentDecoder.BLOCK_LENGTH);
                ListInstrumentDecoder d = listInstrumentDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                long id = d.instrumentId();
                int scale = d.priceScale();
                long tick = d.tickSize();
                long lot = d.lotSize();
                long reference = d.referencePrice();
                int band = d.bandBps();
                String symbol = d.symbol();
                String currency = d.currency();
                return new Command.ListInstrument(ts, user,
                        new Instrument(id, symbol, currency, scale, tick, lot, reference, band));
            }
            case OpenAccountDecoder.TEMPLATE_ID -> {
                frame.requireBlock(OpenAccountDecoder.BLOCK_LENGTH);
                OpenAccountDecoder d = openAccountDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                long accountId = d.accountId();
                long owner = d.ownerUserId();
                SelfTradePrevention stp = WireEnums.domain(SelfTradePrevention.values(),
                        d.selfTradePreventionRaw(), "selfTradePrevention");
                return new Command.OpenAccount(ts, user, accountId, owner, d.baseCurrency(), stp);
            }
            case RegisterUserDecoder.TEMPLATE_ID -> {
                frame.requireBlock(RegisterUserDecoder.BLOCK_LENGTH);
                RegisterUserDecoder d = registerUserDecoder.wrap(v, at, bl, ver);
                readHeader(d.header(), timestamp);
                return new Command.RegisterUser(ts, user, d.newUserId(), d.roleMask());
            }
            default -> throw new MalformedMessageException("template " + templateId + " is not a command");
        }
    }
}
