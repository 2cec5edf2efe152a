package dev.portcullis.domain;

import dev.portcullis.domain.ChangePlan.CreateRules;
import dev.portcullis.domain.ChangePlan.DeleteRule;
import dev.portcullis.domain.ChangePlan.GroupUpdate;
import dev.portcullis.domain.ChangePlan.Operation;
import dev.portcullis.domain.ChangePlan.UpdateGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** From (group, edited draft) to the operations Neutron needs, in the order that keeps traffic flowing. */
class ChangePlanTest {

    private static final Rule EGRESS_V4 = Rule.egressAnywhere(EtherType.IPV4).withId("e4");
    private static final Rule EGRESS_V6 = Rule.egressAnywhere(EtherType.IPV6).withId("e6");
    private static final Rule SSH = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
            Remote.prefix("0.0.0.0/0"), "ssh").withId("r1");
    private static final Rule HTTP = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(80),
            Remote.ANYWHERE, "").withId("r2");
    private static final Rule HTTPS = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443),
            Remote.ANYWHERE, "");

    private static final SecurityGroup WEB = new SecurityGroup("g1", "p1", "web", "web servers", true, false, 3,
            List.of(EGRESS_V4, EGRESS_V6, SSH, HTTP), List.of(), null, null);

    private static GroupDraft draft(List<Rule> rules) {
        return new GroupDraft(WEB.name(), WEB.description(), WEB.stateful(), rules);
    }

    private static List<Rule> without(Rule removed) {
        return WEB.rules().stream().filter(r -> !r.equals(removed)).toList();
    }

    private static List<Rule> replacing(Rule old, Rule edited) {
        return WEB.rules().stream().map(r -> r.equals(old) ? edited : r).toList();
    }

    private static List<Rule> plus(List<Rule> rules, Rule... more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void anUnchangedDraftNeedsNothing() {
        ChangePlan plan = ChangePlan.between(WEB, GroupDraft.of(WEB));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.operations()).isEmpty();
        assertThat(plan.group()).isEqualTo(new GroupRef("g1", "web", 3));
    }

    @Test
    void aRenameIsOneUpdateOfTheNameAlone() {
        ChangePlan plan = ChangePlan.between(WEB, new GroupDraft("web-renamed", WEB.description(), true, WEB.rules()));

        assertThat(plan.operations()).containsExactly(new UpdateGroup(new GroupUpdate("web-renamed", "web servers",
                true, Set.of("name"))));
        assertThat(plan.update().orElseThrow().members()).containsExactly(entry("name", "web-renamed"));
        assertThat(plan.operations().get(0).describe(id -> null)).isEqualTo("Rename the group to \"web-renamed\"");
    }

    @Test
    void aDescriptionOrStatefulnessChangeIsAnUpdateOfThatMember() {
        ChangePlan described = ChangePlan.between(WEB, new GroupDraft("web", "renamed", true, WEB.rules()));
        assertThat(described.update().orElseThrow().members()).containsExactly(entry("description", "renamed"));
        assertThat(described.operations().get(0).describe(id -> null))
                .isEqualTo("Change the group's description to \"renamed\"");

        ChangePlan stateless = ChangePlan.between(WEB, new GroupDraft("web", "web servers", false, WEB.rules()));
        assertThat(stateless.update()).contains(new GroupUpdate("web", "web servers", false, Set.of("stateful")));
        assertThat(stateless.update().orElseThrow().members()).containsExactly(entry("stateful", false));
        assertThat(stateless.operations().get(0).describe(id -> null)).isEqualTo("Make the group stateless");
        // Neutron shows no description as "": the same as none
        SecurityGroup noDescription = new SecurityGroup("g2", "p1", "x", null, true, false, 1, List.of(), List.of(),
                null, null);
        assertThat(ChangePlan.between(noDescription, new GroupDraft("x", "", true, List.of())).isEmpty()).isTrue();
    }

    @Test
    void changingTheDefaultGroupsDescriptionDoesNotSendItsName() {
        // Neutron refuses a PUT that carries the name "default" (sample 63b: SecurityGroupDefaultAlreadyExists)
        // and any name for the default group (72b: SecurityGroupCannotUpdateDefault), but takes its
        // description alone (72c).
        SecurityGroup defaultGroup = new SecurityGroup("d1", "projA", "default", "Default security group", true,
                false, 1, List.of(EGRESS_V4, EGRESS_V6), List.of(), null, null);

        ChangePlan plan = ChangePlan.between(defaultGroup,
                new GroupDraft("default", "still default", true, defaultGroup.rules()));

        assertThat(plan.update().orElseThrow().members()).containsExactly(entry("description", "still default"));
        assertThat(Validation.groupRequest(NeutronRecords.members(NeutronRecords.JSON.valueToTree(
                plan.update().orElseThrow().members()), Set.of()), Validation.GroupRequest.UPDATE).problems()).isEmpty();
    }

    @Test
    void everyChangedMemberIsInTheUpdate() {
        ChangePlan plan = ChangePlan.between(WEB, new GroupDraft("web-2", "", false, WEB.rules()));

        assertThat(plan.update().orElseThrow().members()).containsExactly(entry("name", "web-2"),
                entry("description", ""), entry("stateful", false));
        assertThat(plan.operations().get(0).describe(id -> null))
                .isEqualTo("Update the group: name \"web-2\", description \"\", stateless");
    }

    @Test
    void aNewRuleIsCreated() {
        ChangePlan plan = ChangePlan.between(WEB, draft(plus(WEB.rules(), HTTPS)));

        assertThat(plan.operations()).containsExactly(new CreateRules(List.of(HTTPS)));
    }

    @Test
    void newRulesAreCreatedAsNeutronStoresThem() {
        Rule allTcp = Rule.draft(Direction.INGRESS, EtherType.IPV6, Protocol.TCP, PortRange.of(1, 65535),
                Remote.ANYWHERE, "");

        ChangePlan plan = ChangePlan.between(WEB, draft(plus(WEB.rules(), allTcp)));

        assertThat(plan.create()).containsExactly(Normalization.normalize(allTcp));
        assertThat(plan.create().get(0).ports()).isEqualTo(PortRange.ANY);
    }

    @Test
    void aRemovedRuleIsDeleted() {
        ChangePlan plan = ChangePlan.between(WEB, draft(without(HTTP)));

        assertThat(plan.operations()).containsExactly(new DeleteRule(HTTP));
        assertThat(plan.deleteFirst()).isEmpty();
    }

    @Test
    void anEditedRuleIsCreatedAnewBeforeTheOldOneGoes() {
        Rule edited = new Rule("r1", Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(2222),
                Remote.prefix("0.0.0.0/0"), "ssh");

        ChangePlan plan = ChangePlan.between(WEB, draft(replacing(SSH, edited)));

        assertThat(plan.operations()).containsExactly(new CreateRules(List.of(edited.asDraft())), new DeleteRule(SSH));
        assertThat(plan.deleteFirst()).isEmpty();
    }

    @Test
    void aDescriptionOnlyEditDeletesFirstOrTheNewRuleWouldBeADuplicate() {
        Rule edited = SSH.withDescription("ssh for admins");

        ChangePlan plan = ChangePlan.between(WEB, draft(replacing(SSH, edited)));

        assertThat(plan.operations()).containsExactly(new DeleteRule(SSH), new CreateRules(List.of(edited.asDraft())));
        assertThat(plan.deleteFirst()).containsExactly(SSH);
        assertThat(plan.deleteAfter()).isEmpty();
        // Neutron would refuse creating the new rule next to the old one
        assertThat(Validation.ruleSet(List.of(SSH, edited.asDraft()), "g1", Set.of()).get(1))
                .extracting(Problem::code).containsExactly(ErrorCode.RULE_EXISTS);
    }

    @Test
    void newRulesExistBeforeAnyRuleIsDeletedSoAFailedCreateLosesNothing() {
        Rule described = SSH.withDescription("ssh for admins");
        Rule smtp = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(25),
                Remote.prefix("10.0.0.0/8"), "mail");

        ChangePlan plan = ChangePlan.between(WEB, draft(plus(replacing(SSH, described), smtp)));

        assertThat(plan.operations()).containsExactly(
                new CreateRules(List.of(smtp)),
                new DeleteRule(SSH),
                new CreateRules(List.of(described.asDraft())));
        assertThat(plan.without(Set.of(new CreateRules(List.of(smtp)))).operations()).containsExactly(
                new DeleteRule(SSH), new CreateRules(List.of(described.asDraft())));
    }

    @Test
    void deletingAndReaddingTheSameRuleNeedsNothing() {
        ChangePlan plan = ChangePlan.between(WEB, draft(plus(without(SSH), SSH.asDraft())));

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void readdingTheSameRuleWrittenDifferentlyNeedsNothing() {
        // 0.0.0.0/0 and no remote, tcp and 6: Neutron's duplicate, and the same description
        Rule sameAsHttp = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.number(6), PortRange.of(80),
                Remote.prefix("0.0.0.0/0"), null);

        assertThat(ChangePlan.between(WEB, draft(plus(without(HTTP), sameAsHttp))).isEmpty()).isTrue();
    }

    @Test
    void readdingTheSameRuleWithAnotherDescriptionReplacesItDeletingFirst() {
        Rule readded = SSH.asDraft().withDescription("other");

        ChangePlan plan = ChangePlan.between(WEB, draft(plus(without(SSH), readded)));

        assertThat(plan.operations()).containsExactly(new DeleteRule(SSH), new CreateRules(List.of(readded)));
    }

    @Test
    void operationsRunUpdateThenNewRulesThenDescriptionEditsThenTheOtherDeletes() {
        Rule sshForAdmins = SSH.withDescription("ssh for admins");
        List<Rule> rules = new ArrayList<>(List.of(EGRESS_V4, EGRESS_V6, sshForAdmins, HTTPS));

        ChangePlan plan = ChangePlan.between(WEB, new GroupDraft("web-2", "web servers", true, rules));

        assertThat(plan.operations()).containsExactly(
                new UpdateGroup(new GroupUpdate("web-2", "web servers", true, Set.of("name"))),
                new CreateRules(List.of(HTTPS)),
                new DeleteRule(SSH),
                new CreateRules(List.of(sshForAdmins.asDraft())),
                new DeleteRule(HTTP));
        assertThat(plan.operations()).extracting(op -> op.describe(id -> null)).containsExactly(
                "Rename the group to \"web-2\"",
                "Add 1 rule",
                "Remove Ingress IPv4 TCP 22 from 0.0.0.0/0",
                "Add 1 rule",
                "Remove Ingress IPv4 TCP 80 from 0.0.0.0/0");
    }

    @Test
    void withoutWhatIsDoneLeavesTheRestInOrder() {
        Rule sshForAdmins = SSH.withDescription("ssh for admins");
        ChangePlan plan = ChangePlan.between(WEB, new GroupDraft("web-2", "web servers", true,
                List.of(EGRESS_V4, EGRESS_V6, sshForAdmins, HTTPS)));
        List<Operation> all = plan.operations();

        for (int done = 0; done <= all.size(); done++) {
            Set<Operation> finished = new HashSet<>(all.subList(0, done));

            ChangePlan rest = plan.without(finished);

            assertThat(rest.operations()).as("after %d", done).containsExactlyElementsOf(all.subList(done, all.size()));
            assertThat(rest.group()).isEqualTo(plan.group());
            assertThat(rest.isEmpty()).isEqualTo(done == all.size());
        }
        assertThat(plan.without(Set.of())).isEqualTo(plan);
    }

    @Test
    void aNewGroupStartsWithNeutronsTwoEgressRules() {
        GroupDraft draft = GroupDraft.newGroup("app", "app tier");

        assertThat(draft.rules()).containsExactly(Rule.egressAnywhere(EtherType.IPV4),
                Rule.egressAnywhere(EtherType.IPV6));
        assertThat(draft.stateful()).isTrue();
    }
}
