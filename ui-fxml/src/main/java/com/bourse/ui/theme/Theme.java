package com.bourse.ui.theme;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/** The themes the {@code themes} module ships: a shared base sheet plus one colour sheet each. */
public enum Theme {
    DARK("dark"),
    LIGHT("light");

    private static final String ROOT = "/com/bourse/themes/";
    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Stylesheet URLs in the order they apply: colours first, then the base that uses them. */
    public List<String> stylesheets() {
        return List.of(resource(id + ".css"), resource("base.css"));
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** The theme of a saved name; the default (dark) for anything unknown. */
    public static Theme of(String id) {
        for (Theme theme : values()) {
            if (theme.id.equalsIgnoreCase(id)) {
                return theme;
            }
        }
        return DARK;
    }

    static String resource(String name) {
        URL url = Theme.class.getResource(ROOT + name);
        return Objects.requireNonNull(url, "themes module missing from the class path: " + ROOT + name)
                .toExternalForm();
    }
}
