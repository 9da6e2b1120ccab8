package com.bourse.ui.view.backoffice;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads one of the back-office panels' FXML files with its (already built) controller. */
final class Fxml {
    private Fxml() {
    }

    static Parent load(String name, Object controller) {
        FXMLLoader loader = new FXMLLoader(Fxml.class.getResource(name));
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }
}
