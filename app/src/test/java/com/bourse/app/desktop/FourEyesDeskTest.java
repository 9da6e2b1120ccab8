package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.view.Workstation;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes end to end: an officer who also trades sees their own held order in the queue but cannot approve
 * it (the button says why, the keyboard does nothing), the engine refuses the approval if it is sent anyway,
 * and a second officer releases it.
 *
 * <p>The sample world has no officer who trades, so this spec runs on a copy of it where victor is a trader
 * and risk officer with an account of his own (1004).
 */
class FourEyesDeskTest {
    @TempDir
    Path home;
    @TempDir
    Path world;
    private DesktopDriver driver;
    private Workstation victor;
    private Workstation rita;

    @BeforeEach
    void signInTradingOfficerAndSecondOfficer() throws Exception {
        copySampleWorldWithVictorTrading();
        driver = new DesktopDriver(home);
        driver.start(new DesktopConfig(home, world, 0, 60, 42));
        victor = driver.signIn("victor", "victor-training-1");
        driver.fxRun(() -> victor.context().setConfirmer(check -> true));
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        rita = driver.signIn("rita", "rita-training-1");
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    private void copySampleWorldWithVictorTrading() throws IOException {
        Path sample = SampleWorld.locate();
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path from : files.toList()) {
                Path to = world.resolve(sample.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path users = world.resolve("users.csv");
        List<String> lines = Files.readAllLines(users).stream()
                .map(l -> l.startsWith("5,victor,") ? "5,victor,Victor Lang,TRADER|RISK_OFFICER,victor-training-1" : l)
                .toList();
        assertThat(lines).contains("5,victor,Victor Lang,TRADER|RISK_OFFICER,victor-training-1");
        Files.write(users, lines);
        Files.writeString(world.resolve("accounts.csv"), "1004,victor,Victor Lang - Equities,EUR,CANCEL_OLDEST,\n",
                StandardOpenOption.APPEND);
        Files.writeString(world.resolve("balances.csv"), "1004,EUR,25000000\n", StandardOpenOption.APPEND);
    }

    /** Victor buys 700 AIR a few ticks through the ask: over 100,000 EUR, so the engine holds it. */
    private OrderRow victorsLargeAirbusBuy() {
        Instrument air = TradingScenes.instrument(victor, "AIR");
        long through = driver.fx(() -> victor.context().desk().book(air.id()).bestAsk() + 5 * air.tickSize());
        TradingScenes.fillTicket(driver, victor, "AIR", Side.BUY, "700", Decimals.plain(through, air.priceScale()));
        driver.fxRun(() -> victor.ticket().send());
        driver.waitUntil(() -> victor.context().desk().workingOrders().stream()
                .anyMatch(o -> o.status().equals("HELD")), 5);
        return driver.fx(() -> victor.context().desk().workingOrders().getFirst());
    }

    private ReviewItem heldIn(Workstation officer, long orderId) {
        driver.waitUntil(() -> officer.reviewQueue().items().stream().anyMatch(i -> i.subjectId() == orderId), 5);
        return driver.fx(() -> officer.reviewQueue().items().stream().filter(i -> i.subjectId() == orderId)
                .findFirst().orElseThrow());
    }

    @Test
    void anOfficersOwnOrderIsInTheirQueueButApproveIsDisabledWithTheReasonAndTheKeyboardCannotApproveIt() {
        assertThat(driver.fx(() -> victor.isTrader() && victor.hasRiskDesk())).isTrue();
        OrderRow held = victorsLargeAirbusBuy();
        ReviewItem own = heldIn(victor, held.orderId());
        assertThat(own.accountId()).isEqualTo(1004);

        driver.fxRun(() -> {
            victor.dock().open(Workstation.RISK_QUEUE);
            victor.stage().toFront();
            victor.approvalQueue().table().getSelectionModel().select(own);
            victor.approvalQueue().table().requestFocus();
        });
        assertThat(driver.fx(() -> victor.approvalQueue().approveButton().isDisabled())).isTrue();
        assertThat(driver.fx(() -> victor.approvalQueue().fourEyesNotice().isVisible())).isTrue();
        assertThat(driver.fx(() -> victor.approvalQueue().fourEyesNotice().getText()))
                .isEqualTo("You entered this order: another officer must approve it (four eyes)");
        assertThat(driver.fx(() -> victor.approvalQueue().approveButton().getTooltip().getText()))
                .contains("four eyes");

        driver.robot.type(KeyCode.A);

        assertThat(driver.fx(() -> victor.approvalQueue().message().getText())).contains("four eyes");
        assertThat(driver.fx(() -> victor.reviewQueue().items())).contains(own);
        assertThat(driver.fx(() -> rita.approvalQueue().table().getItems()).stream()
                .anyMatch(i -> i.subjectId() == held.orderId())).isTrue();
    }

    @Test
    void aSelfApprovalSentAnywayIsRefusedByTheEngineAndASecondOfficerReleasesTheOrder() throws Exception {
        OrderRow held = victorsLargeAirbusBuy();
        ReviewItem own = heldIn(victor, held.orderId());
        List<Event> heard = new CopyOnWriteArrayList<>();
        AutoCloseable listening = driver.desktop().host().venue().subscribe(heard::add);
        try {
            assertThat(driver.fx(() -> victor.reviewQueue().approve(own)))
                    .as("the queue passes it on: the engine is the judge").isNull();
            driver.waitUntil(() -> heard.stream().anyMatch(e -> e instanceof Event.CommandRejected r
                    && r.refId() == held.orderId()), 5);
        } finally {
            listening.close();
        }
        assertThat(heard).contains(new Event.CommandRejected(held.orderId(), ErrorCode.FOUR_EYES_VIOLATION, 1004));
        assertThat(driver.desktop().host().venue().query(e -> e.workingOrders(1004)).get(5, TimeUnit.SECONDS))
                .anyMatch(o -> o.orderId() == held.orderId() && o.status().equals("HELD"));
        assertThat(driver.fx(() -> victor.reviewQueue().items())).contains(own);

        ReviewItem atRitas = heldIn(rita, held.orderId());
        assertThat(driver.fx(() -> {
            rita.approvalQueue().table().getSelectionModel().select(atRitas);
            return rita.approvalQueue().approveButton().isDisabled();
        })).isFalse();
        driver.fxRun(() -> rita.approvalQueue().approveSelected());

        driver.waitUntil(() -> victor.context().desk().fills().stream().anyMatch(f -> f.orderId() == held.orderId()),
                5);
        driver.waitUntil(() -> victor.reviewQueue().items().stream().noneMatch(i -> i.subjectId() == held.orderId()),
                5);
    }
}
