package com.bourse.backoffice.security;

/** The passphrase does not open the key store. Nothing was read from or written to the store's files. */
public final class WrongPassphraseException extends RuntimeException {
    public WrongPassphraseException(String message) {
        super(message);
    }
}
