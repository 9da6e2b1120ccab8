package com.bourse.backoffice.audit;

import java.util.Objects;

/**
 * One action for the trail. {@code userId} is null when nobody is identified (a failed sign-in with an unknown
 * name); {@code username} is what was typed or the acting user's name. Texts longer than their column are
 * shortened with a trailing '…' so the trail never refuses to record an action.
 */
public record AuditEntry(Long userId, String username, AuditAction action, String subject, String details) {
    static final int USERNAME = 64;
    static final int SUBJECT = 200;
    static final int DETAILS = 4000;

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        username = fit(username, USERNAME);
        subject = fit(subject, SUBJECT);
        details = fit(details == null ? "" : details, DETAILS);
    }

    public static AuditEntry of(long userId, String username, AuditAction action, String subject, String details) {
        return new AuditEntry(userId, username, action, subject, details);
    }

    private static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
