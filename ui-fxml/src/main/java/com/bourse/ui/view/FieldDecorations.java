package com.bourse.ui.view;

import impl.org.controlsfx.skin.DecorationPane;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

import java.util.Optional;

/**
 * A form's fields decorated by ControlsFX's {@link ValidationSupport}: a field whose message line has a message
 * carries ControlsFX's error mark on its corner, with the message as its tooltip. The rules and their words stay
 * the form's own (the message line the form reserves under the field, so nothing moves when a message comes or
 * goes); the mark is drawn over the field, outside the layout.
 *
 * <p>FX thread only.
 */
public final class FieldDecorations {
    /** The style class of the mark on a field, for the theme and for specs. */
    public static final String MARK = "field-mark";

    private final ValidationSupport support = new ValidationSupport();

    public FieldDecorations() {
        support.setValidationDecorator(new GraphicValidationDecoration() {
            @Override
            protected Node createDecorationNode(ValidationMessage message) {
                Node mark = super.createDecorationNode(message);
                mark.getStyleClass().add(MARK);
                return mark;
            }
        });
        // ControlsFX marks nothing until a field's own value changed; here the form's message line decides.
        support.initInitialDecoration();
    }

    /**
     * The node that holds a form's marks. Without one above the fields, ControlsFX's decorator makes one the
     * scene's root, and a panel moved to a window of its own would then find a foreign root there.
     */
    public static Parent host(Node form) {
        DecorationPane pane = new DecorationPane();
        pane.setRoot(form);
        return pane;
    }

    /** Marks {@code field} while {@code message} (the form's message line for it) has text. */
    public void follow(Control field, ObservableStringValue message) {
        support.registerValidator(field, false, (Control c, Object value) -> {
            String text = message.get();
            return ValidationResult.fromErrorIf(c, text, text != null && !text.isBlank());
        });
        message.addListener(o -> support.revalidate(field));
    }

    /** Marks {@code field} while the label under it shows a message. */
    public void follow(Control field, Label messageLine) {
        follow(field, messageLine.textProperty());
    }

    /** The message the field is marked with, if any. */
    public Optional<String> markOf(Control field) {
        return support.getHighestMessage(field).map(ValidationMessage::getText);
    }

    public ValidationSupport support() {
        return support;
    }
}
