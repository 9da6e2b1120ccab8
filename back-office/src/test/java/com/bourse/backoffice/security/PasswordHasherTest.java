package com.bourse.backoffice.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    final PasswordHasher hasher = new PasswordHasher(Argon2Params.forTests());

    @Test
    void hashIsStoredInTheStandardArgon2idFormWithItsCost() {
        String hash = hasher.hash("alice-training-1".toCharArray());

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("alice-training-1".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("alice-training-2".toCharArray(), hash)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTimeThanksToTheSalt() {
        assertThat(hasher.hash("same password!".toCharArray())).isNotEqualTo(hasher.hash("same password!".toCharArray()));
    }

    @Test
    void hashMadeAtAnotherCostStillVerifiesWithTheCostItRecords() {
        String owaspHash = new PasswordHasher(Argon2Params.owasp()).hash("rita-training-1".toCharArray());

        assertThat(owaspHash).contains("m=19456,t=2,p=1");
        assertThat(hasher.verify("rita-training-1".toCharArray(), owaspHash)).isTrue();
    }

    @Test
    void malformedStoredHashNeverVerifies() {
        assertThat(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=64,t=1,p=1$short$short")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "' OR '1'='1")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
    }
}
