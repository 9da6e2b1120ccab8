package com.bourse.protocol;

/** One price level of a depth view: visible quantity and number of orders at the price. */
public record BookLevel(long price, long quantity, int orderCount) {
}
