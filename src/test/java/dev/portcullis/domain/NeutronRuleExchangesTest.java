package dev.portcullis.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.NeutronRecords.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.portcullis.domain.NeutronRecords.intOrNull;
import static dev.portcullis.domain.NeutronRecords.textOrNull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every single-rule create a real Neutron answered (the rule probes and the recorded samples), run
 * through {@link Validation#ruleRequest}: what Neutron stored we store, what it refused we refuse with
 * its code, and what it refused for reasons outside the rule we accept.
 */
class NeutronRuleExchangesTest {

    /** How Neutron answered, which decides what Validation must say. */
    enum Outcome {
        /** 201: valid, normalized exactly as Neutron stored it. */
        ACCEPTED,
        /** 4xx because of the rule's members: the first problem has Neutron's code. */
        REFUSED,
        /** 404 for the remote group: the rule is fine, {@link Validation#ruleSet} refuses it. */
        UNKNOWN_REMOTE_GROUP,
        /** 409 SecurityGroupRuleExists: the rule is fine, {@link Validation#ruleSet} refuses it next to the existing one. */
        EXISTING_DUPLICATE,
        /** 4xx for something outside the rule (its target group, the quota, an address group): the rule is fine. */
        REFUSED_FOR_CONTEXT,
        /** 5xx: Neutron crashed on it; we must refuse it, with any code. */
        SERVER_ERROR
    }

    /** One rule create: the exchange, the rule's members as sent, and the group it was sent to. */
    record RuleCase(String source, Exchange exchange, JsonNode member, String ownGroupId) {

        Map<String, Raw> members() {
            return NeutronRecords.ruleMembers(member);
        }

        Outcome outcome() {
            int status = exchange.status();
            if (status == 201) {
                return Outcome.ACCEPTED;
            }
            if (status >= 500) {
                return Outcome.SERVER_ERROR;
            }
            String type = exchange.errorType();
            String message = exchange.errorMessage();
            String remoteGroup = textOrNull(member.get("remote_group_id"));
            return switch (type) {
                case "SecurityGroupNotFound" -> remoteGroup != null && message.contains(remoteGroup)
                        ? Outcome.UNKNOWN_REMOTE_GROUP : Outcome.REFUSED_FOR_CONTEXT;
                case "SecurityGroupRuleExists" -> Outcome.EXISTING_DUPLICATE;
                case "OverQuota", "AddressGroupNotFound" -> Outcome.REFUSED_FOR_CONTEXT;
                default -> message.contains("Required attribute 'security_group_id'")
                        ? Outcome.REFUSED_FOR_CONTEXT : Outcome.REFUSED;
            };
        }

        @Override
        public String toString() {
            return source + " " + exchange.name() + " -> " + exchange.status()
                    + (exchange.errorType() == null ? "" : " " + exchange.errorType());
        }
    }

    /** Rule probes ran in a fresh group each; its id is only known from an accepted rule. */
    private static final String PROBE_GROUP = "the-probe-group";

    static List<RuleCase> allCases() {
        List<RuleCase> cases = new ArrayList<>();
        for (JsonNode probe : NeutronRecords.probes("rule")) {
            Exchange exchange = NeutronRecords.probe(probe);
            JsonNode stored = exchange.response() == null ? null : exchange.response().get("security_group_rule");
            String own = stored == null ? PROBE_GROUP : stored.get("security_group_id").asText();
            cases.add(new RuleCase("probe", exchange, exchange.request(), own));
        }
        for (Exchange sample : singleRuleCreateSamples()) {
            JsonNode member = sample.request().get("security_group_rule");
            cases.add(new RuleCase("sample", sample, member, member.path("security_group_id").asText(null)));
        }
        return cases;
    }

    static List<Exchange> ruleCreateSamples() {
        return NeutronRecords.samples().stream()
                .filter(s -> s.method().equals("POST") && s.path().equals("/v2.0/security-group-rules"))
                .toList();
    }

    static List<Exchange> singleRuleCreateSamples() {
        return ruleCreateSamples().stream()
                .filter(s -> s.request() != null && s.request().has("security_group_rule"))
                .toList();
    }

    private static Stream<RuleCase> cases(Outcome outcome) {
        return allCases().stream().filter(c -> c.outcome() == outcome);
    }

    static Stream<RuleCase> accepted() {
        return cases(Outcome.ACCEPTED);
    }

    static Stream<RuleCase> refused() {
        return cases(Outcome.REFUSED);
    }

    static Stream<RuleCase> unknownRemoteGroup() {
        return cases(Outcome.UNKNOWN_REMOTE_GROUP);
    }

    static Stream<RuleCase> existingDuplicate() {
        return cases(Outcome.EXISTING_DUPLICATE);
    }

    static Stream<RuleCase> refusedForContext() {
        return cases(Outcome.REFUSED_FOR_CONTEXT);
    }

    static Stream<RuleCase> serverError() {
        return cases(Outcome.SERVER_ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedRuleIsStoredAsNeutronStoredIt(RuleCase c) {
        Validation.RuleResult result = Validation.ruleRequest(c.members());

        assertThat(result.problems()).as("%s: problems", c).isEmpty();
        Rule rule = Normalization.normalize(result.rule());
        assertThat(storedFields(rule)).as("%s: stored fields", c).isEqualTo(storedFields(c.exchange().response().get("security_group_rule")));
        if (c.ownGroupId().equals(rule.remoteGroupId())) {
            assertThat(Validation.ruleSet(List.of(rule), c.ownGroupId(), Set.of()))
                    .as("%s: a rule may point at its own group", c).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedRuleFailsFirstWithNeutronsCode(RuleCase c) {
        Validation.RuleResult result = Validation.ruleRequest(c.members());

        assertThat(result.valid()).as("%s: valid", c).isFalse();
        assertThat(result.rule()).as("%s: rule", c).isNull();
        assertThat(result.problems().get(0).code()).as("%s: first code of %s", c, result.problems())
                .isEqualTo(NeutronRecords.expectedCode(c.exchange()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownRemoteGroup")
    void ruleSetRefusesARemoteGroupThatDoesNotExist(RuleCase c) {
        Validation.RuleResult result = Validation.ruleRequest(c.members());
        assertThat(result.problems()).as("%s: the rule on its own", c).isEmpty();

        Map<Integer, List<Problem>> problems = Validation.ruleSet(List.of(result.rule()), c.ownGroupId(), Set.of());

        assertThat(problems).as("%s", c).containsOnlyKeys(0);
        assertThat(problems.get(0).get(0).code()).as("%s", c).isEqualTo(c.exchange().errorType());
        assertThat(Validation.ruleSet(List.of(result.rule()), c.ownGroupId(), Set.of(result.rule().remoteGroupId())))
                .as("%s: once the group exists", c).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("existingDuplicate")
    void ruleSetRefusesARuleThatAlreadyExists(RuleCase c) {
        Validation.RuleResult result = Validation.ruleRequest(c.members());
        assertThat(result.problems()).as("%s: the rule on its own", c).isEmpty();
        Rule existing = existingRule(c.exchange().errorMessage());

        Map<Integer, List<Problem>> problems = Validation.ruleSet(List.of(existing, result.rule()), c.ownGroupId(),
                Set.of());

        assertThat(problems).as("%s", c).containsOnlyKeys(1);
        assertThat(problems.get(1).get(0).code()).as("%s", c).isEqualTo(c.exchange().errorType());
        assertThat(problems.get(1).get(0).message()).as("%s", c).contains(existing.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedForContext")
    void ruleRefusedForItsContextIsValidOnItsOwn(RuleCase c) {
        // Neutron checks the rule's members before its target group, the quota and address groups:
        // having got that far, the rule itself passed.
        assertThat(Validation.ruleRequest(c.members()).problems()).as("%s", c).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverError")
    void ruleThatCrashedNeutronIsRefused(RuleCase c) {
        Validation.RuleResult result = Validation.ruleRequest(c.members());

        assertThat(result.valid()).as("%s: valid", c).isFalse();
        assertThat(result.problems()).as("%s", c).isNotEmpty();
    }

    @Test
    void everyRuleCreateIsCheckedExactlyOnce() {
        List<RuleCase> cases = allCases();
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        cases.forEach(c -> byOutcome.merge(c.outcome(), 1, Integer::sum));

        assertThat(cases.stream().filter(c -> c.source().equals("probe"))).hasSize(131);
        // The other rule-create samples are bulk requests (NeutronDuplicateExchangesTest) and the one
        // whose body is not JSON at all, which never reaches the rule.
        assertThat(ruleCreateSamples().stream().filter(s -> !singleRuleCreateSamples().contains(s))
                .map(Exchange::name))
                .containsExactlyInAnyOrder("55n-err-malformed-json", "91-sgr-bulk-create",
                        "92-err-sgr-bulk-with-duplicate-in-batch", "92b-err-sgr-bulk-one-invalid",
                        "92c-err-sgr-bulk-existing-duplicate", "93-err-sgr-bulk-multiple-groups");
        assertThat(cases.stream().filter(c -> c.source().equals("sample"))).hasSize(50);
        assertThat(byOutcome).containsEntry(Outcome.UNKNOWN_REMOTE_GROUP, 2)
                .containsEntry(Outcome.EXISTING_DUPLICATE, 2)
                .containsEntry(Outcome.SERVER_ERROR, 6);
    }

    /** The fields Portcullis shows and compares, as Neutron's JSON has them (null for JSON null). */
    private static Map<String, String> storedFields(Rule rule) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("direction", rule.direction().neutronValue());
        fields.put("ethertype", rule.etherType().neutronValue());
        fields.put("protocol", rule.protocol().value());
        fields.put("port_range_min", rule.ports().min() == null ? null : rule.ports().min().toString());
        fields.put("port_range_max", rule.ports().max() == null ? null : rule.ports().max().toString());
        fields.put("remote_ip_prefix", rule.remoteIpPrefix());
        fields.put("normalized_cidr", rule.normalizedCidr());
        fields.put("remote_group_id", rule.remoteGroupId());
        fields.put("description", rule.description());
        return fields;
    }

    private static Map<String, String> storedFields(JsonNode stored) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("direction", "ethertype", "protocol")) {
            fields.put(name, textOrNull(stored.get(name)));
        }
        for (String name : List.of("port_range_min", "port_range_max")) {
            Integer port = intOrNull(stored.get(name));
            fields.put(name, port == null ? null : port.toString());
        }
        for (String name : List.of("remote_ip_prefix", "normalized_cidr", "remote_group_id", "description")) {
            fields.put(name, textOrNull(stored.get(name)));
        }
        return fields;
    }

    private static final Pattern RULE_ID = Pattern.compile("Rule id is ([0-9a-f-]+)\\.");

    /** The rule Neutron named in "Rule id is ...", as an earlier sample's answer returned it. */
    static Rule existingRule(String message) {
        Matcher m = RULE_ID.matcher(message);
        assertThat(m.find()).as("a rule id in %s", message).isTrue();
        String id = m.group(1);
        for (Exchange sample : NeutronRecords.samples()) {
            JsonNode body = sample.response();
            if (body == null) {
                continue;
            }
            List<JsonNode> rules = new ArrayList<>();
            if (body.has("security_group_rule")) {
                rules.add(body.get("security_group_rule"));
            }
            body.path("security_group_rules").forEach(rules::add);
            for (JsonNode rule : rules) {
                if (id.equals(rule.path("id").asText())) {
                    return NeutronRecords.storedRule(rule);
                }
            }
        }
        throw new AssertionError("no recorded answer returned rule " + id);
    }
}
