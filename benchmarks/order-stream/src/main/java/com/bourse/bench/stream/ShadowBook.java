package com.bourse.bench.stream;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The generator's own price-time order book of one instrument, so that it knows which orders are still live
 * (cancels must name one) and how much an aggressive order will take. It matches exactly as both benchmarked
 * engines do for plain limit orders: best price first, oldest first within a price, at the resting order's price.
 *
 * <p>Orders live in parallel primitive arrays addressed by a handle; each price slot keeps a FIFO list through
 * {@code next}/{@code prev}, and {@code live} is a dense list of handles for picking a random order to cancel.
 */
final class ShadowBook {
    static final int NONE = -1;

    private final long lowestPrice;
    private final int[] bidHead;
    private final int[] bidTail;
    private final int[] askHead;
    private final int[] askTail;
    private int bestBid = NONE;
    private int bestAsk = NONE;

    private long[] orderId = new long[256];
    private long[] quantity = new long[256];
    private int[] account = new int[256];
    private int[] slot = new int[256];
    private boolean[] buy = new boolean[256];
    private int[] next = new int[256];
    private int[] prev = new int[256];
    private int[] livePosition = new int[256];
    private int freeHead = NONE;
    private int allocated;

    private int[] live = new int[256];
    private int liveCount;

    /** Figures of the last {@link #match}. */
    int lastTrades;
    int lastLevels;
    long lastFilled;

    ShadowBook(long lowestPrice, long highestPrice) {
        this.lowestPrice = lowestPrice;
        int slots = (int) (highestPrice - lowestPrice) + 1;
        bidHead = filled(slots);
        bidTail = filled(slots);
        askHead = filled(slots);
        askTail = filled(slots);
    }

    int liveCount() {
        return liveCount;
    }

    boolean hasBids() {
        return bestBid != NONE;
    }

    boolean hasAsks() {
        return bestAsk != NONE;
    }

    long bestBidPrice() {
        return lowestPrice + bestBid;
    }

    long bestAskPrice() {
        return lowestPrice + bestAsk;
    }

    long orderIdOf(int handle) {
        return orderId[handle];
    }

    long quantityOf(int handle) {
        return quantity[handle];
    }

    int accountOf(int handle) {
        return account[handle];
    }

    boolean isBuy(int handle) {
        return buy[handle];
    }

    long priceOf(int handle) {
        return lowestPrice + slot[handle];
    }

    /** Rests a limit order that does not cross. */
    void rest(long id, int owner, boolean isBuy, long price, long qty) {
        int s = (int) (price - lowestPrice);
        int h = allocate();
        orderId[h] = id;
        quantity[h] = qty;
        account[h] = owner;
        slot[h] = s;
        buy[h] = isBuy;
        int[] head = isBuy ? bidHead : askHead;
        int[] tail = isBuy ? bidTail : askTail;
        next[h] = NONE;
        prev[h] = tail[s];
        if (tail[s] == NONE) {
            head[s] = h;
        } else {
            next[tail[s]] = h;
        }
        tail[s] = h;
        if (isBuy) {
            if (bestBid == NONE || s > bestBid) {
                bestBid = s;
            }
        } else if (bestAsk == NONE || s < bestAsk) {
            bestAsk = s;
        }
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, liveCount * 2);
        }
        livePosition[h] = liveCount;
        live[liveCount++] = h;
    }

    int randomLive(SplittableRandom random) {
        return live[random.nextInt(liveCount)];
    }

    void cancel(int h) {
        unlink(h);
        release(h);
    }

    /** The oldest order at the best price of the side an order of {@code takerBuys} would hit, or {@link #NONE}. */
    int firstInPriority(boolean takerBuys) {
        if (takerBuys) {
            return bestAsk == NONE ? NONE : askHead[bestAsk];
        }
        return bestBid == NONE ? NONE : bidHead[bestBid];
    }

    /** The order that would trade after {@code h}: next in its queue, else the head of the next worse level. */
    int nextInPriority(int h) {
        if (next[h] != NONE) {
            return next[h];
        }
        if (buy[h]) {
            for (int s = slot[h] - 1; s >= 0; s--) {
                if (bidHead[s] != NONE) {
                    return bidHead[s];
                }
            }
        } else {
            for (int s = slot[h] + 1; s < askHead.length; s++) {
                if (askHead[s] != NONE) {
                    return askHead[s];
                }
            }
        }
        return NONE;
    }

    /** An immediate-or-cancel order: trades up to {@code limit}, never rests. Returns the quantity filled. */
    long match(boolean takerBuys, long limit, long qty) {
        lastTrades = 0;
        lastLevels = 0;
        long left = qty;
        int lastSlot = NONE;
        while (left > 0) {
            int h = firstInPriority(takerBuys);
            if (h == NONE || (takerBuys ? priceOf(h) > limit : priceOf(h) < limit)) {
                break;
            }
            if (slot[h] != lastSlot) {
                lastSlot = slot[h];
                lastLevels++;
            }
            long take = Math.min(left, quantity[h]);
            quantity[h] -= take;
            left -= take;
            lastTrades++;
            if (quantity[h] == 0) {
                cancel(h);
            }
        }
        lastFilled = qty - left;
        return lastFilled;
    }

    private void unlink(int h) {
        int s = slot[h];
        boolean isBuy = buy[h];
        int[] head = isBuy ? bidHead : askHead;
        int[] tail = isBuy ? bidTail : askTail;
        if (prev[h] == NONE) {
            head[s] = next[h];
        } else {
            next[prev[h]] = next[h];
        }
        if (next[h] == NONE) {
            tail[s] = prev[h];
        } else {
            prev[next[h]] = prev[h];
        }
        if (head[s] == NONE) {
            if (isBuy && s == bestBid) {
                bestBid = scanDown(bidHead, s - 1);
            } else if (!isBuy && s == bestAsk) {
                bestAsk = scanUp(askHead, s + 1);
            }
        }
        int position = livePosition[h];
        int moved = live[--liveCount];
        live[position] = moved;
        livePosition[moved] = position;
    }

    private int allocate() {
        if (freeHead != NONE) {
            int h = freeHead;
            freeHead = next[h];
            return h;
        }
        if (allocated == orderId.length) {
            int size = allocated * 2;
            orderId = Arrays.copyOf(orderId, size);
            quantity = Arrays.copyOf(quantity, size);
            account = Arrays.copyOf(account, size);
            slot = Arrays.copyOf(slot, size);
            buy = Arrays.copyOf(buy, size);
            next = Arrays.copyOf(next, size);
            prev = Arrays.copyOf(prev, size);
            livePosition = Arrays.copyOf(livePosition, size);
        }
        return allocated++;
    }

    private void release(int h) {
        next[h] = freeHead;
        freeHead = h;
    }

    private static int scanDown(int[] heads, int from) {
        for (int s = from; s >= 0; s--) {
            if (heads[s] != NONE) {
                return s;
            }
        }
        return NONE;
    }

    private static int scanUp(int[] heads, int from) {
        for (int s = from; s < heads.length; s++) {
            if (heads[s] != NONE) {
                return s;
            }
        }
        return NONE;
    }

    private static int[] filled(int size) {
        int[] array = new int[size];
        Arrays.fill(array, NONE);
        return array;
    }
}
