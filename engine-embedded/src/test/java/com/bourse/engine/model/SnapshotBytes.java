package com.bourse.engine.model;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares engine snapshots and, when they differ, says where instead of printing two long byte arrays. */
final class SnapshotBytes {
    private SnapshotBytes() {
    }

    static void assertSame(byte[] actual, byte[] expected, String description, Object... args) {
        int firstDifference = Arrays.mismatch(actual, expected);
        assertThat(firstDifference)
                .as("%s: %d bytes against %d, first difference at byte %d", String.format(description, args),
                        actual.length, expected.length, firstDifference)
                .isEqualTo(-1);
    }
}
