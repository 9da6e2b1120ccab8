package com.bourse.protocol;

/** What a risk officer's approve or reject decision is about. */
public enum ReviewSubject {
    ORDER,
    TRANSFER
}
