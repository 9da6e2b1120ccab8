package com.bourse.backoffice.store;

/**
 * A window of a long result: skip {@code offset} rows, return at most {@code limit}. Queries order their rows
 * by an indexed key, so a page is stable while rows are appended after it.
 */
public record Page(int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public Page {
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
    }

    public static Page first(int limit) {
        return new Page(0, limit);
    }

    public Page next() {
        return new Page(offset + limit, limit);
    }
}
