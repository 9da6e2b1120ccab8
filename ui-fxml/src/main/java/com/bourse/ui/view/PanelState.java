package com.bourse.ui.view;

import com.bourse.ui.port.Workspace;

import java.util.List;
import java.util.Map;

/** A panel whose tables remember column widths, visible columns and sort orders per user. */
public interface PanelState {

    void capture(Map<String, Double> widths, Map<String, List<String>> hidden, Map<String, String> sorts);

    void restore(Workspace workspace);
}
