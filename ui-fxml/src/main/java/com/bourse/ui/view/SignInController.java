package com.bourse.ui.view;

import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.VenueMode;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The sign-in window: user name and password, checked through the {@link SignIn} port off the FX thread
 * (hashing is slow on purpose); a refusal is shown in the window, a success hands the identity on.
 */
public final class SignInController {
    @FXML private StackPane root;
    @FXML private Label modeBadge;
    @FXML private TextField username;
    @FXML private PasswordField password;
    @FXML private Label signInError;
    @FXML private Button signInButton;
    @FXML private Label hint;

    private final SignIn signIn;
    private final VenueMode mode;
    private final String hintText;
    private final Consumer<TraderIdentity> granted;

    public SignInController(SignIn signIn, VenueMode mode, String hintText, Consumer<TraderIdentity> granted) {
        this.signIn = signIn;
        this.mode = mode;
        this.hintText = hintText;
        this.granted = granted;
    }

    /** Loads the view with this controller. */
    public Parent load() {
        FXMLLoader loader = new FXMLLoader(SignInController.class.getResource("SignIn.fxml"));
        loader.setControllerFactory(type -> this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FXML
    private void initialize() {
        modeBadge.setText(modeLabel(mode));
        hint.setText(hintText == null ? "" : hintText);
        signInError.managedProperty().bind(signInError.textProperty().isNotEmpty());
        signInError.visibleProperty().bind(signInError.textProperty().isNotEmpty());
        Platform.runLater(username::requestFocus);
    }

    @FXML
    private void signIn() {
        String name = username.getText() == null ? "" : username.getText().strip();
        if (name.isEmpty()) {
            signInError.setText("Enter your user name");
            username.requestFocus();
            return;
        }
        char[] secret = password.getText().toCharArray();
        password.clear();
        signInButton.setDisable(true);
        signInError.setText("");
        Thread.ofVirtual().name("sign-in").uncaughtExceptionHandler(SignInController::logUncaught).start(() -> {
            SignIn.Result result;
            try {
                result = signIn.signIn(name, secret);
            } catch (RuntimeException e) {
                result = new SignIn.Result.Refused("Sign-in is not available: " + e.getMessage());
            } finally {
                Arrays.fill(secret, '\0');
            }
            SignIn.Result answer = result;
            Platform.runLater(() -> {
                signInButton.setDisable(false);
                switch (answer) {
                    case SignIn.Result.Granted g -> granted.accept(g.trader());
                    case SignIn.Result.Refused r -> {
                        signInError.setText(r.reason());
                        password.requestFocus();
                    }
                }
            });
        });
    }

    public StackPane root() {
        return root;
    }

    private static void logUncaught(Thread thread, Throwable error) {
        System.getLogger(SignInController.class.getName()).log(System.Logger.Level.ERROR,
                "sign-in thread " + thread.getName() + " failed", error);
    }

    /**
     * Who checks the password: the production cluster (live), or this computer's own back office (simulation);
     * a person must never type a production password into the simulation's window believing it is live.
     */
    static String modeLabel(VenueMode mode) {
        return switch (mode) {
            case LIVE -> "LIVE · signing in to the production engine";
            case SIMULATION -> "SIMULATION · signing in on this computer";
        };
    }
}
