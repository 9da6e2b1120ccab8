package com.bourse.app.desktop;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.store.OrderLine;
import com.bourse.backoffice.store.Page;
import com.bourse.protocol.Side;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.view.Workstation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop on the back-office store: people sign in against the store's users, what they send is audited
 * under their name and projected into the store's tables, a second start on the same folder is refused in one line,
 * and the simulation survives a restart.
 */
class StoreBackedDesktopTest {
    @TempDir
    Path home;
    private DesktopDriver driver;

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
    void wrongPasswordIsRefusedWithTheStoresMessageAndAudited() {
        Stage signIn = signInWindow();
        Scene scene = signIn.getScene();
        driver.fxRun(() -> {
            ((TextField) scene.lookup("#username")).setText("alice");
            ((TextField) scene.lookup("#password")).setText("not-her-password");
        });

        driver.robot.clickOn(scene.lookup("#signInButton"));

        driver.waitUntil(() -> scene.lookup("#signInError").isVisible(), 10);
        assertThat(driver.fx(() -> ((Label) scene.lookup("#signInError")).getText()))
                .isEqualTo("Wrong user name or password.");
        assertThat(driver.desktop().workstations()).isEmpty();
        assertThat(office().audit().entriesOf(2, Page.first(20))).extracting(AuditRecord::action)
                .contains(AuditAction.SIGN_IN_FAILED);
    }

    @Test
    void orderFromTheTicketIsAuditedAsTheTraderAndProjectedIntoTheStore() throws Exception {
        Workstation alice = driver.signIn("alice", "alice-training-1");
        long aliceId = alice.context().session().trader().userId();

        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", TradingScenes.midPrice(driver, alice, "AIR"));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        OrderRow order = driver.fx(() -> alice.context().desk().workingOrders().getFirst());

        // The entry was made durable with the order (one journal record) and is copied into the trail from there.
        driver.waitUntil(() -> office().audit().entriesOf(aliceId, Page.first(50)).stream()
                .anyMatch(r -> r.action() == AuditAction.ORDER_ENTERED), 5);
        List<AuditRecord> trail = office().audit().entriesOf(aliceId, Page.first(50));
        assertThat(trail).filteredOn(r -> r.action() == AuditAction.ORDER_ENTERED)
                .singleElement()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("order:" + order.orderId() + " account:"
                        + order.accountId()))
                .satisfies(r -> assertThat(r.username()).isEqualTo("alice"));
        Optional<OrderLine> stored = awaitStored(order.accountId(), order.orderId());
        assertThat(stored).hasValueSatisfying(line -> {
            assertThat(line.userId()).isEqualTo(aliceId);
            assertThat(line.quantity()).isEqualTo(order.quantity());
        });
    }

    @Test
    void aSecondStartOnTheHeldFolderIsRefusedInOneLineAndARestartResumesFromTheJournal() throws Exception {
        Workstation alice = driver.signIn("alice", "alice-training-1");
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", TradingScenes.midPrice(driver, alice, "AIR"));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        OrderRow first = driver.fx(() -> alice.context().desk().workingOrders().getFirst());

        // A second desktop, in a process of its own as a second start is, on the folder this one holds: refused, and
        // its console says why in one line, without H2's stack trace.
        Path console = home.resolve("second-start.log");
        Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SecondDesktopStart.class.getName(), home.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        boolean ended = second.waitFor(90, TimeUnit.SECONDS);
        second.destroyForcibly();
        String said = Files.readString(console);
        assertThat(ended).as("the second start ended; it said: %s", said).isTrue();
        assertThat(second.exitValue()).as("refused as in use; it said: %s", said).isEqualTo(3);
        assertThat(said.lines()).singleElement().asString()
                .contains("SEVERE com.bourse.app.desktop.BourseDesktop: the desktop cannot start: The database "
                        + home.resolve("simulation"))
                .endsWith(" is in use by another Bourse process");

        driver.stop();
        driver.start();
        long recovered = lastOrderId(first.accountId());
        Workstation again = driver.signIn("alice", "alice-training-1");
        TradingScenes.fillTicket(driver, again, "AIR", Side.BUY, "5", TradingScenes.midPrice(driver, again, "AIR"));
        driver.fxRun(() -> again.ticket().send());

        assertThat(recovered).as("the engine replayed the journal").isEqualTo(first.orderId());
        driver.waitUntil(() -> lastOrderId(first.accountId()) > first.orderId(), 5);
    }

    private long lastOrderId(long accountId) {
        return driver.desktop().host().venue().query(engine -> engine.lastOrderId(accountId)).join();
    }

    private Optional<OrderLine> awaitStored(long accountId, long orderId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Optional<OrderLine> line = office().orders().byOrderId(accountId, orderId);
        while (line.isEmpty() && System.nanoTime() < deadline) {
            org.testfx.util.WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            line = office().orders().byOrderId(accountId, orderId);
        }
        return line;
    }

    private BackOffice office() {
        return driver.desktop().host().office();
    }

    private Stage signInWindow() {
        return driver.fx(() -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof Stage stage && stage.isShowing() && stage.getScene() != null
                        && stage.getScene().lookup("#signInButton") != null) {
                    return stage;
                }
            }
            throw new AssertionError("no sign-in window is showing");
        });
    }
}
