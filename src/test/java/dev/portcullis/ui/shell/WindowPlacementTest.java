package dev.portcullis.ui.shell;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window opens wholly on a screen, whatever size and place were saved. */
class WindowPlacementTest {

    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 700);
    private static final Rectangle2D LARGE = new Rectangle2D(0, 0, 1440, 900);

    @Test
    void theDefaultSizeShrinksToASmallScreenAndIsCentred() {
        WindowPlacement p = WindowPlacement.of(new Settings.WindowBounds(Double.NaN, Double.NaN, 1280, 800, false),
                List.of(SMALL));

        assertThat(p.width()).isLessThanOrEqualTo(1024);
        assertThat(p.height()).isLessThanOrEqualTo(700 - WindowPlacement.FRAME);
        assertThat(p.x()).isNaN();
    }

    @Test
    void aPlaceSavedOnALargerScreenIsMovedSoTheWholeWindowIsOnThisOne() {
        WindowPlacement p = WindowPlacement.of(new Settings.WindowBounds(80, 30, 1280, 800, false), List.of(SMALL));

        assertThat(p.x()).isGreaterThanOrEqualTo(0);
        assertThat(p.x() + p.width()).isLessThanOrEqualTo(1024);
        assertThat(p.y() + p.height() + WindowPlacement.FRAME).isLessThanOrEqualTo(700);
    }

    @Test
    void aPlaceThatFitsIsKeptAsItWas() {
        WindowPlacement p = WindowPlacement.of(new Settings.WindowBounds(100, 50, 1200, 780, false), List.of(LARGE));

        assertThat(p).isEqualTo(new WindowPlacement(100, 50, 1200, 780));
    }

    @Test
    void aPlaceOnAScreenThatIsGoneOpensCentredOnTheFirst() {
        WindowPlacement p = WindowPlacement.of(new Settings.WindowBounds(3000, 50, 1200, 780, false),
                List.of(LARGE));

        assertThat(p.x()).isNaN();
        assertThat(p.width()).isEqualTo(1200);
    }

    @Test
    void theSecondScreenIsUsedWhereTheWindowWas() {
        Rectangle2D right = new Rectangle2D(1440, 0, 1024, 700);
        WindowPlacement p = WindowPlacement.of(new Settings.WindowBounds(1500, 20, 1280, 800, false),
                List.of(LARGE, right));

        assertThat(p.x()).isGreaterThanOrEqualTo(1440);
        assertThat(p.x() + p.width()).isLessThanOrEqualTo(1440 + 1024);
    }
}
