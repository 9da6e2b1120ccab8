package com.bourse.ui.port;

import com.bourse.protocol.Role;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An administrator's line to the users who may sign in: list them, create one, disable, unlock, reset a password,
 * set roles. Every change is audited as the signed-in administrator and judged again by whoever keeps the users
 * (the back office's store in simulation, the production engine live), whose refusal comes back in its words.
 * Bad input (a user name, password or roles the rules refuse) is answered without changing anything, its message
 * naming the field first ("A password needs at least 12 characters").
 *
 * <p>Thread-safe. Futures complete on any thread.
 */
public interface UserAdministration extends AutoCloseable {

    /** Who is signed in at this desk. */
    TraderIdentity user();

    /** Every user who may be shown, by id. */
    CompletableFuture<List<UserRow>> users();

    CompletableFuture<BackOfficeDesk.Answer> createUser(String username, String displayName, Set<Role> roles,
                                                        char[] password);

    CompletableFuture<BackOfficeDesk.Answer> disable(long userId);

    /** Lets a disabled user sign in again with the roles they hold. */
    CompletableFuture<BackOfficeDesk.Answer> enable(long userId);

    CompletableFuture<BackOfficeDesk.Answer> unlock(long userId);

    CompletableFuture<BackOfficeDesk.Answer> resetPassword(long userId, char[] password);

    CompletableFuture<BackOfficeDesk.Answer> setRoles(long userId, Set<Role> roles);

    /**
     * Whether users have a display name here; the production engine keeps none (a user is their sign-in name), so
     * its panel neither asks for one nor lists one.
     */
    default boolean keepsDisplayNames() {
        return true;
    }

    @Override
    void close();
}
