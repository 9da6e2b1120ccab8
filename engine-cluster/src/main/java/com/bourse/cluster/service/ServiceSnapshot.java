package com.bourse.cluster.service;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Moves the service's snapshot bytes through a cluster snapshot: a first message with a marker and the total
 * length, then chunks no larger than one unfragmented message. Loading reads until the whole length arrived.
 */
final class ServiceSnapshot {
    private static final int MARKER = 0x42534E50; // "BSNP"

    private ServiceSnapshot() {
    }

    static void write(ExclusivePublication publication, byte[] bytes, IdleStrategy idle) {
        UnsafeBuffer header = new UnsafeBuffer(new byte[8]);
        header.putInt(0, MARKER);
        header.putInt(4, bytes.length);
        offer(publication, header, 0, 8, idle);
        UnsafeBuffer body = new UnsafeBuffer(bytes);
        int chunk = publication.maxPayloadLength();
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            offer(publication, body, offset, Math.min(chunk, bytes.length - offset), idle);
        }
    }

    private static void offer(ExclusivePublication publication, UnsafeBuffer buffer, int offset, int length,
                              IdleStrategy idle) {
        idle.reset();
        while (true) {
            long result = publication.offer(buffer, offset, length);
            if (result > 0) {
                return;
            }
            if (result == io.aeron.Publication.CLOSED || result == io.aeron.Publication.NOT_CONNECTED
                    || result == io.aeron.Publication.MAX_POSITION_EXCEEDED) {
                throw new IllegalStateException("snapshot publication unusable: " + result);
            }
            idle.idle();
        }
    }

    static byte[] read(Image image, IdleStrategy idle) {
        ExpandableArrayBuffer received = new ExpandableArrayBuffer(1 << 16);
        int[] state = {-1, 0}; // total length (-1 before the header), bytes received
        FragmentHandler handler = (buffer, offset, length, header) -> {
            if (state[0] < 0) {
                if (length != 8 || buffer.getInt(offset) != MARKER) {
                    throw new IllegalStateException("not a Bourse service snapshot");
                }
                state[0] = buffer.getInt(offset + 4);
            } else {
                received.putBytes(state[1], buffer, offset, length);
                state[1] += length;
            }
        };
        idle.reset();
        while (state[0] < 0 || state[1] < state[0]) {
            int fragments = image.poll(handler, 16);
            if (fragments == 0) {
                if (image.isEndOfStream() || image.isClosed()) {
                    throw new IllegalStateException("snapshot ended after " + state[1] + " of " + state[0] + " bytes");
                }
                idle.idle();
            } else {
                idle.reset();
            }
        }
        byte[] bytes = new byte[state[0]];
        received.getBytes(0, bytes);
        return bytes;
    }
}
