package com.bourse.app.desktop;

import com.bourse.ui.port.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileWorkspaceStoreTest {
    @TempDir
    Path home;

    @Test
    void savedWorkspaceLoadsBackEqual() {
        FileWorkspaceStore store = new FileWorkspaceStore(home);
        Workspace saved = new Workspace("light",
                List.of(new Workspace.Area("left", List.of("ticket", "chart"), "chart"),
                        new Workspace.Area("bottom", List.of("orders"), "orders")),
                List.of(new Workspace.Detached("ladder", "centre", new Workspace.Bounds(10, 20, 400, 600))),
                List.of(0.25, 0.6, 0.5), new Workspace.Bounds(0, 0, 1440, 900),
                Map.of("orders/price", 150.0), Map.of("orders", List.of("tif")),
                Map.of("orders", "price:DESCENDING"), 75_000);

        store.save("alice", saved);

        assertThat(store.load("alice")).contains(saved);
    }

    @Test
    void eachUserHasTheirOwnWorkspace() {
        FileWorkspaceStore store = new FileWorkspaceStore(home);
        store.save("alice", workspace("light"));

        assertThat(store.load("bob")).isEmpty();
        assertThat(store.load("ALICE")).map(Workspace::theme).contains("light");
    }

    @Test
    void unreadableFileFallsBackToNoSavedWorkspace() throws Exception {
        FileWorkspaceStore store = new FileWorkspaceStore(home);
        Files.createDirectories(store.fileOf("alice").getParent());
        Files.writeString(store.fileOf("alice"), "dividers=not,a,number\n");

        assertThat(store.load("alice")).isEmpty();
    }

    @Test
    void userNameThatCouldEscapeTheFolderIsRefused() {
        FileWorkspaceStore store = new FileWorkspaceStore(home);

        assertThatThrownBy(() -> store.save("../etc/passwd", workspace("dark")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Workspace workspace(String theme) {
        return new Workspace(theme, List.of(), List.of(), List.of(), null, Map.of(), Map.of(), Map.of(), 50_000);
    }
}
