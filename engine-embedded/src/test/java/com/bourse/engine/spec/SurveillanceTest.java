package com.bourse.engine.spec;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.SurveillanceConfig;
import com.bourse.engine.spec.TradingDesk.Outcome;
import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.bourse.engine.spec.TradingDesk.BOND;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static com.bourse.protocol.SurveillanceRule.BEHAVIOUR_CHANGE;
import static com.bourse.protocol.SurveillanceRule.LAYERING;
import static com.bourse.protocol.SurveillanceRule.NEAR_BAND_EDGE;
import static com.bourse.protocol.SurveillanceRule.STRUCTURING;
import static com.bourse.protocol.SurveillanceRule.WASH_TRADE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The named surveillance rules behind the pattern part of the risk score. Each rule that fires adds 0.5 to the
 * pattern (never above 1.0) and is named in the alert; structuring, layering and wash trades hold the order or
 * transfer for a risk officer on their own, whatever the score. Thresholds are the engine's defaults.
 */
class SurveillanceTest {
    /** 100,000.00 EUR in cents: the large-amount line. */
    private static final long LARGE = 10_000_000;
    /** 95,000.00 EUR: 5% under the line, inside the 10% band that counts as just under it. */
    private static final long JUST_UNDER = 9_500_000;
    private static final long MINUTE = 60_000;

    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    private Outcome withdraw(Trader trader, long amount) {
        return desk.withdraw(trader.userId(), desk.nextTransferId(), trader, EUR, amount);
    }

    private static boolean held(Outcome outcome) {
        return outcome.has(Event.OrderHeld.class) || outcome.all(Event.TransferStateChanged.class).stream()
                .anyMatch(t -> t.state() == TransferState.PENDING && t.reason() != null);
    }

    private static List<SurveillanceRule> rulesOf(Outcome outcome) {
        return outcome.only(Event.RiskAlert.class).rules();
    }

    @Nested
    class Structuring {

        @Test
        void thirdWithdrawalJustUnderTheLineWithinTenMinutesIsHeldAsStructuring() {
            desk.fund(alice, EUR, 3 * LARGE);

            var first = withdraw(alice, JUST_UNDER);
            desk.later(2 * MINUTE);
            var second = withdraw(alice, JUST_UNDER);
            desk.later(2 * MINUTE);
            var third = withdraw(alice, JUST_UNDER);

            assertThat(held(first)).isFalse();
            assertThat(held(second)).isFalse();
            assertThat(held(third)).isTrue();
            var alert = third.only(Event.RiskAlert.class);
            assertThat(alert.rules()).containsExactly(STRUCTURING);
            assertThat(alert.reason()).isEqualTo(ErrorCode.HIGH_RISK_TRANSACTION);
            assertThat(alert.patternBps()).isEqualTo(5_000);
        }

        @Test
        void withdrawalsSpreadOverMoreThanTenMinutesAreNotStructuring() {
            desk.fund(alice, EUR, 3 * LARGE);

            withdraw(alice, JUST_UNDER);
            desk.later(6 * MINUTE);
            withdraw(alice, JUST_UNDER);
            desk.later(5 * MINUTE);
            var third = withdraw(alice, JUST_UNDER);

            assertThat(held(third)).isFalse();
            assertThat(third.has(Event.RiskAlert.class)).isFalse();
        }

        @Test
        void withdrawalsMoreThanTenPercentUnderTheLineAreNotStructuring() {
            desk.fund(alice, EUR, 3 * LARGE);
            long wellUnder = LARGE - LARGE / 10 - 1;

            withdraw(alice, wellUnder);
            withdraw(alice, wellUnder);
            var third = withdraw(alice, wellUnder);

            assertThat(held(third)).isFalse();
        }

        @Test
        void ordersJustUnderTheLineCountLikeTransfers() {
            desk.fund(alice, EUR, 3 * LARGE);

            var first = desk.buyLimit(alice, 100_00, 950);
            desk.later(MINUTE);
            var second = desk.buyLimit(alice, 100_00, 950);
            desk.later(MINUTE);
            var third = desk.buyLimit(alice, 100_00, 950);

            assertThat(held(first) || held(second)).isFalse();
            assertThat(third.only(Event.OrderHeld.class).reason()).isEqualTo(ErrorCode.HIGH_RISK_TRANSACTION);
            assertThat(rulesOf(third)).containsExactly(STRUCTURING);
        }

