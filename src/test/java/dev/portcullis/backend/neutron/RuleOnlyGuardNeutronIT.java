package dev.portcullis.backend.neutron;

import dev.portcullis.backend.ApplyReport;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static dev.portcullis.backend.neutron.FaultRule.nth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans of rules alone, against the real Neutron: a change made by someone else since the group was read is
 * refused before anything is sent (the group is claimed under If-Match), and one made while the rules are being
 * written is reported, never passed off as "every change applied". Two applies at once on one group end, every
 * time, in one of the two drafts or in a reported conflict.
 */
class RuleOnlyGuardNeutronIT extends FaultMatrixSetup {

    private static final Rule HTTPS = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443),
            Remote.prefix("203.0.113.0/24"), "");

    /** The group's rules without {@code dropped} (null: none), with {@code more}: a plan of rules alone. */
    private GroupDraft draft(SecurityGroup from, Rule dropped, Rule... more) {
        List<Rule> rules = new ArrayList<>(from.rules().stream().filter(r -> !r.equals(dropped)).toList());
        rules.addAll(List.of(more));
        return new GroupDraft(from.name(), from.description(), from.stateful(), rules);
    }

    private Rule ssh() {
        return group.rules().stream().filter(r -> r.ports().equals(PortRange.of(22))).findFirst().orElseThrow();
    }

    private static Set<RuleKey> keys(List<Rule> rules) {
        return rules.stream().map(Rule::key).collect(Collectors.toSet());
    }

    @Test
    void aPlanOfRulesAloneClaimsTheGroupAndCompletes() throws Exception {
        ApplyReport report = await(backend.apply(ChangePlan.between(group, draft(group, ssh(), HTTPS))));

        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(report.concurrent()).isEmpty();
        SecurityGroup now = serverGroup(group.id());
        assertThat(keys(now.rules())).isEqualTo(keys(draft(group, ssh(), HTTPS).rules()));
        assertThat(now.description()).as("claimed with the description it had").isEqualTo(group.description());
        assertThat(proxy.seen("PUT", GROUP)).hasSize(1);
    }

    @Test
    void aChangeMadeSinceTheGroupWasReadIsRefusedBeforeAnyRuleIsSent() throws Exception {
        proxy.inject(nth(1, "PUT", GROUP, Fault.before("someone adds a rule", meanwhile(() -> addRule(group.id(),
                "ingress", 8443, "198.51.100.0/24")))));

        BackendException e = failure(backend.apply(ChangePlan.between(group, draft(group, ssh(), HTTPS))));

        assertThat(e.kind()).isEqualTo(Kind.STALE);
        assertThat(e.getMessage()).startsWith("Someone else changed this group since you opened it");
        assertThat(proxy.seen("POST", RULES)).isEmpty();
        assertThat(proxy.seen("DELETE", RULE)).isEmpty();
        assertThat(serverGroup(group.id()).rules()).hasSize(group.rules().size() + 1);
    }

    @Test
    void aChangeMadeWhileTheRulesAreWrittenIsReportedNotPassedOffAsDone() throws Exception {
        proxy.inject(nth(1, "DELETE", RULE, Fault.before("someone adds a rule", meanwhile(() -> addRule(group.id(),
                "ingress", 8443, "198.51.100.0/24")))));

        ApplyReport report = await(backend.apply(ChangePlan.between(group, draft(group, ssh(), HTTPS))));

        assertThat(report.steps()).allSatisfy(step -> assertThat(step.outcome()).isEqualTo(ApplyReport.Outcome.APPLIED));
        assertThat(report.complete()).isFalse();
        assertThat(report.concurrent()).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Every change was sent and applied, but the group is not what the plan made of it (1 rule"
                        + " the plan did not add): someone else changed it at the same time."));
    }

    /** Two applies at once on one group, 20 times: each ends in one file's state, or says it met the other. */
    @Test
    void twoAppliesAtOnceEndInOneDraftOrAReportedConflict() throws Exception {
        NeutronBackend other = backend(Options.DEFAULTS.withRequestTimeout(PATIENT));
        int conflicts = 0;
        int port = 2000;
        for (int round = 0; round < 20; round++) {
            SecurityGroup start = serverGroup(group.id());
            Rule a = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(++port),
                    Remote.prefix("10.1.0.0/16"), "");
            Rule b = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(++port),
                    Remote.prefix("10.2.0.0/16"), "");
            Rule drop = start.rules().stream().filter(r -> r.direction() == Direction.INGRESS).findFirst()
                    .orElseThrow();
            GroupDraft first = draft(start, drop, a);
            GroupDraft second = draft(start, null, b);
            CompletableFuture<ApplyReport> one = backend.apply(ChangePlan.between(start, first));
            CompletableFuture<ApplyReport> two = other.apply(ChangePlan.between(start, second));
            boolean saidOne = saidConflict(one);
            boolean saidTwo = saidConflict(two);
            Set<RuleKey> now = keys(serverGroup(group.id()).rules());
            boolean isFirst = now.equals(keys(first.rules()));
            boolean isSecond = now.equals(keys(second.rules()));
            assertThat(isFirst || isSecond || saidOne || saidTwo)
                    .as("round %d: the group is one draft's, or a conflict was reported", round).isTrue();
            assertThat(saidOne || !isSecond || isFirst).as("round %d: the first said nothing, but the group is "
                    + "the second's", round).isTrue();
            assertThat(saidTwo || !isFirst || isSecond).as("round %d: the second said nothing, but the group is "
                    + "the first's", round).isTrue();
            conflicts += saidOne || saidTwo ? 1 : 0;
        }
        System.out.printf("two applies at once, 20 rounds: %d with a reported conflict%n", conflicts);
    }

    /** Whether an apply ended in a refusal, a failed step or a reported concurrent change. */
    private static boolean saidConflict(CompletableFuture<ApplyReport> apply) throws Exception {
        try {
            return !await(apply).complete();
        } catch (Exception e) {
            return true;
        }
    }
}
