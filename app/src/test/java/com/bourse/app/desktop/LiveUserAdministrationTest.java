package com.bourse.app.desktop;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.protocol.Role;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.UserRow;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.backoffice.BackOfficePanels;
import com.bourse.ui.view.backoffice.UsersController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator alone on the LIVE desktop, against a real one-node production cluster on loopback seeded with
 * the sample world: they sign in to one window holding the Users &amp; roles panel, which lists the cluster's users
 * and changes them by audited cluster commands; a user they create signs in live with the new password; disabling
 * closes that user's session and refuses their next sign-in; bad input changes nothing and names the field. One
 * cluster and one administrator's window for the whole class. (A trader's session asking for the list or sending
 * an admin command is refused by the cluster itself: LiveIdentityTest.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveUserAdministrationTest {
    @TempDir
    static Path home;
    private LiveCluster cluster;
    private DesktopDriver driver;
    private Desktop desktop;
    private Workstation admin;
    private UsersController users;

    @BeforeAll
    void signInTheAdministrator() throws Exception {
        cluster = LiveCluster.start(home.resolve("cluster"));
        driver = new DesktopDriver(home.resolve("desk"));
        desktop = driver.start(driver.config().live(cluster.settings()));
        LiveCluster.seed(desktop.live());
        desktop.live().verifierCost(LiveCluster.CHEAP);
        admin = driver.signIn("admin", "admin-training-1", 40);
        users = admin.backOffice().users();
        driver.fxRun(() -> admin.backOffice().panel().setConfirmer((title, text) -> true));
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void administratorAloneGetsOneWindowWithTheClustersUsersAndRoles() {
        assertThat(desktop.workstations()).containsExactly(admin);
        assertThat(driver.fx(() -> admin.dock().panels().stream().map(p -> p.id()).toList()))
                .containsExactly(BackOfficePanels.USERS);

        driver.waitUntil(() -> listed("alice") != null, 30);

        assertThat(driver.fx(() -> users.table().getItems().stream().map(UserRow::username).toList()))
                .contains("admin", "alice", "bob", "rita", "victor", "olga");
        UserRow victor = listed("victor");
        assertThat(victor.roles()).containsExactlyInAnyOrder(Role.RISK_OFFICER, Role.ADMIN);
        assertThat(victor.enabled()).isTrue();
        // The cluster keeps no display name: the panel neither asks for one nor lists one
        assertThat(driver.fx(() -> users.displayNameField().isVisible())).isFalse();
        assertThat(driver.fx(() -> users.table().getColumns().stream().map(c -> c.getId()).toList()))
                .doesNotContain("usr-display");
        screenshots();
    }

    private void screenshots() {
        driver.fxRun(users::clearForm);
        for (int[] size : List.of(new int[] {1440, 900}, new int[] {1024, 700})) {
            driver.fxRun(() -> {
                admin.stage().setX(0);
                admin.stage().setY(0);
                admin.stage().setWidth(size[0]);
                admin.stage().setHeight(size[1]);
                admin.stage().toFront();
                users.table().getSelectionModel().select(listed("victor"));
            });
            driver.settle();
            Path shot = DesktopDriver.screenshotFolder().resolve("live-admin-users-" + size[0] + ".png");
            driver.screenshot(admin.stage().getScene(), shot);
        }
        driver.fxRun(users::clearForm);
    }

    @Test
    void userTheAdministratorCreatesSignsInLiveWithTheNewPassword() {
        int before = listedCount();

        String outcome = create("nadia", "nadia's new password", Role.RISK_OFFICER);

        assertThat(outcome).startsWith("Created nadia (user ");
        driver.waitUntil(() -> listed("nadia") != null, 30);
        assertThat(listed("nadia").roles()).containsExactly(Role.RISK_OFFICER);
        assertThat(listedCount()).isEqualTo(before + 1);
        SignIn.Result signedIn = desktop.signInPort().signIn("nadia", "nadia's new password".toCharArray());
        assertThat(signedIn).isInstanceOf(SignIn.Result.Granted.class);
        LiveSignIn.Granted granted = ((LiveSignIn) desktop.signInPort())
                .take(((SignIn.Result.Granted) signedIn).trader());
        granted.venue().close();
        // The desktop's own trail records what the administrator asked and how the cluster answered
        assertThat(desktop.live().office().audit().entriesOf(1, com.bourse.backoffice.store.Page.first(100)).stream()
                .anyMatch(e -> e.action() == com.bourse.backoffice.audit.AuditAction.USER_CREATED
                        && e.details().contains("username=nadia") && e.details().endsWith("production engine: done")))
                .isTrue();
    }

    @Test
    void disablingAUserClosesTheirSessionAndRefusesTheirSignInUntilEnabledAgain() {
        create("oscar", "oscar's long password", Role.TRADER);
        driver.waitUntil(() -> listed("oscar") != null, 30);
        ClusterVenue oscar = desktop.live().connect(ScramCredentials.password("oscar",
                "oscar's long password".toCharArray()));
        assertThat(oscar.isConnected()).isTrue();

        String outcome = act(() -> {
            users.table().getSelectionModel().select(listed("oscar"));
            users.disable();
        });

        assertThat(outcome).startsWith("Disabled user " + listed("oscar").userId());
        driver.waitUntil(() -> !listed("oscar").enabled(), 30);
        driver.waitUntil(() -> !oscar.isConnected(), 30);
        oscar.close();
        SignIn.Result next = desktop.signInPort().signIn("oscar", "oscar's long password".toCharArray());
        assertThat(next).isEqualTo(new SignIn.Result.Refused(
                "The production engine refused the sign-in: user oscar is disabled"));

        String enabled = act(() -> {
            users.table().getSelectionModel().select(listed("oscar"));
            assertThat(users.enableButton().isVisible()).isTrue();
            users.enable();
        });
        assertThat(enabled).startsWith("Enabled user " + listed("oscar").userId());
        driver.waitUntil(() -> listed("oscar").enabled(), 30);
        SignIn.Result again = desktop.signInPort().signIn("oscar", "oscar's long password".toCharArray());
        assertThat(again).isInstanceOf(SignIn.Result.Granted.class);
    }

    @Test
    void badInputInThePanelChangesNothingAndNamesTheField() {
        driver.waitUntil(() -> listed("alice") != null, 30);
        int before = listedCount();

        // Each answer names its field first, and the field it names is marked until typed again
        assertThat(create("", "a long enough password", Role.TRADER)).startsWith("A user name is 2 to 32 characters");
        assertThat(driver.fx(() -> users.decorations().markOf(users.usernameField()))).isPresent();
        assertThat(create("petra", "short", Role.TRADER)).isEqualTo("A password needs at least 12 characters");
        assertThat(driver.fx(() -> users.decorations().markOf(users.passwordField()))).isPresent();
        assertThat(create("petra", "a long enough password")).isEqualTo("A user needs at least one role");
        driver.fxRun(users::refresh);
        driver.settle();
        driver.waitUntil(() -> listed("alice") != null, 30);
        assertThat(listedCount()).isEqualTo(before);
        assertThat(listed("petra")).isNull();
    }

    /** Fills the new-user form, presses Create user and returns the panel's answer. */
    private String create(String username, String password, Role... roles) {
        return act(() -> {
            users.clearForm();
            users.usernameField().setText(username);
            users.passwordField().setText(password);
            for (Role role : Role.values()) {
                users.roleBox(role).setSelected(Set.of(roles).contains(role));
            }
            users.create();
        });
    }

    /** Runs a panel action (with the message line cleared first) and waits for the answer it shows. */
    private String act(Runnable action) {
        driver.fxRun(() -> users.message().setText(""));
        driver.fxRun(action);
        driver.waitUntil(() -> !users.message().getText().isEmpty(), 60);
        return driver.fx(() -> users.message().getText());
    }

    private UserRow listed(String username) {
        return driver.fx(() -> users.table().getItems().stream().filter(u -> u.username().equals(username))
                .findFirst().orElse(null));
    }

    private int listedCount() {
        return driver.fx(() -> users.table().getItems().size());
    }
}
