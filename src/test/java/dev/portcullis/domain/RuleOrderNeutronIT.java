package dev.portcullis.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.NeutronRuleOrderTest.OrderCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asks the real Neutron again every rule of {@code rule-order.json} (rules with several problems at once):
 * it must still answer the code it answered when the file was recorded, and Validation must still report
 * that code first, so that a change of Neutron's order is caught. Runs in one fresh group on the noauth
 * server, deleted at the end.
 */
class RuleOrderNeutronIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static HttpClient http;
    private static URI base;
    private static String groupId;

    @BeforeAll
    static void createGroup() throws Exception {
        String url = System.getProperty("portcullis.neutron.noauth.url", "http://127.0.0.1:9696");
        base = URI.create(url + "/v2.0/");
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        ObjectNode body = NeutronRecords.JSON.createObjectNode();
        body.putObject("security_group").put("name", "order-it-" + UUID.randomUUID());
        JsonNode created = send("POST", "security-groups", body);
        groupId = created.get("security_group").get("id").asText();
    }

    @AfterAll
    static void deleteGroup() throws Exception {
        if (groupId != null) {
            send("DELETE", "security-groups/" + groupId, null);
        }
    }

    private static JsonNode send(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(NeutronRecords.JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode answer = NeutronRecords.JSON.createObjectNode();
        answer.put("status", response.statusCode());
        answer.set("body", response.body().isBlank() ? null : NeutronRecords.JSON.readTree(response.body()));
        return method.equals("POST") && path.equals("security-groups") ? answer.get("body") : answer;
    }

    @Test
    void neutronStillAnswersTheRecordedCodeAndValidationReportsItFirst() throws Exception {
        List<String> drift = new ArrayList<>();
        for (OrderCase c : NeutronRuleOrderTest.cases()) {
            ObjectNode rule = (ObjectNode) c.sent(groupId);
            rule.put("security_group_id", groupId);
            ObjectNode body = NeutronRecords.JSON.createObjectNode();
            body.set("security_group_rule", rule);
            JsonNode answer = send("POST", "security-group-rules", body);
            int status = answer.get("status").asInt();
            JsonNode error = answer.path("body").path("NeutronError");
            String type = error.isMissingNode() ? null : error.get("type").asText();
            if (status == 201) {
                send("DELETE", "security-group-rules/" + answer.get("body").get("security_group_rule").get("id")
                        .asText(), null);
            }
            OrderCase now = new OrderCase(c.name(), c.request(), status, type,
                    error.isMissingNode() ? null : error.get("message").asText());
            if (status != c.status() || !java.util.Objects.equals(type, c.type())) {
                drift.add(c + " now answers " + now);
            } else if (!java.util.Objects.equals(NeutronRuleOrderTest.expectedCode(now),
                    NeutronRuleOrderTest.firstCode(c.sent(groupId)))) {
                drift.add(c + ": Validation reports " + NeutronRuleOrderTest.firstCode(c.sent(groupId)) + " first");
            }
        }
        assertThat(drift).as("rules Neutron now answers otherwise than recorded (re-run "
                + "scripts/neutron/probe-order.py)").isEmpty();
    }
}
