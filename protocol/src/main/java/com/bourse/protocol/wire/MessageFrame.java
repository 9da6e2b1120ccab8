package com.bourse.protocol.wire;

import com.bourse.protocol.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A bounds-checked view of exactly one received message and its validated header. Every read a decoder makes
 * goes through the view, so a length field that lies ends in a clean rejection, never in reading past the
 * message into whatever follows it in a log or term buffer.
 */
final class MessageFrame {
    final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private int length;

    /** Wraps the message and checks its header; returns its template id. */
    int wrap(DirectBuffer buffer, int offset, int length) {
        if (buffer == null || length < WireFormat.HEADER_LENGTH) {
            throw new MalformedMessageException("message of " + length + " bytes is shorter than its header");
        }
        if (offset < 0 || (long) offset + length > buffer.capacity()) {
            throw new MalformedMessageException("message lies outside its buffer");
        }
        this.length = length;
        view.wrap(buffer, offset, length);
        header.wrap(view, 0);
        if (header.schemaId() != WireFormat.SCHEMA_ID) {
            throw new MalformedMessageException("not a Bourse message: schema " + header.schemaId());
        }
        if (header.version() < 1) {
            throw new MalformedMessageException("schema version " + header.version() + " does not exist");
        }
        return header.templateId();
    }

    /**
     * Checks the fixed block is at least {@code minimumBlockLength} (the block of the oldest version that has
     * every field read unconditionally) and lies inside the message.
     */
    void requireBlock(int minimumBlockLength) {
        int blockLength = header.blockLength();
        if (blockLength < minimumBlockLength) {
            throw new MalformedMessageException("block of " + blockLength + " bytes is shorter than the "
                    + minimumBlockLength + " its fields need");
        }
        if (WireFormat.HEADER_LENGTH + blockLength > length) {
            throw new MalformedMessageException("truncated: block of " + blockLength + " bytes in a message of "
                    + length);
        }
    }

    int blockLength() {
        return header.blockLength();
    }

    int version() {
        return header.version();
    }

    int length() {
        return length;
    }

    /** Why a decoder gave up on the framed message: every way a decode can fail ends in one of these words. */
    String rejectionOf(RuntimeException e) {
        if (e instanceof MalformedMessageException) {
            return e.getMessage();
        }
        if (e instanceof IndexOutOfBoundsException) {
            return "truncated: a field runs past the end of the " + length + "-byte message";
        }
        // A generated flyweight or a record constructor refused a value: still just a bad message.
        return "undecodable: " + e.getMessage();
    }
}
