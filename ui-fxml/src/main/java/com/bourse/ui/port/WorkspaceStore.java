package com.bourse.ui.port;

import java.util.Optional;

/**
 * Where a user's workspace (panel layout, column widths, sort orders, theme) is kept between sessions.
 * Called on the FX thread at sign-in and when a window closes; implementations keep it short.
 */
public interface WorkspaceStore {

    Optional<Workspace> load(String username);

    void save(String username, Workspace workspace);
}
