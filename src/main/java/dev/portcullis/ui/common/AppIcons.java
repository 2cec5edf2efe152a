package dev.portcullis.ui.common;

import javafx.scene.image.Image;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/** The console's icon at each size the desktop may ask for, for the main window and every dialog. */
public final class AppIcons {

    private static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private AppIcons() {
    }

    /** Decodes the icons; a few tens of milliseconds, so the main window sets them after its first frame. */
    public static List<Image> all() {
        return SIZES.stream().map(size -> {
            InputStream in = AppIcons.class.getResourceAsStream("icons/portcullis-" + size + ".png");
            return in == null ? null : new Image(in);
        }).filter(Objects::nonNull).toList();
    }
}
