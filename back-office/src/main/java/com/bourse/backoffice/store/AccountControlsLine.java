package com.bourse.backoffice.store;

import com.bourse.protocol.RiskLimits;

import java.time.Instant;

/** An account's kill switch and hard limits as the engine holds them. */
public record AccountControlsLine(long accountId, long ownerUserId, String baseCurrency, String selfTradePrevention,
                                  boolean killSwitch, Long killSwitchBy, RiskLimits limits, Instant openedAt,
                                  Instant updatedAt) {
}
