package com.bourse.app.store;

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

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binary form of every {@link Command} for the journal: a type tag, then the fields in declaration order.
 * Enums go as their ordinal (-1 for null), strings as a length and UTF-8 bytes (-1 for null), so whatever the
 * engine was given (even malformed) is journaled and replays to the same outcome. Stateless.
 */
public final class CommandCodec {
    static final int MAX_STRING_BYTES = 1 << 16;

    private CommandCodec() {
    }

    /** Writes {@code command} at the buffer's position; throws {@link BufferOverflowException} when it does not fit. */
    public static void encode(Command command, ByteBuffer out) {
        out.putLong(command.timestamp()).putLong(command.userId());
        switch (command) {
            case Command.PlaceOrder c -> {
                out.put((byte) 1).putLong(c.orderId()).putLong(c.accountId()).putLong(c.instrumentId());
                putEnum(out, c.side());
                putEnum(out, c.type());
                putEnum(out, c.timeInForce());
                out.putLong(c.price()).putLong(c.stopPrice()).putLong(c.quantity()).putLong(c.displayQuantity())
                        .put((byte) (c.postOnly() ? 1 : 0));
            }
            case Command.CancelOrder c -> out.put((byte) 2).putLong(c.orderId());
            case Command.ReplaceOrder c -> out.put((byte) 3).putLong(c.orderId()).putLong(c.newPrice())
                    .putLong(c.newQuantity());
            case Command.MassCancel c -> out.put((byte) 4).putLong(c.accountId()).putLong(c.instrumentId());
            case Command.EndOfDay c -> out.put((byte) 5);
            case Command.HaltInstrument c -> out.put((byte) 6).putLong(c.instrumentId());
            case Command.ResumeInstrument c -> out.put((byte) 7).putLong(c.instrumentId());
            case Command.Approve c -> {
                out.put((byte) 8);
                putEnum(out, c.subject());
                out.putLong(c.subjectId());
            }
            case Command.Reject c -> {
                out.put((byte) 9);
                putEnum(out, c.subject());
                out.putLong(c.subjectId());
                putString(out, c.reason());
            }
            case Command.EngageKillSwitch c -> out.put((byte) 10).putLong(c.accountId());
            case Command.ReleaseKillSwitch c -> out.put((byte) 11).putLong(c.accountId());
            case Command.SetRiskLimits c -> {
                out.put((byte) 12).putLong(c.accountId());
                RiskLimits l = c.limits();
                out.put((byte) (l == null ? 0 : 1));
                if (l != null) {
                    out.putLong(l.maxOrderQuantity()).putLong(l.maxOrderNotional()).putLong(l.maxPosition())
                            .putInt(l.maxOrdersPerWindow()).putLong(l.throttleWindowMillis());
                }
            }
            case Command.RequestTransfer c -> {
                out.put((byte) 13).putLong(c.transferId());
                putEnum(out, c.kind());
                out.putLong(c.fromAccountId()).putLong(c.toAccountId());
                putString(out, c.asset());
                out.putLong(c.amount());
            }
            case Command.SettleTransfer c -> out.put((byte) 14).putLong(c.transferId())
                    .put((byte) (c.settled() ? 1 : 0));
            case Command.CancelTransfer c -> out.put((byte) 15).putLong(c.transferId());
            case Command.AddCurrency c -> {
                out.put((byte) 16);
                Currency currency = c.currency();
                out.put((byte) (currency == null ? 0 : 1));
                if (currency != null) {
                    putString(out, currency.code());
                    out.putInt(currency.minorDigits());
                }
            }
            case Command.ListInstrument c -> {
                out.put((byte) 17);
                Instrument i = c.instrument();
                out.put((byte) (i == null ? 0 : 1));
                if (i != null) {
                    out.putLong(i.id());
                    putString(out, i.symbol());
                    putString(out, i.currency());
                    out.putInt(i.priceScale()).putLong(i.tickSize()).putLong(i.lotSize()).putLong(i.referencePrice())
                            .putInt(i.bandBps());
                }
            }
            case Command.OpenAccount c -> {
                out.put((byte) 18).putLong(c.accountId()).putLong(c.ownerUserId());
                putString(out, c.baseCurrency());
                putEnum(out, c.selfTradePrevention());
            }
            case Command.RegisterUser c -> out.put((byte) 19).putLong(c.newUserId()).putInt(c.roleMask());
        }
    }

