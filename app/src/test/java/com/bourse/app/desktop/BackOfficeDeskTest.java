package com.bourse.app.desktop;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Role;
import com.bourse.protocol.TransferState;
import com.bourse.ui.model.CashRow;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.BackOfficeDesk;
import com.bourse.ui.port.ClerkDesk;
import com.bourse.ui.port.Movement;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.MovementOutcome;
import com.bourse.ui.port.MovementRequest;
import com.bourse.ui.port.UserRow;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.backoffice.BackOfficePanels;
import com.bourse.ui.view.backoffice.MovementsController;
import com.bourse.ui.view.backoffice.StatementTable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The back office's desk on the simulated market, driven as olga (BACK_OFFICE) beside a trader and an officer. */
class BackOfficeDeskTest {
    @TempDir
    Path home;
    @TempDir
    Path exports;
    private DesktopDriver driver;
    private Workstation olga;

    @BeforeEach
    void signInBackOffice() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        olga = driver.signIn("olga", "olga-training-1");
        driver.fxRun(() -> olga.backOffice().context().setConfirmer((title, text) -> true));
        driver.waitUntil(() -> !olga.backOffice().context().accounts().isEmpty(), 10);
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    private Workstation another(String user, String password) {
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        return driver.signIn(user, password);
    }

    private MovementsController movements() {
        return olga.backOffice().movements();
    }

    private AccountSummary account(long id) {
        return driver.fx(() -> olga.backOffice().context().account(id).orElseThrow());
    }

    /** Fills the movement form as a person would and waits for the payer's page to load. */
    private void fill(MovementKind kind, long from, long to, String amount) {
        driver.fxRun(() -> {
            olga.dock().open(BackOfficePanels.MOVEMENTS);
            movements().selectKind(kind);
            movements().fromField().setValue(account(from));
            if (to != 0) {
                movements().toField().setValue(account(to));
            }
        });
        driver.waitUntil(() -> movements().payerLoaded(), 5);
        driver.fxRun(() -> {
            movements().currencyField().setValue("EUR");
            movements().amountField().setText(amount);
        });
    }

    private String outcomeAfterSend() {
        String before = driver.fx(() -> movements().outcome().getText());
        driver.fxRun(() -> movements().send());
        driver.waitUntil(() -> !movements().outcome().getText().equals(before)
                && !movements().outcome().getText().startsWith("Sending"), 10);
        return driver.fx(() -> movements().outcome().getText());
    }

    private BigDecimal aliceEur(Workstation alice) {
        return driver.fx(() -> alice.context().desk().cash().stream()
                .filter(c -> c.accountId() == 1001 && c.currency().equals("EUR")).map(CashRow::balance)
                .findFirst().orElse(BigDecimal.ZERO));
    }

    @Test
    void backOfficeWindowOffersTheBooksAndNotTheTradersPanels() {
        List<String> panels = driver.fx(() -> olga.dock().panels().stream().map(p -> p.id()).toList());

        assertThat(panels).contains(BackOfficePanels.ACCOUNTS, BackOfficePanels.MOVEMENTS,
                BackOfficePanels.STATEMENTS, BackOfficePanels.END_OF_DAY)
                .doesNotContain(Workstation.TICKET, Workstation.RISK_QUEUE, BackOfficePanels.USERS);
        assertThat(driver.fx(() -> olga.dock().isOpen(BackOfficePanels.ACCOUNTS))).isTrue();
    }

    @Test
    void areasTheLayoutLeavesUnusedAreThinStripsWithoutAStrayHint() {
        driver.settle();
        // The hint that an area takes a dragged panel is for when a tab is being dragged, or for an empty area big
        // enough to be a space of its own; the back office's layout leaves the bottom area a strip at the edge.
        List<String> shown = driver.fx(() -> olga.dock().lookupAll(".dock-empty").stream()
                .filter(javafx.scene.Node::isVisible)
                .filter(n -> n.getParent().getLayoutBounds().getHeight() < 120)
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());

        assertThat(shown).isEmpty();
    }

