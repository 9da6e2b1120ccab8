package com.bourse.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns the current theme of one desktop window family (the main window, its detached panels and dialogs):
 * every registered scene gets the theme's stylesheets, and a switch swaps them everywhere at once.
 * FX thread only.
 */
public final class ThemeManager {
    private static final String[] FONTS = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf",
            "DejaVuSansMono-Bold.ttf"};
    private static volatile boolean fontsLoaded;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.DARK);
    private final List<Scene> scenes = new ArrayList<>();

    public ThemeManager() {
        loadFonts();
        theme.addListener((obs, old, now) -> scenes.forEach(this::style));
    }

    /** Registers the bundled fonts once per JVM so figures render in the same face on every machine. */
    public static void loadFonts() {
        if (fontsLoaded) {
            return;
        }
        for (String name : FONTS) {
            try (InputStream in = ThemeManager.class.getResourceAsStream("/com/bourse/themes/fonts/" + name)) {
                if (in != null) {
                    Font.loadFont(in, 12);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        fontsLoaded = true;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public void setTheme(Theme value) {
        theme.set(value);
    }

    public void toggle() {
        theme.set(theme.get().other());
    }

    /** Styles the scene now and on every later switch. */
    public void register(Scene scene) {
        if (!scenes.contains(scene)) {
            scenes.add(scene);
        }
        style(scene);
    }

    public void unregister(Scene scene) {
        scenes.remove(scene);
    }

    private void style(Scene scene) {
        scene.getStylesheets().setAll(theme.get().stylesheets());
    }
}
