package com.bourse.ui.view;

import javafx.geometry.Rectangle2D;

/**
 * Where a new main window goes when another is open: beside it (right, else left) when the screen has room,
 * else a step down and sideways (narrower when the screen is no wider than the window), so the windows never
 * sit exactly on top of each other. Always inside the screen. Stateless.
 */
public final class WindowPlacement {
    /** How far a window that cannot go beside the previous one is stepped from it. */
    public static final double STEP = 48;

    private WindowPlacement() {
    }

    /** Where a {@code width} × {@code height} window opening after {@code previous} goes, and its size. */
    public static Rectangle2D beside(Rectangle2D previous, double width, double height, Rectangle2D screen) {
        double y = clamp(previous.getMinY(), screen.getMinY(), screen.getMaxY() - height);
        if (previous.getMaxX() + width <= screen.getMaxX()) {
            return new Rectangle2D(previous.getMaxX(), y, width, height);
        }
        if (previous.getMinX() - width >= screen.getMinX()) {
            return new Rectangle2D(previous.getMinX() - width, y, width, height);
        }
        // No room beside: a title bar's height down and a step sideways, narrower if the screen needs it.
        double stepped = clamp(previous.getMinY() + STEP, screen.getMinY(), screen.getMaxY() - height);
        if (previous.getMinX() + STEP + width <= screen.getMaxX()) {
            return new Rectangle2D(previous.getMinX() + STEP, stepped, width, height);
        }
        if (previous.getMinX() - STEP >= screen.getMinX()) {
            return new Rectangle2D(previous.getMinX() - STEP, stepped, width, height);
        }
        double narrower = Math.min(width, screen.getWidth() - STEP);
        return new Rectangle2D(previous.getMinX() + STEP, stepped, narrower, height);
    }

    /** Whether two windows would sit one on top of the other (their corners within a step). */
    public static boolean onTopOf(Rectangle2D a, Rectangle2D b) {
        return Math.abs(a.getMinX() - b.getMinX()) < STEP && Math.abs(a.getMinY() - b.getMinY()) < STEP;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
