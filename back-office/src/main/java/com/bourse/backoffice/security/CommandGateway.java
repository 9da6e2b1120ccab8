package com.bourse.backoffice.security;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.audit.JournaledAudit;
import com.bourse.protocol.Command;
import com.bourse.protocol.ReviewSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the desktop sends every command a person enters. It checks that the session's credential is still
 * valid and that the command acts as the signed-in user (so the engine's permission and four-eyes rules judge
 * the real person), records the action in the audit trail, and only then passes the command on to the venue.
 * The engine still decides the business outcome; the trail records that the person asked. Thread-safe; every
 * method may write the audit trail and so wait on the disk: windows go through a {@link CommandOutbox}.
 *
 * <p>Two ways to the venue. A remote venue (the cluster) gets a command only after its entry is in the trail and
 * forced. A venue with a command journal of its own ({@link JournaledVenue}, the embedded desk) gets the command
 * with its entry stamped and encoded, and seals both in one journal record: the journal's one forced write makes
 * them durable together, and the trail is filled from the journal ({@link JournaledAudit}). Either way nothing is
 * acknowledged, shown or replayed without its entry. Refusals never reach a venue: their entries are written to
 * the trail and forced directly.
 */
public final class CommandGateway {
    public static final int MAX_REASON = 1_000;

    /** A venue that journals each command with its audit entry in one record (one forced write for both). */
    @FunctionalInterface
    public interface JournaledVenue {
        /**
         * @param auditEntry the entry as {@link JournaledAudit#encode} wrote it
         * @throws IllegalStateException when the venue will not take the command (closed, inbox full)
         */
        void accept(Command command, byte[] auditEntry);
    }

    private final AuditTrail audit;
    private final SessionCredentials credentials;
    /** Exactly one of the two is set. */
    private final Consumer<Command> venue;
    private final JournaledVenue journaledVenue;

    /** A gateway to a venue that gets each command once its entry is in the trail and forced. */
    public CommandGateway(AuditTrail audit, SessionCredentials credentials, Consumer<Command> venue) {
        this.audit = audit;
        this.credentials = credentials;
        this.venue = Objects.requireNonNull(venue);
        this.journaledVenue = null;
    }

    /** A gateway to a venue that journals each command with its entry ({@link JournaledVenue}). */
    public CommandGateway(AuditTrail audit, SessionCredentials credentials, JournaledVenue venue) {
        this.audit = audit;
        this.credentials = credentials;
        this.venue = null;
        this.journaledVenue = Objects.requireNonNull(venue);
    }

    /** Why the gateway refused a command; nothing reached the engine. */
    public static final class CommandRefusedException extends RuntimeException {
        public CommandRefusedException(String message) {
            super(message);
        }
    }

    public void submit(Session session, Command command) {
        submit(session, command, null);
    }

    /** What became of a command a window offered. */
    public sealed interface Outcome {
        Command command();

        /** It went to the venue (which now decides its business outcome). */
        record Sent(Command command) implements Outcome {
        }

        /**
         * Nothing reached the engine: the gateway refused it (the refusal is in the audit trail) or the venue
         * would not take it (the simulation closed, the connection gone or busy).
         */
        record NotSent(Command command, String reason) implements Outcome {
        }
    }

    /**
     * For a trading window, which shows a refusal rather than handling it: {@link Outcome.Sent} when the command
     * went to the venue, {@link Outcome.NotSent} with the reason when the gateway refused it (and audited the
     * refusal) or the venue is gone, and then nothing reached the engine. It writes the audit trail (a forced disk
     * write): call it from a worker such as {@link CommandOutbox}, never from the FX thread.
     */
    public Outcome deliver(Session session, Command command) {
        try {
            submit(session, command, null);
            return new Outcome.Sent(command);
        } catch (CommandRefusedException | IllegalStateException e) {
            return new Outcome.NotSent(command, e.getMessage());
        }
    }

    /** {@link #deliver} for a caller that needs only a yes or no: true when the command went to the venue. */
    public boolean offer(Session session, Command command) {
        return deliver(session, command) instanceof Outcome.Sent;
    }

    /**
     * @param note the officer's words on an approval (a rejection carries its reason inside the command);
     *             kept in the trail only
     */
    public void submit(Session session, Command command, String note) {
        Checked checked = check(new Request(session, command, note));
        if (checked.refusal() == null && journaledVenue != null) {
            journaledVenue.accept(command, JournaledAudit.encode(audit.now(), checked.entry()));
            return;
        }
        audit.append(checked.entry());
        if (checked.refusal() != null) {
            throw new CommandRefusedException(checked.refusal());
        }
        venue.accept(command);
    }

