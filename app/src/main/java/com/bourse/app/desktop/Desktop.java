package com.bourse.app.desktop;

import com.bourse.app.training.TraineeSignIn;
import com.bourse.app.training.TrainingConfig;
import com.bourse.app.training.TrainingHost;
import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.VenueMode;
import com.bourse.ui.port.WorkspaceStore;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.theme.ThemeManager;
import com.bourse.ui.view.SignInController;
import com.bourse.ui.view.Workstation;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The composition root of the desktop. In simulation: one simulated market (the store's durable engine, sample
 * data, market simulator) shared by every window. Live ({@code bourse.mode=live}): the back office and its
 * credentials ({@link LiveHost}), and one connection to the production cluster per window ({@link LiveSession}).
 * Either way: sign-in through the store, the workspace store, and the windows themselves; each window sends its
 * commands through the store's audited command gateway. Several traders may sign in side by side (File › New
 * trader window) to trade with each other.
 *
 * <p>FX thread only, except {@link #close}.
 */
public final class Desktop implements AutoCloseable {
    private final DesktopConfig config;
    private final SimulationHost host;
    private final LiveHost live;
    private final TrainingHost training;
    private final TraineeSignIn traineeSignIn;
    private final StoreSignIn signIn;
    private final LiveSignIn liveSignIn;
    private final String signInHint;
    private final WorkspaceStore workspaces;
    private final List<Workstation> workstations = new CopyOnWriteArrayList<>();
    private final List<Stage> signInStages = new CopyOnWriteArrayList<>();
    /** How the application ends on File › Quit: JavaFX's exit, which stops it as its last window closing does. */
    private Runnable exit = javafx.application.Platform::exit;
    /** The audit trail found broken at start is shown once, over the first sign-in window. */
    private boolean auditShown;

    public Desktop(DesktopConfig config) {
        this(config, null);
    }

    /**
     * @param trainingConfig a training session to open on instead of the shared simulation (in memory, its own
     *                       session records; see {@link TrainingHost}), or null
     */
    public Desktop(DesktopConfig config, TrainingConfig trainingConfig) {
        this.config = config;
        java.util.Set<String> machineUsers = SampleWorld.MACHINE_USERS;
        if (trainingConfig != null && config.mode() != VenueMode.LIVE) {
            this.host = null;
            this.live = null;
            this.signIn = null;
            this.liveSignIn = null;
            this.training = new TrainingHost(trainingConfig);
            this.traineeSignIn = new TraineeSignIn(SampleWorld.read(config.sampleData()), training);
            this.signInHint = traineeSignIn.hint();
            // A start or a reopened session on another scenario has other instruments: its windows sign in again.
            training.onScenarioChanged(() -> javafx.application.Platform.runLater(() -> {
                for (Workstation w : List.copyOf(workstations)) {
                    w.signOut();
                }
            }));
        } else if (config.mode() == VenueMode.LIVE) {
            this.training = null;
            this.traineeSignIn = null;
            this.host = null;
            this.live = new LiveHost(config);
            // Live desks: the trader's, the risk officer's, the back-office clerk's (LiveBackOfficeDesk) and an
            // administrator's Users & roles on the cluster's users (LiveUserAdministration).
            this.signIn = new StoreSignIn(live.signIn(), live.office().users(), machineUsers, java.util.Set.of(
                    com.bourse.protocol.Role.TRADER, com.bourse.protocol.Role.RISK_OFFICER,
                    com.bourse.protocol.Role.BACK_OFFICE, com.bourse.protocol.Role.ADMIN));
            this.liveSignIn = new LiveSignIn(signIn, live);
            this.signInHint = "Live trading on the production engine (" + config.cluster().ingressEndpoints() + ")";
        } else {
            this.training = null;
            this.traineeSignIn = null;
            this.host = new SimulationHost(config);
            this.live = null;
            // The simulation has every desk: the back office's (BACK_OFFICE, ADMIN) beside the trader's and officer's.
            this.signIn = new StoreSignIn(host.office().signIn(), host.office().users(), machineUsers,
                    java.util.Set.of(com.bourse.protocol.Role.values()));
            this.liveSignIn = null;
            this.signInHint = StoreSignIn.trainingHint(host.data())
                    + (config.passphrase().equals(com.bourse.backoffice.BackOffice.TRAINING_PASSPHRASE)
                    ? "\nKey vault on the public training passphrase: sample data only (BOURSE_PASSPHRASE sets your own)"
                    : "");
        }
        this.workspaces = new FileWorkspaceStore(config.home());
    }

    /** Shows the sign-in form in {@code stage}; a granted sign-in turns the same stage into the main window. */
    public void showSignIn(Stage stage) {
        ThemeManager themes = new ThemeManager();
        SignInController form = new SignInController(signInPort(), config.mode(), signInHint,
                trader -> open(stage, trader, themes));
        Scene scene = new Scene(form.load(), 460, 540);
        themes.setTheme(Theme.DARK);
        themes.register(scene);
        stage.setTitle("Bourse — sign in");
        stage.setScene(scene);
        signInStages.add(stage);
        stage.setOnHidden(e -> signInStages.remove(stage));
        stage.show();
        showBrokenAuditOnce(stage);
    }

    /** Who checks a password here: the store, the live back office and cluster, or the training session. */
    SignIn signInPort() {
        return live != null ? liveSignIn : training != null ? traineeSignIn : signIn;
    }

    /**
     * Takes over a sign-in window shown before this desktop was opened ({@link BourseDesktop} shows it at once and
     * opens the data folder meanwhile): a sign-in granted there opens the main window as if granted here.
     */
    void adopt(Stage stage, TraderIdentity trader, ThemeManager themes) {
        signInStages.add(stage);
        open(stage, trader, themes);
        showBrokenAuditOnce(stage);
    }

    /**
     * A broken audit chain found at start, or by the full walk that follows it in the background (a rewrite below
     * the signed checkpoint), also logged naming the first bad entry, is told to the person too, once.
     */
    private void showBrokenAuditOnce(Stage owner) {
        com.bourse.backoffice.BackOffice office = host != null ? host.office() : live != null ? live.office() : null;
        if (auditShown || office == null) {
            return;
        }
        auditShown = true;
        if (!office.auditAtStart().intact()) {
            showBrokenAudit(owner, office.auditAtStart());
            return;
        }
        office.auditVerified().thenAccept(check -> {
            if (!check.intact()) {
                javafx.application.Platform.runLater(() -> showBrokenAudit(owner, check));
            }
        });
    }

    private static void showBrokenAudit(Stage owner, com.bourse.backoffice.audit.AuditVerification check) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                check.message() + ". Entries before it are intact; nothing was changed. A risk officer can verify"
                        + " again from the audit viewer.");
        alert.setHeaderText("The audit trail is broken"
                + (check.firstBadSeq() == null ? "" : " at entry " + check.firstBadSeq()));
        alert.initOwner(owner);
        alert.show();
    }

    /** Another sign-in window beside the open ones (a second trader on the same simulated market). */
    public Stage showAnotherSignIn() {
        Stage stage = new Stage();
        showSignIn(stage);
        return stage;
    }

    private void open(Stage stage, TraderIdentity trader, ThemeManager themes) {
        themes.unregister(stage.getScene());
        signInStages.remove(stage);
        stage.setOnHidden(null);
        Workstation[] self = new Workstation[1];
        TradingSession trading;
        com.bourse.ui.port.RiskDesk risk = null;
        com.bourse.ui.port.ClerkDesk backOffice = null;
        com.bourse.ui.port.UserAdministration userAdministration = null;
        if (training != null) {
            trading = traineeSignIn.session(trader, () -> { });
        } else if (live != null) {
            LiveSignIn.Granted granted = liveSignIn.take(trader);
            trading = new LiveSession(live, trader, granted.session(), granted.venue(),
                    () -> signIn.signOut(granted.session()));
            if (trader.has(com.bourse.protocol.Role.RISK_OFFICER)) {
                // The officer's desk hears the cluster on the window's own connection (the session closes it).
                risk = new LiveRiskDesk(live, trader, granted.session(), granted.venue());
            }
            if (trader.has(com.bourse.protocol.Role.BACK_OFFICE)) {
                // The clerk's desk on the same connection: accounts, movements and histories from the cluster.
                backOffice = new LiveBackOfficeDesk(live, trader, granted.session(), granted.venue());
            }
            if (trader.has(com.bourse.protocol.Role.ADMIN)) {
                // The production engine's users, over the window's own connection (the session closes it).
                userAdministration = new LiveUserAdministration(live, trader, granted.venue());
            }
        } else {
            com.bourse.backoffice.security.Session session = signIn.takeSession(trader);
            trading = new SimulationSession(host, trader, session, host.commandGateway(),
                    () -> signIn.signOut(session));
            if (trader.has(com.bourse.protocol.Role.RISK_OFFICER)) {
                risk = new SimulationRiskDesk(host, trader, session, host.commandGateway());
            }
            if (com.bourse.ui.view.backoffice.BackOfficePanels.offeredTo(trader.roleMask())) {
                backOffice = new SimulationBackOfficeDesk(host, trader, session, host.commandGateway());
            }
        }
        Workstation workstation = new Workstation(stage, trading, risk, workspaces, themes,
                this::showAnotherSignIn, () -> {
                    workstations.remove(self[0]);
                    showSignIn(stage);
                });
        if (training != null) {
            workstation.setTraining(training);
        }
        if (backOffice != null) {
            workstation.withBackOffice(backOffice);
        }
        if (userAdministration != null) {
            workstation.withUserAdministration(userAdministration);
        }
        workstation.onQuit(this::quit);
        self[0] = workstation;
        workstations.stream().map(Workstation::stage).filter(Stage::isShowing).reduce((a, b) -> b)
                .ifPresent(workstation::openBeside);
        workstations.add(workstation);
        stage.setOnHidden(e -> workstations.remove(workstation));
        workstation.show();
        SettingsWindow.offerIn(stage, config);
    }

    /**
     * File › Quit: every window closes (each saving its workspace, its session signing out), the sign-in windows
     * too, then the application exits as when its last window closes: {@link BourseDesktop#stop} closes the
     * simulation (journal, store) and the process ends without an error.
     */
    public void quit() {
        for (Workstation w : List.copyOf(workstations)) {
            w.close();
        }
        for (Stage stage : List.copyOf(signInStages)) {
            stage.hide();
        }
        exit.run();
    }

    /** For specifications: what quitting ends with, instead of ending the test's JavaFX. */
    void exitWith(Runnable exit) {
        this.exit = exit;
    }

    public List<Workstation> workstations() {
        return List.copyOf(workstations);
    }

    /** The simulated market; null when live. */
    public SimulationHost host() {
        return host;
    }

    /** The training session; null unless the desktop was opened on a scenario. */
    public TrainingHost training() {
        return training;
    }

    /** The live back office and cluster access; null in simulation. */
    public LiveHost live() {
        return live;
    }

    public WorkspaceStore workspaces() {
        return workspaces;
    }

    public DesktopConfig config() {
        return config;
    }

    /** Closes every window (saving workspaces) and stops the simulation. */
    @Override
    public void close() {
        for (Workstation w : workstations) {
            w.close();
        }
        workstations.clear();
        if (host != null) {
            host.close();
        }
        if (live != null) {
            live.close();
        }
        if (training != null) {
            training.close();
        }
    }
}
