package com.bourse.backoffice.importexport;

/**
 * The ticker symbols an import has seen, held compactly so a file of a million instruments checks its symbols for
 * duplicates in about 32 MB instead of a hundred of boxed strings. A symbol ({@link ReferenceLines#SYMBOL}: up to 16
 * of capitals, digits and dots) is packed exactly, six bits a character, into two longs, so two symbols share a key
 * only when they are equal. Open addressing, linear probing; grows at two thirds full. Not thread-safe.
 */
final class SymbolSet {
    private static final int MAX_LENGTH = 16;
    private static final int IN_FIRST = 10; // 10 characters * 6 bits fill the first long's 60 bits

    private long[] first = new long[1 << 10];
    private long[] second = new long[1 << 10];
    private int size;

    /** Adds {@code symbol}; false when it was already there. Only symbols that match {@link ReferenceLines#SYMBOL}. */
    boolean add(String symbol) {
        long a = pack(symbol, 0, Math.min(symbol.length(), IN_FIRST));
        long b = symbol.length() > IN_FIRST ? pack(symbol, IN_FIRST, symbol.length()) : 0;
        if (!insert(first, second, a, b)) {
            return false;
        }
        if (++size * 3 > first.length * 2) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    /** The characters {@code from} to {@code to}, each 1-37, six bits apiece; 0 marks no character. */
    private static long pack(String symbol, int from, int to) {
        if (symbol.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a symbol has at most " + MAX_LENGTH + " characters: " + symbol);
        }
        long packed = 0;
        for (int i = from; i < to; i++) {
            packed = packed << 6 | code(symbol.charAt(i));
        }
        return packed;
    }

    private static int code(char c) {
        if (c >= 'A' && c <= 'Z') {
            return 1 + c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return 27 + c - '0';
        }
        if (c == '.') {
            return 37;
        }
        throw new IllegalArgumentException("'" + c + "' cannot be in a symbol");
    }

    /** A symbol's first long is never 0 (it has a first character), so 0 marks an empty slot. */
    private static boolean insert(long[] first, long[] second, long a, long b) {
        int mask = first.length - 1;
        for (int slot = hash(a, b) & mask; ; slot = (slot + 1) & mask) {
            if (first[slot] == 0) {
                first[slot] = a;
                second[slot] = b;
                return true;
            }
            if (first[slot] == a && second[slot] == b) {
                return false;
            }
        }
    }

    private static int hash(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldFirst = first;
        long[] oldSecond = second;
        first = new long[oldFirst.length * 2];
        second = new long[oldSecond.length * 2];
        for (int i = 0; i < oldFirst.length; i++) {
            if (oldFirst[i] != 0) {
                insert(first, second, oldFirst[i], oldSecond[i]);
            }
        }
    }
}
