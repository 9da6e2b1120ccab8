package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.AccountControlsRecord;
import com.bourse.backoffice.store.schema.tables.records.RiskAlertsRecord;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.SurveillanceRule;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.bourse.backoffice.store.schema.Tables.ACCOUNT_CONTROLS;
import static com.bourse.backoffice.store.schema.Tables.RISK_ALERTS;

/** Risk alerts with their decisions, and each account's controls. Thread-safe. */
public final class RiskRepository {
    private final DSLContext dsl;

    public RiskRepository(Store store) {
        this.dsl = store.projections().dsl();
    }

    /** Alerts with the given decision (PENDING is the officer's queue), oldest first. */
    public List<RiskAlertLine> alerts(AlertDecision decision, Page page) {
        return dsl.selectFrom(RISK_ALERTS)
                .where(RISK_ALERTS.DECISION.eq(decision.name()))
                .orderBy(RISK_ALERTS.ALERT_ID)
                .offset(page.offset()).limit(page.limit())
                .fetch(RiskRepository::alert);
    }

    public Optional<AccountControlsLine> controls(long accountId) {
        return dsl.selectFrom(ACCOUNT_CONTROLS).where(ACCOUNT_CONTROLS.ACCOUNT_ID.eq(accountId))
                .fetchOptional(RiskRepository::controls);
    }

    static RiskAlertLine alert(RiskAlertsRecord r) {
        return new RiskAlertLine(r.getAlertId(), r.getSubject(), r.getSubjectId(), r.getAccountId(), r.getScoreBps(),
                r.getAmountBps(), r.getFrequencyBps(), r.getPatternBps(), r.getReason(),
                Instant.ofEpochMilli(r.getRaisedAt()), AlertDecision.valueOf(r.getDecision()), r.getDecidedBy(),
                r.getDecidedAt() == null ? null : Instant.ofEpochMilli(r.getDecidedAt()), r.getDecisionNote(),
                rules(r.getRules()));
    }

    /** The projected rule names back as rules; a name this build does not know is left out. */
    static List<SurveillanceRule> rules(String names) {
        List<SurveillanceRule> rules = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            return rules;
        }
        for (String name : names.split(",")) {
            for (SurveillanceRule rule : SurveillanceRule.values()) {
                if (rule.name().equals(name)) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    static AccountControlsLine controls(AccountControlsRecord r) {
        return new AccountControlsLine(r.getAccountId(), r.getOwnerUserId(), r.getBaseCurrency(),
                r.getSelfTradePrevention(), r.getKillSwitch(), r.getKillSwitchBy(),
                new RiskLimits(r.getMaxOrderQuantity(), r.getMaxOrderNotional(), r.getMaxPosition(),
                        r.getMaxOrdersPerWindow(), r.getThrottleWindowMillis(), r.getPriceBandBps(),
                        r.getReviewThresholdBps()),
                Instant.ofEpochMilli(r.getOpenedAt()), Instant.ofEpochMilli(r.getUpdatedAt()));
    }
}
