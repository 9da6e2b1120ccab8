package com.bourse.simulator.agents;

import com.bourse.protocol.Side;

/**
 * An agent's working orders as its own events tell them: id, side, price, open quantity and entry time, in a few
 * parallel arrays (agents keep a handful of orders, so a linear search beats any map). Simulation thread only.
 */
final class WorkingOrders {
    private final long[] ids;
    private final boolean[] buys;
    private final long[] prices;
    private final long[] leaves;
    private final long[] entered;
    private int size;
    private long sellLeaves;

    WorkingOrders(int capacity) {
        ids = new long[capacity];
        buys = new boolean[capacity];
        prices = new long[capacity];
        leaves = new long[capacity];
        entered = new long[capacity];
    }

    boolean full() {
        return size == ids.length;
    }

    int size() {
        return size;
    }

    /** Open quantity of the working sell orders: position they already promise. */
    long sellLeaves() {
        return sellLeaves;
    }

    void add(long id, Side side, long price, long quantity, long now) {
        ids[size] = id;
        buys[size] = side == Side.BUY;
        prices[size] = price;
        leaves[size] = quantity;
        entered[size] = now;
        size++;
        if (side == Side.SELL) {
            sellLeaves += quantity;
        }
    }

    int indexOf(long id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    long id(int i) {
        return ids[i];
    }

    long price(int i) {
        return prices[i];
    }

    boolean buy(int i) {
        return buys[i];
    }

    long leaves(int i) {
        return leaves[i];
    }

    long entered(int i) {
        return entered[i];
    }

    /** The order now shows {@code price} and {@code quantity} open (an amendment the engine accepted). */
    void amend(long id, long price, long quantity) {
        int i = indexOf(id);
        if (i >= 0) {
            if (!buys[i]) {
                sellLeaves += quantity - leaves[i];
            }
            prices[i] = price;
            leaves[i] = quantity;
        }
    }

    /** A fill left {@code remaining} open. */
    void filled(long id, long remaining) {
        int i = indexOf(id);
        if (i < 0) {
            return;
        }
        if (!buys[i]) {
            sellLeaves -= leaves[i] - remaining;
        }
        leaves[i] = remaining;
        if (remaining == 0) {
            removeAt(i);
        }
    }

    /** The order stopped working (cancelled, expired, rejected). */
    void done(long id) {
        int i = indexOf(id);
        if (i >= 0) {
            if (!buys[i]) {
                sellLeaves -= leaves[i];
            }
            removeAt(i);
        }
    }

    private void removeAt(int i) {
        size--;
        ids[i] = ids[size];
        buys[i] = buys[size];
        prices[i] = prices[size];
        leaves[i] = leaves[size];
        entered[i] = entered[size];
    }
}
