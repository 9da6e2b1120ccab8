package com.bourse.ui.view.backoffice;

import javafx.application.Platform;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every back-office panel needs whatever desk it talks to: where messages go, how it asks the person to
 * confirm (a dialog on screen; a test answers for them), the window its dialogs belong to, and the one way an
 * answer comes back to the FX thread. {@link BackOfficeContext} adds the books' desk and reference data. FX thread
 * only.
 */
public class PanelContext {
    private final Consumer<String> say;
    private BiPredicate<String, String> confirmer = (title, text) -> true;
    private Supplier<Window> owner = () -> null;

    public PanelContext(Consumer<String> say) {
        this.say = say;
    }

    public void say(String text) {
        say.accept(text);
    }

    /** Asks the person; true to go ahead. */
    public boolean confirm(String title, String text) {
        return confirmer.test(title, text);
    }

    public void setConfirmer(BiPredicate<String, String> confirmer) {
        this.confirmer = confirmer;
    }

    /** The window dialogs and file choosers belong to. */
    public Window owner() {
        return owner.get();
    }

    public void setOwner(Supplier<Window> owner) {
        this.owner = owner;
    }

    /**
     * Hands the desk's answer to {@code then} on the FX thread; a failure is said on the status line with
     * {@code what} and the cause.
     */
    public <T> void whenDone(CompletableFuture<T> answer, String what, Consumer<T> then) {
        answer.whenComplete((value, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                say(what + " failed: " + cause.getMessage());
                return;
            }
            then.accept(value);
        }));
    }
}
