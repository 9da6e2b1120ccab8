package com.bourse.ui.view.backoffice;

import com.bourse.protocol.Role;
import com.bourse.ui.port.ClerkDesk;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.UserAdministration;
import com.bourse.ui.port.Workspace;
import com.bourse.ui.workspace.DockPanel;
import com.bourse.ui.workspace.DockWorkspace;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The back office's panels in a workstation, offered by role: Accounts, Cash movements, Statements and End of day
 * for BACK_OFFICE; Users &amp; roles and End of day for ADMIN; and only what the desk can do (the live clerk's desk:
 * Accounts, Cash movements and Statements of the days the production engine keeps). Users &amp; roles may also
 * come over a {@link UserAdministration} of its own (live: the production engine's users), with or without a clerk's
 * desk beside it. Registers them with the dock, loads what they show once the window is up, and gives the layout a
 * back-office user starts with. FX thread only.
 */
public final class BackOfficePanels {
    public static final String ACCOUNTS = "bo-accounts";
    public static final String MOVEMENTS = "bo-movements";
    public static final String STATEMENTS = "bo-statements";
    public static final String USERS = "bo-users";
    public static final String END_OF_DAY = "bo-end-of-day";

    /** Null without a clerk's desk (an administrator alone, live). */
    private final BackOfficeContext context;
    private final PanelContext panel;
    /** Null when nobody here administers users. */
    private final UserAdministration administration;
    private final boolean books;
    private final boolean admin;
    private final boolean closesDay;
    /** Whether the desk can state an account at all (the live desk cannot: no panel rather than an empty one). */
    private final boolean states;
    private AccountsController accounts;
    private MovementsController movements;
    private StatementsController statements;
    private UsersController users;
    private EndOfDayController endOfDay;

    /**
     * @param desk the clerk's desk; when it is the whole back office's ({@code BackOfficeDesk}, the simulation's)
     *             an administrator also gets Users &amp; roles and everyone End of day, otherwise (live) only the
     *             clerk's panels are offered, none that could not work
     */
    public BackOfficePanels(ClerkDesk desk, Consumer<String> say, BiPredicate<String, String> confirmer,
                            Supplier<Window> owner) {
        this(desk, null, say, confirmer, owner);
    }

    /**
     * @param desk           the clerk's desk, or null (an administrator alone)
     * @param administration the users' administration, or null: then the whole back office's desk's, if
     *                       {@code desk} is one; Users &amp; roles is offered to an ADMIN when there is one
     */
    public BackOfficePanels(ClerkDesk desk, UserAdministration administration, Consumer<String> say,
                            BiPredicate<String, String> confirmer, Supplier<Window> owner) {
        if (desk == null && administration == null) {
            throw new IllegalArgumentException("back-office panels need a clerk's desk or a users' administration");
        }
        this.context = desk == null ? null : new BackOfficeContext(desk, say);
        this.panel = context != null ? context : new PanelContext(say);
        panel.setConfirmer(confirmer);
        panel.setOwner(owner);
        this.administration = administration != null ? administration
                : context.office().map(UserAdministration.class::cast).orElse(null);
        TraderIdentity user = desk != null ? desk.user() : administration.user();
        this.books = desk != null && user.has(Role.BACK_OFFICE);
        this.admin = user.has(Role.ADMIN) && this.administration != null;
        this.closesDay = context != null && context.office().isPresent();
        this.states = desk != null && desk.statementsOutside(desk.today(), desk.today()) == null;
    }

    /** Whether a user with {@code roleMask} has any back-office panel. */
    public static boolean offeredTo(int roleMask) {
        return Role.BACK_OFFICE.in(roleMask) || Role.ADMIN.in(roleMask);
    }

    /**
     * Registers the panels of the user's roles; {@code beside} puts them as tabs at the bottom (a trader or an
     * officer keeps their own desk in the middle).
     */
    public void register(DockWorkspace dock, boolean beside) {
        if (books) {
            accounts = new AccountsController(context);
            movements = new MovementsController(context);
            statements = states ? new StatementsController(context) : null;
            dock.register(new DockPanel(ACCOUNTS, "Accounts", accounts.view(),
                    beside ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
            dock.register(new DockPanel(MOVEMENTS, "Cash movements", movements.view(),
                    beside ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
            if (statements != null) {
                dock.register(new DockPanel(STATEMENTS, "Statements", statements.view(),
                        beside ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
            }
        }
        if (admin) {
            users = new UsersController(panel, administration,
                    context != null && context.office().isPresent() ? context : null);
            dock.register(new DockPanel(USERS, "Users & roles", users.view(),
                    beside ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
        }
        if (closesDay) {
            endOfDay = new EndOfDayController(context);
            dock.register(new DockPanel(END_OF_DAY, "End of day", endOfDay.view(),
                    beside ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
        }
    }

    /** The panel ids registered, in tab order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        if (books) {
            ids.addAll(states ? List.of(ACCOUNTS, MOVEMENTS, STATEMENTS) : List.of(ACCOUNTS, MOVEMENTS));
        }
        if (admin) {
            ids.add(USERS);
        }
        if (closesDay) {
            ids.add(END_OF_DAY);
        }
        return ids;
    }

    /** The layout of a user whose only desk is the back office: its panels as tabs filling the window. */
    public Workspace defaultWorkspace(String theme) {
        List<String> ids = ids();
        return new Workspace(theme, List.of(new Workspace.Area(DockWorkspace.CENTRE, ids, ids.getFirst())),
                List.of(), List.of(0.0, 1.0, 1.0), null, Map.of(), Map.of(), Map.of(), 50_000);
    }

    /** Loads the lists once the window shows. */
    public void load() {
        if (context != null) {
            context.reloadAccounts(() -> { });
        }
        if (movements != null) {
            movements.refresh();
        }
        if (users != null) {
            users.refresh();
        }
        if (endOfDay != null) {
            endOfDay.showReport();
        }
    }

    /** Stops listening to the venue and closes the desk. */
    public void close() {
        if (movements != null) {
            movements.close();
        }
        if (context != null) {
            context.desk().close();
        }
        if (administration != null && (context == null || administration != context.desk())) {
            administration.close();
        }
    }

    /** What every panel here shares (messages, confirmations, the dialogs' window). */
    public PanelContext panel() {
        return panel;
    }

    /** The clerk's desk's context; null for an administrator alone. */
    public BackOfficeContext context() {
        return context;
    }

    public AccountsController accounts() {
        return accounts;
    }

    public MovementsController movements() {
        return movements;
    }

    public StatementsController statements() {
        return statements;
    }

    public UsersController users() {
        return users;
    }

    public EndOfDayController endOfDay() {
        return endOfDay;
    }
}
