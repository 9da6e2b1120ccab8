package com.bourse.engine;

/** All resting orders at one price on one side, in time priority (head trades first). Engine thread only. */
final class PriceLevel {
    final long price;
    Order head;
    Order tail;
    long visibleQuantity;
    int orderCount;

    PriceLevel(long price) {
        this.price = price;
    }

    boolean isEmpty() {
        return head == null;
    }

    void append(Order order) {
        order.level = this;
        order.levelNext = null;
        order.levelPrev = tail;
        if (tail == null) {
            head = order;
        } else {
            tail.levelNext = order;
        }
        tail = order;
        visibleQuantity += order.visible;
        orderCount++;
    }

    void remove(Order order) {
        if (order.levelPrev == null) {
            head = order.levelNext;
        } else {
            order.levelPrev.levelNext = order.levelNext;
        }
        if (order.levelNext == null) {
            tail = order.levelPrev;
        } else {
            order.levelNext.levelPrev = order.levelPrev;
        }
        visibleQuantity -= order.visible;
        orderCount--;
        order.level = null;
        order.levelPrev = order.levelNext = null;
    }
}
