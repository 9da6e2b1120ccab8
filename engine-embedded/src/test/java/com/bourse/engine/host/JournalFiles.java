package com.bourse.engine.host;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Keys and byte-level surgery on journal files, for the specifications of what a start accepts. */
final class JournalFiles {
    private JournalFiles() {
    }

    /** A reproducible AES-256 key (tests only: a real key comes from the key vault). */
    static SecretKey key(long seed) {
        byte[] bytes = new byte[32];
        new SplittableRandom(seed).nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    static String hex(SecretKey key) {
        return HexFormat.of().formatHex(key.getEncoded());
    }

    static SecretKey fromHex(String hex) {
        return new SecretKeySpec(HexFormat.of().parseHex(hex), "AES");
    }

    /** Byte offset of each record of a segment, in order. */
    static List<Long> recordOffsets(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> offsets = new ArrayList<>();
        int at = CommandJournal.HEADER;
        while (at + CommandJournal.RECORD_PREFIX <= bytes.length) {
            offsets.add((long) at);
            at += CommandJournal.RECORD_PREFIX + (view.getInt(at) & ~CommandJournal.ATTACHED);
        }
        return offsets;
    }

    static void flipBit(Path file, long position, int mask) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(position);
            int b = raw.read();
            raw.seek(position);
            raw.write(b ^ mask);
        }
    }

    static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(position);
            int b = raw.read();
            raw.seek(position);
            raw.write(b ^ 0x40);
        }
    }

    /** Swaps the whole records starting at {@code first} and {@code second} (adjacent, first before second). */
    static void swapAdjacent(Path file, long first, long second, long end) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] a = java.util.Arrays.copyOfRange(bytes, (int) first, (int) second);
        byte[] b = java.util.Arrays.copyOfRange(bytes, (int) second, (int) end);
        System.arraycopy(b, 0, bytes, (int) first, b.length);
        System.arraycopy(a, 0, bytes, (int) first + b.length, a.length);
        Files.write(file, bytes);
    }

    /** Removes bytes {@code [from, to)} from the file. */
    static void cut(Path file, long from, long to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] out = new byte[bytes.length - (int) (to - from)];
        System.arraycopy(bytes, 0, out, 0, (int) from);
        System.arraycopy(bytes, (int) to, out, (int) from, bytes.length - (int) to);
        Files.write(file, out);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