    /** A command a window offered, as whose, with an officer's note or null. */
    public record Request(Session session, Command command, String note) {
        public Request {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * {@link #deliver} for a burst, in order: every request is checked; for a remote venue all their audit entries
     * (actions and refusals alike) are written in one transaction and one forced write, and only then do the
     * accepted ones go to the venue, in the order given; for a {@link JournaledVenue} only the refusals' entries
     * are written so, and each accepted command goes with its own entry. One outcome per request, in order. When
     * the trail cannot be written it throws and nothing was sent.
     */
    public List<Outcome> deliverAll(List<Request> requests) {
        List<Checked> checked = new ArrayList<>(requests.size());
        List<AuditEntry> entries = new ArrayList<>(requests.size());
        for (Request request : requests) {
            Checked one = check(request);
            checked.add(one);
            if (journaledVenue == null || one.refusal() != null) {
                entries.add(one.entry());
            }
        }
        if (!entries.isEmpty()) {
            audit.appendAll(entries);
        }
        long stamp = journaledVenue == null ? 0 : audit.now();
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Command command = requests.get(i).command();
            String refusal = checked.get(i).refusal();
            if (refusal != null) {
                outcomes.add(new Outcome.NotSent(command, refusal));
                continue;
            }
            try {
                if (journaledVenue != null) {
                    journaledVenue.accept(command, JournaledAudit.encode(stamp, checked.get(i).entry()));
                } else {
                    venue.accept(command);
                }
                outcomes.add(new Outcome.Sent(command));
            } catch (IllegalStateException e) {
                outcomes.add(new Outcome.NotSent(command, e.getMessage()));
            }
        }
        return outcomes;
    }

    /** What the trail records for a request, and why it is refused (null when it may go to the venue). */
    private record Checked(AuditEntry entry, String refusal) {
    }

    private Checked check(Request request) {
        Session session = request.session();
        Command command = request.command();
        String note = request.note();
        SessionCredentials.Check check = credentials.check(session.credential());
        String refusal = null;
        if (!check.valid() || check.claims().userId() != session.userId()) {
            refusal = "session credential refused: " + (check.valid() ? "issued to another user" : check.refusal());
        } else if (command.userId() != session.userId()) {
            refusal = "command acts as user " + command.userId() + " but the session is user " + session.userId();
        } else if (command instanceof Command.Reject reject
                && (reject.reason() == null || reject.reason().isBlank() || reject.reason().length() > MAX_REASON)) {
            refusal = "a rejection needs a reason of 1 to " + MAX_REASON + " characters";
        } else if (note != null && note.length() > MAX_REASON) {
            refusal = "a note has at most " + MAX_REASON + " characters";
        }
        if (refusal != null) {
            return new Checked(AuditEntry.of(session.userId(), session.username(), AuditAction.COMMAND_REFUSED,
                    subjectOf(command), refusal + ": " + command), refusal);
        }
        return new Checked(AuditEntry.of(session.userId(), session.username(), actionOf(command),
                subjectOf(command), note == null ? command.toString() : command + " note=" + note), null);
    }

    static AuditAction actionOf(Command command) {
        return switch (command) {
            case Command.PlaceOrder c -> AuditAction.ORDER_ENTERED;
            case Command.PlaceOco c -> AuditAction.ORDER_ENTERED;
            case Command.ReplaceOrder c -> AuditAction.ORDER_AMENDED;
            case Command.CancelOrder c -> AuditAction.ORDER_CANCELLED;
            case Command.MassCancel c -> AuditAction.MASS_CANCEL;
            case Command.Approve c -> AuditAction.APPROVED;
            case Command.Reject c -> AuditAction.REJECTED;
            case Command.SetRiskLimits c -> AuditAction.LIMITS_CHANGED;
            case Command.EngageKillSwitch c -> AuditAction.KILL_SWITCH_ENGAGED;
            case Command.ReleaseKillSwitch c -> AuditAction.KILL_SWITCH_RELEASED;
            case Command.RequestTransfer c -> AuditAction.TRANSFER_REQUESTED;
            case Command.RequestPayment c -> AuditAction.PAYMENT_REQUESTED;
            case Command.SettleTransfer c -> AuditAction.TRANSFER_SETTLED;
            case Command.CancelTransfer c -> AuditAction.TRANSFER_CANCELLED;
            case Command.HaltInstrument c -> AuditAction.INSTRUMENT_HALTED;
            case Command.ResumeInstrument c -> AuditAction.INSTRUMENT_RESUMED;
            case Command.EndOfDay c -> AuditAction.END_OF_DAY;
            case Command.AddCurrency c -> AuditAction.REFERENCE_DATA_CHANGED;
            case Command.ListInstrument c -> AuditAction.REFERENCE_DATA_CHANGED;
            case Command.OpenAccount c -> AuditAction.REFERENCE_DATA_CHANGED;
            case Command.RegisterUser c -> AuditAction.USER_ROLES_CHANGED;
        };
    }

    static String subjectOf(Command command) {
        return switch (command) {
            case Command.PlaceOrder c -> "order:" + c.orderId() + " account:" + c.accountId();
            case Command.PlaceOco c -> (c.isBracket() ? "order:" + c.entryOrderId() + " " : "") + "order:"
                    + c.targetOrderId() + " order:" + c.stopOrderId() + " account:" + c.accountId();
            case Command.ReplaceOrder c -> "order:" + c.orderId();
            case Command.CancelOrder c -> "order:" + c.orderId();
            case Command.MassCancel c -> "account:" + c.accountId() + " instrument:" + c.instrumentId();
            case Command.Approve c -> subject(c.subject(), c.subjectId());
            case Command.Reject c -> subject(c.subject(), c.subjectId());
            case Command.SetRiskLimits c -> "account:" + c.accountId();
            case Command.EngageKillSwitch c -> "account:" + c.accountId();
            case Command.ReleaseKillSwitch c -> "account:" + c.accountId();
            case Command.RequestTransfer c -> "transfer:" + c.transferId();
            case Command.RequestPayment c -> "payment:" + c.paymentId() + " account:" + c.fromAccountId();
            case Command.SettleTransfer c -> "transfer:" + c.transferId();
            case Command.CancelTransfer c -> "transfer:" + c.transferId();
            case Command.HaltInstrument c -> "instrument:" + c.instrumentId();
            case Command.ResumeInstrument c -> "instrument:" + c.instrumentId();
            case Command.EndOfDay c -> "market";
            case Command.AddCurrency c -> "currency";
            case Command.ListInstrument c -> "instrument";
            case Command.OpenAccount c -> "account:" + c.accountId();
            case Command.RegisterUser c -> "user:" + c.newUserId();
        };
    }

    private static String subject(ReviewSubject subject, long id) {
        return (subject == null ? "subject" : subject.name().toLowerCase(java.util.Locale.ROOT)) + ":" + id;
    }
}
