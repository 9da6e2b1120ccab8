package com.bourse.ui.view;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The CSV button of a blotter: asks where, writes the table as shown, says what it did. */
final class Exports {
    private Exports() {
    }

    static void askAndExport(Node owner, TableView<?> table, String suggestedName, Consumer<String> say) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to CSV");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            export(table, file.toPath(), say);
        }
    }

    static void export(TableView<?> table, Path file, Consumer<String> say) {
        try {
            int rows = Tables.exportCsv(table, file);
            say.accept("Exported " + rows + " rows to " + file);
        } catch (IOException e) {
            say.accept("Export failed: " + e.getMessage());
        }
    }
}
