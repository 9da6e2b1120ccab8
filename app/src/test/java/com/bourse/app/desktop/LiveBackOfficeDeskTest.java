package com.bourse.app.desktop;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.movement.MovementQuery;
import com.bourse.cluster.movement.Movements;
import com.bourse.cluster.statement.StatementQuery;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.TransferState;
import com.bourse.ui.port.AccountDetail;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.ClerkDesk;
import com.bourse.ui.port.Movement;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.MovementOutcome;
import com.bourse.ui.port.MovementRequest;
import com.bourse.ui.port.MovementStep;
import com.bourse.ui.port.StatementView;
import com.bourse.ui.port.VenueMode;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.backoffice.BackOfficePanels;
import com.bourse.ui.view.backoffice.MovementsController;
import com.bourse.ui.view.backoffice.StatementsController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The back-office clerk LIVE, against a real one-node production cluster on loopback (one for the class): Olga, who
 * holds only BACK_OFFICE, signs in and gets the clerk's panels with every account, its owner and the cluster's
 * balances; movements she enters go through the audited gateway and the form shows the cluster's answer; the
 * cluster lists movements by state and tells each one's history from its replicated record, and states each
 * account's postings of the days it keeps; a trader's session cannot ask about another's account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBackOfficeDeskTest {
    static final long ALICE_ACCOUNT = 1001;
    static final long BOB_ACCOUNT = 1002;

    private Path home;
    private LiveCluster cluster;
    private DesktopDriver driver;
    private Workstation olga;

    @BeforeAll
    void seedTheClusterAndSignOlgaIn() throws Exception {
        System.setProperty("testfx.setup.timeout", "600000");
        home = Files.createTempDirectory("live-back-office");
        cluster = LiveCluster.start(home.resolve("cluster"));
        driver = new DesktopDriver(home.resolve("desk"));
        Desktop desktop = driver.start(driver.config().live(cluster.settings()));
        LiveCluster.seed(desktop.live());
        olga = driver.signIn("olga", "olga-training-1", 60);
        driver.fxRun(() -> olga.backOffice().context().setConfirmer((title, text) -> true));
        driver.waitUntil(() -> !olga.backOffice().context().accounts().isEmpty(), 30);
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private ClerkDesk desk() {
        return driver.fx(() -> olga.backOffice().context().desk());
    }

    private MovementsController movements() {
        return olga.backOffice().movements();
    }

    private AccountSummary account(long id) {
        return driver.fx(() -> olga.backOffice().context().account(id).orElseThrow());
    }

    private long eur(long accountId) throws Exception {
        return desk().account(accountId).get(15, TimeUnit.SECONDS).cashOf("EUR").balance();
    }

    /** The movement id the form sent and the answer it shows. */
    private record Entered(long key, String outcome) {
    }

    /** Fills the movement form as a person would, waits for the payer's page, sends, and returns the answer shown. */
    private Entered enter(MovementKind kind, long accountId, String amount) {
        driver.fxRun(() -> {
            olga.dock().open(BackOfficePanels.MOVEMENTS);
            movements().selectKind(kind);
            movements().fromField().setValue(account(accountId));
        });
        driver.waitUntil(() -> movements().payerLoaded(), 15);
        driver.fxRun(() -> {
            movements().currencyField().setValue("EUR");
            movements().amountField().setText(amount);
        });
        long key = Long.parseLong(driver.fx(() -> movements().key().getText()));
        String before = driver.fx(() -> movements().outcome().getText());
        driver.fxRun(() -> movements().send());
        driver.waitUntil(() -> !movements().outcome().getText().equals(before)
                && !movements().outcome().getText().startsWith("Sending"), 30);
        return new Entered(key, driver.fx(() -> movements().outcome().getText()));
    }

    private List<MovementStep> history(long movementId) throws Exception {
        return desk().history(movementId).get(15, TimeUnit.SECONDS);
    }

    @Test
    void clerkSignsInLiveAndSeesEveryAccountWithItsOwnerAndTheClustersBalances() throws Exception {
        assertThat(olga.context().session().mode()).isEqualTo(VenueMode.LIVE);
        List<String> panels = driver.fx(() -> olga.dock().panels().stream().map(p -> p.id()).toList());
        // Only what live can do: no users or end of day to click in vain.
        assertThat(panels).contains(BackOfficePanels.ACCOUNTS, BackOfficePanels.MOVEMENTS, BackOfficePanels.STATEMENTS)
                .doesNotContain(BackOfficePanels.USERS, BackOfficePanels.END_OF_DAY, Workstation.TICKET);

        AccountSummary alice = account(ALICE_ACCOUNT);
        assertThat(alice.ownerName()).isEqualTo("Alice Martin");
        assertThat(driver.fx(() -> olga.backOffice().context().accounts().size())).isGreaterThanOrEqualTo(4);
        AccountDetail bob = desk().account(BOB_ACCOUNT).get(15, TimeUnit.SECONDS);
        assertThat(bob.account().ownerName()).isEqualTo("Bob Keller");
        assertThat(bob.positions()).anySatisfy(p -> {
            assertThat(p.symbol()).isEqualTo("AIR");
            assertThat(p.quantity()).isEqualTo(800);
        });
        assertThat(bob.cashOf("EUR").balance()).isPositive();

        driver.fxRun(() -> {
            olga.dock().open(BackOfficePanels.ACCOUNTS);
            olga.backOffice().accounts().open(BOB_ACCOUNT);
        });
        driver.waitUntil(() -> olga.backOffice().accounts().shown().isPresent(), 15);
        screenshots("live-back-office-accounts");
    }

    @Test
    void depositIsRecordedAndMovesThroughProcessingToCompletedWhenTheBankSettles() throws Exception {
        long before = eur(ALICE_ACCOUNT);

        Entered deposit = enter(MovementKind.DEPOSIT, ALICE_ACCOUNT, "1234.56");

        long key = deposit.key();
        assertThat(deposit.outcome()).isEqualTo("Movement " + key + " is processing");
        driver.fxRun(() -> movements().stateFilter().setValue(TransferState.PROCESSING.name()));
        driver.waitUntil(() -> movements().list().getItems().stream().anyMatch(m -> m.movementId() == key), 15);
        driver.fxRun(() -> {
            Movement m = movements().list().getItems().stream().filter(x -> x.movementId() == key).findFirst()
                    .orElseThrow();
            movements().list().getSelectionModel().select(m);
            movements().settledSelected();
        });
        driver.fxRun(() -> movements().stateFilter().setValue(TransferState.COMPLETED.name()));
        driver.waitUntil(() -> movements().list().getItems().stream().anyMatch(m -> m.movementId() == key), 15);

        assertThat(eur(ALICE_ACCOUNT)).isEqualTo(before + 123_456);
        assertThat(history(key)).extracting(MovementStep::state)
                .containsExactly(TransferState.PENDING, TransferState.PROCESSING, TransferState.COMPLETED);
        assertThat(history(key)).allSatisfy(step -> assertThat(step.actingUser()).isEqualTo("olga"));
        driver.fxRun(() -> movements().list().getSelectionModel().select(movements().list().getItems().stream()
                .filter(x -> x.movementId() == key).findFirst().orElseThrow()));
        driver.waitUntil(() -> movements().history().getItems().size() == 3, 15);
        screenshots("live-back-office-movements");
    }

    @Test
    void withdrawalAboveTheBalanceIsRefusedWithInsufficientBalanceAndNothingChanges() throws Exception {
        long before = eur(BOB_ACCOUNT);
        long key = desk().newMovementId();

        MovementOutcome outcome = desk().request(new MovementRequest(key, MovementKind.WITHDRAWAL, BOB_ACCOUNT, 0,
                "EUR", before + 1, 0, "")).get(30, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(MovementOutcome.Recorded.class);
        assertThat(((MovementOutcome.Recorded) outcome).reason()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(outcome.message()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE.description());
        assertThat(eur(BOB_ACCOUNT)).isEqualTo(before);
        AccountDetail bob = desk().account(BOB_ACCOUNT).get(15, TimeUnit.SECONDS);
        assertThat(bob.cashOf("EUR").held()).isZero();
        assertThat(history(key)).extracting(MovementStep::state)
                .containsExactly(TransferState.PENDING, TransferState.FAILED);
    }

    @Test
    void cancelledPendingMovementShowsCancelledWithItsHistory() throws Exception {
        // A deposit above the large amount waits PENDING for a risk officer.
        long key = desk().newMovementId();
        MovementOutcome held = desk().request(new MovementRequest(key, MovementKind.DEPOSIT, 0, ALICE_ACCOUNT,
                "EUR", 15_000_000, 0, "")).get(30, TimeUnit.SECONDS);
        assertThat(held).isInstanceOfSatisfying(MovementOutcome.Recorded.class,
                r -> assertThat(r.heldForReview()).isTrue());
        assertThat(desk().movements(TransferState.PENDING).get(15, TimeUnit.SECONDS))
                .anySatisfy(m -> assertThat(m.movementId()).isEqualTo(key));

        MovementOutcome cancelled = desk().cancel(key).get(30, TimeUnit.SECONDS);

        assertThat(cancelled.message()).isEqualTo("Movement " + key + " is cancelled");
        assertThat(desk().movements(TransferState.CANCELLED).get(15, TimeUnit.SECONDS))
                .anySatisfy(m -> assertThat(m.movementId()).isEqualTo(key));
        List<MovementStep> steps = history(key);
        // Requested, held for review (the engine's reason), cancelled by the clerk.
        assertThat(steps).extracting(MovementStep::state)
                .containsExactly(TransferState.PENDING, TransferState.PENDING, TransferState.CANCELLED);
        assertThat(steps.get(1).reason()).isEqualTo(ErrorCode.LARGE_AMOUNT.description());
        assertThat(steps.getLast().actingUser()).isEqualTo("olga");
        assertThat(steps.getLast().at()).isAfterOrEqualTo(steps.getFirst().at());
    }

    @Test
    void aTradersSessionCannotQueryAnotherAccountsMovements() throws Exception {
        long bobs = desk().newMovementId();
        desk().request(new MovementRequest(bobs, MovementKind.DEPOSIT, 0, BOB_ACCOUNT, "EUR", 100, 0, ""))
                .get(30, TimeUnit.SECONDS);
        try (ClusterVenue alice = driver.desktop().live().connect(ScramCredentials.password("alice",
                "alice-training-1".toCharArray()))) {
            assertThatThrownBy(() -> alice.requestMovements(MovementQuery.inState(null, BOB_ACCOUNT, 10))
                    .get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("account 1002 is not one of this user's accounts");
            assertThatThrownBy(() -> alice.requestMovements(MovementQuery.history(bobs)).get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("no movement " + bobs);
            Movements own = alice.requestMovements(MovementQuery.inState(null, 0, 500)).get(15, TimeUnit.SECONDS);
            assertThat(own.movements()).allSatisfy(m -> assertThat(m.involves(BOB_ACCOUNT)).isFalse());
            assertThatThrownBy(() -> alice.requestStatement(StatementQuery.of(BOB_ACCOUNT, "EUR", 0, Long.MAX_VALUE))
                    .get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("account 1002 is not one of this user's accounts");
            assertThat(alice.requestStatement(StatementQuery.of(ALICE_ACCOUNT, "EUR", 0, Long.MAX_VALUE))
                    .get(15, TimeUnit.SECONDS).closingBalance()).isEqualTo(eur(ALICE_ACCOUNT));
        }
    }

    @Test
    void depositAndTransferAppearOnTodaysStatementOfBothAccountsClosingAtTheBlottersBalance() throws Exception {
        long deposit = desk().newMovementId();
        desk().request(new MovementRequest(deposit, MovementKind.DEPOSIT, 0, ALICE_ACCOUNT, "EUR", 50_000, 0, ""))
                .get(30, TimeUnit.SECONDS);
        assertThat(desk().settle(deposit, true).get(30, TimeUnit.SECONDS).message()).endsWith("is completed");
        long transfer = desk().newMovementId();
        assertThat(desk().request(new MovementRequest(transfer, MovementKind.TRANSFER, ALICE_ACCOUNT, BOB_ACCOUNT,
                "EUR", 20_000, 0, "")).get(30, TimeUnit.SECONDS).message()).endsWith("is completed");
        LocalDate today = desk().today();

        StatementView alice = desk().statement(ALICE_ACCOUNT, "EUR", today, today).get(15, TimeUnit.SECONDS);
        StatementView bob = desk().statement(BOB_ACCOUNT, "EUR", today, today).get(15, TimeUnit.SECONDS);

        assertThat(alice.lines()).extracting(StatementView.Line::reference, StatementView.Line::amount)
                .contains(tuple("TRANSFER " + deposit, 50_000L), tuple("TRANSFER " + transfer, -20_000L));
        assertThat(bob.lines()).extracting(StatementView.Line::reference, StatementView.Line::amount)
                .contains(tuple("TRANSFER " + transfer, 20_000L));
        assertThat(alice.reconciles()).isTrue();
        assertThat(bob.reconciles()).isTrue();
        assertThat(alice.closingBalance()).isEqualTo(eur(ALICE_ACCOUNT));
        assertThat(bob.closingBalance()).isEqualTo(eur(BOB_ACCOUNT));

        // The panel shows it, and exports it as the simulation does.
        driver.fxRun(() -> {
            olga.dock().open(BackOfficePanels.STATEMENTS);
            statements().accountField().setValue(account(ALICE_ACCOUNT));
        });
        driver.waitUntil(() -> "EUR".equals(statements().assetField().getValue()), 15);
        driver.fxRun(() -> {
            statements().fromField().setValue(today);
            statements().show();
        });
        driver.waitUntil(() -> statements().statement() != null, 15);
        Path csv = home.resolve("alice-today.csv");
        java.util.concurrent.atomic.AtomicBoolean written = new java.util.concurrent.atomic.AtomicBoolean();
        driver.fxRun(() -> statements().export(ClerkDesk.ExportFormat.CSV, csv, () -> written.set(true)));
        driver.waitUntil(written::get, 15);
        assertThat(Files.readString(csv)).contains("TRANSFER " + transfer, "CLOSING BALANCE");
        screenshots("live-back-office-statement");
    }

    @Test
    void aDayBeforeWhatTheClusterKeepsIsToldWhichDaysLiveStatementsCover() {
        LocalDate today = desk().today();

        assertThatThrownBy(() -> desk().statement(ALICE_ACCOUNT, "EUR", today.minusDays(1), today)
                .get(15, TimeUnit.SECONDS))
                // the class's cluster began today (yesterday, if the run crossed midnight in the trading zone)
                .hasMessageMatching(".*Live statements cover the days the production engine keeps: ("
                        + today + "|" + today.minusDays(1) + ").*choose a start on or after.*");

        driver.fxRun(() -> {
            olga.dock().open(BackOfficePanels.STATEMENTS);
            statements().accountField().setValue(account(BOB_ACCOUNT));
        });
        driver.waitUntil(() -> "EUR".equals(statements().assetField().getValue()), 15);
        driver.fxRun(() -> {
            statements().fromField().setValue(today.minusDays(3));
            statements().show();
        });
        driver.waitUntil(() -> statements().reconciliation().getText().startsWith("Live statements cover"), 15);
        assertThat(driver.fx(() -> statements().table().getItems())).isEmpty();
        screenshots("live-back-office-statement-earlier");
    }

    private StatementsController statements() {
        return olga.backOffice().statements();
    }

    private void screenshots(String name) {
        for (int[] size : new int[][]{{1440, 900}, {1024, 700}}) {
            driver.fxRun(() -> {
                olga.stage().setX(0);
                olga.stage().setY(0);
                olga.stage().setWidth(size[0]);
                olga.stage().setHeight(size[1]);
                olga.stage().toFront();
            });
            driver.settle();
            driver.screenshot(olga.stage().getScene(),
                    DesktopDriver.screenshotFolder().resolve(name + "-" + size[0] + ".png"));
        }
    }
}
