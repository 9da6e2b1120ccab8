package com.bourse.ui.view.backoffice;

import com.bourse.protocol.Role;
import com.bourse.ui.port.BackOfficeDesk;
import com.bourse.ui.port.ImportOutcome;
import com.bourse.ui.port.UserAdministration;
import com.bourse.ui.port.UserRow;
import com.bourse.ui.view.FieldDecorations;
import com.bourse.ui.view.Tables;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Users and roles (ADMIN): the users with their roles and state; create, disable, unlock, reset a password, assign
 * roles (nobody removes their own ADMIN role), through a {@link UserAdministration} (the store's in simulation, the
 * production engine's live); beside the whole back office's desk, CSV imports of users and reference data, every
 * line or none, the problems listed by line. FX thread only.
 */
public final class UsersController {
    @FXML private Parent root;
    @FXML private TextField filter;
    @FXML private TableView<UserRow> users;
    @FXML private ComboBox<BackOfficeDesk.ImportKind> importKind;
    @FXML private Button importButton;
    @FXML private ListView<String> problems;
    @FXML private Label formTitle;
    @FXML private TextField username;
    @FXML private TextField displayName;
    @FXML private FlowPane roles;
    @FXML private PasswordField password;
    @FXML private Button create;
    @FXML private Button saveRoles;
    @FXML private Button reset;
    @FXML private Button unlock;
    @FXML private Button disable;
    @FXML private Button enable;
    @FXML private Label message;
    @FXML private ScrollPane formScroll;
    @FXML private javafx.scene.layout.VBox importBox;
    @FXML private Label displayNameLabel;

    private final PanelContext context;
    private final UserAdministration admin;
    /** The whole back office's desk for CSV imports; null where users are administered alone (live). */
    private final BackOfficeContext books;
    private final Parent view;
    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    private final Map<Role, CheckBox> roleBoxes = new EnumMap<>(Role.class);
    /** What the store refused about each typed field, until it is typed again: the field's error mark. */
    private final Map<UserRules.Field, StringProperty> refusals = new EnumMap<>(UserRules.Field.class);
    private final FieldDecorations decorations = new FieldDecorations();

    /** The panel beside the whole back office's desk: its users, and CSV imports. */
    public UsersController(BackOfficeContext context) {
        this(context, context.office().orElseThrow(), context);
    }

    /** @param books the whole back office's context for CSV imports, or null: the panel then offers none */
    public UsersController(PanelContext context, UserAdministration admin, BackOfficeContext books) {
        this.context = context;
        this.admin = admin;
        this.books = books;
        this.view = Fxml.load("Users.fxml", this);
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        root.setId("usersPanel");
        users.setId("usersTable");
        username.setId("userName");
        displayName.setId("userDisplayName");
        password.setId("userPassword");
        create.setId("userCreate");
        saveRoles.setId("userSaveRoles");
        reset.setId("userReset");
        unlock.setId("userUnlock");
        disable.setId("userDisable");
        enable.setId("userEnable");
        // One of the two at a time: Disable for a user who can sign in, Enable for one who cannot.
        disable.managedProperty().bind(disable.visibleProperty());
        enable.managedProperty().bind(enable.visibleProperty());
        enable.setVisible(false);
        message.setId("userMessage");
        importKind.setId("importKind");
        importButton.setId("importFile");
        problems.setId("importProblems");
        users.getColumns().setAll(List.of(
                Tables.numeric("usr-id", "Id", 50, UserRow::userId, String::valueOf),
                Tables.text("usr-name", "User", 90, UserRow::username),
                Tables.text("usr-display", "Name", 140, UserRow::displayName),
                Tables.text("usr-roles", "Roles", 190, u -> roleText(u.roles())),
                Tables.text("usr-state", "State", 120, UsersController::state)));
        if (!admin.keepsDisplayNames()) {
            users.getColumns().removeIf(c -> "usr-display".equals(c.getId()));
            hide(displayNameLabel);
            hide(displayName);
        }
        if (books == null) {
            hide(importBox);
        }
        Tables.show(users, rows, filter, "No users");
        users.getSelectionModel().selectedItemProperty().addListener((obs, old, u) -> edit(u));
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(role.name());
            // The role's own name, as the table beside it writes it: an underscore is not a mnemonic here
            // ("RISK_OFFICER" was shown as "RISKOFFICER").
            box.setMnemonicParsing(false);
            box.setId("role-" + role.name().toLowerCase(Locale.ROOT));
            roleBoxes.put(role, box);
            roles.getChildren().add(box);
        }
        importKind.getItems().setAll(BackOfficeDesk.ImportKind.values());
        importKind.setValue(BackOfficeDesk.ImportKind.USERS);
        problems.setPlaceholder(new Label("Import problems are listed here by line"));
        Map<UserRules.Field, TextField> typed = Map.of(UserRules.Field.USERNAME, username,
                UserRules.Field.DISPLAY_NAME, displayName, UserRules.Field.PASSWORD, password);
        typed.forEach((field, input) -> {
            StringProperty refusal = new SimpleStringProperty(this, field.name(), "");
            refusals.put(field, refusal);
            decorations.follow(input, refusal);
            input.textProperty().addListener((obs, old, text) -> {
                if (!text.isEmpty()) {
                    refusal.set("");
                }
            });
        });
        formScroll.setContent(FieldDecorations.host(formScroll.getContent()));
        edit(null);
    }

    private static void hide(javafx.scene.Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }

    private static String roleText(Set<Role> roles) {
        return String.join(", ", roles.stream().sorted().map(Role::name).toList());
    }

    private static String state(UserRow u) {
        if (!u.enabled()) {
            return "Disabled";
        }
        if (u.lockedAt(Instant.now())) {
            return "Locked out";
        }
        return u.failedAttempts() > 0 ? "Active (" + u.failedAttempts() + " failed)" : "Active";
    }

    @FXML
    public void refresh() {
        context.whenDone(admin.users(), "Loading the users", list -> {
            UserRow selected = users.getSelectionModel().getSelectedItem();
            rows.setAll(list);
            if (selected != null) {
                rows.stream().filter(u -> u.userId() == selected.userId()).findFirst()
                        .ifPresent(u -> users.getSelectionModel().select(u));
            }
        });
    }

    private void edit(UserRow u) {
        boolean existing = u != null;
        refusals.values().forEach(r -> r.set(""));
        formTitle.setText(existing ? "User " + u.username() : "New user");
        username.setText(existing ? u.username() : "");
        username.setEditable(!existing);
        displayName.setText(existing ? u.displayName() : "");
        displayName.setEditable(!existing);
        roleBoxes.forEach((role, box) -> box.setSelected(existing && u.roles().contains(role)));
        password.clear();
        create.setDisable(existing);
        saveRoles.setDisable(!existing);
        reset.setDisable(!existing);
        unlock.setDisable(!existing);
        disable.setDisable(!existing || !u.enabled());
        disable.setVisible(!existing || u.enabled());
        enable.setVisible(existing && !u.enabled());
    }

    private Set<Role> chosenRoles() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        roleBoxes.forEach((role, box) -> {
            if (box.isSelected()) {
                chosen.add(role);
            }
        });
        return chosen;
    }

    @FXML
    public void clearForm() {
        users.getSelectionModel().clearSelection();
        edit(null);
        message.setText("");
    }

    @FXML
    public void create() {
        char[] secret = password.getText().toCharArray();
        answer(admin.createUser(username.getText().strip(), displayName.getText().strip(), chosenRoles(),
                secret), secret);
        password.clear();
    }

    @FXML
    public void saveRoles() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null) {
            return;
        }
        Set<Role> chosen = chosenRoles();
        String refusal = UserRules.rolesRefusal(admin.user(), u, chosen);
        if (refusal != null) {
            refused(refusal);
            return;
        }
        answer(admin.setRoles(u.userId(), chosen), null);
    }

    @FXML
    public void resetPassword() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null) {
            return;
        }
        char[] secret = password.getText().toCharArray();
        answer(admin.resetPassword(u.userId(), secret), secret);
        password.clear();
    }

    @FXML
    public void unlock() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u != null) {
            answer(admin.unlock(u.userId()), null);
        }
    }

    @FXML
    public void disable() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null) {
            return;
        }
        String refusal = UserRules.disableRefusal(admin.user(), u);
        if (refusal != null) {
            refused(refusal);
            return;
        }
        String who = admin.keepsDisplayNames() ? u.username() + " (" + u.displayName() + ")" : u.username();
        if (context.confirm("Disable user", "Disable " + who
                + "? They can no longer sign in and the engine takes their roles away.")) {
            answer(admin.disable(u.userId()), null);
        }
    }

    @FXML
    public void enable() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u != null && !u.enabled()) {
            answer(admin.enable(u.userId()), null);
        }
    }

    public Button enableButton() {
        return enable;
    }

    private void refused(String text) {
        message.getStyleClass().removeAll("bo-ok", "bo-error");
        message.getStyleClass().add("bo-error");
        message.setText(text);
    }

    private void answer(CompletableFuture<BackOfficeDesk.Answer> pending, char[] secret) {
        context.whenDone(pending, "The change", a -> {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            message.getStyleClass().removeAll("bo-ok", "bo-error");
            message.getStyleClass().add(a.done() ? "bo-ok" : "bo-error");
            message.setText(a.message());
            if (a.done()) {
                refresh();
            } else {
                UserRules.fieldsOf(a.message()).forEach(field -> refusals.get(field).set(a.message()));
            }
        });
    }

    @FXML
    public void importFile() {
        if (books == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import " + importKind.getValue().name().toLowerCase(Locale.ROOT) + " from CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showOpenDialog(context.owner());
        if (file != null) {
            importFile(importKind.getValue(), file.toPath());
        }
    }

    /** Imports {@code file} as {@code kind}: every line or none; the problems are listed by line. */
    public void importFile(BackOfficeDesk.ImportKind kind, Path file) {
        if (books == null) {
            throw new IllegalStateException("this users panel has no back office's desk to import into");
        }
        problems.getItems().setAll("Importing " + file.getFileName() + "…");
        context.whenDone(books.office().orElseThrow().importCsv(kind, file), "The import", this::imported);
    }

    private void imported(ImportOutcome outcome) {
        message.getStyleClass().removeAll("bo-ok", "bo-error");
        if (outcome.imported()) {
            problems.getItems().setAll("Imported " + outcome.records() + " records from " + outcome.file());
            message.getStyleClass().add("bo-ok");
            message.setText("Imported " + outcome.records() + " records from " + outcome.file());
            refresh();
            books.reloadAccounts(() -> { });
        } else {
            problems.getItems().setAll(outcome.problems());
            message.getStyleClass().add("bo-error");
            message.setText("Nothing imported from " + outcome.file() + ": " + outcome.problems().size()
                    + " problem(s), listed by line");
        }
    }

    // ---- For tests ---------------------------------------------------------------------------------

    public TableView<UserRow> table() {
        return users;
    }

    public TextField usernameField() {
        return username;
    }

    public TextField displayNameField() {
        return displayName;
    }

    public PasswordField passwordField() {
        return password;
    }

    /** The typed fields' error marks. */
    public FieldDecorations decorations() {
        return decorations;
    }

    public CheckBox roleBox(Role role) {
        return roleBoxes.get(role);
    }

    public Label message() {
        return message;
    }

    public ListView<String> problems() {
        return problems;
    }
}
