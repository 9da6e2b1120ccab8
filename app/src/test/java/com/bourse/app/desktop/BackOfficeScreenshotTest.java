package com.bourse.app.desktop;

import com.bourse.protocol.TransferState;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.Movement;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.backoffice.AccountsController;
import com.bourse.ui.view.backoffice.BackOfficePanels;
import com.bourse.ui.view.backoffice.MovementsController;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office's screens in both themes, at the default 1440 x 900 (written where {@link DesktopDriver#screenshotFolder} says) and at
 * a small 1024 x 700 (written to {@code app/target/screenshots-1024/} to check nothing is clipped), after deposits (one
 * the bank failed), a transfer, payments (one held for review) and a withdrawal, so no screen is empty and the
 * movements are in four states; at both sizes in both themes the list of accounts, the movements list (on its panel
 * and on an account's page) and the day report fit their width (no sideways scrolling, no cell cut short or out of
 * sight), the movements' times name their zone, and the chosen movement kind stands out.
 */
class BackOfficeScreenshotTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private final Path docs = DesktopDriver.screenshotFolder();
    private final Path small = DesktopDriver.repositoryFolder("app/target/screenshots-1024");

    @BeforeEach
    void start() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    void everyBackOfficeScreenIsCapturedInBothThemesAndBothSizes() throws Exception {
        Workstation olga = driver.signIn("olga", "olga-training-1");
        var panels = olga.backOffice();
        driver.fxRun(() -> panels.context().setConfirmer((t, x) -> true));
        driver.waitUntil(() -> !panels.context().accounts().isEmpty(), 10);
        long deposit = move(olga, MovementKind.DEPOSIT, 1001, 0, "5000.00", "");
        move(olga, MovementKind.DEPOSIT, 1002, 0, "2500.00", "");
        move(olga, MovementKind.TRANSFER, 1001, 1002, "1250.40", "");
        move(olga, MovementKind.PAYMENT, 1002, 1001, "320.00", "Invoice 2025-118");
        // above the review threshold: held PENDING for a risk officer
        move(olga, MovementKind.PAYMENT, 1001, 1002, "150000.00", "Invoice 2025-119");
        move(olga, MovementKind.WITHDRAWAL, 1001, 0, "750.00", "");
        driver.fxRun(() -> panels.movements().stateFilter().setValue("All states"));
        // the bank failed the first deposit: the list holds PENDING, PROCESSING, COMPLETED and FAILED rows
        driver.waitUntil(() -> panels.movements().list().getItems().stream().anyMatch(m -> m.movementId() == deposit),
                10);
        driver.fxRun(() -> {
            var list = panels.movements().list();
            list.getSelectionModel().select(list.getItems().stream().filter(m -> m.movementId() == deposit)
                    .findFirst().orElseThrow());
            panels.movements().failedSelected();
        });
        driver.waitUntil(() -> panels.movements().list().getItems().stream()
                .anyMatch(m -> m.movementId() == deposit && m.state() == TransferState.FAILED), 10);
        driver.fxRun(() -> {
            panels.accounts().table().getSelectionModel().select(panels.context().account(1001).orElseThrow());
            panels.statements().accountField().setValue(panels.context().account(1001).orElseThrow());
        });
        driver.waitUntil(() -> "EUR".equals(panels.statements().assetField().getValue()), 10);
        driver.fxRun(() -> {
            panels.statements().fromField().setValue(LocalDate.now().minusDays(2));
            panels.statements().show();
            panels.endOfDay().showReport();
        });
        driver.waitUntil(() -> panels.statements().statement() != null, 10);
        driver.fxRun(() -> panels.movements().list().getSelectionModel().select(0));
        driver.settle();
        // Sorted by amount, the movements come in the order of their value, not of their text ("150,000.00" before
        // "2,500.00" as text).
        List<Long> byAmount = driver.fx(() -> {
            TableView<Movement> list = panels.movements().list();
            var amount = list.getColumns().stream().filter(c -> "mv-amount".equals(c.getId())).findFirst()
                    .orElseThrow();
            amount.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            list.getSortOrder().setAll(List.of(amount));
            List<Long> amounts = list.getItems().stream().map(Movement::amount).toList();
            list.getSortOrder().clear();
            return amounts;
        });
        assertThat(byAmount).hasSizeGreaterThanOrEqualTo(6).isSorted();

        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation victor = driver.signIn("victor", "victor-training-1");
        driver.fxRun(() -> victor.dock().open(BackOfficePanels.USERS));

        for (double[] size : new double[][] {{1440, 900}, {1024, 700}}) {
            for (Theme theme : Theme.values()) {
                Path folder = size[0] == 1440 ? docs : small;
                String suffix = theme.id() + (size[0] == 1440 ? "" : "-1024") + ".png";
                size(olga, size);
                driver.fxRun(() -> olga.context().themes().setTheme(theme));
                for (String panel : new String[] {BackOfficePanels.ACCOUNTS, BackOfficePanels.MOVEMENTS,
                        BackOfficePanels.STATEMENTS, BackOfficePanels.END_OF_DAY}) {
                    driver.fxRun(() -> olga.dock().open(panel));
                    driver.settle();
                    shoot(olga.stage().getScene(), folder.resolve("backoffice-" + panel.substring(3) + "-" + suffix));
                    if (panel.equals(BackOfficePanels.MOVEMENTS)) {
                        movementsReadable((int) size[0] + " " + theme.id(), panels.movements(),
                                panels.context().zoneLabel(), size[0] == 1440);
                    }
                    if (panel.equals(BackOfficePanels.ACCOUNTS)) {
                        accountsReadable((int) size[0] + " " + theme.id(), panels.accounts(), size[0] == 1440);
                        accountMovementsReadable((int) size[0] + " " + theme.id(), panels.accounts());
                    }
                }
                String where = (int) size[0] + " " + theme.id();
                assertThat(driver.fx(() -> TicketAndLayoutTest.truncated(where + " kinds",
                        panels.movements().sendButton().getScene().lookup("#kind-deposit").getParent()))).isEmpty();
                assertThat(driver.fx(() -> kindFill(panels.movements(), MovementKind.WITHDRAWAL)))
                        .as(where + ": the chosen kind (the last recorded) stands out from the others")
                        .isNotEqualTo(driver.fx(() -> kindFill(panels.movements(), MovementKind.DEPOSIT)));
                for (TableView<?> report : List.of(panels.endOfDay().instruments(), panels.endOfDay().currencies())) {
                    assertThat(driver.fx(() -> sideways(report))).as(where + " day report").isFalse();
                    assertThat(driver.fx(() -> cutCells(where, report))).isEmpty();
                }
                size(victor, size);
                driver.fxRun(() -> victor.context().themes().setTheme(theme));
                driver.fxRun(() -> victor.dock().open(BackOfficePanels.USERS));
                driver.settle();
                shoot(victor.stage().getScene(), folder.resolve("backoffice-users-" + suffix));
            }
        }
    }

    /**
     * The movements list as a clerk reads it on screen: rows in several states, no sideways scrolling, no cell or
     * header cut short, and the time column naming the zone its times are in; every column on a wide window, and
     * on a narrow one the reference and reason give way (the filter still finds a payment by its reference).
     */
    private void movementsReadable(String where, MovementsController panel, String zone, boolean wide) {
        TableView<Movement> movements = panel.list();
        assertThat(driver.fx(() -> sideways(movements))).as(where + " movements").isFalse();
        assertThat(driver.fx(() -> movements.getItems().stream().map(Movement::state).distinct().count()))
                .as(where + " states listed").isGreaterThanOrEqualTo(4);
        assertThat(driver.fx(() -> cutCells(where, movements))).isEmpty();
        assertThat(driver.fx(() -> beyondTheEdge(where, movements))).isEmpty();
        assertThat(driver.fx(() -> TicketAndLayoutTest.truncated(where + " movement headers",
                (Parent) movements.lookup(".column-header-background")))).isEmpty();
        assertThat(driver.fx(() -> movements.getColumns().stream().filter(c -> "mv-time".equals(c.getId()))
                .findFirst().orElseThrow().getText())).as(where + " the time's zone").contains(zone);
        List<String> shown = driver.fx(() -> movements.getColumns().stream().filter(c -> c.isVisible())
                .map(c -> c.getId()).toList());
        if (wide) {
            assertThat(shown).as(where + " columns").hasSize(movements.getColumns().size());
        } else {
            assertThat(shown).as(where + " columns").contains("mv-id", "mv-kind", "mv-route", "mv-amount",
                    "mv-state", "mv-time");
            driver.fxRun(() -> panel.filterField().setText("Invoice 2025-119"));
            assertThat(driver.fx(() -> movements.getItems().stream().map(Movement::reference).toList()))
                    .as(where + " filtered by a reference not on screen").containsExactly("Invoice 2025-119");
            driver.fxRun(() -> {
                panel.filterField().clear();
                movements.getSelectionModel().select(0);
            });
            driver.settle();
        }
    }

    /**
     * The list of accounts beside an account's page: no sideways scrolling, no cell or header cut short or out of
     * sight (the simulated accounts' long names and owners whole); every column on a wide window, and on a narrow one
     * at least the account, its name, its owner and its status.
     */
    private void accountsReadable(String where, AccountsController page, boolean wide) {
        TableView<AccountSummary> accounts = page.table();
        assertThat(driver.fx(() -> accounts.getItems().stream().map(AccountSummary::name).toList()))
                .as(where + " accounts listed").contains("Simulated market makers");
        assertThat(driver.fx(() -> sideways(accounts))).as(where + " accounts").isFalse();
        assertThat(driver.fx(() -> cutCells(where, accounts))).isEmpty();
        assertThat(driver.fx(() -> beyondTheEdge(where, accounts))).isEmpty();
        assertThat(driver.fx(() -> TicketAndLayoutTest.truncated(where + " account headers",
                (Parent) accounts.lookup(".column-header-background")))).isEmpty();
        List<String> shown = driver.fx(() -> accounts.getColumns().stream().filter(c -> c.isVisible())
                .map(c -> c.getId()).toList());
        if (wide) {
            assertThat(shown).as(where + " account columns").hasSize(accounts.getColumns().size());
        } else {
            assertThat(shown).as(where + " account columns").contains("acct-id", "acct-name", "acct-owner",
                    "acct-status");
        }
    }

    /** The account page's movements, half a window wide: no sideways scrolling, no cell cut short. */
    private void accountMovementsReadable(String where, AccountsController page) {
        driver.fxRun(() -> page.tabs().getSelectionModel().select(2));
        driver.settle();
        assertThat(driver.fx(() -> sideways(page.movementsTable()))).as(where + " account's movements").isFalse();
        assertThat(driver.fx(() -> cutCells(where, page.movementsTable()))).isEmpty();
        assertThat(driver.fx(() -> beyondTheEdge(where, page.movementsTable()))).isEmpty();
        driver.fxRun(() -> page.tabs().getSelectionModel().select(0));
    }

    /** Whether the table shows a sideways scroll bar (its columns are wider than it). */
    private static boolean sideways(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    /** The table's cells laid out past the right edge of its rows, out of sight without a scroll bar to reach them. */
    private static List<String> beyondTheEdge(String where, TableView<?> table) {
        Node rows = table.lookup(".clipped-container");
        double edge = rows.localToScene(rows.getLayoutBounds()).getMaxX();
        List<String> beyond = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null
                    && cell.localToScene(cell.getLayoutBounds()).getMaxX() > edge + 0.5) {
                beyond.add(where + " " + table.getId() + ": '" + cell.getText() + "' ends past the edge");
            }
        }
        return beyond;
    }

    /** The table's cells (those on screen) that show their text cut short. */
    private static List<String> cutCells(String where, TableView<?> table) {
        List<String> cut = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
                cut.addAll(TicketAndLayoutTest.truncated(where + " " + table.getId(), cell));
            }
        }
        return cut;
    }

    /** The fill a movement kind's button is painted with now. */
    private static Paint kindFill(MovementsController movements, MovementKind kind) {
        Region button = (Region) movements.sendButton().getScene().lookup("#kind-" + kind.name().toLowerCase(
                java.util.Locale.ROOT));
        return button.getBackground().getFills().getLast().getFill();
    }

    private void size(Workstation w, double[] size) {
        driver.fxRun(() -> {
            w.stage().setX(0);
            w.stage().setY(0);
            w.stage().setWidth(size[0]);
            w.stage().setHeight(size[1]);
            w.stage().toFront();
        });
    }

    /** Records a movement through the form as a clerk would; returns its key. */
    private long move(Workstation olga, MovementKind kind, long from, long to, String amount, String reference) {
        var m = olga.backOffice().movements();
        var ctx = olga.backOffice().context();
        driver.fxRun(() -> {
            m.selectKind(kind);
            m.fromField().setValue(ctx.account(from).orElseThrow());
            if (to != 0) {
                m.toField().setValue(ctx.account(to).orElseThrow());
            }
        });
        driver.waitUntil(m::payerLoaded, 5);
        String before = driver.fx(() -> m.outcome().getText());
        long key = Long.parseLong(driver.fx(() -> m.key().getText()));
        driver.fxRun(() -> {
            m.currencyField().setValue("EUR");
            m.amountField().setText(amount);
            m.referenceField().setText(reference);
            m.send();
        });
        driver.waitUntil(() -> !m.outcome().getText().equals(before) && !m.outcome().getText().startsWith("Sending"),
                10);
        return key;
    }

    private void shoot(Scene scene, Path file) throws Exception {
        driver.screenshot(scene, file);
        assertThat(Files.size(file)).as(file.toString()).isGreaterThan(10_000);
    }
}
