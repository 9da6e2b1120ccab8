package com.bourse.engine;

/** Recycles {@link Order}s so a warmed-up engine creates none. Engine thread only. */
final class OrderPool {
    private Order free;

    Order acquire() {
        Order order = free;
        if (order == null) {
            return new Order();
        }
        free = order.nextStop;
        order.nextStop = null;
        return order;
    }

    void release(Order order) {
        order.clear();
        order.nextStop = free;
        free = order;
    }

    void preallocate(int count) {
        for (int i = 0; i < count; i++) {
            release(new Order());
        }
    }
}
