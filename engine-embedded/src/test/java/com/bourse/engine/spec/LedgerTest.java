package com.bourse.engine.spec;

import com.bourse.engine.Engine;
import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.bourse.engine.spec.TradingDesk.ACME_SYMBOL;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.STARTING_CASH;
import static com.bourse.engine.spec.TradingDesk.STARTING_SHARES;
import static org.assertj.core.api.Assertions.assertThat;

/** Every fill settles at once into cash and positions through balanced journal entries; orders hold what they could spend. */
class LedgerTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    @Test
    void fillMovesCashAndSharesBetweenBuyerAndSellerAtOnce() {
        desk.sellLimit(alice, 100_00, 10);

        desk.buyLimit(bob, 100_00, 10);

        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH + 100_00 * 10);
        assertThat(desk.shares(alice)).isEqualTo(STARTING_SHARES - 10);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH - 100_00 * 10);
        assertThat(desk.shares(bob)).isEqualTo(STARTING_SHARES + 10);
    }

    @Test
    void fillIsOneJournalEntryWhosePostingsSumToZeroPerAsset() {
        desk.sellLimit(alice, 100_00, 10);

        var taker = desk.buyLimit(bob, 100_00, 10);

        List<Event.BalanceChanged> postings = taker.all(Event.BalanceChanged.class).stream()
                .filter(b -> b.journalId() != 0).toList();
        assertThat(postings).hasSize(4);
        assertThat(postings).extracting(Event.BalanceChanged::journalId).containsOnly(postings.getFirst().journalId());
        Map<String, Long> sums = postings.stream().collect(Collectors.groupingBy(Event.BalanceChanged::asset,
                Collectors.summingLong(Event.BalanceChanged::delta)));
        assertThat(sums).containsOnly(Map.entry(EUR, 0L), Map.entry(ACME_SYMBOL, 0L));
    }

    @Test
    void ledgerTotalOfEveryAssetStaysZeroThroughTradingAndTransfers() {
        Engine engine = desk.engine();
        desk.sellLimit(alice, 100_00, 10);
        desk.buyLimit(bob, 100_50, 15);
        desk.sellLimit(alice, 99_00, 7);
        long withdrawal = desk.nextTransferId();
        desk.withdraw(alice.userId(), withdrawal, alice, EUR, 1_000_00);
        desk.settle(withdrawal, true);
        desk.transferBetween(bob.userId(), desk.nextTransferId(), bob, alice, ACME_SYMBOL, 5);

        assertThat(engine.assets()).isNotEmpty();
        for (String asset : engine.assets()) {
            assertThat(engine.ledgerTotal(asset)).as(asset).isZero();
        }
        assertThat(engine.balance(Engine.externalAccountId(), EUR))
                .isEqualTo(-(2 * STARTING_CASH - 1_000_00));
    }

    @Test
    void buyOrderHoldsItsCashOnAcceptance() {
        var bid = desk.buyLimit(bob, 99_00, 10);

        var hold = bid.only(Event.BalanceChanged.class);
        assertThat(hold.delta()).isZero();
        assertThat(hold.held()).isEqualTo(99_00 * 10);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH);
        assertThat(desk.heldCash(bob)).isEqualTo(99_00 * 10);
    }

    @Test
    void sellOrderHoldsItsSharesOnAcceptance() {
        desk.sellLimit(alice, 101_00, 10);

        assertThat(desk.heldShares(alice)).isEqualTo(10);
        assertThat(desk.shares(alice)).isEqualTo(STARTING_SHARES);
    }

    @Test
    void cashHeldByOneOrderCannotPayForAnother() {
        desk.buyLimit(bob, 100_00, 400);

        var second = desk.buyLimit(bob, 100_00, 101);

        assertThat(second.rejection()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(desk.heldCash(bob)).isEqualTo(100_00 * 400);
    }

    @Test
    void partialFillReleasesTheHoldOfTheFilledPart() {
        desk.buyLimit(bob, 99_00, 10);

        desk.sellLimit(alice, 99_00, 4);

        assertThat(desk.heldCash(bob)).isEqualTo(99_00 * 6);
        assertThat(desk.heldShares(alice)).isZero();
    }

    @Test
    void buyerWhoTradesBelowTheirLimitGetsTheDifferenceBack() {
        desk.sellLimit(alice, 100_00, 10);

        desk.buyLimit(bob, 101_00, 10);

        assertThat(desk.heldCash(bob)).isZero();
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH - 100_00 * 10);
    }

    @Test
    void cancelledOrderHoldsNothing() {
        var bid = desk.buyLimit(bob, 99_00, 10);
        var ask = desk.sellLimit(alice, 101_00, 10);

        desk.cancel(bob, bid.id());
        desk.cancel(alice, ask.id());

        assertThat(desk.heldCash(bob)).isZero();
        assertThat(desk.heldShares(alice)).isZero();
    }

    @Test
    void cashHeldByAnOrderCannotBeWithdrawn() {
        desk.buyLimit(bob, 100_00, 400);
        long id = desk.nextTransferId();

        var withdrawal = desk.withdraw(bob.userId(), id, bob, EUR, STARTING_CASH);

        assertThat(withdrawal.all(Event.TransferStateChanged.class).getLast().state()).isEqualTo(TransferState.FAILED);
        assertThat(withdrawal.all(Event.TransferStateChanged.class).getLast().reason())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH);
    }

    @Test
    void everyPostingReportsTheBalanceAndHoldAfterIt() {
        desk.sellLimit(alice, 100_00, 10);

        var taker = desk.buyLimit(bob, 100_00, 10);

        var alicesCash = taker.all(Event.BalanceChanged.class).stream()
                .filter(b -> b.accountId() == alice.accountId() && b.asset().equals(EUR)).toList().getLast();
        assertThat(alicesCash.delta()).isEqualTo(100_00 * 10);
        assertThat(alicesCash.balance()).isEqualTo(desk.cash(alice));
        assertThat(alicesCash.held()).isEqualTo(desk.heldCash(alice));
    }
}
