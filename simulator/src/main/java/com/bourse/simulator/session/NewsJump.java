package com.bourse.simulator.session;

import java.util.Objects;

/**
 * News a trainer breaks during a session: the fundamental of {@code symbol} ({@code *}: every instrument) jumps by
 * {@code change} (a fraction, -0.05 = -5 %); a permanent jump moves the value prices revert to as well, a transient
 * one fades with a half-life of {@code recoveryMinutes}. The market hears nothing but what the agents then do.
 */
public record NewsJump(String symbol, double change, boolean permanent, double recoveryMinutes) {
    public NewsJump {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank() || symbol.contains(",")) {
            throw new IllegalArgumentException("news needs an instrument's symbol or *, got '" + symbol + "'");
        }
        if (!Double.isFinite(change) || change <= -1 || change == 0) {
            throw new IllegalArgumentException("a news jump changes the value by a fraction above -1 (not 0), got "
                    + change);
        }
        if (!permanent && !(Double.isFinite(recoveryMinutes) && recoveryMinutes > 0)) {
            throw new IllegalArgumentException("a transient news jump needs a positive recovery half-life in "
                    + "minutes, got " + recoveryMinutes);
        }
    }
}
