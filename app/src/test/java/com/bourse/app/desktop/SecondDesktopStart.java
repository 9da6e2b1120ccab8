package com.bourse.app.desktop;

import com.bourse.backoffice.store.StoreInUseException;

import java.nio.file.Path;

/**
 * Child process of {@link StoreBackedDesktopTest}: a second desktop started on the data folder the spec's desktop
 * holds, as the app starts one (its console logging set up first, then the folder opened). Exits 3 when refused
 * because the folder is in use, 1 on any other failure, 0 if it opened (closed at once). Argument: the home folder.
 */
public final class SecondDesktopStart {
    private SecondDesktopStart() {
    }

    public static void main(String[] args) {
        QuietLogging.install();
        int status;
        try {
            BourseDesktop.open(DesktopDriver.config(Path.of(args[0])), null).close();
            status = 0;
        } catch (StoreInUseException e) {
            status = 3;
        } catch (RuntimeException e) {
            status = 1;
        }
        System.exit(status);
    }
}
