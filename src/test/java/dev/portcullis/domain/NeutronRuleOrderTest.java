package dev.portcullis.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.NeutronRecords.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules with two or three problems at once, as a real Neutron answered them ({@code rule-order.json},
 * written by {@code scripts/neutron/probe-order.py}): the first problem {@link Validation} reports
 * carries the code Neutron answered with, so the workspace and the dialog name the same problem first.
 */
class NeutronRuleOrderTest {

    /** What the probe script writes for the probe group's own id. */
    static final String OWN = "@OWN";

    /** One recorded probe: its name, the members sent (without security_group_id) and Neutron's answer. */
    record OrderCase(String name, JsonNode request, int status, String type, String message) {

        Exchange exchange() {
            ObjectNode response = NeutronRecords.JSON.createObjectNode();
            ObjectNode error = response.putObject("NeutronError");
            error.put("type", type);
            error.put("message", message);
            return new Exchange(name, "POST", "/v2.0/security-group-rules", request, status,
                    type == null ? null : response);
        }

        /** The members with the probe group's own id put back (any id: Validation does not look it up). */
        JsonNode sent(String ownId) {
            ObjectNode copy = request.deepCopy();
            copy.fields().forEachRemaining(e -> {
                if (OWN.equals(e.getValue().asText(null))) {
                    e.setValue(copy.textNode(ownId));
                }
            });
            return copy;
        }

        @Override
        public String toString() {
            return name + " -> " + status + (type == null ? "" : " " + type);
        }
    }

    static List<OrderCase> cases() {
        try (InputStream in = NeutronRuleOrderTest.class.getResourceAsStream("/dev/portcullis/neutron/rule-order.json")) {
            List<OrderCase> out = new ArrayList<>();
            for (JsonNode n : NeutronRecords.JSON.readTree(in)) {
                out.add(new OrderCase(n.get("name").asText(), n.get("request"), n.get("status").asInt(),
                        n.get("type").isNull() ? null : n.get("type").asText(),
                        n.get("message").isNull() ? null : n.get("message").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code Validation reports first for these members, or null when it accepts them. */
    static String firstCode(JsonNode members) {
        Validation.RuleResult result = Validation.ruleRequest(NeutronRecords.ruleMembers(members));
        return result.valid() ? null : result.problems().get(0).code();
    }

    /** The code Neutron's answer stands for: null for a 201, else its type (ours where it says HTTPBadRequest). */
    static String expectedCode(OrderCase c) {
        return c.status() == 201 ? null : NeutronRecords.expectedCode(c.exchange());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstProblemIsTheOneNeutronAnswers(OrderCase c) {
        assertThat(firstCode(c.sent("8d6c3c8e-3c4f-4c1e-9f55-0d2f4a7e1a11")))
                .as("%s: first code", c).isEqualTo(expectedCode(c));
    }

    @Test
    void theIssuesExampleIsAPortProblemNotAProtocolOne() {
        OrderCase example = cases().stream().filter(c -> c.name().equals("protocol-06+only-max-0")).findFirst()
                .orElseThrow();

        assertThat(example.type()).isEqualTo(ErrorCode.INVALID_PORT_VALUE);
        assertThat(firstCode(example.sent("x"))).isEqualTo(ErrorCode.INVALID_PORT_VALUE);
    }
}
