package com.bourse.app.desktop;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.RiskOverview;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.risk.RiskOverviewPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The officer's risk overview beside a trader: exposure against limits, the day's alerts, a click through. */
class RiskOverviewTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private Workstation alice;
    private Workstation rita;

    @BeforeEach
    void signInTraderAndOfficer() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        rita = driver.signIn("rita", "rita-training-1");
        driver.fxRun(() -> rita.riskContext().setConfirmer((title, text) -> true));
        driver.fxRun(() -> rita.dock().open(Workstation.RISK_OVERVIEW));
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    private RiskOverviewPanel overview() {
        return rita.riskOverview();
    }

    @Test
    void aHeldOrderShowsAsExposureAgainstTheLimitAnAlertOnTheChartAndATopScore() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long through = driver.fx(() -> alice.context().desk().book(air.id()).bestAsk() + 5 * air.tickSize());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "700", Decimals.plain(through, air.priceScale()));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> rita.reviewQueue().items().size() == 1, 5);
        long held = driver.fx(() -> rita.reviewQueue().items().getFirst().subjectId());

        driver.waitUntil(() -> {
            driver.fxRun(() -> overview().refresh());
            RiskOverview shown = driver.fx(() -> overview().shown());
            return shown != null && shown.topScores().stream().anyMatch(a -> a.subjectId() == held);
        }, 10);

        RiskOverview shown = driver.fx(() -> overview().shown());
        RiskOverview.Exposure airOf1001 = shown.exposures().stream()
                .filter(e -> e.accountId() == 1001 && e.instrumentId() == air.id()).findFirst().orElseThrow();
        assertThat(airOf1001.worstPosition()).isGreaterThanOrEqualTo(700);
        assertThat(airOf1001.usageBps()).isEqualTo((int) (airOf1001.worstPosition() * 10_000
                / airOf1001.maxPosition()));
        assertThat(shown.alertBuckets().stream().mapToInt(RiskOverview.AlertBucket::orders).sum())
                .isGreaterThanOrEqualTo(1);
        assertThat(shown.topScores().getFirst().scoreBps()).isGreaterThanOrEqualTo(
                shown.topScores().getLast().scoreBps());
        assertThat(driver.fx(() -> overview().heatTable().getItems()).stream().map(r -> r.accountId()))
                .contains(1001L);
        assertThat(driver.fx(() -> overview().alertChart().getData().getFirst().getData().stream()
                .mapToInt(d -> d.getYValue().intValue()).sum())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void clickingAnAccountInTheHeatTableSelectsItInTheLimitsAndControlsPanels() {
        driver.waitUntil(() -> driver.fx(() -> !overview().heatTable().getItems().isEmpty()), 10);
        long account = driver.fx(() -> overview().heatTable().getItems().getLast().accountId());

        driver.fxRun(() -> overview().heatTable().getSelectionModel().select(
                overview().heatTable().getItems().getLast()));

        assertThat(driver.fx(() -> rita.riskControls().accounts().getSelectionModel().getSelectedItems()))
                .extracting(a -> a.accountId()).containsExactly(account);
        assertThat(driver.fx(() -> rita.limitsEditor().account().getValue().accountId())).isEqualTo(account);
        assertThat(driver.fx(() -> rita.dock().isOpen(Workstation.RISK_LIMITS))).isTrue();
    }
}
