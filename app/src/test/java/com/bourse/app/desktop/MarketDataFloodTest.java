package com.bourse.app.desktop;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.model.DepthBook;
import com.bourse.ui.theme.ThemeManager;
import com.bourse.ui.view.FrameStats;
import com.bourse.ui.view.Workstation;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of 10,000 book updates a second reaches the window without a growing backlog, and folding the
 * updates into one per level per frame loses nothing: when the flood stops, every level shows the last
 * quantity the venue sent for it. (The measured numbers are in docs/benchmarks.md, from UiStressBenchmark.)
 */
class MarketDataFloodTest {

    @Test
    void floodIsAppliedOncePerFrameWithoutBacklogAndEndsOnTheLastQuantityOfEveryLevel() throws Exception {
        FxToolkit.registerPrimaryStage();
        StressSession session = new StressSession();
        DesktopDriver driver = new DesktopDriver(null);
        Workstation window = driver.fx(() -> {
            Workstation w = new Workstation(new Stage(), session, new UiStressBenchmark.NoWorkspace(),
                    new ThemeManager(), null, null);
            w.show();
            return w;
        });
        window.ready().get(10, TimeUnit.SECONDS);
        try {
            session.startFlood(10_000, 11);
            WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
            session.stopFlood();
            driver.settle();

            FrameStats stats = driver.fx(() -> window.frames().stats());
            assertThat(session.sent()).isGreaterThan(20_000);
            assertThat(stats.frames()).isGreaterThan(60);
            assertThat(stats.levelsApplied()).isLessThanOrEqualTo(session.sent());
            double[] trend = driver.fx(stats::backlogTrend);
            assertThat(trend[1]).as("backlog at the end vs the start").isLessThanOrEqualTo(Math.max(50, trend[0] * 2));
            java.util.List<String> wrong = driver.fx(() -> {
                java.util.List<String> mismatches = new java.util.ArrayList<>();
                for (Instrument i : session.instruments()) {
                    DepthBook book = window.context().desk().book(i.id());
                    for (int offset = 1; offset <= 40; offset++) {
                        for (Side side : Side.values()) {
                            long price = i.referencePrice() + (side == Side.BUY ? -offset : offset) * i.tickSize();
                            if (book.quantityAt(side, price) != session.lastQuantity(i.id(), side, price)) {
                                mismatches.add(i.symbol() + " " + side + " " + price);
                            }
                        }
                    }
                }
                return mismatches;
            });
            assertThat(wrong).as("levels not showing the last quantity sent").isEmpty();
        } finally {
            session.stopFlood();
            driver.fxRun(window::close);
        }
    }
}
