package com.bourse.ui.port;

import java.util.Objects;

/** One entry of the audit trail as the viewer shows it. {@code at} is epoch milliseconds; {@code userId} 0 for none. */
public record AuditLine(long seq, long at, long userId, String username, String action, String subject,
                        String details) {
    public AuditLine {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(details, "details");
    }
}
