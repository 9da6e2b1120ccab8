package com.bourse.ui.port;

import com.bourse.protocol.RiskLimits;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The risk desk's starting point, taken at one instant: every held item, every account with its controls,
 * the halted instruments and who is who.
 *
 * @param users user id to display name
 */
public record RiskSnapshot(List<ReviewItem> held, List<RiskAccount> accounts, Set<Long> haltedInstruments,
                           Map<Long, String> users) {

    public RiskSnapshot {
        held = List.copyOf(held);
        accounts = List.copyOf(accounts);
        haltedInstruments = Set.copyOf(haltedInstruments);
        users = Map.copyOf(users);
    }

    /** An account as the desk controls it: its owner, currency, hard limits and kill switch. */
    public record RiskAccount(long accountId, String name, long ownerUserId, String baseCurrency, RiskLimits limits,
                              boolean killSwitch) {
        public RiskAccount {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseCurrency, "baseCurrency");
            Objects.requireNonNull(limits, "limits");
        }

        public RiskAccount withLimits(RiskLimits changed) {
            return new RiskAccount(accountId, name, ownerUserId, baseCurrency, changed, killSwitch);
        }

        public RiskAccount withKillSwitch(boolean engaged) {
            return new RiskAccount(accountId, name, ownerUserId, baseCurrency, limits, engaged);
        }
    }
}