        @Test
        void aWithdrawalAndTwoOrdersJustUnderTheLineAreOneStructuringPattern() {
            desk.fund(alice, EUR, 3 * LARGE);

            withdraw(alice, JUST_UNDER);
            desk.buyLimit(alice, 100_00, 950);
            var order = desk.buyLimit(alice, 100_00, 950);

            assertThat(rulesOf(order)).contains(STRUCTURING);
        }

        @Test
        void anotherAccountsMovementsDoNotCount() {
            desk.fund(alice, EUR, 3 * LARGE);
            desk.fund(bob, EUR, 3 * LARGE);

            withdraw(alice, JUST_UNDER);
            withdraw(alice, JUST_UNDER);
            var bobs = withdraw(bob, JUST_UNDER);

            assertThat(held(bobs)).isFalse();
        }
    }

    @Nested
    class Layering {

        /** Bob's bid at 99.00 is the best bid; Alice puts three bids near it and pulls each within half a second. */
        private void aliceSpoofsTheBidSide(long ticksBelowTouch, long lifetimeMillis, int orders) {
            desk.buyLimit(bob, 99_00, 10);
            for (int i = 0; i < orders; i++) {
                var spoof = desk.buyLimit(alice, 99_00 - ticksBelowTouch - i, 50);
                desk.later(lifetimeMillis);
                desk.cancel(alice, spoof.id());
            }
        }

        @Test
        void sellingIntoTheBidAfterQuicklyCancellingBidsNearTheTouchIsHeldAsLayering() {
            aliceSpoofsTheBidSide(0, 500, 3);

            var sale = desk.sellLimit(alice, 99_00, 10);

            assertThat(sale.only(Event.OrderHeld.class).reason()).isEqualTo(ErrorCode.HIGH_RISK_TRANSACTION);
            assertThat(rulesOf(sale)).containsExactly(LAYERING);
            assertThat(sale.trades()).isEmpty();
        }

        @Test
        void officerMayStillLetTheHeldSaleTrade() {
            aliceSpoofsTheBidSide(0, 500, 3);
            var sale = desk.sellLimit(alice, 99_00, 10);

            var approval = desk.approveOrder(OFFICER, sale.id());

            assertThat(approval.trades()).extracting(Event.Trade::quantity).containsExactly(10L);
        }

        @Test
        void bidsCancelledAfterTheirFirstSecondsAreNotLayering() {
            aliceSpoofsTheBidSide(0, 2_500, 3);

            var sale = desk.sellLimit(alice, 99_00, 10);

            assertThat(held(sale)).isFalse();
            assertThat(sale.trades()).hasSize(1);
        }

        @Test
        void bidsFarFromTheTouchAreNotLayering() {
            aliceSpoofsTheBidSide(10, 500, 3);

            var sale = desk.sellLimit(alice, 99_00, 10);

            assertThat(held(sale)).isFalse();
        }

        @Test
        void twoQuickCancelsAreNotYetAPattern() {
            aliceSpoofsTheBidSide(0, 500, 2);

            var sale = desk.sellLimit(alice, 99_00, 10);

            assertThat(held(sale)).isFalse();
        }

        @Test
        void anOfferThatDoesNotTradeIsNotLayering() {
            aliceSpoofsTheBidSide(0, 500, 3);

            var offer = desk.sellLimit(alice, 101_00, 10);

            assertThat(held(offer)).isFalse();
        }

        @Test
        void buyingAfterCancellingBidsIsNotLayering() {
            desk.sellLimit(bob, 99_50, 10);
            aliceSpoofsTheBidSide(0, 500, 3);

            var purchase = desk.buyLimit(alice, 99_50, 10);

            assertThat(held(purchase)).isFalse();
        }

        @Test
        void quickCancelsHalfAMinuteAgoAreForgotten() {
            aliceSpoofsTheBidSide(0, 500, 3);
            desk.later(31_000);

            var sale = desk.sellLimit(alice, 99_00, 10);

            assertThat(held(sale)).isFalse();
        }
    }

    @Nested
    class WashTrade {
        private final Trader aliceToo = desk.secondAccountOf(alice);

        @Test
        void buyingFromAnotherAccountOfTheSameOwnerIsHeldAsAWashTrade() {
            desk.sellLimit(aliceToo, 100_00, 10);

            var purchase = desk.buyLimit(alice, 100_00, 10);

            assertThat(purchase.only(Event.OrderHeld.class).reason()).isEqualTo(ErrorCode.HIGH_RISK_TRANSACTION);
            assertThat(rulesOf(purchase)).containsExactly(WASH_TRADE);
            assertThat(purchase.trades()).isEmpty();
        }

