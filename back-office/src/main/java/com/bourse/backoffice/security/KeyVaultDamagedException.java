package com.bourse.backoffice.security;

/**
 * The key store's file is not what was written: cut short, bytes changed, or not a key store. Distinct from a
 * wrong passphrase, which cannot be told from damage by decryption alone. Nothing was changed.
 */
public final class KeyVaultDamagedException extends RuntimeException {
    public KeyVaultDamagedException(String message) {
        super(message);
    }
}
