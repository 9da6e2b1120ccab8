package com.bourse.protocol;

/** What a user may do. A user may hold several roles; they are carried as a bit mask on the wire. */
public enum Role {
    /** Enters, amends and cancels orders on their own accounts. */
    TRADER,
    /** Approves or rejects held orders and transfers, sets limits, engages the kill switch. */
    RISK_OFFICER,
    /** Manages users, accounts and instruments. */
    ADMIN,
    /**
     * Keeps the books: deposits, withdrawals, transfers and payments with their settlement and cancellation,
     * statements, end of day. Appended last so the bits of the roles before it keep their meaning on the wire.
     */
    BACK_OFFICE;

    public int bit() {
        return 1 << ordinal();
    }

    public static int mask(Role... roles) {
        int mask = 0;
        for (Role role : roles) {
            mask |= role.bit();
        }
        return mask;
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }
}
