package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.SelfTradePrevention;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance log: the engine says {@code ComplianceViolation} when a rule stops something (a limit breach
 * attempted, a self-trade prevented, a trade tried on a kill-switched account) and when an officer overrides one.
 */
class ComplianceLogTest {
    private final TradingDesk desk = TradingDesk.open();

    @Test
    void selfTradePreventedIsLoggedAgainstTheIncomingOrder() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_NEWEST);
        desk.sellLimit(self, 100_00, 5);

        var buy = desk.buyLimit(self, 100_00, 5);

        assertThat(buy.only(Event.ComplianceViolation.class)).isEqualTo(new Event.ComplianceViolation(
                self.accountId(), self.userId(), ComplianceKind.SELF_TRADE_PREVENTED, buy.id(),
                ErrorCode.SELF_TRADE_PREVENTED));
    }

    @Test
    void orderOnAKillSwitchedAccountIsLogged() {
        Trader alice = desk.trader();
        desk.engageKillSwitch(OFFICER, alice);

        var buy = desk.buyLimit(alice, 99_00, 5);

        assertThat(buy.events()).containsExactly(
                new Event.OrderRejected(buy.id(), alice.accountId(), ErrorCode.ACCOUNT_KILL_SWITCH),
                new Event.ComplianceViolation(alice.accountId(), alice.userId(),
                        ComplianceKind.KILL_SWITCH_TRADE_ATTEMPT, buy.id(), ErrorCode.ACCOUNT_KILL_SWITCH));
    }

    @Test
    void anOrdinaryRefusalIsNotAViolation() {
        Trader alice = desk.trader();

        var offTick = desk.buyLimit(alice, 99_01, 5);

        assertThat(offTick.has(Event.ComplianceViolation.class)).isFalse();
    }
}
