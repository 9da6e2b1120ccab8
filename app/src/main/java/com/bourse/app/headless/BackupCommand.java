package com.bourse.app.headless;

import com.bourse.app.desktop.DesktopConfig;
import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.Backups;
import com.bourse.ui.port.VenueMode;

import java.nio.file.Path;

/**
 * {@code bourse backup [FOLDER]} and {@code bourse restore BACKUP}: a verified copy of the desktop's data folder
 * ({@code bourse.data}, opened with {@code bourse.passphrase} as the desktop would), and putting one back (the
 * folder it replaces is moved aside, not deleted). Run them while the desktop is stopped. Exit status 1 when the
 * folder or the backup is damaged (the message names the file), 2 for bad arguments. See {@link Backups}.
 */
public final class BackupCommand {
    private BackupCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args, DesktopConfig.fromSystemProperties()));
        } catch (IllegalArgumentException e) {
            System.err.println("bourse " + args[0] + ": " + e.getMessage());
            System.err.println("usage: bourse backup [FOLDER] | bourse restore BACKUP_FOLDER");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("bourse " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static String run(String[] args, DesktopConfig config) {
        BackOffice.Options options = BackOffice.Options.defaults(config.dataDir(), config.passphrase().toCharArray());
        if (config.mode() == VenueMode.LIVE) {
            options = options.forLive();
        }
        return switch (args[0]) {
            case "backup" -> {
                if (args.length > 2) {
                    throw new IllegalArgumentException("backup takes at most one folder");
                }
                Path root = args.length == 2 ? Path.of(args[1]) : Backups.defaultRoot(config.dataDir());
                Backups.Copy copy = Backups.backup(options, root);
                yield "verified and copied " + config.dataDir() + " (" + copy.files() + " files, " + copy.bytes()
                        + " bytes) to " + copy.folder();
            }
            case "restore" -> {
                if (args.length != 2) {
                    throw new IllegalArgumentException("restore takes the backup folder to restore");
                }
                Path aside = Backups.restore(Path.of(args[1]), config.dataDir());
                yield "restored " + args[1] + " into " + config.dataDir()
                        + (aside == null ? "" : "; the folder it replaced is in " + aside);
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
    }
}
