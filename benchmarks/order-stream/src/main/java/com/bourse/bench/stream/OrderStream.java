package com.bourse.bench.stream;

/**
 * A generated stream of order commands as parallel primitive arrays, index = position in the stream. Engine
 * neutral: each benchmark translates it into its own engine's commands before timing starts.
 *
 * <p>Accounts and instruments are 0-based indexes; order ids are global, positive and strictly increasing.
 * For a {@link #CANCEL} the order fields describe the order being cancelled (its id, owner, instrument, side,
 * price and the quantity still open when the cancel arrives). Prices are in ticks, quantities in lots.
 * Immutable once built; safe to share between threads after publication.
 */
public final class OrderStream {
    /** A GTC limit order that joins the book without crossing it. */
    public static final byte ADD = 0;
    /** A cancel of an order that is live at that point. */
    public static final byte CANCEL = 1;
    /** An immediate-or-cancel limit order priced through the opposite touch. */
    public static final byte AGGRESSIVE = 2;

    private final StreamSpec spec;
    private final StreamProfile profile;
    private final byte[] kind;
    private final long[] orderId;
    private final int[] account;
    private final int[] instrument;
    private final boolean[] buy;
    private final long[] price;
    private final long[] quantity;

    OrderStream(StreamSpec spec, StreamProfile profile, byte[] kind, long[] orderId, int[] account, int[] instrument,
                boolean[] buy, long[] price, long[] quantity) {
        this.spec = spec;
        this.profile = profile;
        this.kind = kind;
        this.orderId = orderId;
        this.account = account;
        this.instrument = instrument;
        this.buy = buy;
        this.price = price;
        this.quantity = quantity;
    }

    /** Generates the stream the spec describes; deterministic in the spec. */
    public static OrderStream generate(StreamSpec spec) {
        return new OrderStreamGenerator(spec).generate();
    }

    public StreamSpec spec() {
        return spec;
    }

    public StreamProfile profile() {
        return profile;
    }

    public int size() {
        return kind.length;
    }

    public byte kind(int i) {
        return kind[i];
    }

    public long orderId(int i) {
        return orderId[i];
    }

    public int account(int i) {
        return account[i];
    }

    public int instrument(int i) {
        return instrument[i];
    }

    public boolean isBuy(int i) {
        return buy[i];
    }

    public long price(int i) {
        return price[i];
    }

    public long quantity(int i) {
        return quantity[i];
    }

    public long timestamp(int i) {
        return StreamSpec.timestampOf(i);
    }

    public static String kindName(byte kind) {
        return switch (kind) {
            case ADD -> "add";
            case CANCEL -> "cancel";
            case AGGRESSIVE -> "aggressive";
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }
}
