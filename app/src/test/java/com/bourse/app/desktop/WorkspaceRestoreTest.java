package com.bourse.app.desktop;

import com.bourse.ui.theme.Theme;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.workspace.DockWorkspace;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a trader arranges is there again after a restart: panels, columns, sort order and theme. */
class WorkspaceRestoreTest {
    @TempDir
    Path home;
    private DesktopDriver driver;

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    void layoutColumnsSortAndThemeSurviveARestart() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        Workstation alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> alice.dock().focus(Workstation.CHART));
        driver.robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.LEFT);
        driver.waitUntil(() -> DockWorkspace.LEFT.equals(alice.dock().areaOf(Workstation.CHART)), 5);
        driver.fxRun(() -> {
            alice.dock().close(Workstation.DASHBOARD);
            TableColumn<?, ?> price = column(alice, "price");
            alice.workingOrders().table().resizeColumn((TableColumn) price, 150 - price.getWidth());
            price.setSortType(TableColumn.SortType.DESCENDING);
            alice.workingOrders().table().getSortOrder().setAll((TableColumn) price);
            column(alice, "tif").setVisible(false);
            alice.context().themes().setTheme(Theme.LIGHT);
        });
        driver.settle();
        double width = driver.fx(() -> column(alice, "price").getWidth());

        driver.stop();
        driver = new DesktopDriver(home);
        driver.start();
        Workstation again = driver.signIn("alice", "alice-training-1");

        assertThat(driver.fx(() -> again.dock().areaOf(Workstation.CHART))).isEqualTo(DockWorkspace.LEFT);
        assertThat(driver.fx(() -> again.dock().panelsIn(DockWorkspace.LEFT)))
                .containsExactly(Workstation.TICKET, Workstation.CHART);
        assertThat(driver.fx(() -> again.dock().isOpen(Workstation.DASHBOARD))).isFalse();
        assertThat(driver.fx(() -> again.context().themes().theme())).isEqualTo(Theme.LIGHT);
        assertThat(driver.fx(() -> column(again, "price").getWidth())).isEqualTo(width);
        assertThat(driver.fx(() -> column(again, "tif").isVisible())).isFalse();
        assertThat(driver.fx(() -> again.workingOrders().table().getSortOrder())).singleElement()
                .satisfies(c -> {
                    assertThat(c.getId()).isEqualTo("price");
                    assertThat(c.getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
                });
    }

    private static TableColumn<?, ?> column(Workstation w, String id) {
        return w.workingOrders().table().getColumns().stream().filter(c -> c.getId().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void anArrangementIsSavedWhileTheWindowIsOpenSoACrashDoesNotLoseIt() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        Workstation alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> {
            alice.dock().move(Workstation.CHART, DockWorkspace.LEFT, -1);
            alice.context().themes().setTheme(Theme.LIGHT);
        });

        // Nothing closes the window: what is on disk is what a kill -9 now would leave for the next start.
        driver.waitUntil(() -> driver.desktop().workspaces().load("alice")
                .filter(w -> w.theme().equals(Theme.LIGHT.id()))
                .filter(w -> w.areas().stream().anyMatch(a -> a.id().equals(DockWorkspace.LEFT)
                        && a.panels().contains(Workstation.CHART)))
                .isPresent(), 10);
    }

    @Test
    void detachedPanelGetsItsOwnWindowAndDocksBackWhenThatWindowCloses() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        Workstation alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> alice.dock().focus(Workstation.CHART));

        driver.robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);

        driver.waitUntil(() -> alice.dock().isDetached(Workstation.CHART), 5);
        assertThat(driver.fx(() -> alice.dock().detachedStage(Workstation.CHART).isShowing())).isTrue();
        assertThat(driver.fx(() -> alice.dock().panelsIn(DockWorkspace.RIGHT))).doesNotContain(Workstation.CHART);

        driver.fxRun(() -> alice.dock().detachedStage(Workstation.CHART).hide());

        driver.waitUntil(() -> DockWorkspace.RIGHT.equals(alice.dock().areaOf(Workstation.CHART)), 5);
    }
}
