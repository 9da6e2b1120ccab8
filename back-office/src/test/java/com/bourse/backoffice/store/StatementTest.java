package com.bourse.backoffice.store;

import com.bourse.protocol.Command;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statement's opening balance, its postings and its reconciliation. */
class StatementTest {
    static final long ALICE = TradingWorkload.traderId(0);
    static final long ALICE_ACCOUNT = TradingWorkload.accountId(0);
    static final long BOB = TradingWorkload.traderId(1);
    static final long BOB_ACCOUNT = TradingWorkload.accountId(1);
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final long NEXT_MORNING = TradingWorkload.START + 86_400_000L;
    /** What the workload's set-up funds each account with, in euro cents and in shares. */
    static final long FUNDED_CASH = 50_000_000_000L;
    static final long FUNDED_SHARES = 10_000_000;

    @TempDir
    Path dir;
    DeskFixture desk;
    LedgerRepository ledger;

    @BeforeEach
    void setUp() {
        desk = DeskFixture.open(dir);
        desk.run(new TradingWorkload(1, 2, 1, 0).setup());
        ledger = new LedgerRepository(desk.store);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void the_opening_balance_is_what_the_day_before_left_trades_and_movements_alike() {
        long morning = TradingWorkload.START + 3_600_000;
        desk.run(Command.PlaceOrder.limit(morning, BOB, 1, BOB_ACCOUNT, 1, Side.SELL, 68450, 10),
                Command.PlaceOrder.limit(morning + 1, ALICE, 2, ALICE_ACCOUNT, 1, Side.BUY, 68450, 10),
                new Command.RequestTransfer(morning + 2, TradingWorkload.BACK_OFFICE, 77, TransferKind.INTERNAL,
                        ALICE_ACCOUNT, BOB_ACCOUNT, "EUR", 1_000),
                new Command.RequestTransfer(NEXT_MORNING, TradingWorkload.BACK_OFFICE, 78, TransferKind.INTERNAL,
                        BOB_ACCOUNT, ALICE_ACCOUNT, "EUR", 250));
        desk.awaitProjected();

        Statement cash = ledger.statement(ALICE_ACCOUNT, "EUR", DAY.plusDays(1), DAY.plusDays(1));
        Statement shares = ledger.statement(BOB_ACCOUNT, "ASML", DAY.plusDays(1), DAY.plusDays(1));

        assertThat(cash.openingBalance()).isEqualTo(FUNDED_CASH - 10 * 68450 - 1_000);
        assertThat(cash.postings()).singleElement().satisfies(p -> assertThat(p.delta()).isEqualTo(250));
        assertThat(cash.closingBalance()).isEqualTo(cash.openingBalance() + 250);
        assertThat(shares.openingBalance()).isEqualTo(FUNDED_SHARES - 10);
        assertThat(shares.postings()).isEmpty();
        assertThat(shares.closingBalance()).isEqualTo(shares.openingBalance());
    }

    @Test
    void a_ledger_that_does_not_add_up_is_refused_naming_the_account_the_asset_and_the_difference() {
        desk.run(new Command.RequestTransfer(NEXT_MORNING, TradingWorkload.BACK_OFFICE, 77, TransferKind.INTERNAL,
                ALICE_ACCOUNT, BOB_ACCOUNT, "EUR", 1_000));
        desk.awaitProjected();
        // a posting's balance edited behind the ledger's back: 3 cents more than its delta gives
        desk.projections().update(POSTINGS).set(POSTINGS.BALANCE_AFTER, POSTINGS.BALANCE_AFTER.plus(3))
                .where(POSTINGS.ACCOUNT_ID.eq(ALICE_ACCOUNT).and(POSTINGS.REF_ID.eq(77L))).execute();

        assertThatThrownBy(() -> ledger.statement(ALICE_ACCOUNT, "EUR", DAY.plusDays(1), DAY.plusDays(1)))
                .isInstanceOfSatisfying(StatementDoesNotReconcileException.class, e -> {
                    assertThat(e.accountId()).isEqualTo(ALICE_ACCOUNT);
                    assertThat(e.asset()).isEqualTo("EUR");
                    assertThat(e.difference()).isEqualTo(3);
                })
                .hasMessageContaining("account " + ALICE_ACCOUNT).hasMessageContaining("EUR")
                .hasMessageContaining("difference 3");
    }

    @Test
    void a_statement_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> ledger.statement(ALICE_ACCOUNT, "EUR", DAY, DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its start");
    }
}
