package com.bourse.bench.stream;

/**
 * What stream to generate. Everything an engine needs to set itself up for the stream (instrument count, price
 * band, account count) is here too, so both benchmark JVMs build the same market from the same spec.
 *
 * <p>Accounts {@code [0, makers)} only rest limit orders and cancel them; accounts {@code [makers, accounts)} only
 * send aggressive IOC orders. Keeping the two apart means no order ever meets its own account's order, so
 * self-trade prevention (which exchange-core lacks) never changes the outcome.
 *
 * @param seed                        seed of the generator: same spec, same stream, byte for byte
 * @param commands                    length of the stream
 * @param instruments                 instruments traded, chosen uniformly per command
 * @param accounts                    trading accounts, half makers and half takers
 * @param referencePriceTicks         every instrument's reference price, in ticks
 * @param bandTicks                   half-width of the allowed price band around the reference, in ticks
 * @param maxQuantity                 resting orders are 1..maxQuantity lots, uniformly
 * @param targetLiveOrdersPerInstrument depth the generator steers each book towards (both sides together)
 * @param meanDepthTicks              mean distance in ticks behind the touch at which new resting orders join
 */
public record StreamSpec(long seed, int commands, int instruments, int accounts, long referencePriceTicks,
                         long bandTicks, int maxQuantity, int targetLiveOrdersPerInstrument, double meanDepthTicks) {

    /** Business time of the first command; the stream advances one millisecond every {@link #COMMANDS_PER_MILLI}. */
    public static final long START_MILLIS = 1_767_225_600_000L;
    public static final int COMMANDS_PER_MILLI = 1_000;

    public StreamSpec {
        if (commands <= 0 || instruments <= 0 || accounts < 2 || maxQuantity <= 0) {
            throw new IllegalArgumentException("commands, instruments and maxQuantity must be positive and accounts at"
                    + " least 2, got " + commands + ", " + instruments + ", " + maxQuantity + ", " + accounts);
        }
        if (bandTicks <= 0 || referencePriceTicks - bandTicks <= 0) {
            throw new IllegalArgumentException("band must be positive and stay above zero, got reference "
                    + referencePriceTicks + " ± " + bandTicks);
        }
        if (targetLiveOrdersPerInstrument < 2 || meanDepthTicks <= 0) {
            throw new IllegalArgumentException("targetLiveOrdersPerInstrument must be at least 2 and meanDepthTicks"
                    + " positive, got " + targetLiveOrdersPerInstrument + ", " + meanDepthTicks);
        }
    }

    /** One liquid instrument, a thousand-order book, a thousand accounts: the headline benchmark. */
    public static StreamSpec oneInstrument(int commands) {
        return new StreamSpec(20_260_101L, commands, 1, 1_000, 10_000, 5_000, 100, 1_000, 8.0);
    }

    /** A hundred instruments with two hundred working orders each: less cache-friendly than one book. */
    public static StreamSpec hundredInstruments(int commands) {
        return new StreamSpec(20_260_102L, commands, 100, 1_000, 10_000, 5_000, 100, 200, 8.0);
    }

    /** The benchmark variants by name: {@code 1} is {@link #oneInstrument}, {@code 100} {@link #hundredInstruments}. */
    public static StreamSpec variant(String name, int commands) {
        return switch (name) {
            case "1" -> oneInstrument(commands);
            case "100" -> hundredInstruments(commands);
            default -> throw new IllegalArgumentException("unknown stream variant " + name + " (known: 1, 100)");
        };
    }

    public StreamSpec withCommands(int count) {
        return new StreamSpec(seed, count, instruments, accounts, referencePriceTicks, bandTicks, maxQuantity,
                targetLiveOrdersPerInstrument, meanDepthTicks);
    }

    public int makers() {
        return accounts / 2;
    }

    public long lowestPriceTicks() {
        return referencePriceTicks - bandTicks;
    }

    public long highestPriceTicks() {
        return referencePriceTicks + bandTicks;
    }

    /** Business time of command {@code index}, epoch milliseconds. */
    public static long timestampOf(int index) {
        return START_MILLIS + index / COMMANDS_PER_MILLI;
    }

    /** Short label for reports, e.g. {@code 1-instrument}. */
    public String label() {
        return instruments + (instruments == 1 ? "-instrument" : "-instruments");
    }
}