    @Test
    void depositRecordedByTheBackOfficeSettlesAndTheTradersCashBlotterShowsIt() {
        Workstation alice = another("alice", "alice-training-1");
        BigDecimal before = aliceEur(alice);
        fill(MovementKind.DEPOSIT, 1001, 0, "1,234.56");
        long key = Long.parseLong(driver.fx(() -> movements().key().getText()));

        String outcome = outcomeAfterSend();

        assertThat(outcome).isEqualTo("Movement " + key + " is processing");
        driver.fxRun(() -> movements().stateFilter().setValue(TransferState.PROCESSING.name()));
        driver.waitUntil(() -> movements().list().getItems().stream().anyMatch(m -> m.movementId() == key), 10);
        driver.fxRun(() -> {
            Movement m = movements().list().getItems().stream().filter(x -> x.movementId() == key).findFirst()
                    .orElseThrow();
            movements().list().getSelectionModel().select(m);
            movements().settledSelected();
        });
        driver.waitUntil(() -> aliceEur(alice).compareTo(before.add(new BigDecimal("1234.56"))) == 0, 10);
        driver.fxRun(() -> movements().stateFilter().setValue(TransferState.COMPLETED.name()));
        driver.waitUntil(() -> movements().list().getItems().stream().anyMatch(m -> m.movementId() == key), 10);
        driver.fxRun(() -> movements().list().getSelectionModel().select(movements().list().getItems().stream()
                .filter(m -> m.movementId() == key).findFirst().orElseThrow()));
        driver.waitUntil(() -> movements().history().getItems().size() >= 3, 10);
        assertThat(driver.fx(() -> movements().history().getItems().stream().map(s -> s.state()).toList()))
                .containsSubsequence(TransferState.PENDING, TransferState.PROCESSING, TransferState.COMPLETED);
    }

