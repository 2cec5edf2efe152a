package dev.portcullis.files.terraform;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whatever a file holds, the parser answers with a tree or a SyntaxException with a line, never anything else. */
class HclParserProperties {

    @Provide
    Arbitrary<String> hclish() {
        return Arbitraries.of("resource", "\"a\"", "{", "}", "[", "]", "(", ")", "=", "\n", " ", "${", "%{", "if",
                "for", "in", ":", "?", "=>", "...", "[*]", ".", ",", "x", "1", "-", "!", "<<EOT\n", "EOT", "\"",
                "\\", "#", "/*", "*/", "~}", "endif", "else").list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void anyTokenSoupParsesOrIsASyntaxError(@ForAll("hclish") String text) {
        parseOrSyntaxError(text);
    }

    @Property(tries = 500)
    void anyTextParsesOrIsASyntaxError(@ForAll String text) {
        parseOrSyntaxError(text);
    }

    private static void parseOrSyntaxError(String text) {
        try {
            HclParser.parse(text);
        } catch (HclParser.SyntaxException e) {
            assertThat(e.line()).isBetween(1, (int) text.lines().count() + 1);
        }
    }

    @Test
    void absurdNestingIsRefusedWithALineNotAStackOverflow() {
        assertThatThrownBy(() -> HclParser.parse("a = " + "[".repeat(100_000)))
                .isInstanceOf(HclParser.SyntaxException.class).hasMessageContaining("nest deeper");
        assertThatThrownBy(() -> HclParser.parse("a = " + "-".repeat(100_000) + "1"))
                .isInstanceOf(HclParser.SyntaxException.class).hasMessageContaining("nest deeper");
        assertThatThrownBy(() -> HclParser.parse("b {\n".repeat(100_000)))
                .isInstanceOf(HclParser.SyntaxException.class).hasMessageContaining("nest deeper");
        assertThatThrownBy(() -> HclParser.parse("a = \"" + "%{ if true }".repeat(100_000) + "\""))
                .isInstanceOf(HclParser.SyntaxException.class).hasMessageContaining("nest");
    }

    @Test
    void aFunctionGivenAWrongValueIsAnErrorOfTheConfigurationNotACrash() {
        Evaluator ev = new Evaluator((root, attr, line) -> null);
        assertThatThrownBy(() -> ev.eval(HclParser.parseExpression("cidrhost(\"10.0.0.0/8\", 1.5)"), Map.of()))
                .isInstanceOf(Values.EvalException.class).hasMessageContaining("cidrhost()");
        assertThatThrownBy(() -> ev.eval(HclParser.parseExpression("format(\"%-#0s\", 1)"), Map.of()))
                .isInstanceOf(Values.EvalException.class).hasMessageContaining("format()");
    }
}
