package com.bourse.ui.workspace;

import javafx.scene.Node;

import java.util.Objects;

/**
 * A panel the workspace can dock, move, detach and close: a stable id (saved in layouts), a title for its
 * tab, its content and the area it opens in by default.
 */
public record DockPanel(String id, String title, Node content, String defaultArea) {

    public DockPanel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(defaultArea, "defaultArea");
        content.getProperties().put(DockPanel.class, id);
    }

    /** The id of the panel a node belongs to, or null: walks up from the node to the panel's content. */
    public static String panelOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            Object id = n.getProperties().get(DockPanel.class);
            if (id instanceof String s) {
                return s;
            }
        }
        return null;
    }
}
