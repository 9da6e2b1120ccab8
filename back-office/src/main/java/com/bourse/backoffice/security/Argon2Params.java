package com.bourse.backoffice.security;

/**
 * Cost of an Argon2id derivation. {@link #owasp()} is the floor for real passwords and passphrases; tests
 * use {@link #forTests()} so thousands of hashes stay fast. Hashes record their own cost, so a change here
 * applies to new hashes and old ones still verify.
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    public Argon2Params {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("parallelism must be in [1, 16], got " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("memoryKiB must be in [8*parallelism, 4 GiB], got " + memoryKiB);
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("iterations must be in [1, 100], got " + iterations);
        }
    }

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, parallelism 1. */
    public static Argon2Params owasp() {
        return new Argon2Params(19 * 1024, 2, 1);
    }

    /** Deliberately weak: for tests only. */
    public static Argon2Params forTests() {
        return new Argon2Params(64, 1, 1);
    }
}
