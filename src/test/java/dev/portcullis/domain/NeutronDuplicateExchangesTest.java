package dev.portcullis.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.NeutronRecords.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neutron's duplicate detection, as the real server answered it: two rules posted one after the other
 * (or in one bulk request) into one group. {@link RuleKey} equality must match Neutron's 409s exactly,
 * and {@link Validation#ruleSet} must answer with the same code.
 */
class NeutronDuplicateExchangesTest {

    private static final String GROUP = "the-probe-group";

    /** A duplicate probe: {@code first} is null where it is the egress rule Neutron adds to every group. */
    record DuplicateCase(Exchange exchange, JsonNode first, boolean bulk) {

        /** Neutron refused the second rule as the same rule as the first. */
        boolean neutronSaysDuplicate() {
            return exchange.status() == 409 && Set.of(ErrorCode.RULE_EXISTS, ErrorCode.DUPLICATE_RULE_IN_POST)
                    .contains(exchange.errorType());
        }

        @Override
        public String toString() {
            return exchange.name() + " -> " + exchange.status()
                    + (exchange.errorType() == null ? "" : " " + exchange.errorType());
        }
    }

    static Stream<DuplicateCase> sequentialProbes() {
        return NeutronRecords.probes("duplicate").stream()
                .filter(p -> !p.path("bulk").asBoolean())
                .map(p -> new DuplicateCase(NeutronRecords.probe(p), p.get("first"), false));
    }

    static Stream<DuplicateCase> bulkProbes() {
        return NeutronRecords.probes("duplicate").stream()
                .filter(p -> p.path("bulk").asBoolean())
                .map(p -> new DuplicateCase(NeutronRecords.probe(p), null, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequentialProbes")
    void ruleKeyEqualityIsNeutronsDuplicateCheck(DuplicateCase c) {
        Rule existing = existing(c);
        Rule draft = valid(c, c.exchange().request());

        assertThat(existing.key().equals(draft.key())).as("%s: same key", c).isEqualTo(c.neutronSaysDuplicate());
        assertThat(draft.key().equals(existing.key())).as("%s: same key, the other way", c)
                .isEqualTo(c.neutronSaysDuplicate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequentialProbes")
    void ruleSetRefusesADraftEqualToAnExistingRule(DuplicateCase c) {
        Rule existing = existing(c);
        Rule draft = valid(c, c.exchange().request());

        Map<Integer, List<Problem>> problems = Validation.ruleSet(List.of(existing, draft), GROUP, Set.of());

        if (c.neutronSaysDuplicate()) {
            assertThat(problems).as("%s", c).containsOnlyKeys(1);
            assertThat(problems.get(1)).as("%s", c).extracting(Problem::code)
                    .containsExactly(c.exchange().errorType());
        } else {
            assertThat(problems).as("%s", c).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bulkProbes")
    void ruleSetRefusesTwoEqualDraftsAsADuplicateInOnePost(DuplicateCase c) {
        List<Rule> drafts = new ArrayList<>();
        c.exchange().request().forEach(member -> drafts.add(valid(c, member)));

        assertThat(drafts.get(0).key().equals(drafts.get(1).key())).as("%s: same key", c)
                .isEqualTo(c.neutronSaysDuplicate());
        Map<Integer, List<Problem>> problems = Validation.ruleSet(drafts, GROUP, Set.of());
        assertThat(problems).as("%s", c).containsOnlyKeys(1);
        assertThat(problems.get(1)).as("%s", c).extracting(Problem::code).containsExactly(c.exchange().errorType());
    }

    @Test
    void everyDuplicateProbeIsChecked() {
        assertThat(sequentialProbes()).hasSize(14);
        assertThat(bulkProbes()).hasSize(2);
        assertThat(sequentialProbes().filter(c -> !c.neutronSaysDuplicate()).map(c -> c.exchange().name()))
                .containsExactlyInAnyOrder("dup-protocol-0-vs-omitted", "dup-remote-host-bits-vs-network");
    }

    // --- the bulk rule samples (91-93): one group, several rules in one atomic request ---

    private static final String BULK_GROUP = "105f1550-5280-465e-b2ce-f0a506752329";

    /** The rules of the bulk samples' group before each request: its two egress rules and the rules of 91. */
    private static List<Rule> bulkGroupRulesBefore(String sample) {
        List<Rule> rules = new ArrayList<>();
        for (Exchange s : NeutronRecords.samples()) {
            if (s.name().equals(sample)) {
                break;
            }
            if (s.status() >= 300) {
                continue; // bulk requests are atomic: a refused one created nothing
            }
            List<JsonNode> answers = new ArrayList<>();
            s.response().path("security_groups").forEach(g -> g.path("security_group_rules").forEach(answers::add));
            s.response().path("security_group_rules").forEach(answers::add);
            answers.stream().filter(r -> BULK_GROUP.equals(r.path("security_group_id").asText()))
                    .map(NeutronRecords::storedRule).forEach(rules::add);
        }
        return rules;
    }

    static Stream<Exchange> bulkRuleSamples() {
        return NeutronRuleExchangesTest.ruleCreateSamples().stream()
                .filter(s -> s.request() != null && s.request().has("security_group_rules"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bulkRuleSamples")
    void bulkRequestIsAnsweredLikeNeutronAnsweredIt(Exchange sample) {
        List<Map<String, Raw>> members = new ArrayList<>();
        sample.request().get("security_group_rules").forEach(m -> members.add(NeutronRecords.ruleMembers(m)));
        List<Validation.RuleResult> results = members.stream().map(Validation::ruleRequest).toList();
        Validation.RuleResult firstInvalid = results.stream().filter(r -> !r.valid()).findFirst().orElse(null);

        String type = sample.errorType();
        if ("SecurityGroupNotSingleGroupRules".equals(type)) {
            // The rules are fine; a plan only ever creates the rules of one group in one request.
            assertThat(firstInvalid).as("%s", sample).isNull();
            assertThat(sample.request().get("security_group_rules").findValuesAsText("security_group_id"))
                    .as("%s", sample).doesNotHaveDuplicates();
            return;
        }
        if (sample.status() == 400) {
            assertThat(firstInvalid).as("%s: an invalid rule", sample).isNotNull();
            assertThat(firstInvalid.problems().get(0).code()).as("%s", sample).isEqualTo(type);
            return;
        }
        assertThat(firstInvalid).as("%s: every rule valid", sample).isNull();
        List<Rule> existing = bulkGroupRulesBefore(sample.name());
        List<Rule> all = new ArrayList<>(existing);
        results.forEach(r -> all.add(r.rule()));
        Map<Integer, List<Problem>> problems = Validation.ruleSet(all, BULK_GROUP, Set.of());
        if (sample.status() == 201) {
            assertThat(problems).as("%s", sample).isEmpty();
        } else {
            assertThat(problems).as("%s", sample).isNotEmpty();
            assertThat(problems.values()).as("%s", sample)
                    .allSatisfy(p -> assertThat(p).extracting(Problem::code).containsExactly(type));
        }
        if (ErrorCode.RULE_EXISTS.equals(type)) {
            Rule named = NeutronRuleExchangesTest.existingRule(sample.errorMessage());
            assertThat(existing).as("%s", sample).contains(named);
            assertThat(problems.values().iterator().next().get(0).message()).contains(named.id());
        }
    }

    @Test
    void everyBulkRuleSampleIsChecked() {
        assertThat(bulkRuleSamples().map(Exchange::name)).containsExactly("91-sgr-bulk-create",
                "92-err-sgr-bulk-with-duplicate-in-batch", "92b-err-sgr-bulk-one-invalid",
                "92c-err-sgr-bulk-existing-duplicate", "93-err-sgr-bulk-multiple-groups");
        assertThat(bulkGroupRulesBefore("92c-err-sgr-bulk-existing-duplicate")).hasSize(4);
    }

    private static Rule existing(DuplicateCase c) {
        if (c.first() == null || c.first().isNull()) {
            return Rule.egressAnywhere(EtherType.IPV4).withId("egress-rule-neutron-added");
        }
        return valid(c, c.first()).withId("first-rule");
    }

    private static Rule valid(DuplicateCase c, JsonNode member) {
        Validation.RuleResult result = Validation.ruleRequest(NeutronRecords.ruleMembers(member));
        assertThat(result.problems()).as("%s: %s on its own", c, member).isEmpty();
        return result.rule();
    }
}
