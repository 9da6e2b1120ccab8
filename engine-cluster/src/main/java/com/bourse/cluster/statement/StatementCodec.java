package com.bourse.cluster.statement;

import com.bourse.protocol.sbe.BooleanType;
import com.bourse.protocol.sbe.MessageHeaderDecoder;
import com.bourse.protocol.sbe.MessageHeaderEncoder;
import com.bourse.protocol.sbe.StatementAnswerDecoder;
import com.bourse.protocol.sbe.StatementAnswerEncoder;
import com.bourse.protocol.sbe.StatementQueryDecoder;
import com.bourse.protocol.sbe.StatementQueryEncoder;
import com.bourse.protocol.wire.WireFormat;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of the live statement messages (schema messages StatementQuery and StatementAnswer, version 9).
 * Decoding reads through a view of exactly the message and never throws: a malformed message returns false with
 * {@link #rejection()}. One instance per thread.
 */
public final class StatementCodec {
    public static final int QUERY = StatementQueryDecoder.TEMPLATE_ID;
    public static final int ANSWER = StatementAnswerDecoder.TEMPLATE_ID;
    /** Postings per answer chunk: 41 bytes each, so a chunk stays near 10 KiB. */
    public static final int POSTINGS_PER_CHUNK = 256;
    /** Longest asset code a query carries (currency codes and symbols are far shorter). */
    public static final int MAX_ASSET_LENGTH = 32;
    public static final int MAX_QUERY_LENGTH = WireFormat.HEADER_LENGTH + StatementQueryEncoder.BLOCK_LENGTH + 4
            + MAX_ASSET_LENGTH;

    /** One chunk of an answer; the balances and what is held are repeated in every chunk. */
    public record Chunk(long requestId, long logPosition, boolean last, long heldSinceMs, boolean sinceLedgerBegan,
                        long openingBalance, long closingBalance, List<PostingRow> postings) {
    }

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final StatementQueryEncoder queryEncoder = new StatementQueryEncoder();
    private final StatementQueryDecoder queryDecoder = new StatementQueryDecoder();
    private final StatementAnswerEncoder answerEncoder = new StatementAnswerEncoder();
    private final StatementAnswerDecoder answerDecoder = new StatementAnswerDecoder();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private StatementQuery query;
    private Chunk chunk;
    private String rejection;

    public int encode(StatementQuery q, MutableDirectBuffer buffer, int offset) {
        if (q.asset().length() > MAX_ASSET_LENGTH) {
            throw new IllegalArgumentException("asset code longer than " + MAX_ASSET_LENGTH + ": " + q.asset());
        }
        queryEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(q.requestId())
                .accountId(q.accountId())
                .fromMs(q.fromMs())
                .toMs(q.toMs())
                .asset(q.asset());
        return WireFormat.HEADER_LENGTH + queryEncoder.encodedLength();
    }

    /** Decodes a StatementQuery; on success {@link #query()} holds it. */
    public boolean decodeQuery(DirectBuffer buffer, int offset, int length) {
        query = null;
        if (!header(buffer, offset, length, QUERY, StatementQueryDecoder.BLOCK_LENGTH)) {
            return false;
        }
        try {
            StatementQueryDecoder d = queryDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                    headerDecoder.version());
            long requestId = d.requestId();
            long accountId = d.accountId();
            long from = d.fromMs();
            long to = d.toMs();
            if (d.assetLength() > MAX_ASSET_LENGTH) {
                return reject("asset code longer than " + MAX_ASSET_LENGTH + " bytes");
            }
            String asset = d.asset();
            if (accountId <= 0 || asset.isEmpty()) {
                return reject("name an account and an asset");
            }
            if (to < from) {
                return reject("the window ends before it starts");
            }
            query = new StatementQuery(requestId, accountId, asset, from, to);
            return true;
        } catch (RuntimeException e) {
            return reject("StatementQuery is truncated or malformed");
        }
    }

    public int encodeChunk(Chunk c, MutableDirectBuffer buffer, int offset) {
        answerEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(c.requestId())
                .logPosition(c.logPosition())
                .last(c.last() ? BooleanType.T : BooleanType.F)
                .heldSince(c.heldSinceMs())
                .sinceLedgerBegan(c.sinceLedgerBegan() ? BooleanType.T : BooleanType.F)
                .openingBalance(c.openingBalance())
                .closingBalance(c.closingBalance());
        StatementAnswerEncoder.PostingsEncoder postings = answerEncoder.postingsCount(c.postings().size());
        for (PostingRow p : c.postings()) {
            postings.next()
                    .at(p.atMs())
                    .journalId(p.journalId())
                    .delta(p.delta())
                    .balanceAfter(p.balanceAfter())
                    .refKind((short) p.kind().ordinal())
                    .refId(p.refId());
        }
        return WireFormat.HEADER_LENGTH + answerEncoder.encodedLength();
    }

    /** Decodes a StatementAnswer chunk; on success {@link #chunk()} holds it. */
    public boolean decodeChunk(DirectBuffer buffer, int offset, int length) {
        chunk = null;
        if (!header(buffer, offset, length, ANSWER, StatementAnswerDecoder.BLOCK_LENGTH)) {
            return false;
        }
        try {
            StatementAnswerDecoder d = answerDecoder.wrap(view, WireFormat.HEADER_LENGTH,
                    headerDecoder.blockLength(), headerDecoder.version());
            long requestId = d.requestId();
            long position = d.logPosition();
            boolean last = d.lastRaw() == 1;
            long heldSince = d.heldSince();
            boolean sinceStart = d.sinceLedgerBeganRaw() == 1;
            long opening = d.openingBalance();
            long closing = d.closingBalance();
            List<PostingRow> postings = new ArrayList<>();
            PostingRow.Kind[] kinds = PostingRow.Kind.values();
            for (StatementAnswerDecoder.PostingsDecoder p : d.postings()) {
                short kind = p.refKind();
                if (kind >= kinds.length) {
                    return reject("unknown posting reference kind " + kind);
                }
                postings.add(new PostingRow(p.at(), p.journalId(), p.delta(), p.balanceAfter(), kinds[kind],
                        p.refId()));
            }
            chunk = new Chunk(requestId, position, last, heldSince, sinceStart, opening, closing, postings);
            return true;
        } catch (RuntimeException e) {
            return reject("StatementAnswer is truncated or malformed");
        }
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

    public StatementQuery query() {
        return query;
    }

    public Chunk chunk() {
        return chunk;
    }

    public String rejection() {
        return rejection;
    }
}
