package com.bourse.protocol;

import java.util.Objects;

/**
 * A settlement currency. Cash amounts are {@code long} counts of minor units (cents for EUR).
 *
 * @param code        ISO-style code, e.g. "EUR"
 * @param minorDigits decimal places of the minor unit
 */
public record Currency(String code, int minorDigits) {
    public Currency {
        Objects.requireNonNull(code, "code");
    }
}
