package com.bourse.ui.view.training;

import com.bourse.protocol.Side;
import com.bourse.ui.port.TrainingControl;
import com.bourse.ui.port.TrainingControl.TrainerAction;
import com.bourse.ui.port.TrainingStatus;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.geometry.VPos;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulation toolbar of a training session: scenario and seed, start, pause, resume, speed, reset, jump to a
 * time, the trainer's injections, saving and reopening sessions, and the debrief; plus the status bar's simulated
 * clock. It reads the session's {@link TrainingStatus} once a frame and changes nothing itself: every button asks
 * the {@link TrainingControl}. A narrow window wraps it onto a second row rather than cutting its buttons' labels.
 * FX thread only.
 */
public final class TrainingToolbar extends FlowPane {
    private static final PseudoClass REPLAYING = PseudoClass.getPseudoClass("replaying");
    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TrainingControl control;
    private final List<String> symbols;
    private final Consumer<String> say;
    private final Runnable showDebrief;
    private final ComboBox<String> scenario = new ComboBox<>();
    private final TextField seed = new TextField();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final ToggleGroup speeds = new ToggleGroup();
    private final Button reset = new Button("Reset");
    private final TextField jumpTime = new TextField();
    private final Button jump = new Button("Jump");
    private final MenuButton trainer = new MenuButton("Trainer");
    private final MenuButton sessionMenu = new MenuButton("Session");
    private final Button debrief = new Button("Debrief");
    private final Label clock = new Label();
    private TrainingStatus shown;

    /**
     * @param symbols     the instruments a trainer may halt or flood
     * @param showDebrief opens the debrief panel
     */
    public TrainingToolbar(TrainingControl control, List<String> symbols, Consumer<String> say, Runnable showDebrief) {
        this.control = control;
        this.symbols = List.copyOf(symbols);
        this.say = say;
        this.showDebrief = showDebrief;
        getStyleClass().add("training-toolbar");
        setRowValignment(VPos.CENTER);
        getStylesheets().add(TrainingToolbar.class.getResource("training.css").toExternalForm());
        setId("trainingToolbar");
        scenario.setId("trainingScenario");
        scenario.getItems().setAll(control.scenarios());
        scenario.setTooltip(new Tooltip("Scenario (sample-data/scenarios)"));
        seed.setId("trainingSeed");
        seed.setPrefColumnCount(5);
        seed.setTooltip(new Tooltip("Seed: the same scenario and seed give the same market"));
        start.setId("trainingStart");
        start.setOnAction(e -> start());
        pause.setId("trainingPause");
        pause.setOnAction(e -> control.pause());
        resume.setId("trainingResume");
        resume.setOnAction(e -> control.resume());
        HBox speedBox = new HBox(0);
        for (int speed : TrainingControl.SPEEDS) {
            ToggleButton button = new ToggleButton(speed == TrainingControl.AS_FAST_AS_POSSIBLE ? "Max" : speed + "×");
            button.setId("trainingSpeed" + (speed == TrainingControl.AS_FAST_AS_POSSIBLE ? "Max" : speed));
            button.setUserData(speed);
            button.setToggleGroup(speeds);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setTooltip(new Tooltip(speed == TrainingControl.AS_FAST_AS_POSSIBLE ? "As fast as possible"
                    : speed + " simulated seconds a second"));
            button.setOnAction(e -> {
                control.speed(speed);
                button.setSelected(true);
            });
            speedBox.getChildren().add(button);
        }
        reset.setId("trainingReset");
        reset.setTooltip(new Tooltip("Back to the open, same scenario and seed"));
        reset.setOnAction(e -> control.reset());
        jumpTime.setId("trainingJumpTime");
        jumpTime.setPromptText("HH:MM");
        jumpTime.setPrefColumnCount(4);
        jumpTime.setOnAction(e -> jump());
        jump.setId("trainingJump");
        jump.setOnAction(e -> jump());
        trainer.setId("trainingTrainer");
        trainer.getItems().setAll(item("Halt an instrument…", this::halt), item("Reopen an instrument…", this::reopen),
                item("Large buy order…", () -> largeOrder(Side.BUY)), item("Large sell order…",
                        () -> largeOrder(Side.SELL)), item("Change the trainee's order limit…", this::limit),
                item("Break news (a jump in value)…", this::news));
        sessionMenu.setId("trainingSession");
        sessionMenu.getItems().setAll(item("Save session", this::save), item("Open session for replay…", this::open),
                item("Export debrief as PDF…", this::exportPdf));
        debrief.setId("trainingDebrief");
        debrief.setOnAction(e -> showDebrief.run());
        clock.setId("trainingClock");
        clock.getStyleClass().addAll("numeric", "training-clock");
        // The status bar gives way in its message, never in the simulated clock.
        clock.setMinWidth(Region.USE_PREF_SIZE);
        Label caption = new Label("Training");
        caption.getStyleClass().add("training-caption");
        // Groups that stay together when the bar wraps: the session, the pace, the clock, the trainer and the file.
        getChildren().addAll(group(caption, scenario, seed, start), group(separator(), pause, resume, speedBox),
                group(separator(), reset, jumpTime, jump), group(separator(), trainer, sessionMenu, debrief));
        onFrame();
    }

    /** The simulated clock and speed, for the status bar. */
    public Label clock() {
        return clock;
    }