        @Test
        void aMarketOrderThatWouldMeetTheSameOwnerIsAWashTradeToo() {
            desk.sellLimit(aliceToo, 100_00, 10);

            var purchase = desk.buyMarket(alice, 10);

            assertThat(rulesOf(purchase)).containsExactly(WASH_TRADE);
        }

        @Test
        void orderFilledByOthersAheadOfTheOwnersOrderIsNoWashTrade() {
            desk.sellLimit(bob, 100_00, 10);
            desk.sellLimit(aliceToo, 100_00, 10);

            var purchase = desk.buyLimit(alice, 100_00, 10);

            assertThat(held(purchase)).isFalse();
            assertThat(purchase.only(Event.Trade.class).makerAccountId()).isEqualTo(bob.accountId());
        }

        @Test
        void orderLargeEnoughToReachTheOwnersOrderBehindOthersIsAWashTrade() {
            desk.sellLimit(bob, 100_00, 10);
            desk.sellLimit(aliceToo, 100_00, 10);

            var purchase = desk.buyLimit(alice, 100_00, 11);

            assertThat(rulesOf(purchase)).containsExactly(WASH_TRADE);
        }

        @Test
        void bidBelowTheOwnersOfferIsNoWashTrade() {
            desk.sellLimit(aliceToo, 100_00, 10);

            var bid = desk.buyLimit(alice, 99_99, 10);

            assertThat(held(bid)).isFalse();
        }

        @Test
        void tradingWithAnotherPersonIsNoWashTrade() {
            desk.sellLimit(bob, 100_00, 10);

            var purchase = desk.buyLimit(alice, 100_00, 10);

            assertThat(held(purchase)).isFalse();
            assertThat(purchase.trades()).hasSize(1);
        }

        @Test
        void officerApprovingTheWashTradeLetsItTrade() {
            desk.sellLimit(aliceToo, 100_00, 10);
            var purchase = desk.buyLimit(alice, 100_00, 10);

            var approval = desk.approveOrder(OFFICER, purchase.id());

            assertThat(approval.only(Event.Trade.class).makerAccountId()).isEqualTo(aliceToo.accountId());
        }
    }

    @Nested
    class BehaviourChange {
        /** A desk where a change of behaviour holds on its own, so the rule can be seen firing. */
        private final TradingDesk strict = TradingDesk.open(EngineConfig.defaults().withExpectedLiveOrders(256)
                .withSurveillance(SurveillanceConfig.defaults().withHoldingRules(BEHAVIOUR_CHANGE)));
        private final Trader carol = strict.trader();

        /** Twenty bids of 10 ACME at 99.00: an average order of 990.00 EUR. */
        private void carolHasAHistoryOfSmallOrders(int orders) {
            strict.allowManyOrders(carol);
            for (int i = 0; i < orders; i++) {
                strict.buyLimit(carol, 99_00, 10);
            }
        }

        @Test
        void orderTenTimesTheAccountsAverageAfterTwentyOrdersIsAChangeOfBehaviour() {
            carolHasAHistoryOfSmallOrders(20);

            var order = strict.buyLimit(carol, 99_00, 100);

            assertThat(order.only(Event.OrderHeld.class).reason()).isEqualTo(ErrorCode.HIGH_RISK_TRANSACTION);
            assertThat(rulesOf(order)).contains(BEHAVIOUR_CHANGE);
        }

        @Test
        void orderNineTimesTheAverageIsNot() {
            carolHasAHistoryOfSmallOrders(20);

            var order = strict.buyLimit(carol, 99_00, 90);

            assertThat(order.has(Event.OrderHeld.class)).isFalse();
        }

        @Test
        void nineteenOrdersAreNotYetAHistory() {
            carolHasAHistoryOfSmallOrders(19);

            var order = strict.buyLimit(carol, 99_00, 100);

            assertThat(order.has(Event.OrderHeld.class)).isFalse();
        }

        @Test
        void firstOrderInANewInstrumentAtThreeTimesTheAverageIsAChangeOfBehaviour() {
            carolHasAHistoryOfSmallOrders(20);

            // 30 BOND at 100.00: 3,000.00 EUR, a little over three times the average.
            var order = strict.place(strict.limit(carol, BOND, Side.BUY, 100_00, 30));

            assertThat(rulesOf(order)).containsExactly(BEHAVIOUR_CHANGE);
        }

        @Test
        void firstOrderInANewInstrumentAtTwiceTheAverageIsNot() {
            carolHasAHistoryOfSmallOrders(20);

            var order = strict.place(strict.limit(carol, BOND, Side.BUY, 100_00, 20));

            assertThat(order.has(Event.OrderHeld.class)).isFalse();
        }

