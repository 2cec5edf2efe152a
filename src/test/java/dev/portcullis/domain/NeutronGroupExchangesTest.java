package dev.portcullis.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.NeutronRecords.Exchange;
import dev.portcullis.domain.Validation.GroupFields;
import dev.portcullis.domain.Validation.GroupRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every group create (POST) and update (PUT) a real Neutron answered, run through
 * {@link Validation#groupRequest}, which checks the members and then {@link Validation#groupFields}.
 */
class NeutronGroupExchangesTest {

    /** One group in a request: the exchange, the member object and whether it created or updated. */
    record GroupCase(String label, Exchange exchange, JsonNode member, GroupRequest request) {

        Map<String, Raw> members() {
            return NeutronRecords.members(member, Set.of());
        }

        /** Refusals for what the members cannot show: the group's state, the caller, the quota. */
        boolean refusedForContext() {
            String type = exchange.errorType();
            String message = exchange.errorMessage();
            return Set.of("RevisionNumberConstraintFailed", "SecurityGroupNotFound",
                    "SecurityGroupCannotUpdateDefault", "OverQuota").contains(type)
                    || message.startsWith("Running without keystone AuthN requires that tenant_id is specified")
                    || message.startsWith("Specifying 'project_id' or 'tenant_id' other than the authenticated");
        }

        boolean accepted() {
            return exchange.status() < 300;
        }

        /** The group as Neutron answered with it. */
        JsonNode stored() {
            JsonNode one = exchange.response().get("security_group");
            if (one != null) {
                return one;
            }
            int index = Integer.parseInt(label.substring(label.lastIndexOf('[') + 1, label.lastIndexOf(']')));
            return exchange.response().get("security_groups").get(index);
        }

        @Override
        public String toString() {
            return label + " -> " + exchange.status() + (exchange.errorType() == null ? "" : " " + exchange.errorType());
        }
    }

    static List<GroupCase> allCases() {
        List<GroupCase> cases = new ArrayList<>();
        for (JsonNode probe : NeutronRecords.probes("group")) {
            Exchange exchange = NeutronRecords.probe(probe);
            cases.add(new GroupCase("probe " + exchange.name(), exchange, exchange.request(), kind(exchange)));
        }
        for (Exchange sample : groupRequestSamples()) {
            JsonNode one = sample.request().get("security_group");
            if (one != null) {
                cases.add(new GroupCase("sample " + sample.name(), sample, one, kind(sample)));
                continue;
            }
            JsonNode bulk = sample.request().get("security_groups");
            for (int i = 0; i < bulk.size(); i++) {
                cases.add(new GroupCase("sample " + sample.name() + "[" + i + "]", sample, bulk.get(i), kind(sample)));
            }
        }
        return cases;
    }

    private static GroupRequest kind(Exchange exchange) {
        return exchange.method().equals("POST") ? GroupRequest.CREATE : GroupRequest.UPDATE;
    }

    /** POST to the collection and PUT to one group (not to its tags). */
    static List<Exchange> groupRequestSamples() {
        return NeutronRecords.samples().stream()
                .filter(s -> (s.method().equals("POST") && s.path().equals("/v2.0/security-groups"))
                        || (s.method().equals("PUT") && s.path().matches("/v2\\.0/security-groups/[0-9a-f-]+")))
                .toList();
    }

    static Stream<GroupCase> accepted() {
        return allCases().stream().filter(GroupCase::accepted);
    }

    static Stream<GroupCase> refused() {
        return allCases().stream().filter(c -> !c.accepted() && !c.refusedForContext());
    }

    static Stream<GroupCase> refusedForContext() {
        return allCases().stream().filter(c -> !c.accepted() && c.refusedForContext());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedGroupHasTheFieldsNeutronStored(GroupCase c) {
        GroupFields fields = Validation.groupRequest(c.members(), c.request());

        assertThat(fields.problems()).as("%s: problems", c).isEmpty();
        JsonNode stored = c.stored();
        Map<String, Object> ours = new LinkedHashMap<>();
        Map<String, Object> neutrons = new LinkedHashMap<>();
        for (String member : List.of("name", "description", "stateful")) {
            // An update leaves the members it does not give as they were.
            if (c.request() == GroupRequest.UPDATE && !c.member().has(member)) {
                continue;
            }
            ours.put(member, switch (member) {
                case "name" -> fields.name();
                case "description" -> fields.description();
                default -> fields.stateful();
            });
            neutrons.put(member, member.equals("stateful") ? (Object) stored.get(member).asBoolean()
                    : stored.get(member).asText());
        }
        assertThat(ours).as("%s", c).isEqualTo(neutrons);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedGroupFailsFirstWithNeutronsCode(GroupCase c) {
        GroupFields fields = Validation.groupRequest(c.members(), c.request());

        assertThat(fields.problems()).as("%s: problems", c).isNotEmpty();
        assertThat(fields.problems().get(0).code()).as("%s: first code of %s", c, fields.problems())
                .isEqualTo(NeutronRecords.expectedCode(c.exchange()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedForContext")
    void groupRefusedForItsContextIsValidOnItsOwn(GroupCase c) {
        assertThat(Validation.groupRequest(c.members(), c.request()).problems()).as("%s", c).isEmpty();
    }

    @Test
    void everyGroupRequestIsCheckedExactlyOnce() {
        List<GroupCase> cases = allCases();

        assertThat(cases.stream().filter(c -> c.label().startsWith("probe "))).hasSize(26);
        assertThat(cases.stream().filter(c -> c.label().startsWith("sample "))).hasSize(31);
        assertThat(refusedForContext().map(c -> c.exchange().name())).containsExactlyInAnyOrder(
                "05-noauth-err-x-project-id-header-without-body-project", "27-err-sg-update-ifmatch-mismatch",
                "62b-err-sg-update-missing", "72b-hdr-err-member-rename-default",
                "73d-hdr-err-member-create-for-other-project", "82b-err-sg-quota-exceeded");
    }

    @Test
    void renamingToDefaultIsRefusedLikeCreatingIt() {
        for (GroupRequest request : GroupRequest.values()) {
            for (String name : List.of("default", "Default", "DEFAULT", "dEfAuLt")) {
                assertThat(Validation.groupRequest(Map.of("name", Raw.text(name)), request).problems())
                        .as("%s %s", request, name)
                        .extracting(Problem::code).containsExactly(ErrorCode.DEFAULT_ALREADY_EXISTS);
            }
            assertThat(Validation.groupRequest(Map.of("name", Raw.text("default ")), request).problems())
                    .as("%s with a space", request).isEmpty();
        }
    }

    @Test
    void theDefaultGroupAsNeutronReturnsItIsNotRefused() {
        assertThat(Validation.groupFields(Map.of("name", Raw.text("default")), false).problems()).isEmpty();
        assertThat(Validation.groupFields(Map.of("name", Raw.text("default")), true).problems())
                .extracting(Problem::code).containsExactly(ErrorCode.DEFAULT_ALREADY_EXISTS);
    }

    @Test
    void theReservedNameIsReportedBeforeTheDescription() {
        // Neutron checks the members in attribute order: name (with its reserved-name check) first.
        GroupFields fields = Validation.groupFields(
                Map.of("name", Raw.text("Default"), "description", Raw.text("d".repeat(256))), true);

        assertThat(fields.problems()).extracting(Problem::code)
                .containsExactly(ErrorCode.DEFAULT_ALREADY_EXISTS, ErrorCode.TOO_LONG);
    }

    @Test
    void membersNeutronSetsAreRefusedInEitherRequest() {
        assertThat(Validation.groupRequest(Map.of("tags", new Raw.Other("array")), GroupRequest.CREATE).problems())
                .extracting(Problem::code).containsExactly(ErrorCode.NOT_ALLOWED_IN_POST);
        assertThat(Validation.groupRequest(Map.of("tenant_id", Raw.text("p")), GroupRequest.CREATE).problems())
                .isEmpty();
        assertThat(Validation.groupRequest(Map.of("tenant_id", Raw.text("p")), GroupRequest.UPDATE).problems())
                .extracting(Problem::code).containsExactly(ErrorCode.READ_ONLY_ATTRIBUTE);
        assertThat(Validation.groupRequest(Map.of("foo", Raw.text("x"), "id", Raw.text("y")), GroupRequest.UPDATE)
                .problems()).extracting(Problem::code)
                .containsExactly(ErrorCode.UNRECOGNIZED_ATTRIBUTE, ErrorCode.READ_ONLY_ATTRIBUTE);
    }
}