    /** Reads one command written by {@link #encode}; throws {@link IllegalArgumentException} on malformed bytes. */
    public static Command decode(ByteBuffer in) {
        try {
            long ts = in.getLong();
            long user = in.getLong();
            byte tag = in.get();
            return switch (tag) {
                case 1 -> new Command.PlaceOrder(ts, user, in.getLong(), in.getLong(), in.getLong(),
                        getEnum(in, Side.values()), getEnum(in, OrderType.values()), getEnum(in, TimeInForce.values()),
                        in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.get() != 0);
                case 2 -> new Command.CancelOrder(ts, user, in.getLong());
                case 3 -> new Command.ReplaceOrder(ts, user, in.getLong(), in.getLong(), in.getLong());
                case 4 -> new Command.MassCancel(ts, user, in.getLong(), in.getLong());
                case 5 -> new Command.EndOfDay(ts, user);
                case 6 -> new Command.HaltInstrument(ts, user, in.getLong());
                case 7 -> new Command.ResumeInstrument(ts, user, in.getLong());
                case 8 -> new Command.Approve(ts, user, getEnum(in, ReviewSubject.values()), in.getLong());
                case 9 -> new Command.Reject(ts, user, getEnum(in, ReviewSubject.values()), in.getLong(),
                        getString(in));
                case 10 -> new Command.EngageKillSwitch(ts, user, in.getLong());
                case 11 -> new Command.ReleaseKillSwitch(ts, user, in.getLong());
                case 12 -> {
                    long account = in.getLong();
                    RiskLimits limits = in.get() == 0 ? null
                            : new RiskLimits(in.getLong(), in.getLong(), in.getLong(), in.getInt(), in.getLong());
                    yield new Command.SetRiskLimits(ts, user, account, limits);
                }
                case 13 -> new Command.RequestTransfer(ts, user, in.getLong(), getEnum(in, TransferKind.values()),
                        in.getLong(), in.getLong(), getString(in), in.getLong());
                case 14 -> new Command.SettleTransfer(ts, user, in.getLong(), in.get() != 0);
                case 15 -> new Command.CancelTransfer(ts, user, in.getLong());
                case 16 -> new Command.AddCurrency(ts, user,
                        in.get() == 0 ? null : new Currency(getString(in), in.getInt()));
                case 17 -> new Command.ListInstrument(ts, user, in.get() == 0 ? null
                        : new Instrument(in.getLong(), getString(in), getString(in), in.getInt(), in.getLong(),
                        in.getLong(), in.getLong(), in.getInt()));
                case 18 -> new Command.OpenAccount(ts, user, in.getLong(), in.getLong(), getString(in),
                        getEnum(in, SelfTradePrevention.values()));
                case 19 -> new Command.RegisterUser(ts, user, in.getLong(), in.getInt());
                default -> throw new IllegalArgumentException("unknown command tag " + tag);
            };
        } catch (BufferUnderflowException | NullPointerException e) {
            throw new IllegalArgumentException("truncated or malformed command", e);
        }
    }

    private static void putEnum(ByteBuffer out, Enum<?> value) {
        out.put((byte) (value == null ? -1 : value.ordinal()));
    }

    private static <E extends Enum<E>> E getEnum(ByteBuffer in, E[] values) {
        int ordinal = in.get();
        if (ordinal == -1) {
            return null;
        }
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("enum ordinal " + ordinal + " out of range");
        }
        return values[ordinal];
    }

    private static void putString(ByteBuffer out, String value) {
        if (value == null) {
            out.putInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("text field longer than " + MAX_STRING_BYTES + " bytes");
        }
        out.putInt(bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_STRING_BYTES || length > in.remaining()) {
            throw new IllegalArgumentException("text length " + length + " out of range");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
