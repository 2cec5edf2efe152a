package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.Values.EvalException;
import dev.portcullis.files.terraform.Values.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each expression Terraform evaluates, with the value it gives (written as HCL would show it). */
class HclExpressionTest {

    /** var.* from a fixed table; data.* unknown, as in a configuration. */
    private static final Evaluator.Scope SCOPE = (root, attr, line) -> switch (root) {
        case "var" -> Map.<String, Object>of(
                "cidrs", java.util.List.of("10.0.0.0/8", "2001:db8::/32"),
                "rules", Map.of("ssh", Map.of("port", new java.math.BigDecimal(22)),
                        "https", Map.of("port", new java.math.BigDecimal(443))),
                "env", "prod").get(attr);
        case "data" -> new Unknown("data." + attr, "is a data source");
        default -> throw new EvalException(line, root + " is not defined");
    };

    static Object eval(String expression) {
        try {
            return new Evaluator(SCOPE).eval(HclParser.parseExpression(expression), Map.of());
        } catch (HclParser.SyntaxException e) {
            throw new AssertionError(e.getMessage() + " at line " + e.line(), e);
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " ::: ", quoteCharacter = '\'', value = {
            // templates and operators
            "\"web-${var.env}\"                                     ::: \"web-prod\"",
            "\"${22}\"                                               ::: 22",
            "\"$${literal}\"                                         ::: \"${literal}\"",
            "\"%{ if var.env == \"prod\" }P%{ else }D%{ endif }\"     ::: \"P\"",
            "\"%{ for c in var.cidrs }[${c}]%{ endfor }\"             ::: \"[10.0.0.0/8][2001:db8::/32]\"",
            "1 + 2 * 3 - 4 / 2                                      ::: 5",
            "(1 + 2) * 3 % 4                                        ::: 1",
            "\"22\" + 1                                              ::: 23",
            "-5 < 3 && !false || false                              ::: true",
            "var.env != \"dev\" ? \"IPv6\" : \"IPv4\"                    ::: \"IPv6\"",
            "length(regexall(\":\", var.cidrs[1])) > 0 ? \"IPv6\" : \"IPv4\" ::: \"IPv6\"",
            "length(regexall(\":\", var.cidrs[0])) > 0 ? \"IPv6\" : \"IPv4\" ::: \"IPv4\"",
            // collections, for, splat
            "[for c in var.cidrs : upper(c) if length(c) > 11]      ::: [\"2001:DB8::/32\"]",
            "{for k, v in var.rules : k => v.port}                  ::: {https = 443, ssh = 22}",
            "[for k, v in var.rules : v.port if k == \"ssh\"]         ::: [22]",
            "{for c in [\"a\", \"b\", \"a\"] : c => c...}                ::: {a = [\"a\", \"a\"], b = [\"b\"]}",
            "[{id = 1}, {id = 2}][*].id                             ::: [1, 2]",
            "{a = [1, 2]}.a.1                                       ::: 2",
            "var.rules[\"https\"].port                                ::: 443",
            // the functions
            "toset([\"b\", \"a\", \"b\"])                                ::: [\"a\", \"b\"]",
            "toset([443, 22, 443])                                  ::: [22, 443]",
            "tobool(\"true\")                                        ::: true",
            "\"a ${~ \"b\" ~} c\"                                     ::: \"abc\"",
            "\"%{ for p in [22, 80] ~}   ${p}   %{~ endfor }\"           ::: \"2280\"",
            "\"${1 ~}${2}  x\"                                        ::: \"12  x\"",
            "tolist(toset([\"x\"]))                                   ::: [\"x\"]",
            "tomap({a = 1})                                         ::: {a = 1}",
            "tostring(22)                                           ::: \"22\"",
            "tonumber(\"8080\")                                       ::: 8080",
            "length(\"abc\")                                          ::: 3",
            "length({a = 1, b = 2})                                 ::: 2",
            "element([\"a\", \"b\"], 3)                                 ::: \"b\"",
            "lookup({a = 1}, \"b\", 7)                                 ::: 7",
            "lookup({a = 1}, \"a\")                                    ::: 1",
            "concat([1], [2, 3])                                    ::: [1, 2, 3]",
            "flatten([[1, [2]], 3])                                 ::: [1, 2, 3]",
            "merge({a = 1, b = 1}, {b = 2})                         ::: {a = 1, b = 2}",
            "format(\"%s:%d-%05d %q %%\", \"tcp\", 22, 80, \"x\")          ::: \"tcp:22-00080 \"x\" %\"",
            "join(\",\", [\"a\", \"b\"], [\"c\"])                          ::: \"a,b,c\"",
            "split(\",\", \"22,80\")                                    ::: [\"22\", \"80\"]",
            "replace(\"a-b-c\", \"-\", \"_\")                              ::: \"a_b_c\"",
            "replace(\"port 22\", \"/[0-9]+/\", \"N\")                     ::: \"port N\"",
            "regexall(\"[0-9]+\", \"22 and 443\")                       ::: [\"22\", \"443\"]",
            "regexall(\"(\\\\w+)=(\\\\d+)\", \"a=1\")                          ::: [[\"a\", \"1\"]]",
            "contains([\"tcp\", \"udp\"], \"udp\")                         ::: true",
            "contains([22], 23)                                     ::: false",
            "cidrsubnet(\"10.20.0.0/16\", 8, 3)                        ::: \"10.20.3.0/24\"",
            "cidrsubnet(\"2001:db8::/32\", 16, 1)                      ::: \"2001:db8:1::/48\"",
            "cidrhost(\"10.0.1.0/24\", 5)                              ::: \"10.0.1.5\"",
            "cidrhost(\"10.0.1.0/24\", -1)                             ::: \"10.0.1.255\"",
            "cidrhost(\"2001:db8::/64\", 1)                            ::: \"2001:db8::1\"",
            "upper(\"ab\")                                            ::: \"AB\"",
            "lower(\"AB\")                                            ::: \"ab\"",
            "trimspace(\"  a \")                                      ::: \"a\"",
            "keys({b = 1, a = 2})                                   ::: [\"a\", \"b\"]",
            "values({b = 1, a = 2})                                 ::: [2, 1]",
            "distinct([1, 2, 1])                                    ::: [1, 2]",
            "try(var.rules.telnet.port, 23)                         ::: 23",
            "can(var.rules.telnet)                                  ::: false",
            "can(var.rules.ssh)                                     ::: true",
            "coalesce(\"\", null, \"x\")                                 ::: \"x\"",
            "max([1, 2]...) == null ? 0 : 1                         ::: (max())",
    })
    void evaluatesAsTerraformDoes(String expression, String expected) {
        assertThat(Values.show(eval(expression))).isEqualTo(expected);
    }

    @Test
    void heredocsKeepTheirLinesAndStripTheIndentOfTheIndentedForm() throws HclParser.SyntaxException {
        Syntax.Body body = HclParser.parse("""
                a = <<-EOT
                    web ${var.env}
                      tier
                    EOT
                b = <<EOT
                x
                EOT
                c = 1
                """);

        Evaluator ev = new Evaluator(SCOPE);
        assertThat(ev.eval(body.attribute("a").value(), Map.of())).isEqualTo("web prod\n  tier\n");
        assertThat(ev.eval(body.attribute("b").value(), Map.of())).isEqualTo("x\n");
        assertThat(body.attribute("c").line()).isEqualTo(8);
    }

    @Test
    void unknownValuesSpreadAndSayWhatAndWhy() {
        Object v = eval("\"${data.openstack_networking_secgroup_v2.ext.id}-x\"");

        assertThat(v).isEqualTo(new Unknown("data.openstack_networking_secgroup_v2.ext.id", "is a data source"));
        assertThat(eval("timestamp()")).isInstanceOf(Unknown.class);
        assertThat(((Unknown) eval("nosuchfunction(1)")).message()).contains("nosuchfunction()", "does not evaluate");
    }

    @Test
    void errorsSayTheirLine() {
        assertThatThrownBy(() -> new Evaluator(SCOPE).eval(HclParser.parseExpression("[\n1,\n\"a\" * 2]"), Map.of()))
                .isInstanceOfSatisfying(EvalException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("not a number");
                });
        assertThatThrownBy(() -> HclParser.parse("a = \"x\n")).isInstanceOfSatisfying(HclParser.SyntaxException.class,
                e -> assertThat(e.line()).isEqualTo(1));
    }
}
