package com.bourse.backoffice.store;

/** The database could not be opened as asked; its message is fit to show the person starting the desk. */
public sealed class StoreAccessException extends RuntimeException permits StoreInUseException {
    public StoreAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
