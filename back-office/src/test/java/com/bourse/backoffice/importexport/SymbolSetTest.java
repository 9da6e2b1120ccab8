package com.bourse.backoffice.importexport;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The compact symbol set answers exactly as a set of strings would: no two symbols collide. */
class SymbolSetTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.";

    @Test
    void aSymbolIsRefusedOnlyWhenTheSameSymbolWasAddedBefore() {
        SymbolSet compact = new SymbolSet();
        Set<String> plain = new HashSet<>();
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 200_000; i++) {
            String symbol = symbol(random);
            assertThat(compact.add(symbol)).as(symbol).isEqualTo(plain.add(symbol));
        }
        assertThat(compact.size()).isEqualTo(plain.size());
    }

    @Test
    void symbolsThatDifferOnlyPastTheTenthCharacterOrInLengthAreDifferent() {
        SymbolSet set = new SymbolSet();

        assertThat(set.add("ABCDEFGHIJK")).isTrue();
        assertThat(set.add("ABCDEFGHIJL")).isTrue();
        assertThat(set.add("ABCDEFGHIJ")).isTrue();
        assertThat(set.add("A")).isTrue();
        assertThat(set.add("AA")).isTrue();
        assertThat(set.add("ABCDEFGHIJ.0123")).isTrue();
        assertThat(set.add("ABCDEFGHIJ.01234")).isTrue();
        assertThat(set.add("ABCDEFGHIJK")).isFalse();
        assertThat(set.add("A")).isFalse();
    }

    /** Mostly short tickers, like a real file, with long ones and shared prefixes mixed in. */
    private static String symbol(SplittableRandom random) {
        int length = random.nextInt(4) == 0 ? 1 + random.nextInt(16) : 1 + random.nextInt(3);
        StringBuilder symbol = new StringBuilder(length);
        symbol.append(ALPHABET.charAt(random.nextInt(36)));
        for (int i = 1; i < length; i++) {
            symbol.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return symbol.toString();
    }
}
