package com.bourse.cluster.client;

import com.bourse.protocol.wire.SessionMessage.DayStep;
import com.bourse.protocol.wire.SessionMessage.HeldOrder;
import com.bourse.protocol.wire.SessionMessage.HeldTransfer;

import java.util.List;

/**
 * What a window cannot have heard before it opened, as the cluster keeps it, in a {@link MarketState} that asked for
 * it ({@link Scope}): held orders and transfers with their scores, the score's parts, reason, rules and time held;
 * engaged kill switches; halted instruments; and today's fills and other security movements of the user's own
 * accounts, each account's in the engine's order (a position held when the day began first, as one movement).
 * Held items and kill switches are the user's own accounts', every account's for a risk officer or administrator.
 *
 * @param known false when it was not asked for, or the cluster is older than schema version 8 and keeps none
 */
public record Backfill(boolean known, List<HeldOrder> heldOrders, List<HeldTransfer> heldTransfers,
                       List<Long> killSwitches, List<Long> haltedInstruments, List<DayStep> steps) {

    /** Nothing asked or nothing kept. */
    public static final Backfill NONE = new Backfill(false, List.of(), List.of(), List.of(), List.of(), List.of());

    public Backfill {
        heldOrders = List.copyOf(heldOrders);
        heldTransfers = List.copyOf(heldTransfers);
        killSwitches = List.copyOf(killSwitches);
        haltedInstruments = List.copyOf(haltedInstruments);
        steps = List.copyOf(steps);
    }

    /** What a market request asks the cluster for beyond the books and the blotter. */
    public enum Scope {
        /** Books and blotter only. */
        NONE,
        /** Also held items, kill switches and halted instruments (a risk officer's desk). */
        RISK,
        /** Also today's fills and movements of the user's own accounts (a trader's window). */
        RISK_AND_DAY_FILLS;

        boolean risk() {
            return this != NONE;
        }

        boolean dayFills() {
            return this == RISK_AND_DAY_FILLS;
        }
    }
}
