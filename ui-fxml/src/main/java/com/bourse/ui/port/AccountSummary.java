package com.bourse.ui.port;

import java.util.Objects;

/** An account in the back office's list: its owner, the currency its large-amount rule counts in, its status. */
public record AccountSummary(long accountId, String name, long ownerUserId, String ownerName, String currency,
                             Status status) {

    public AccountSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
    }

    /** Whether it can trade and move cash now. */
    public enum Status {
        ACTIVE("Active"),
        KILL_SWITCH("Kill switch engaged"),
        OWNER_DISABLED("Owner disabled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether {@code text} (already lower case) is in its id, name, owner or currency. */
    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return Long.toString(accountId).contains(t) || name.toLowerCase(java.util.Locale.ROOT).contains(t)
                || ownerName.toLowerCase(java.util.Locale.ROOT).contains(t)
                || currency.toLowerCase(java.util.Locale.ROOT).contains(t)
                || status.label().toLowerCase(java.util.Locale.ROOT).contains(t);
    }
}
