package com.bourse.ui.view.risk;

import com.bourse.protocol.ReviewSubject;
import com.bourse.ui.model.DeskNotice;
import com.bourse.ui.port.ReviewItem;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The risk desk's pop-up notices (ControlsFX {@link Notifications}) for a newly held item and a kill switch engaged
 * or released, so the officer hears of them with the queue out of sight. Bounded: the first notice after a quiet
 * spell of {@link #QUIET_MILLIS} shows at once; what comes within the spell waits and shows as one summary when it
 * ends. Fifty alerts a second are one notice every two seconds, never fifty, and at most {@link #ON_SCREEN} are on
 * screen at once. FX thread.
 */
public final class DeskNotifications {
    /** At most one notice in this long. */
    public static final long QUIET_MILLIS = 2_000;
    /** How long a notice stays. */
    public static final Duration SHOWN_FOR = Duration.seconds(6);
    /** Notices on screen at once before ControlsFX folds them into one. */
    public static final int ON_SCREEN = 3;
    /** The style class of the desk's notices, for the theme and for specs. */
    public static final String STYLE = "desk-notice";

    /** Where a notice goes: the screen (ControlsFX), or a spec's list. */
    @FunctionalInterface
    public interface Popup {
        void show(String title, String text, boolean alarm);
    }

    private final Popup popup;
    private final LongSupplier clockMillis;
    private final LongFunction<String> symbol;
    private final List<DeskNotice> waiting = new ArrayList<>();
    private final PauseTransition spell = new PauseTransition();
    private long lastShown = Long.MIN_VALUE / 2;

    /** @param symbol an instrument's symbol by id, for an order's notice */
    public DeskNotifications(Popup popup, LongSupplier clockMillis, LongFunction<String> symbol) {
        this.popup = popup;
        this.clockMillis = clockMillis;
        this.symbol = symbol;
        spell.setOnFinished(e -> flush());
    }

    /**
     * ControlsFX's notifications in the corner of {@code owner}'s window (none while that window is not showing),
     * in the dark or light style of the theme it uses.
     */
    public static Popup onScreen(Supplier<Window> owner) {
        return (title, text, alarm) -> {
            Window window = owner.get();
            if (window == null || !window.isShowing()) {
                // The desk's window is closed or not shown yet: no corner to show it in (ControlsFX would throw
                // "Owner window must not be null" on the FX thread); the queue and its count still say it.
                return;
            }
            Notifications notice = Notifications.create().title(title).text(text).hideAfter(SHOWN_FOR)
                    .position(Pos.BOTTOM_RIGHT).styleClass(STYLE)
                    .threshold(ON_SCREEN, Notifications.create().title("Risk desk")
                            .text("More notices: see the approval queue").styleClass(STYLE));
            notice.owner(window);
            if (window.getScene() != null
                    && window.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"))) {
                notice.darkStyle();
            }
            if (alarm) {
                notice.showWarning();
            } else {
                notice.showInformation();
            }
        };
    }

    /** A notice from the queue: shown now after a quiet spell, else gathered into the spell's summary. */
    public void offer(DeskNotice notice) {
        waiting.add(notice);
        long now = clockMillis.getAsLong();
        if (now - lastShown >= QUIET_MILLIS && spell.getStatus() != Animation.Status.RUNNING) {
            flush();
        } else if (spell.getStatus() != Animation.Status.RUNNING) {
            spell.setDuration(Duration.millis(Math.max(1, lastShown + QUIET_MILLIS - now)));
            spell.playFromStart();
        }
    }

    /** Shows what waits as one notice (nothing when nothing waits). */
    public void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        lastShown = clockMillis.getAsLong();
        List<DeskNotice> notices = List.copyOf(waiting);
        waiting.clear();
        spell.stop();
        show(notices);
    }

    /** Notices waiting for the end of the quiet spell. */
    public int waiting() {
        return waiting.size();
    }

    private void show(List<DeskNotice> notices) {
        List<ReviewItem> held = new ArrayList<>();
        List<DeskNotice.KillSwitch> kills = new ArrayList<>();
        for (DeskNotice notice : notices) {
            switch (notice) {
                case DeskNotice.HeldItem h -> held.add(h.item());
                case DeskNotice.KillSwitch k -> kills.add(k);
            }
        }
        boolean engaged = kills.stream().anyMatch(DeskNotice.KillSwitch::engaged);
        if (held.isEmpty() && kills.size() == 1) {
            DeskNotice.KillSwitch k = kills.getFirst();
            popup.show(k.engaged() ? "Kill switch engaged" : "Kill switch released", k.engaged()
                    ? "Account " + k.accountId() + ": its orders are cancelled and new ones refused until released"
                    : "Account " + k.accountId() + " may trade again", k.engaged());
            return;
        }
        if (kills.isEmpty() && held.size() == 1) {
            popup.show("Held for review", describe(held.getFirst()), true);
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!held.isEmpty()) {
            parts.add("Latest held: " + describe(held.getLast()));
        }
        if (!kills.isEmpty()) {
            DeskNotice.KillSwitch last = kills.getLast();
            parts.add(kills.size() + " kill switch change" + (kills.size() == 1 ? "" : "s") + ", latest: account "
                    + last.accountId() + (last.engaged() ? " engaged" : " released"));
        }
        String title = held.isEmpty() ? kills.size() + " kill switch changes"
                : held.size() + " new held item" + (held.size() == 1 ? "" : "s")
                + (kills.isEmpty() ? "" : " and " + kills.size() + " kill switch change" + (kills.size() == 1 ? "" : "s"));
        popup.show(title, String.join("\n", parts), !held.isEmpty() || engaged);
    }

    private String describe(ReviewItem item) {
        if (item.subject() == ReviewSubject.TRANSFER) {
            return "Transfer " + item.subjectId() + " (" + item.description() + ")";
        }
        String side = item.side() == null ? "" : item.side().name().charAt(0) + item.side().name().substring(1)
                .toLowerCase(java.util.Locale.ROOT) + " ";
        return "Order " + item.subjectId() + " of account " + item.accountId() + ": " + side + item.quantity() + " "
                + symbol.apply(item.instrumentId());
    }
}
