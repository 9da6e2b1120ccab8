package com.bourse.protocol;

/** Money (or securities) entering, leaving, or moving between accounts. */
public enum TransferKind {
    /** From outside into an account; completes when the bank confirms. */
    DEPOSIT,
    /** From an account to outside; funds are held until the bank confirms or fails it. */
    WITHDRAWAL,
    /** Between two accounts inside Bourse; completes at once when approved. */
    INTERNAL,
    /**
     * From one account to another's, with a reference and an optional fee (the payer pays both); scored and held
     * for review like any transfer, completes at once when processed and is announced by {@code PaymentProcessed}.
     */
    PAYMENT
}
