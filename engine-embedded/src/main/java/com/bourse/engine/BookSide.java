package com.bourse.engine;

/**
 * One side of an order book as a ladder: a slot per tick across the instrument's price band, and a bit
 * set of occupied slots so the next best price is found a word (64 ticks) at a time. Prices outside the
 * band never reach the book, so the ladder is bounded. Engine thread only.
 */
final class BookSide {
    private final boolean bids;
    private final long lowestPrice;
    private final long tickSize;
    private final PriceLevel[] levels;
    private final long[] occupied;
    private int best = -1;

    BookSide(boolean bids, long lowestPrice, long tickSize, int slots) {
        this.bids = bids;
        this.lowestPrice = lowestPrice;
        this.tickSize = tickSize;
        this.levels = new PriceLevel[slots];
        this.occupied = new long[(slots + 63) >>> 6];
    }

    /** The best level, or null when this side is empty. */
    PriceLevel best() {
        return best < 0 ? null : levels[best];
    }

    /** The level at a price, created on first use; prices are band- and tick-checked before they get here. */
    PriceLevel levelAt(long price) {
        int slot = slotOf(price);
        PriceLevel level = levels[slot];
        if (level == null) {
            level = new PriceLevel(price);
            levels[slot] = level;
        }
        return level;
    }

    void add(Order order) {
        int slot = slotOf(order.price);
        PriceLevel level = levels[slot];
        if (level == null) {
            level = new PriceLevel(order.price);
            levels[slot] = level;
        }
        if (level.isEmpty()) {
            occupied[slot >>> 6] |= 1L << slot;
            if (best < 0 || (bids ? slot > best : slot < best)) {
                best = slot;
            }
        }
        level.append(order);
    }

    void remove(Order order) {
        PriceLevel level = order.level;
        level.remove(order);
        if (level.isEmpty()) {
            int slot = slotOf(level.price);
            occupied[slot >>> 6] &= ~(1L << slot);
            if (slot == best) {
                best = bids ? highestBelow(slot) : lowestAbove(slot);
            }
        }
    }

    /** Levels in priority order from the best, for the fill-or-kill look-ahead: null after the last. */
    PriceLevel nextAfter(PriceLevel level) {
        int slot = bids ? highestBelow(slotOf(level.price)) : lowestAbove(slotOf(level.price));
        return slot < 0 ? null : levels[slot];
    }

    boolean isEmpty() {
        return best < 0;
    }

    private int slotOf(long price) {
        return (int) ((price - lowestPrice) / tickSize);
    }

    private int highestBelow(int slot) {
        int word = (slot - 1) >> 6;
        if (word < 0) {
            return -1;
        }
        long bits = occupied[word] & (-1L >>> (63 - ((slot - 1) & 63)));
        while (true) {
            if (bits != 0) {
                return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
            }
            if (--word < 0) {
                return -1;
            }
            bits = occupied[word];
        }
    }

    private int lowestAbove(int slot) {
        int next = slot + 1;
        int word = next >>> 6;
        if (word >= occupied.length) {
            return -1;
        }
        long bits = occupied[word] & (-1L << (next & 63));
        while (true) {
            if (bits != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++word >= occupied.length) {
                return -1;
            }
            bits = occupied[word];
        }
    }
}
