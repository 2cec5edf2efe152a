package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Theme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {

    private final Preferences node = Preferences.userRoot().node("dev/portcullis/test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void remembersTheThemeAndTheWindow() {
        Settings settings = new Settings(node);
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        assertThat(settings.windowBounds()).isEmpty();

        settings.setTheme(Theme.DARK);
        settings.setWindowBounds(new Settings.WindowBounds(10, 20, 1200, 800, false));

        Settings again = new Settings(node);
        assertThat(again.theme()).isEqualTo(Theme.DARK);
        assertThat(again.windowBounds()).contains(new Settings.WindowBounds(10, 20, 1200, 800, false));
    }

    @Test
    void anUnknownThemeFallsBackToLight() {
        node.put("theme", "PURPLE");

        assertThat(new Settings(node).theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void remembersThePlaceAndHowOftenItIsRefreshed() {
        Settings settings = new Settings(node);
        assertThat(settings.place()).isEmpty();
        assertThat(settings.autoRefresh()).isEqualTo(AutoRefresh.MINUTE_1);

        settings.setPlace("prod");
        settings.setAutoRefresh(AutoRefresh.MINUTES_5);

        Settings again = new Settings(node);
        assertThat(again.place()).contains("prod");
        assertThat(again.autoRefresh()).isEqualTo(AutoRefresh.MINUTES_5);
        node.put("autoRefresh", "EVERY_SECOND");
        assertThat(again.autoRefresh()).isEqualTo(AutoRefresh.DEFAULT);
    }
}
