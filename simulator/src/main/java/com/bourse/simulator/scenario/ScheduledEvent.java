package com.bourse.simulator.scenario;

import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;

import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * Something a scenario (or a trainer, during a session) makes happen at a set time of the trading day. The symbol
 * {@code *} means every instrument where the event allows it.
 */
public sealed interface ScheduledEvent {

    LocalTime time();

    /** The exchange halts trading in the instrument. */
    record Halt(LocalTime time, String symbol) implements ScheduledEvent {
    }

    /** The exchange reopens the instrument. */
    record Resume(LocalTime time, String symbol) implements ScheduledEvent {
    }

    /**
     * News moves the fundamental by {@code change} (a fraction, -0.08 = -8 %); a permanent change moves the value
     * the price reverts to as well, a transient one (a flash crash) fades with a half-life of
     * {@code recoveryMinutes}.
     */
    record News(LocalTime time, String symbol, double change, boolean permanent, double recoveryMinutes)
            implements ScheduledEvent {
    }

    /** From now on the fundamental's volatility is {@code factor} times the scenario's (a fast market). */
    record Volatility(LocalTime time, String symbol, double factor) implements ScheduledEvent {
    }

    /**
     * Another participant sends one large order (a fat finger, a block): a limit at {@code price} (whole currency
     * units with decimals) or a market order when the price is null.
     */
    record LargeOrder(LocalTime time, String symbol, Side side, long quantity, BigDecimal price)
            implements ScheduledEvent {
    }

    /** The risk desk sets new limits on the trainee's account. */
    record LimitChange(LocalTime time, RiskLimits limits) implements ScheduledEvent {
    }

    /** Another participant asks to withdraw {@code amount} of a currency (large ones wait for a risk officer). */
    record Withdrawal(LocalTime time, String currency, BigDecimal amount) implements ScheduledEvent {
    }
}
