package com.bourse.ui.port;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.TransferState;

/** The venue's first answer about a movement the desk sent, or why it never reached the venue. */
public sealed interface MovementOutcome {

    /** The words to show beside the form. */
    String message();

    /**
     * The venue took it: {@code state} as first reported; {@code heldForReview} when a risk officer must approve it
     * first ({@code reason} says why); a FAILED state carries the venue's reason (an overdraft, for one).
     */
    record Recorded(long movementId, TransferState state, ErrorCode reason, boolean heldForReview)
            implements MovementOutcome {
        @Override
        public String message() {
            if (heldForReview) {
                return "Movement " + movementId + " is held for a risk officer's review: "
                        + (reason == null ? "large or unusual" : reason.description());
            }
            if (state == TransferState.FAILED) {
                return reason == null ? "Movement " + movementId + " failed" : reason.description();
            }
            return "Movement " + movementId + " is " + state.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether the venue refused the money itself (the movement exists, in FAILED). */
        public boolean failed() {
            return state == TransferState.FAILED;
        }
    }

    /** The venue refused the command itself (roles, unknown account, a reused id with other fields). */
    record Refused(long movementId, ErrorCode reason) implements MovementOutcome {
        @Override
        public String message() {
            return reason.description();
        }
    }

    /** It never reached the venue (the gateway refused it, or no answer came); the same id may be sent again. */
    record NotSent(long movementId, String why) implements MovementOutcome {
        @Override
        public String message() {
            return why;
        }
    }
}
