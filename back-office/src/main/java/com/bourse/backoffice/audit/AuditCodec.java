package com.bourse.backoffice.audit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one byte layout of an audit entry's fields: the trail hashes it into its chain ({@link AuditTrail#chain}) and
 * the journal seals it beside a command ({@link JournaledAudit#encode}), so the two can never drift apart. Texts are
 * length-prefixed UTF-8, {@code -1} for none.
 */
final class AuditCodec {
    private AuditCodec() {
    }

    /** Time, user id (with whether there is one), username, action, subject and details, in that order. */
    static void writeFields(DataOutputStream out, long at, Long userId, String username, String action,
                            String subject, String details) throws IOException {
        out.writeLong(at);
        out.writeBoolean(userId != null);
        out.writeLong(userId == null ? 0 : userId);
        writeText(out, username);
        writeText(out, action);
        writeText(out, subject);
        writeText(out, details);
    }

    static void writeText(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