        @Test
        void theSameSizeInAnInstrumentAlreadyTradedIsNot() {
            carolHasAHistoryOfSmallOrders(20);

            var order = strict.buyLimit(carol, 99_00, 30);

            assertThat(order.has(Event.OrderHeld.class)).isFalse();
        }

        @Test
        void byDefaultAChangeOfBehaviourOnlyAddsToTheScoreAndIsNamedWhenTheOrderIsHeld() {
            desk.allowManyOrders(alice);
            desk.fund(alice, EUR, 2 * LARGE);
            for (int i = 0; i < 20; i++) {
                desk.buyLimit(alice, 99_00, 10);
            }

            var tenfold = desk.buyLimit(alice, 99_00, 100);
            var large = desk.buyLimit(alice, 100_00, 1_001);

            assertThat(held(tenfold)).isFalse();
            assertThat(large.only(Event.OrderHeld.class).reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
            assertThat(rulesOf(large)).contains(BEHAVIOUR_CHANGE);
        }
    }

    // ---- Pattern and alert ----------------------------------------------------------------------

    @Test
    void everyRuleThatFiredIsNamedAndThePatternNeverExceedsOne() {
        Trader aliceToo = desk.secondAccountOf(alice);
        desk.sellLimit(aliceToo, 106_00, 10);

        // Buying from her own other account, more than half the band above the reference price.
        var purchase = desk.buyLimit(alice, 106_00, 10);

        var alert = purchase.only(Event.RiskAlert.class);
        assertThat(alert.rules()).containsExactly(NEAR_BAND_EDGE, WASH_TRADE);
        assertThat(alert.ruleMask()).isEqualTo(SurveillanceRule.mask(NEAR_BAND_EDGE, WASH_TRADE));
        assertThat(alert.patternBps()).isEqualTo(10_000);
    }

    @Test
    void aRuleWorthMoreThanTheWholePatternStillCountsOnlyOne() {
        SurveillanceConfig d = SurveillanceConfig.defaults();
        SurveillanceConfig heavy = new SurveillanceConfig(10_000, d.holdingRuleMask(), d.structuringBandBps(),
                d.structuringCount(), d.structuringWindowMillis(), d.layeringCancelMillis(), d.layeringTicks(),
                d.layeringCancels(), d.layeringWindowMillis(), d.behaviourMinHistory(), d.behaviourNotionalMultiple(),
                d.behaviourNewInstrumentMultiple());
        TradingDesk heavyDesk = TradingDesk.open(EngineConfig.defaults().withExpectedLiveOrders(256)
                .withSurveillance(heavy));
        Trader dan = heavyDesk.trader();
        Trader danToo = heavyDesk.secondAccountOf(dan);
        heavyDesk.sellLimit(danToo, 106_00, 10);

        var purchase = heavyDesk.buyLimit(dan, 106_00, 10);

        assertThat(purchase.only(Event.RiskAlert.class).patternBps()).isEqualTo(10_000);
    }

    @Test
    void structuringHistorySurvivesASnapshotAndRestore() {
        desk.fund(alice, EUR, 3 * LARGE);
        withdraw(alice, JUST_UNDER);
        withdraw(alice, JUST_UNDER);
        byte[] snapshot = desk.engine().snapshot();

        Engine restored = Engine.restore(desk.engine().config(), snapshot);
        List<Event> events = new ArrayList<>();
        restored.apply(new Command.RequestTransfer(desk.now(), alice.userId(), desk.nextTransferId(),
                TransferKind.WITHDRAWAL, alice.accountId(), 0, EUR, JUST_UNDER), events::add);

        assertThat(Engine.restore(desk.engine().config(), snapshot).snapshot()).isEqualTo(snapshot);
        assertThat(events).filteredOn(Event.RiskAlert.class::isInstance)
                .extracting(e -> ((Event.RiskAlert) e).rules()).containsExactly(List.of(STRUCTURING));
    }

    @Test
    void surveillanceSettingOutOfRangeIsRefusedNamingIt() {
        SurveillanceConfig d = SurveillanceConfig.defaults();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SurveillanceConfig(d.patternPerRuleBps(),
                        d.holdingRuleMask(), d.structuringBandBps(), 1, d.structuringWindowMillis(),
                        d.layeringCancelMillis(), d.layeringTicks(), d.layeringCancels(), d.layeringWindowMillis(),
                        d.behaviourMinHistory(), d.behaviourNotionalMultiple(), d.behaviourNewInstrumentMultiple()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("structuringCount");
    }
}
