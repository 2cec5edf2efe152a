package dev.portcullis.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void terminalEscapesAndWindowTitlesAreShownNotActedOn() {
        assertThat(SafeText.line("rel-\u001b]0;pwned\u0007x\u001b[2J")).isEqualTo("rel-\\u001b]0;pwned\\u0007x\\u001b[2J");
    }

    @Test
    void c1ControlsBidiOverridesIsolatesZeroWidthAndSeparatorsAreEscaped() {
        assertThat(SafeText.line("a\u009b31m\u0085\u202e\u2066\u2069\u200b\u200f\u2028\u2029\ufeffb"))
                .isEqualTo("a\\u009b31m\\u0085\\u202e\\u2066\\u2069\\u200b\\u200f\\u2028\\u2029\\ufeffb");
    }

    @Test
    void aFormatCharacterOutsideTheBasicPlaneIsEscapedWhole() {
        assertThat(SafeText.line("x\udb40\udc01y")).isEqualTo("x\\U000e0001y");
    }

    @Test
    void aSingleValueShowsItsLineBreaksAndTabs() {
        assertThat(SafeText.line("web\r\nadmin\tx")).isEqualTo("web\\r\\nadmin\\tx");
    }

    @Test
    void aMessageKeepsItsLinesAndNeverPrintsAnEscapedLineFeed() {
        String shown = SafeText.message("first line\nsecond\tline\r\nthird\rover");

        assertThat(shown).isEqualTo("first line\nsecond\tline\nthird\\rover").doesNotContain("\\u000a");
    }

    @Test
    void plainTextIsTheSameString() {
        String name = "web-servers (prod) é 日本";
        assertThat(SafeText.line(name)).isSameAs(name);
        assertThat(SafeText.message(name)).isSameAs(name);
    }

    @Test
    void aLongValueIsCutSayingHowMuchWasLeftOut() {
        String shown = SafeText.line("x".repeat(SafeText.LINE_LIMIT + 1_234));

        assertThat(shown).isEqualTo("x".repeat(SafeText.LINE_LIMIT) + "… (1,234 more characters)");
        assertThat(SafeText.message("y".repeat(SafeText.MESSAGE_LIMIT + 1)))
                .endsWith("y… (1 more character)");
    }

    @Test
    void nothingIsNothing() {
        assertThat(SafeText.line(null)).isEmpty();
    }
}
