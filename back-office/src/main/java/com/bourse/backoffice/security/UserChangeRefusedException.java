package com.bourse.backoffice.security;

/** A user change was refused (bad value, no permission, unknown user); nothing was changed. */
public final class UserChangeRefusedException extends RuntimeException {
    public UserChangeRefusedException(String message) {
        super(message);
    }
}