    /** Follows the session: called once a frame. */
    public void onFrame() {
        TrainingStatus status = control.status();
        if (status == null || status.equals(shown)) {
            return;
        }
        boolean newSession = shown == null || shown.version() != status.version();
        shown = status;
        if (newSession) {
            scenario.setValue(status.scenario());
            seed.setText(Long.toString(status.seed()));
        }
        pause.setDisable(status.paused() || status.finished());
        resume.setDisable(!status.paused() || status.finished());
        trainer.setDisable(status.replaying() || status.finished());
        speeds.getToggles().forEach(t -> t.setSelected((int) t.getUserData() == status.speed()));
        clock.setText(String.format(Locale.ROOT, "%s %s · %s · %s", status.replaying() ? "REPLAY" : "SIM",
                status.time().format(CLOCK), status.speedText(), status.finished() ? "closed" : status.paused() ? "paused"
                        : "running"));
        clock.pseudoClassStateChanged(REPLAYING, status.replaying());
    }

    /** What the toolbar shows now, for tests. */
    public TrainingStatus shown() {
        return shown;
    }

    private void start() {
        String name = scenario.getValue();
        if (name == null) {
            say.accept("Pick a scenario first");
            return;
        }
        long value;
        try {
            value = Long.parseLong(seed.getText().strip());
        } catch (NumberFormatException e) {
            say.accept("The seed must be a whole number, got '" + seed.getText() + "'");
            return;
        }
        control.start(name, value);
    }

    private void jump() {
        try {
            control.jumpTo(LocalTime.parse(jumpTime.getText().strip()));
        } catch (DateTimeParseException e) {
            say.accept("Jump to a time of day HH:MM, got '" + jumpTime.getText() + "'");
        }
    }

    private void halt() {
        pickSymbol("Halt trading in").ifPresent(s -> control.inject(new TrainerAction.Halt(s)));
    }

    private void reopen() {
        pickSymbol("Reopen trading in").ifPresent(s -> control.inject(new TrainerAction.Resume(s)));
    }

    private void largeOrder(Side side) {
        pickSymbol("Large " + side.name().toLowerCase(Locale.ROOT) + " order in").ifPresent(symbol ->
                askQuantity("Quantity of the market order", "5000").ifPresent(q ->
                        control.inject(new TrainerAction.LargeOrder(symbol, side, q))));
    }

    private void limit() {
        askQuantity("The trainee's largest order (units)", "100").ifPresent(q ->
                control.inject(new TrainerAction.LimitChange(q)));
    }

    /** Symbol, change in percent, and whether it lasts: the value jumps at once and the agents trade on it. */
    private void news() {
        pickSymbol("News about").ifPresent(symbol -> {
            TextInputDialog change = new TextInputDialog("-8");
            change.setTitle("Trainer");
            change.setHeaderText("Change in the value of " + symbol + ", in percent (-8 for a profit warning)");
            change.initOwner(window());
            change.showAndWait().ifPresent(text -> {
                java.math.BigDecimal percent;
                try {
                    percent = new java.math.BigDecimal(text.strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    say.accept("A change is a number of percent, like -8 or 5.5, got '" + text + "'");
                    return;
                }
                if (percent.signum() == 0 || percent.compareTo(java.math.BigDecimal.valueOf(-100)) <= 0) {
                    say.accept("A change is above -100 % and not 0, got " + percent.toPlainString());
                    return;
                }
                String lasting = "For good (the value stays there)";
                ChoiceDialog<String> kind = new ChoiceDialog<>(lasting, lasting,
                        "Fades (half of it gone in 15 minutes)");
                kind.setTitle("Trainer");
                kind.setHeaderText("Does the news last?");
                kind.initOwner(window());
                kind.showAndWait().ifPresent(k -> control.inject(new TrainerAction.News(symbol, percent,
                        k.equals(lasting), 15)));
            });
        });
    }

    private Optional<String> pickSymbol(String header) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(symbols.getFirst(), symbols);
        dialog.setTitle("Trainer");
        dialog.setHeaderText(header);
        dialog.initOwner(window());
        return dialog.showAndWait();
    }

    private Optional<Long> askQuantity(String header, String suggested) {
        TextInputDialog dialog = new TextInputDialog(suggested);
        dialog.setTitle("Trainer");
        dialog.setHeaderText(header);
        dialog.initOwner(window());
        return dialog.showAndWait().flatMap(text -> {
            try {
                long q = Long.parseLong(text.strip());
                if (q > 0) {
                    return Optional.of(q);
                }
            } catch (NumberFormatException e) {
                // told below
            }
            say.accept("A quantity is a positive whole number, got '" + text + "'");
            return Optional.empty();
        });
    }

    private void save() {
        control.save().whenComplete((file, failure) -> javafx.application.Platform.runLater(() ->
                say.accept(failure != null ? "Could not save the session: " + failure.getMessage()
                        : "Session saved as " + file)));
    }

    private void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a training session");
        File folder = control.sessionsFolder().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Training sessions", "*.session"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            control.open(file.toPath()).whenComplete((v, failure) -> javafx.application.Platform.runLater(() ->
                    say.accept(failure != null ? "Could not open " + file.getName() + ": " + rootMessage(failure)
                            : "Replaying " + file.getName() + ": press Resume")));
        }
    }

    private void exportPdf() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the debrief");
        chooser.setInitialFileName("debrief.pdf");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            control.exportPdf(file.toPath()).whenComplete((p, failure) -> javafx.application.Platform.runLater(() ->
                    say.accept(failure != null ? "Could not export: " + rootMessage(failure) : "Debrief written to "
                            + p)));
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (javafx.scene.Node node : nodes) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