    @Test
    void overdrawingWithdrawalIsRefusedBesideTheAmountInTheEnginesWords() throws Exception {
        // As typed: more than Alice's 250,000.00 EUR available.
        fill(MovementKind.WITHDRAWAL, 1001, 0, "250000.01");
        assertThat(driver.fx(() -> movements().amountError().getText()))
                .startsWith(ErrorCode.INSUFFICIENT_BALANCE.description());
        assertThat(driver.fx(() -> movements().sendButton().isDisable())).isTrue();

        // At the venue: the form still believes 250,000.00 is there, but another clerk has just taken 100,000.00.
        fill(MovementKind.WITHDRAWAL, 1001, 0, "200000.00");
        ClerkDesk desk = driver.fx(() -> olga.backOffice().context().desk());
        MovementOutcome first = desk.request(new MovementRequest(desk.newMovementId(), MovementKind.WITHDRAWAL, 1001,
                0, "EUR", 10_000_000, 0, "")).get(10, TimeUnit.SECONDS);
        assertThat(first).isInstanceOf(MovementOutcome.Recorded.class);

        String outcome = outcomeAfterSend();

        assertThat(outcome).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE.description());
        assertThat(driver.fx(() -> movements().amountError().getText()))
                .startsWith(ErrorCode.INSUFFICIENT_BALANCE.description());
    }

    @Test
    void paymentAboveTheReviewThresholdWaitsForTheOfficerAndCompletesWithPaymentProcessed() {
        Workstation rita = another("rita", "rita-training-1");
        List<Event.PaymentProcessed> processed = new CopyOnWriteArrayList<>();
        driver.desktop().host().venue().subscribe(event -> {
            if (event instanceof Event.PaymentProcessed p) {
                processed.add(p);
            }
        });
        fill(MovementKind.PAYMENT, 1001, 1002, "150000.00");
        driver.fxRun(() -> {
            movements().referenceField().setText("Invoice 2025-118");
            movements().feeField().setText("12.50");
        });
        long key = Long.parseLong(driver.fx(() -> movements().key().getText()));

        String outcome = outcomeAfterSend();

        assertThat(outcome).startsWith("Movement " + key + " is held for a risk officer's review");
        driver.waitUntil(() -> rita.reviewQueue().items().stream()
                .anyMatch(i -> i.subject() == ReviewSubject.TRANSFER && i.subjectId() == key), 10);
        assertThat(processed).isEmpty();
        driver.fxRun(() -> {
            var item = rita.reviewQueue().items().stream().filter(i -> i.subjectId() == key).findFirst()
                    .orElseThrow();
            rita.approvalQueue().table().getSelectionModel().select(item);
            rita.approvalQueue().approveSelected();
        });
        driver.waitUntil(() -> !processed.isEmpty(), 10);
        Event.PaymentProcessed payment = processed.getFirst();
        assertThat(payment.paymentId()).isEqualTo(key);
        assertThat(payment.amount()).isEqualTo(15_000_000);
        assertThat(payment.fee()).isEqualTo(1_250);
        assertThat(payment.reference()).isEqualTo("Invoice 2025-118");
    }

    @Test
    void statementReconcilesAndItsCsvEqualsTheScreen() throws Exception {
        fill(MovementKind.TRANSFER, 1001, 1002, "321.09");
        assertThat(outcomeAfterSend()).endsWith("is completed");
        LocalDate today = driver.fx(() -> olga.backOffice().context().desk().today());
        var statements = olga.backOffice().statements();
        driver.fxRun(() -> {
            olga.dock().open(BackOfficePanels.STATEMENTS);
            statements.accountField().setValue(account(1001));
        });
        driver.waitUntil(() -> "EUR".equals(statements.assetField().getValue()), 10);
        driver.fxRun(() -> {
            statements.fromField().setValue(today.minusDays(3));
            statements.toField().setValue(today);
            statements.show();
        });
        driver.waitUntil(() -> statements.statement() != null, 10);

        assertThat(driver.fx(() -> statements.statement().reconciles())).isTrue();
        assertThat(driver.fx(() -> statements.reconciliation().getText())).endsWith("✓ reconciled");
        List<StatementTable.Row> screen = driver.fx(() -> List.copyOf(statements.table().getItems()));
        assertThat(screen).anyMatch(r -> r.amount().equals("-321.09"));

        Path csv = exports.resolve("statement.csv");
        Path pdf = exports.resolve("statement.pdf");
        List<Path> written = new CopyOnWriteArrayList<>();
        driver.fxRun(() -> statements.export(BackOfficeDesk.ExportFormat.CSV, csv, () -> written.add(csv)));
        driver.fxRun(() -> statements.export(BackOfficeDesk.ExportFormat.PDF, pdf, () -> written.add(pdf)));
        driver.waitUntil(() -> written.size() == 2, 10);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(screen.size() + 1); // the header
        for (int k = 0; k < screen.size(); k++) {
            String[] cells = lines.get(k + 1).split(",", -1);
            StatementTable.Row row = screen.get(k);
            assertThat(cells[2]).as("line %d date", k + 1).isEqualTo(row.dateTime());
            assertThat(cells[3]).as("line %d reference", k + 1).isEqualTo(row.reference());
            assertThat(cells[4]).as("line %d journal", k + 1).isEqualTo(row.journal());
            assertThat(money(cells[5])).as("line %d amount", k + 1).isEqualTo(money(row.amount()));
            assertThat(money(cells[6])).as("line %d balance", k + 1).isEqualTo(money(row.balance()));
        }
        assertThat(Files.size(pdf)).isGreaterThan(1_000);
    }

    private static BigDecimal money(String text) {
        String t = text.replace(",", "").replace("\"", "").strip();
        return t.isEmpty() ? null : new BigDecimal(t);
    }

    @Test
    void aDisabledUserCannotSignInUntilAnAdministratorEnablesThemAgain() {
        Workstation victor = another("victor", "victor-training-1");
        driver.fxRun(() -> victor.backOffice().context().setConfirmer((title, text) -> true));
        var users = victor.backOffice().users();
        driver.waitUntil(() -> users.table().getItems().stream().anyMatch(u -> u.username().equals("bob")), 10);
        driver.fxRun(() -> {
            UserRow bob = users.table().getItems().stream().filter(u -> u.username().equals("bob")).findFirst()
                    .orElseThrow();
            users.table().getSelectionModel().select(bob);
            users.disable();
        });
        driver.waitUntil(() -> users.table().getItems().stream()
                .anyMatch(u -> u.username().equals("bob") && !u.enabled()), 10);

        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        int windows = driver.desktop().workstations().size();
        Scene signIn = driver.typeSignIn("bob", "bob-training-1");
        driver.waitUntil(() -> ((Label) signIn.lookup("#signInError")).isVisible(), 10);
        assertThat(driver.desktop().workstations()).hasSize(windows);
        assertThat(driver.fx(() -> ((Label) signIn.lookup("#signInError")).getText())).isNotBlank();

        driver.fxRun(() -> {
            UserRow bob = users.table().getItems().stream().filter(u -> u.username().equals("bob")).findFirst()
                    .orElseThrow();
            users.table().getSelectionModel().select(bob);
            assertThat(users.enableButton().isVisible()).isTrue();
            users.enable();
        });
        driver.waitUntil(() -> users.table().getItems().stream()
                .anyMatch(u -> u.username().equals("bob") && u.enabled()), 10);
        driver.typeSignIn("bob", "bob-training-1");
        driver.waitUntil(() -> driver.desktop().workstations().size() == windows + 1, 20);
    }

    @Test
    void anOfficerWhoIsAlsoAnAdministratorFindsTheUsersAndEndOfDayOpenBesideTheQueue() {
        Workstation victor = another("victor", "victor-training-1");

        var dock = victor.dock();
        assertThat(driver.fx(() -> dock.isOpen(com.bourse.ui.view.backoffice.BackOfficePanels.USERS))).isTrue();
        assertThat(driver.fx(() -> dock.isOpen(com.bourse.ui.view.backoffice.BackOfficePanels.END_OF_DAY)))
                .isTrue();
        assertThat(driver.fx(() -> dock.areaOf(com.bourse.ui.view.backoffice.BackOfficePanels.USERS)))
                .isEqualTo(driver.fx(() -> dock.areaOf(Workstation.RISK_QUEUE)));
    }

    @Test
    void theRoleBoxesNameEachRoleAsTheUsersTableWritesIt() {
        Workstation victor = another("victor", "victor-training-1");
        var users = victor.backOffice().users();
        driver.fxRun(() -> victor.dock().open(com.bourse.ui.view.backoffice.BackOfficePanels.USERS));
        driver.settle();

        for (Role role : Role.values()) {
            String shown = driver.fx(() -> ((javafx.scene.text.Text) users.roleBox(role).lookup(".text")).getText());
            assertThat(shown).as("the box of %s", role).isEqualTo(role.name());
        }
    }

    @Test
    void nobodyRemovesTheirOwnAdminRole() {
        Workstation victor = another("victor", "victor-training-1");
        var users = victor.backOffice().users();
        driver.waitUntil(() -> users.table().getItems().stream().anyMatch(u -> u.username().equals("victor")), 10);
        driver.fxRun(() -> {
            users.table().getSelectionModel().select(users.table().getItems().stream()
                    .filter(u -> u.username().equals("victor")).findFirst().orElseThrow());
            users.roleBox(Role.ADMIN).setSelected(false);
            users.saveRoles();
        });
        assertThat(driver.fx(() -> users.message().getText())).contains("cannot remove your own ADMIN");
    }
}
