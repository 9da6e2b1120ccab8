package com.bourse.protocol.wire;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes of the few texts an encoder writes over and over (asset codes on every balance change), so that
 * encoding them allocates nothing once they are known. Holds the last {@value #SIZE} distinct texts. Not
 * thread-safe: one per codec.
 */
final class TextCache {
    private static final int SIZE = 16;
    private static final byte[] EMPTY = new byte[0];

    private final String[] texts = new String[SIZE];
    private final byte[][] bytes = new byte[SIZE][];
    private int next;

    /** The text's UTF-8 bytes; null travels as empty (as in {@link ToSbe#text}), too long a text is refused. */
    byte[] bytesOf(String text, String field) {
        if (text == null) {
            return EMPTY;
        }
        for (int i = 0; i < SIZE && texts[i] != null; i++) {
            String known = texts[i];
            if (known == text || known.equals(text)) {
                return bytes[i];
            }
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > WireFormat.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(field + " is longer than " + WireFormat.MAX_TEXT_BYTES + " bytes");
        }
        texts[next] = text;
        bytes[next] = utf8;
        next = (next + 1) % SIZE;
        return utf8;
    }
}
