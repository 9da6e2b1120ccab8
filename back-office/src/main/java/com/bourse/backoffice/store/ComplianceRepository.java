package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.ComplianceViolationsRecord;
import com.bourse.protocol.ComplianceKind;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static com.bourse.backoffice.store.schema.Tables.COMPLIANCE_VIOLATIONS;

/** The compliance log the engine's {@code ComplianceViolation} events leave. Thread-safe. */
public final class ComplianceRepository {
    private final DSLContext dsl;

    public ComplianceRepository(Store store) {
        this.dsl = store.projections().dsl();
    }

    /** Newest first (index: at, seq). */
    public List<ComplianceLine> latest(Page page) {
        return dsl.selectFrom(COMPLIANCE_VIOLATIONS)
                .orderBy(COMPLIANCE_VIOLATIONS.SEQ.desc(), COMPLIANCE_VIOLATIONS.N.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch(ComplianceRepository::line);
    }

    /** One account's lines, newest first (index: account, seq). */
    public List<ComplianceLine> ofAccount(long accountId, Page page) {
        return dsl.selectFrom(COMPLIANCE_VIOLATIONS)
                .where(COMPLIANCE_VIOLATIONS.ACCOUNT_ID.eq(accountId))
                .orderBy(COMPLIANCE_VIOLATIONS.SEQ.desc(), COMPLIANCE_VIOLATIONS.N.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch(ComplianceRepository::line);
    }

    static ComplianceLine line(ComplianceViolationsRecord r) {
        ComplianceKind kind = "UNKNOWN".equals(r.getKind()) ? null : ComplianceKind.valueOf(r.getKind());
        return new ComplianceLine(r.getSeq(), r.getN(), r.getAccountId(), r.getUserId(), kind, r.getSubjectId(),
                r.getReason(), Instant.ofEpochMilli(r.getAt()));
    }
}
