package com.bourse.ui.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's saved desk: theme, where each panel sits, the window, table column widths, visible columns and
 * sort orders, and the ticket's confirmation threshold. Plain values so any store can keep it.
 *
 * @param theme              theme name, e.g. "dark"
 * @param areas              the docked panel areas in display order, each with its panels in tab order
 * @param detached           panels floating in their own windows
 * @param dividers           divider positions of the workspace's split panes, outermost first
 * @param window             the main window's bounds, or null for the default
 * @param columnWidths       "table/column" to width in pixels
 * @param hiddenColumns      "table" to the ids of its hidden columns
 * @param sortOrders         "table" to its sort order, e.g. "price:DESCENDING,qty:ASCENDING"
 * @param confirmAboveNotional ticket confirmation threshold in whole units of the order's currency
 */
public record Workspace(String theme, List<Area> areas, List<Detached> detached, List<Double> dividers,
                        Bounds window, Map<String, Double> columnWidths, Map<String, List<String>> hiddenColumns,
                        Map<String, String> sortOrders, long confirmAboveNotional) {

    public Workspace {
        Objects.requireNonNull(theme, "theme");
        areas = List.copyOf(areas);
        detached = List.copyOf(detached);
        dividers = List.copyOf(dividers);
        columnWidths = Map.copyOf(columnWidths);
        hiddenColumns = Map.copyOf(hiddenColumns);
        sortOrders = Map.copyOf(sortOrders);
    }

    /** One tab area: its id, its panels in tab order and the one in front. */
    public record Area(String id, List<String> panels, String selected) {
        public Area {
            panels = List.copyOf(panels);
        }
    }

    public record Detached(String panel, String homeArea, Bounds bounds) {
    }

    public record Bounds(double x, double y, double width, double height) {
    }
}
