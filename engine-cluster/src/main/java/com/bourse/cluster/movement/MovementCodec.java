package com.bourse.cluster.movement;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.sbe.BooleanType;
import com.bourse.protocol.sbe.MessageHeaderDecoder;
import com.bourse.protocol.sbe.MessageHeaderEncoder;
import com.bourse.protocol.sbe.MovementAnswerDecoder;
import com.bourse.protocol.sbe.MovementAnswerEncoder;
import com.bourse.protocol.sbe.MovementQueryDecoder;
import com.bourse.protocol.sbe.MovementQueryEncoder;
import com.bourse.protocol.wire.WireFormat;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of the back office's movement messages (schema messages MovementQuery and MovementAnswer, version
 * 9). Decoding reads through a view of exactly the message and never throws: a malformed message returns false
 * with {@link #rejection()}. One instance per thread.
 */
public final class MovementCodec {
    public static final int QUERY = MovementQueryDecoder.TEMPLATE_ID;
    public static final int ANSWER = MovementAnswerDecoder.TEMPLATE_ID;
    /** Movements per answer chunk: with a reference of up to 140 bytes, a chunk stays well under 16 KiB. */
    public static final int MOVEMENTS_PER_CHUNK = 64;
    public static final int STEPS_PER_CHUNK = 256;
    /** Room for any query. */
    public static final int MAX_QUERY_LENGTH = WireFormat.HEADER_LENGTH + MovementQueryEncoder.BLOCK_LENGTH;
    private static final short NULL_ENUM = 255;

    /** One chunk of an answer. */
    public record Chunk(long requestId, long logPosition, boolean last, List<MovementRow> movements,
                        List<MovementStepRow> steps) {
    }

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final MovementQueryEncoder queryEncoder = new MovementQueryEncoder();
    private final MovementQueryDecoder queryDecoder = new MovementQueryDecoder();
    private final MovementAnswerEncoder answerEncoder = new MovementAnswerEncoder();
    private final MovementAnswerDecoder answerDecoder = new MovementAnswerDecoder();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private MovementQuery query;
    private Chunk chunk;
    private String rejection;

    public int encode(MovementQuery q, MutableDirectBuffer buffer, int offset) {
        queryEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(q.requestId())
                .state(q.state() == null ? com.bourse.protocol.sbe.TransferState.NULL_VAL
                        : com.bourse.protocol.sbe.TransferState.get((short) q.state().ordinal()))
                .accountId(q.accountId())
                .movementId(q.movementId())
                .maxMovements(q.maxMovements());
        return WireFormat.HEADER_LENGTH + queryEncoder.encodedLength();
    }

    /** Decodes a MovementQuery; on success {@link #query()} holds it. */
    public boolean decodeQuery(DirectBuffer buffer, int offset, int length) {
        query = null;
        if (!header(buffer, offset, length, QUERY, MovementQueryDecoder.BLOCK_LENGTH)) {
            return false;
        }
        MovementQueryDecoder d = queryDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                headerDecoder.version());
        short state = d.stateRaw();
        if (state != NULL_ENUM && (state < 0 || state >= TransferState.values().length)) {
            return reject("unknown movement state " + state);
        }
        if (d.accountId() < 0 || d.movementId() < 0) {
            return reject("account and movement ids are never negative");
        }
        if (d.maxMovements() <= 0) {
            return reject("ask for at least one movement");
        }
        query = new MovementQuery(d.requestId(), state == NULL_ENUM ? null : TransferState.values()[state],
                d.accountId(), d.movementId(), Math.min(d.maxMovements(), MovementQuery.MAX_MOVEMENTS));
        return true;
    }

    public int encodeChunk(Chunk c, MutableDirectBuffer buffer, int offset) {
        answerEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(c.requestId())
                .logPosition(c.logPosition())
                .last(c.last() ? BooleanType.T : BooleanType.F);
        MovementAnswerEncoder.MovementsEncoder movements = answerEncoder.movementsCount(c.movements().size());
        for (MovementRow m : c.movements()) {
            movements.next()
                    .movementId(m.movementId())
                    .kind(com.bourse.protocol.sbe.TransferKind.get((short) m.kind().ordinal()))
                    .fromAccountId(m.fromAccountId())
                    .toAccountId(m.toAccountId())
                    .amount(m.amount())
                    .fee(m.fee())
                    .state(com.bourse.protocol.sbe.TransferState.get((short) m.state().ordinal()))
                    .reason(errorCode(m.reason()))
                    .requestedBy(m.requestedBy())
                    .requestedAt(m.requestedAtMs())
                    .updatedAt(m.updatedAtMs())
                    .asset(m.asset())
                    .reference(m.reference());
        }
        MovementAnswerEncoder.StepsEncoder steps = answerEncoder.stepsCount(c.steps().size());
        for (MovementStepRow s : c.steps()) {
            steps.next()
                    .movementId(s.movementId())
                    .state(com.bourse.protocol.sbe.TransferState.get((short) s.state().ordinal()))
                    .reason(errorCode(s.reason()))
                    .actingUserId(s.actingUserId())
                    .at(s.atMs());
        }
        return WireFormat.HEADER_LENGTH + answerEncoder.encodedLength();
    }

    private static com.bourse.protocol.sbe.ErrorCode errorCode(ErrorCode code) {
        return code == null ? com.bourse.protocol.sbe.ErrorCode.NULL_VAL
                : com.bourse.protocol.sbe.ErrorCode.get((short) code.ordinal());
    }

    /** Decodes a MovementAnswer chunk; on success {@link #chunk()} holds it. */
    public boolean decodeChunk(DirectBuffer buffer, int offset, int length) {
        chunk = null;
        if (!header(buffer, offset, length, ANSWER, MovementAnswerDecoder.BLOCK_LENGTH)) {
            return false;
        }
        try {
            MovementAnswerDecoder d = answerDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                    headerDecoder.version());
            long requestId = d.requestId();
            long position = d.logPosition();
            boolean last = d.lastRaw() == 1;
            List<MovementRow> movements = new ArrayList<>();
            for (MovementAnswerDecoder.MovementsDecoder m : d.movements()) {
                TransferKind kind = TransferKind.values()[m.kindRaw()];
                long id = m.movementId();
                long from = m.fromAccountId();
                long to = m.toAccountId();
                long amount = m.amount();
                long fee = m.fee();
                TransferState state = TransferState.values()[m.stateRaw()];
                ErrorCode reason = reason(m.reasonRaw());
                long by = m.requestedBy();
                long at = m.requestedAt();
                long updated = m.updatedAt();
                String asset = m.asset();
                String reference = m.reference();
                movements.add(new MovementRow(id, kind, from, to, asset, amount, fee, reference, state, reason, by,
                        at, updated));
            }
            List<MovementStepRow> steps = new ArrayList<>();
            for (MovementAnswerDecoder.StepsDecoder s : d.steps()) {
                steps.add(new MovementStepRow(s.movementId(), TransferState.values()[s.stateRaw()],
                        reason(s.reasonRaw()), s.actingUserId(), s.at()));
            }
            chunk = new Chunk(requestId, position, last, movements, steps);
            return true;
        } catch (RuntimeException e) {
            return reject("MovementAnswer is truncated or malformed");
        }
    }

    private static ErrorCode reason(short raw) {
        return raw == NULL_ENUM ? null : ErrorCode.values()[raw];
    }

    private boolean header(DirectBuffer buffer, int offset, int length, int templateId, int blockLength) {
        String problem = WireFormat.headerProblem(buffer, offset, length, templateId, blockLength);
        if (problem != null) {
            return reject(problem);
        }
        view.wrap(buffer, offset, length);
        headerDecoder.wrap(view, 0);
        return true;
    }

    private boolean reject(String reason) {
        rejection = reason;
        return false;
    }

    public MovementQuery query() {
        return query;
    }

    public Chunk chunk() {
        return chunk;
    }

    public String rejection() {
        return rejection;
    }
}
