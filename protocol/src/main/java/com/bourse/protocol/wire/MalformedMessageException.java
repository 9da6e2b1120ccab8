package com.bourse.protocol.wire;

/**
 * A buffer that is not a well-formed Bourse message. Thrown only inside the codecs, which turn it into a
 * rejection with this message as the reason; it never reaches a caller of {@code decode}.
 */
final class MalformedMessageException extends RuntimeException {
    MalformedMessageException(String reason) {
        super(reason, null, false, false);
    }
}
