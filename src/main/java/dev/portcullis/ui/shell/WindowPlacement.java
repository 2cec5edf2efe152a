package dev.portcullis.ui.shell;

import javafx.geometry.Rectangle2D;

import java.util.List;

/**
 * Where the main window opens: where it was last, or centred, always wholly on a screen. A size saved on a
 * larger screen (or the default 1280x800 on a 1024x700 one) shrinks to the screen, less its title bar, so no
 * part of the window opens out of reach.
 *
 * @param x      the window's left edge, NaN to let the toolkit centre it
 * @param y      its top edge, NaN likewise
 * @param width  the scene's width
 * @param height the scene's height
 */
record WindowPlacement(double x, double y, double width, double height) {

    /** Room for the window's title bar and frame, which the scene's size does not count. */
    static final double FRAME = 40;

    /**
     * @param saved   where the window was (x and y NaN: never placed)
     * @param screens the screens' visual bounds, the primary first
     */
    static WindowPlacement of(Settings.WindowBounds saved, List<Rectangle2D> screens) {
        Rectangle2D screen = screens.get(0);
        boolean placed = !Double.isNaN(saved.x()) && !Double.isNaN(saved.y());
        if (placed) {
            for (Rectangle2D s : screens) {
                if (s.contains(saved.x(), saved.y())) {
                    screen = s;
                    break;
                }
            }
        }
        double width = Math.min(saved.width(), screen.getWidth() - FRAME / 4);
        double height = Math.min(saved.height(), screen.getHeight() - FRAME);
        if (!placed || !screen.contains(saved.x(), saved.y())) {
            return new WindowPlacement(Double.NaN, Double.NaN, width, height);
        }
        double x = Math.max(screen.getMinX(), Math.min(saved.x(), screen.getMaxX() - width - FRAME / 4));
        double y = Math.max(screen.getMinY(), Math.min(saved.y(), screen.getMaxY() - height - FRAME));
        return new WindowPlacement(x, y, width, height);
    }
}
