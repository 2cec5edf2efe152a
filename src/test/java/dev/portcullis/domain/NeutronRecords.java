package dev.portcullis.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.files.JsonValues;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exchanges recorded against a real Zed neutron-server, as test data: {@code probes.json} and the
 * {@code samples/} copied from {@code shared/neutron/samples} (only the security-group and rule
 * POST/PUT rows of its {@code index.tsv}, with the one Keystone token redacted, and their bodies).
 */
final class NeutronRecords {

    private static final String BASE = "/dev/portcullis/neutron/";

    /** Floats kept as BigDecimal, so {@code 22.0} stays 22.0 and is not mistaken for an int. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private NeutronRecords() {
    }

    /** One request Neutron answered: what was sent, the status and the parsed body of the answer. */
    record Exchange(String name, String method, String path, JsonNode request, int status, JsonNode response) {

        /** The answer's {@code NeutronError.type}, or null when Neutron did not send one. */
        String errorType() {
            JsonNode type = response == null ? null : response.path("NeutronError").get("type");
            return type == null ? null : type.asText();
        }

        String errorMessage() {
            JsonNode message = response == null ? null : response.path("NeutronError").get("message");
            return message == null ? "" : message.asText();
        }

        /** What a failing test prints: the exchange's name, as recorded. */
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every entry of probes.json; {@code request} is the member object (or, for bulk probes, the list). */
    static List<JsonNode> probes() {
        List<JsonNode> out = new ArrayList<>();
        read("probes.json").elements().forEachRemaining(out::add);
        return out;
    }

    static List<JsonNode> probes(String kind) {
        return probes().stream().filter(p -> kind.equals(p.get("kind").asText())).toList();
    }

    /** A probe as an exchange; {@code path} says what it was sent to. */
    static Exchange probe(JsonNode probe) {
        String kind = probe.get("kind").asText();
        String method = probe.has("method") ? probe.get("method").asText() : "POST";
        String path = kind.equals("group") ? "/v2.0/security-groups" : "/v2.0/security-group-rules";
        return new Exchange(probe.get("name").asText(), method, path, probe.get("request"),
                probe.get("status").asInt(), probe.get("response"));
    }

    /**
     * The recorded samples, in index order. {@code request} is the JSON body sent (null when there was
     * none, or when it was not JSON at all, as in the malformed-body sample).
     */
    static List<Exchange> samples() {
        List<Exchange> out = new ArrayList<>();
        for (String line : text("samples/index.tsv").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String name = cols[0];
            out.add(new Exchange(name, cols[1], cols[2], firstJsonValue(cols[5]).orElse(null),
                    Integer.parseInt(cols[3]), read("samples/" + name + ".json")));
        }
        return out;
    }

    /** The index keeps curl's extra arguments after the body ({@code -H ...}); read the JSON value only. */
    private static Optional<JsonNode> firstJsonValue(String column) {
        if (column.isBlank()) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(column)) {
            return Optional.ofNullable(JSON.readTree(parser));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A JSON object's members as Raw values, exactly as given: a JSON number stays a number (integral
     * when written without fraction or exponent), a string stays text, null stays null. Members named in
     * {@code drop} are left out.
     */
    static Map<String, Raw> members(JsonNode object, Set<String> drop) {
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + object);
        }
        Map<String, Raw> members = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!drop.contains(e.getKey())) {
                members.put(e.getKey(), raw(e.getValue()));
            }
        }
        return members;
    }

    /** A rule's members as a create request gives them, without the {@code security_group_id} it targets. */
    static Map<String, Raw> ruleMembers(JsonNode object) {
        return members(object, Set.of("security_group_id"));
    }

    static Raw raw(JsonNode node) {
        return JsonValues.raw(node);
    }

    /**
     * The code our first problem must carry for Neutron's error: Neutron's own type, except where it
     * only says HTTPBadRequest (or a bare InvalidInput), where its message tells which of our codes
     * names the condition.
     */
    static String expectedCode(Exchange exchange) {
        String type = exchange.errorType();
        String message = exchange.errorMessage();
        if (!type.equals("HTTPBadRequest") && !type.equals("InvalidInput")) {
            return type;
        }
        if (message.startsWith("Unrecognized attribute(s)")) {
            return ErrorCode.UNRECOGNIZED_ATTRIBUTE;
        }
        if (message.contains("not allowed in POST")) {
            return ErrorCode.NOT_ALLOWED_IN_POST;
        }
        if (message.startsWith("Cannot update read-only attribute")) {
            return ErrorCode.READ_ONLY_ATTRIBUTE;
        }
        if (message.contains("exceeds maximum length")) {
            return ErrorCode.TOO_LONG;
        }
        if (message.contains("is not a valid string")) {
            return ErrorCode.INVALID_TYPE;
        }
        if (message.contains("is not in valid_values")) {
            return ErrorCode.INVALID_DIRECTION;
        }
        if (message.contains("Required attribute")) {
            return ErrorCode.MISSING_ATTRIBUTE;
        }
        if (type.equals("InvalidInput")) {
            return ErrorCode.INVALID_INPUT;
        }
        throw new AssertionError("no code of ours for Neutron's " + type + " \"" + message + "\" ("
                + exchange.name() + ")");
    }

    /** A rule as Neutron returned it (with its id), read the way a file or the backend would. */
    static Rule storedRule(JsonNode object) {
        Validation.RuleResult result = Validation.rule(members(object, Set.of()));
        if (!result.valid()) {
            throw new IllegalStateException("Neutron's own rule does not validate: " + result.problems());
        }
        return result.rule().withId(object.get("id").asText());
    }

    /** JSON null or a missing member as Java null, anything else as its text. */
    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static Integer intOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    static JsonNode read(String resource) {
        try {
            return JSON.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = NeutronRecords.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + BASE + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
