package com.bourse.ui.view;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Searchable pickers (ControlsFX {@code SearchableComboBox}) as a person expects them. While one searches, the
 * picker's value passes through empty (ControlsFX filters the list and the chosen item drops out of it); Escape, or
 * closing the search without choosing, puts back what was chosen before, and {@link #onChoice} hears only real
 * choices, so a form never clears what depends on the picker (an account's currency) for a search given up. FX
 * thread only.
 */
public final class SearchablePickers {
    private SearchablePickers() {
    }

    /** Escape, or a search closed without a choice, puts back the value the picker had when the search opened. */
    public static <T> void restoreOnEscape(ComboBox<T> picker) {
        Remembered<T> remembered = new Remembered<>();
        picker.showingProperty().addListener((obs, was, showing) -> {
            if (showing) {
                remembered.value = picker.getValue();
                remembered.escaped = false;
            } else if (remembered.escaped || picker.getValue() == null) {
                picker.setValue(remembered.value);
            }
        });
        // The search field is a child of the picker: a filter sees Escape before the field or ControlsFX does.
        picker.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && picker.isShowing()) {
                remembered.escaped = true;
                picker.hide();
                picker.requestFocus();
                e.consume();
            }
        });
    }

    /**
     * {@link #restoreOnEscape}, and {@code chosen} told of each value the person (or the program) really chose: not
     * the empty values a search passes through, nor the value put back after one.
     */
    public static <T> void onChoice(ComboBox<T> picker, Consumer<T> chosen) {
        restoreOnEscape(picker);
        Remembered<T> last = new Remembered<>();
        last.value = picker.getValue();
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now == null && picker.isShowing() || Objects.equals(now, last.value)) {
                return;
            }
            last.value = now;
            chosen.accept(now);
        });
    }

    private static final class Remembered<T> {
        private T value;
        private boolean escaped;
    }
}
