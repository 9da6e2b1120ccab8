package com.bourse.backoffice.importexport;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.security.UserDirectory;
import com.bourse.backoffice.store.ReferenceDataRepository;
import com.bourse.protocol.Command;

import java.nio.file.Path;
import java.util.List;

/**
 * First run of an installation: with no user in the store yet, writes the {@link SampleWorld} (users with their
 * training passwords, currencies, instruments, accounts) into the back office and returns the engine commands that
 * seed the simulation, {@link SampleWorld#seed} (the one seed, in the one order every path uses). On any later run
 * it writes nothing and returns no command: the engine's journal already holds the seed, or the caller recovers
 * a first run cut short by applying {@link SampleWorld#seed} itself.
 */
public final class Bootstrap {
    private final ReferenceDataImport importer;
    private final UserDirectory users;
    private final AuditTrail audit;

    public Bootstrap(ReferenceDataImport importer, ReferenceDataRepository reference, UserDirectory users,
                     AuditTrail audit) {
        this.importer = importer;
        this.users = users;
        this.audit = audit;
    }

    /** What the first run did. */
    public record Seed(boolean firstRun, List<Command> engineCommands) {
    }

    /** Reads the world in {@code sampleData} (refused as a whole if any file is bad) and seeds from it. */
    public Seed runIfFirst(Path sampleData, long timestamp) {
        return runIfFirst(SampleWorld.read(sampleData), timestamp);
    }

    /**
     * Seed from {@code world} if the store has no user yet; {@code timestamp} is the business time given to every
     * seed command (the engine reads no clock).
     */
    public Seed runIfFirst(SampleWorld world, long timestamp) {
        if (!users.isEmpty()) {
            return new Seed(false, List.of());
        }
        importer.installation(world);
        List<Command> seed = world.seed(timestamp);
        audit.append(AuditEntry.of(Command.SYSTEM_USER, "installation", AuditAction.INSTALLATION_BOOTSTRAPPED,
                "sample-data", seed.size() + " engine commands seeded from the sample world"));
        return new Seed(true, seed);
    }
}
