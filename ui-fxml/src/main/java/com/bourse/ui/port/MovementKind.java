package com.bourse.ui.port;

/** The cash movements the back office enters. */
public enum MovementKind {
    /** Cash arriving from outside into an account; completes when the bank settles it. */
    DEPOSIT("Deposit", false, true),
    /** Cash leaving an account to outside; held until the bank settles it. */
    WITHDRAWAL("Withdrawal", true, false),
    /** Between two accounts; completes at once when not held for review. */
    TRANSFER("Transfer", true, true),
    /** To another account with a reference and an optional fee the payer pays. */
    PAYMENT("Payment", true, true);

    private final String label;
    private final boolean debits;
    private final boolean credits;

    MovementKind(String label, boolean debits, boolean credits) {
        this.label = label;
        this.debits = debits;
        this.credits = credits;
    }

    public String label() {
        return label;
    }

    /** Whether it takes cash from an account (which must then have it available). */
    public boolean debits() {
        return debits;
    }

    /** Whether it brings cash to an account. */
    public boolean credits() {
        return credits;
    }

    /** Whether it names two accounts. */
    public boolean between() {
        return debits && credits;
    }
}
