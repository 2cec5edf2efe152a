package dev.portcullis.backend.neutron;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.portcullis.backend.neutron.FaultRule.nth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix during an apply, against the real Neutron through {@link FaultProxy}. The plan renames the
 * test's group (PUT), adds two rules in one bulk POST and removes the rule for port 22 (DELETE); each fault
 * hits one of those requests. Each test checks the outcome in words, that POST and PUT were sent once (only
 * GET and DELETE are sent again), that the report's group is what the server holds, and that nothing typed
 * is lost: the same draft planned again from the reported group reaches the intended state.
 */
class ApplyFaultsNeutronIT extends FaultMatrixSetup {

    private static final Rule HTTPS = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443),
            Remote.prefix("203.0.113.0/24"), "");
    private static final Rule ALT = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(8080),
            Remote.prefix("192.168.0.0/16"), "");

    /** What the user typed: the group renamed, the rule for port 22 gone, two new rules. */
    private GroupDraft draft() {
        List<Rule> rules = new ArrayList<>(group.rules().stream().filter(r -> !r.equals(ssh())).toList());
        rules.add(HTTPS);
        rules.add(ALT);
        return new GroupDraft(group.name() + "-renamed", "after", true, rules);
    }

    private Rule ssh() {
        return group.rules().stream().filter(r -> r.ports().equals(PortRange.of(22))).findFirst().orElseThrow();
    }

    private ApplyReport applied() throws Exception {
        return await(backend.apply(ChangePlan.between(group, draft())));
    }

    /** The server holds what the draft says, each rule once. */
    private void serverHoldsTheDraft() throws Exception {
        SecurityGroup now = serverGroup(group.id());
        assertThat(now.name()).isEqualTo(group.name() + "-renamed");
        assertThat(now.description()).isEqualTo("after");
        assertThat(now.rules()).extracting(Rule::key)
                .containsExactlyInAnyOrderElementsOf(draft().rules().stream().map(Rule::key).toList());
    }

    /** The report's group is the server's, and the draft planned again from it completes. */
    private void reportIsTheServerAndNothingIsLost(ApplyReport report) throws Exception {
        SecurityGroup now = serverGroup(group.id());
        assertThat(report.group().revision()).isEqualTo(now.revision());
        assertThat(report.group().name()).isEqualTo(now.name());
        assertThat(report.group().rules()).containsExactlyInAnyOrderElementsOf(now.rules());
        ApplyReport again = await(backend.apply(ChangePlan.between(report.group(), draft())));
        assertThat(again.complete()).as(again.steps().toString()).isTrue();
        serverHoldsTheDraft();
    }

    private void sentOnce(String method, String path) {
        assertThat(proxy.seen(method, path)).as(method + " " + path + " in " + proxy.seen()).hasSize(1);
    }

    private static List<Outcome> outcomes(ApplyReport report) {
        return report.steps().stream().map(ApplyReport.Step::outcome).toList();
    }

    private static String failure(ApplyReport report) {
        return report.failure().orElseThrow().error().getMessage();
    }

    @Test
    void everyRequestPassingReachesTheDraft() throws Exception {
        ApplyReport report = applied();

        assertThat(report.complete()).isTrue();
        serverHoldsTheDraft();
        sentOnce("PUT", GROUP);
        sentOnce("POST", RULES);
        sentOnce("DELETE", RULE);
    }

    static Stream<Arguments> answersLostAfterTheServerDidTheWork() {
        return Stream.of(Arguments.of(Fault.resetAfterForwarding()), Arguments.of(Fault.resetMidAnswer()),
                Arguments.of(Fault.closeAfterForwarding()),
                Arguments.of(Fault.hangAfterForwarding()), Arguments.of(Fault.garbled()));
    }

    /** The bulk POST reached the server but its answer was lost: the group read again shows it was done. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("answersLostAfterTheServerDidTheWork")
    void aLostAnswerToTheBulkPostIsFoundSavedAndTheApplyGoesOn(Fault fault) throws Exception {
        backend = backend(timedFor(fault));
        proxy.inject(nth(1, "POST", RULES, fault));

        ApplyReport report = applied();

        assertThat(report.complete()).as(report.steps().toString()).isTrue();
        assertThat(report.steps()).filteredOn(s -> s.operation() instanceof ChangePlan.CreateRules)
                .singleElement().satisfies(step -> assertThat(step.readBack()).as("known by reading it back").isTrue());
        assertThat(report.steps()).filteredOn(s -> !(s.operation() instanceof ChangePlan.CreateRules))
                .allSatisfy(step -> assertThat(step.readBack()).isFalse());
        serverHoldsTheDraft();
        sentOnce("POST", RULES);
    }

    static Stream<Arguments> answersLostBeforeTheServerDidTheWork() {
        return Stream.of(
                Arguments.of(Fault.reset(), "Could not reach the network service at {proxy}: the connection was reset "
                        + "by the server or a proxy before the whole answer came."),
                Arguments.of(Fault.resetWhileSending(), "Could not reach the network service at {proxy}: the "
                        + "connection was reset by the server or a proxy before the whole answer came."),
                Arguments.of(Fault.answer(500, "application/json", NEUTRON_500), "The network service failed (500): "
                        + "Request Failed: internal server error while processing your request. Trying again later "
                        + "may work."));
    }

    /** The bulk POST never reached the server: it is not sent again, and the report says the rules are not there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("answersLostBeforeTheServerDidTheWork")
    void aFailedBulkPostIsNotSentAgainAndSaysTheRulesWereNotCreated(Fault fault, String words) throws Exception {
        proxy.inject(nth(1, "POST", RULES, fault));

        ApplyReport report = applied();

        assertThat(outcomes(report)).containsExactly(Outcome.APPLIED, Outcome.FAILED, Outcome.NOT_TRIED);
        assertThat(failure(report)).isEqualTo(words.replace("{proxy}", proxy.uri().toString())
                + " The 2 new rules were not created (the group read again does not hold them).");
        sentOnce("POST", RULES);
        reportIsTheServerAndNothingIsLost(report);
    }

    static Stream<Arguments> faultsOfADelete() {
        return Stream.of(Arguments.of(Fault.resetAfterForwarding(), List.of(true, true)),
                Arguments.of(Fault.answer(503, "text/plain", "busy", "Retry-After", "1"), List.of(false, true)));
    }

    /** A DELETE is tried again; one that did its work before answers 404 the second time, which counts as done. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsOfADelete")
    void aFaultOfARuleDeleteIsTriedAgainAndTheApplyCompletes(Fault fault, List<Boolean> forwarded) throws Exception {
        proxy.inject(nth(1, "DELETE", RULE, fault));

        ApplyReport report = applied();

        assertThat(report.complete()).as(report.steps().toString()).isTrue();
        serverHoldsTheDraft();
        assertThat(proxy.seen("DELETE", RULE)).extracting(FaultProxy.Seen::forwarded).containsExactlyElementsOf(forwarded);
    }

    @Test
    void a502WithAnHtmlPageOnTheUpdateIsNotSentAgain() throws Exception {
        proxy.inject(nth(1, "PUT", GROUP, Fault.answer(502, "text/html", HTML_502)));

        ApplyReport report = applied();

        assertThat(outcomes(report)).containsExactly(Outcome.FAILED, Outcome.NOT_TRIED, Outcome.NOT_TRIED);
        assertThat(failure(report)).isEqualTo("A gateway or proxy in front of the network service could not reach "
                + "it (502): 502 Bad Gateway nginx/1.24.0. Trying again later may work. The group's new name, "
                + "description or state were not saved (the group read again does not have them).");
        sentOnce("PUT", GROUP);
        assertThat(proxy.seen("POST", RULES)).isEmpty();
        assertThat(serverGroup(group.id()).rules()).containsExactlyInAnyOrderElementsOf(group.rules());
        reportIsTheServerAndNothingIsLost(report);
    }

    @Test
    void a401OnceOnTheBulkPostSignsInAgainAndSendsItOnceMore() throws Exception {
        proxy.inject(nth(1, "POST", RULES, Fault.answer(401, "application/json", KEYSTONE_401)));

        ApplyReport report = applied();

        assertThat(report.complete()).as(report.steps().toString()).isTrue();
        serverHoldsTheDraft();
        assertThat(session.signIns).hasValue(2);
        assertThat(proxy.seen("POST", RULES)).extracting(FaultProxy.Seen::forwarded, FaultProxy.Seen::token)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, "token-1"),
                        org.assertj.core.groups.Tuple.tuple(true, "token-2"));
    }

    @Test
    void a409WhenSomeoneAddedTheSameRuleMeanwhileNamesTheRule() throws Exception {
        proxy.inject(nth(1, "POST", RULES, Fault.before("409", meanwhile(() -> addRule(group.id(), "ingress", 443,
                "203.0.113.0/24")))));

        ApplyReport report = applied();

        assertThat(outcomes(report)).containsExactly(Outcome.APPLIED, Outcome.FAILED, Outcome.NOT_TRIED);
        BackendException e = report.failure().orElseThrow().error();
        assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(e.getMessage()).matches("The rule .*443.*203\\.0\\.113\\.0/24.* already exists in this group "
                + "\\(rule id [0-9a-f-]+\\)\\.");
        sentOnce("POST", RULES);
        List<RuleKey> keys = serverGroup(group.id()).rules().stream().map(Rule::key).toList();
        assertThat(keys).containsOnlyOnce(HTTPS.key()).doesNotContain(ALT.key()).contains(ssh().key());
        reportIsTheServerAndNothingIsLost(report);
    }

    @Test
    void a412WhenSomeoneChangedTheGroupMeanwhileSendsNothingMore() throws Exception {
        proxy.inject(nth(1, "PUT", GROUP, Fault.before("412", meanwhile(() -> call("PUT", GROUPS + "/" + group.id(),
                "{\"security_group\": {\"description\": \"someone else's\"}}")))));

        BackendException e = failure(backend.apply(ChangePlan.between(group, draft())));

        assertThat(e.kind()).isEqualTo(Kind.STALE);
        assertThat(e.getMessage()).matches("Someone else changed this group since you opened it \\(revision \\d+, now "
                + "\\d+\\)\\. Reload it and make your changes again\\.");
        sentOnce("PUT", GROUP);
        assertThat(proxy.seen("POST", RULES)).isEmpty();
        assertThat(proxy.seen("DELETE", RULE)).isEmpty();
        SecurityGroup now = serverGroup(group.id());
        assertThat(now.description()).isEqualTo("someone else's");
        assertThat(now.rules()).containsExactlyInAnyOrderElementsOf(group.rules());
        ApplyReport again = await(backend.apply(ChangePlan.between(now, draft())));
        assertThat(again.complete()).isTrue();
        serverHoldsTheDraft();
    }

    @Test
    void a404WhenSomeoneDeletedTheGroupMeanwhileSaysWhatWasSaved() throws Exception {
        proxy.inject(nth(1, "POST", RULES, Fault.before("404", meanwhile(() -> call("DELETE",
                GROUPS + "/" + group.id(), null)))));

        BackendException e = failure(backend.apply(ChangePlan.between(group, draft())));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).startsWith("1 of 3 changes to \"" + group.name() + "\" were saved, but the group "
                + "could not be read again afterwards: The group \"" + group.name() + "\" does not exist (any more)")
                .contains("\nSaved: Update the group: name \"" + group.name() + "-renamed\", description \"after\"\n")
                .contains("\nFailed: Add 2 rules (The group \"" + group.name() + "\" does not exist (any more): "
                        + "someone may have deleted it.)\n")
                .contains("\nNot saved: Remove Ingress IPv4 TCP 22 from 10.0.0.0/8\n")
                .endsWith("\nThe group is no longer on the server, and what was saved went with it.");
        sentOnce("POST", RULES);
        assertThat(proxy.seen("DELETE", RULE)).isEmpty();
    }
}
