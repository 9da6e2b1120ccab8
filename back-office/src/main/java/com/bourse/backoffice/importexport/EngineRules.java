package com.bourse.backoffice.importexport;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Role;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The engine's own rules, asked before the store writes anything, so the store never holds what the engine refuses
 * (an instrument whose band spans more ticks than a ladder holds, say): a scratch engine that knows the currencies
 * and users the command needs takes each command, and whatever it rejects is reported with the engine's reason.
 * The scratch engine is rebuilt every {@link #REBUILD_EVERY} commands, so a file of any length is checked in bounded
 * memory; duplicates across the file are the import's own rules ({@link ReferenceLines}). Not thread-safe: one per
 * import.
 */
public final class EngineRules {
    static final int REBUILD_EVERY = 1_000;

    private final EngineConfig config;
    private final List<Currency> currencies;
    private final long actor;
    private final Set<Long> registered = new HashSet<>();
    private Engine engine;
    private int applied;
    private ErrorCode refused;

    /**
     * @param currencies what the store knows, which the commands may refer to
     * @param actor      who sends the commands; given every role in the scratch engine (authority is checked elsewhere)
     */
    EngineRules(EngineConfig config, List<Currency> currencies, long actor) {
        this.config = config;
        this.currencies = List.copyOf(currencies);
        this.actor = actor;
    }

    /** Null when the engine takes {@code command}, else its reason. A currency it takes is known to later commands. */
    ErrorCode refusal(Command command) {
        if (engine == null || applied >= REBUILD_EVERY) {
            rebuild();
        }
        if (command instanceof Command.OpenAccount open && open.ownerUserId() != Command.SYSTEM_USER
                && registered.add(open.ownerUserId())) {
            take(new Command.RegisterUser(command.timestamp(), Command.SYSTEM_USER, open.ownerUserId(),
                    Role.TRADER.bit()));
        }
        ErrorCode reason = take(command);
        applied++;
        return reason;
    }

    /**
     * Every command of a seed in order, on one scratch engine (a seed's commands depend on each other); the first
     * refused is reported naming the command.
     */
    public static void checkSeed(EngineConfig config, List<Command> seed) {
        EngineRules rules = new EngineRules(config, List.of(), Command.SYSTEM_USER);
        rules.engine = new Engine(config);
        for (Command command : seed) {
            ErrorCode reason = rules.take(command);
            if (reason != null) {
                throw new IllegalArgumentException("the engine refuses the sample world's " + describe(command)
                        + ": " + reason + "; nothing was set up");
            }
        }
    }

    static String describe(Command command) {
        return switch (command) {
            case Command.ListInstrument c -> "instrument " + c.instrument().id() + " " + c.instrument().symbol();
            case Command.OpenAccount c -> "account " + c.accountId();
            case Command.AddCurrency c -> "currency " + c.currency().code();
            case Command.RegisterUser c -> "user " + c.newUserId();
            default -> command.getClass().getSimpleName();
        };
    }

    private void rebuild() {
        engine = new Engine(config);
        applied = 0;
        registered.clear();
        long t = 0;
        for (Currency currency : currencies) {
            take(new Command.AddCurrency(t, Command.SYSTEM_USER, currency));
        }
        if (actor != Command.SYSTEM_USER) {
            take(new Command.RegisterUser(t, Command.SYSTEM_USER, actor, Role.mask(Role.values())));
        }
    }

    private ErrorCode take(Command command) {
        refused = null;
        engine.apply(command, event -> {
            if (event instanceof Event.CommandRejected r && refused == null) {
                refused = r.reason();
            } else if (event instanceof Event.OrderRejected r && refused == null) {
                refused = r.reason();
            }
        });
        return refused;
    }
}
