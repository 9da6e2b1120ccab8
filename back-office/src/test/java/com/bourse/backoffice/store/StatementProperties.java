package com.bourse.backoffice.store;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

/**
 * Statements and the ledger under random days of cash movements and trades, run through the real engine,
 * journal and projection writer: every statement of every account and asset reconciles (each posting's balance
 * is the one before plus its delta), day after day the opening balance is the previous day's closing, the whole
 * period's closing is the account's balance, and each asset sums to zero over all accounts, the house's
 * contra account included.
 */
class StatementProperties {
    private static final long SYSTEM = Command.SYSTEM_USER;
    private static final long BACK_OFFICE = 8;
    private static final long OFFICER = 90;
    private static final long START = 1_793_606_400_000L; // 2026-11-02T08:00:00Z
    private static final int ACCOUNTS = 3;
    private static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument(1, "ASML", "EUR", 2, 10, 1, 68450, 1000),
            new Instrument(2, "SAP", "EUR", 2, 5, 1, 23420, 1000));

    /** One step of a day at the desk. Account and instrument numbers are indexes. */
    sealed interface Step {
    }

    record Deposit(int account, long amount) implements Step {
    }

    record Withdrawal(int account, long amount) implements Step {
    }

    record Transfer(int from, int to, long amount) implements Step {
    }

    record Payment(int from, int to, long amount, long fee) implements Step {
    }

    record Trade(int buyer, int seller, int instrument, long quantity, int ticks) implements Step {
    }

    record NextDay() implements Step {
    }

    @Property(tries = 12)
    void everyStatementReconcilesAndEachAssetSumsToZero(@ForAll("days") @Size(min = 1, max = 70) List<Step> steps)
            throws IOException {
        Path dir = Files.createTempDirectory("statement-properties");
        try (DeskFixture desk = DeskFixture.open(dir)) {
            Desk session = new Desk(desk);
            session.setUp();
            for (Step step : steps) {
                session.play(step);
            }
            desk.awaitProjected();

            LedgerRepository ledger = new LedgerRepository(desk.store);
            LocalDate first = day(START);
            LocalDate last = day(session.now);
            for (BalanceLine balance : ledger.allBalances(Page.first(Page.MAX_LIMIT))) {
                Statement whole = ledger.statement(balance.accountId(), balance.asset(), first, last);
                assertThat(whole.openingBalance()).as("opening before any activity").isZero();
                assertThat(whole.closingBalance()).as("closing of %s %s", balance.accountId(), balance.asset())
                        .isEqualTo(balance.balance());
                long carried = 0;
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    Statement daily = ledger.statement(balance.accountId(), balance.asset(), d, d);
                    assertThat(daily.openingBalance()).as("opening of %s on %s", balance.asset(), d)
                            .isEqualTo(carried);
                    assertThat(daily.openingBalance() + daily.movement()).isEqualTo(daily.closingBalance());
                    carried = daily.closingBalance();
                }
                assertThat(carried).isEqualTo(balance.balance());
            }
            List<BigDecimal> perAsset = desk.projections().select(sum(BALANCES.BALANCE)).from(BALANCES)
                    .groupBy(BALANCES.ASSET).fetch(0, BigDecimal.class);
            assertThat(perAsset).isNotEmpty().allSatisfy(total -> assertThat(total).isZero());
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        // mostly everyday amounts, sometimes one big enough to overdraw or to go to the risk officer
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(1, 5_000_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(10_000_000_000L, 60_000_000_000L)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, amount).as(Deposit::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, amount).as(Withdrawal::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, account, amount).as(Transfer::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(account, account, amount,
                        Arbitraries.longs().between(0, 5_000)).as(Payment::new)),
                net.jqwik.api.Tuple.of(5, Combinators.combine(account, account,
                        Arbitraries.integers().between(0, INSTRUMENTS.size() - 1),
                        Arbitraries.longs().between(1, 400), Arbitraries.integers().between(-5, 5)).as(Trade::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new NextDay())));
        return step.list();
    }

    /** Plays steps against the desk as its users would, answering what the engine asks (reviews, the bank). */
    private static final class Desk {
        private final DeskFixture desk;
        private long now = START;
        private long nextId = 10_000;

        Desk(DeskFixture desk) {
            this.desk = desk;
        }

        void setUp() {
            List<Command> commands = new ArrayList<>();
            long t = START - 60_000;
            commands.add(new Command.AddCurrency(t, SYSTEM, new Currency("EUR", 2)));
            commands.add(new Command.RegisterUser(t, SYSTEM, BACK_OFFICE, Role.mask(Role.BACK_OFFICE)));
            commands.add(new Command.RegisterUser(t, SYSTEM, OFFICER, Role.mask(Role.RISK_OFFICER)));
            for (Instrument instrument : INSTRUMENTS) {
                commands.add(new Command.ListInstrument(t, SYSTEM, instrument));
            }
            for (int i = 0; i < ACCOUNTS; i++) {
                commands.add(new Command.RegisterUser(t, SYSTEM, trader(i), Role.mask(Role.TRADER)));
                commands.add(new Command.OpenAccount(t, SYSTEM, account(i), trader(i), "EUR",
                        SelfTradePrevention.CANCEL_NEWEST));
                commands.add(new Command.SetRiskLimits(t, SYSTEM, account(i),
                        new RiskLimits(1_000_000, 1_000_000_000_000L, 1_000_000_000L, 1_000_000, 1_000)));
                fund(commands, t, account(i), "EUR", 50_000_000_000L);
                for (Instrument instrument : INSTRUMENTS) {
                    fund(commands, t, account(i), instrument.symbol(), 100_000);
                }
            }
            desk.run(commands);
        }

        private void fund(List<Command> commands, long t, long account, String asset, long amount) {
            long id = ++nextId;
            commands.add(new Command.RequestTransfer(t, SYSTEM, id, TransferKind.DEPOSIT, 0, account, asset, amount));
            commands.add(new Command.SettleTransfer(t, SYSTEM, id, true));
        }

        void play(Step step) {
            now += 1_000;
            switch (step) {
                case Deposit d -> send(new Command.RequestTransfer(now, BACK_OFFICE, ++nextId, TransferKind.DEPOSIT, 0,
                        account(d.account()), "EUR", d.amount()));
                case Withdrawal w -> send(new Command.RequestTransfer(now, BACK_OFFICE, ++nextId,
                        TransferKind.WITHDRAWAL, account(w.account()), 0, "EUR", w.amount()));
                case Transfer t -> send(new Command.RequestTransfer(now, BACK_OFFICE, ++nextId, TransferKind.INTERNAL,
                        account(t.from()), account(t.to()), "EUR", t.amount()));
                case Payment p -> send(new Command.RequestPayment(now, BACK_OFFICE, ++nextId, account(p.from()),
                        account(p.to()), "EUR", p.amount(), p.fee(), "invoice " + nextId));
                case Trade t -> {
                    Instrument instrument = INSTRUMENTS.get(t.instrument());
                    long price = instrument.referencePrice() + t.ticks() * instrument.tickSize();
                    send(Command.PlaceOrder.limit(now, trader(t.seller()), ++nextId, account(t.seller()),
                            instrument.id(), Side.SELL, price, t.quantity()));
                    now += 1;
                    send(Command.PlaceOrder.limit(now, trader(t.buyer()), ++nextId, account(t.buyer()),
                            instrument.id(), Side.BUY, price, t.quantity()));
                }
                case NextDay ignored -> {
                    send(new Command.EndOfDay(now, BACK_OFFICE));
                    now = START + (Math.floorDiv(now - START, 86_400_000L) + 1) * 86_400_000L;
                }
            }
        }

        /** Sends a command, then what its events call for: an officer's approval, the bank's answer. */
        private void send(Command command) {
            for (Event event : desk.run(command)) {
                switch (event) {
                    case Event.OrderHeld held -> send(new Command.Approve(now, OFFICER, ReviewSubject.ORDER,
                            held.orderId()));
                    case Event.TransferStateChanged t when t.state() == TransferState.PENDING && t.reason() != null ->
                            send(new Command.Approve(now, OFFICER, ReviewSubject.TRANSFER, t.transferId()));
                    case Event.TransferStateChanged t when t.state() == TransferState.PROCESSING
                            && (t.kind() == TransferKind.DEPOSIT || t.kind() == TransferKind.WITHDRAWAL) ->
                            // the bank refuses some: a failed withdrawal gives its hold back
                            send(new Command.SettleTransfer(now, BACK_OFFICE, t.transferId(), t.amount() % 5 != 0));
                    default -> {
                    }
                }
            }
        }

        private static long account(int index) {
            return 1001 + index;
        }

        private static long trader(int index) {
            return 10 + index;
        }
    }

    private static LocalDate day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), DeskFixture.ZONE);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
