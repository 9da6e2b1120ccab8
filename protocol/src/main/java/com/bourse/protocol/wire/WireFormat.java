package com.bourse.protocol.wire;

import com.bourse.protocol.sbe.MessageHeaderDecoder;
import com.bourse.protocol.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;

/**
 * Facts about Bourse messages on the wire shared by the codecs: the schema, the header, and which template
 * ids are commands, session messages and events.
 */
public final class WireFormat {
    public static final int SCHEMA_ID = MessageHeaderEncoder.SCHEMA_ID;
    public static final int SCHEMA_VERSION = MessageHeaderEncoder.SCHEMA_VERSION;
    public static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;
    /** Longest UTF-8 text a string field carries (the schema's maxValue). */
    public static final int MAX_TEXT_BYTES = 1024;

    private WireFormat() {
    }

    /** Template id of the message at {@code offset}, or -1 when it is too short or not of our schema. */
    public static int templateId(DirectBuffer buffer, int offset, int length) {
        if (length < HEADER_LENGTH) {
            return -1;
        }
        int schemaId = buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(),
                MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
        if (schemaId != SCHEMA_ID) {
            return -1;
        }
        return buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(),
                MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
    }

    /**
     * Why the message at {@code offset} is not a {@code templateId} whose block holds at least {@code blockLength}
     * bytes within {@code length}, or null when it is.
     */
    public static String headerProblem(DirectBuffer buffer, int offset, int length, int templateId,
                                       int blockLength) {
        if (templateId(buffer, offset, length) != templateId) {
            return "not template " + templateId;
        }
        int actual = buffer.getShort(offset + MessageHeaderDecoder.blockLengthEncodingOffset(),
                MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
        if (actual < blockLength || HEADER_LENGTH + actual > length) {
            return "block of " + actual + " bytes, needs " + blockLength;
        }
        return null;
    }

    public static boolean isCommand(int templateId) {
        return templateId >= 1 && templateId < 30;
    }

    public static boolean isSession(int templateId) {
        return templateId >= 30 && templateId < 40;
    }

    public static boolean isEvent(int templateId) {
        return templateId >= 40 && templateId < 80;
    }
}
