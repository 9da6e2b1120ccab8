package com.bourse.simulator.agents;

import java.util.SplittableRandom;

/**
 * Where an agent sits: its user and account, the book it watches, its private random stream, the digits of its
 * instrument's currency and its opening position in units.
 */
public record AgentSeat(long userId, long accountId, BookView book, SplittableRandom random, int currencyDigits,
                        long position) {
}
