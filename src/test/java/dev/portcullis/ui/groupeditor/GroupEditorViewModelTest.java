package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group dialog's state without a toolkit: what a person types, what the domain says about it, the draft. */
class GroupEditorViewModelTest {

    static final Rule EGRESS_V4 = Rule.egressAnywhere(EtherType.IPV4).withId("e4");
    static final Rule EGRESS_V6 = Rule.egressAnywhere(EtherType.IPV6).withId("e6");
    static final Rule SSH = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
            Remote.prefix("203.0.113.0/24"), "admins").withId("r1");
    static final Rule HTTP = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(80),
            Remote.ANYWHERE, "").withId("r2");
    static final SecurityGroup WEB = new SecurityGroup("g-web", "p1", "web", "web servers", true, false, 3,
            List.of(EGRESS_V4, EGRESS_V6, SSH, HTTP), List.of(), null, null);
    static final SecurityGroup DB = new SecurityGroup("g-db", "p1", "db", "databases", true, false, 1,
            List.of(EGRESS_V4, EGRESS_V6), List.of(), null, null);
    static final SecurityGroup DEFAULT = new SecurityGroup("g-def", "p1", "default", "Default security group", true,
            false, 1, List.of(EGRESS_V4, EGRESS_V6), List.of(), null, null);

    private static GroupEditorViewModel create() {
        return new GroupEditorViewModel(GroupEditRequest.create(List.of(WEB, DB)));
    }

    private static GroupEditorViewModel edit(SecurityGroup group) {
        return new GroupEditorViewModel(GroupEditRequest.edit(group, List.of(WEB, DB, DEFAULT)));
    }

    static RuleRowViewModel tcp(GroupEditorViewModel vm, String ports, String remote) {
        RuleRowViewModel row = vm.addRule();
        row.portsProperty().set(ports);
        row.remoteProperty().set(remote);
        return row;
    }

    @Test
    void aNewGroupStartsWithTheTwoEgressRulesNeutronAddsAndTheyCanBeRemoved() {
        GroupEditorViewModel vm = create();

        assertThat(vm.rows()).extracting(RuleRowViewModel::summary)
                .containsExactly("Egress IPv4 all traffic to 0.0.0.0/0", "Egress IPv6 all traffic to ::/0");
        assertThat(vm.title()).isEqualTo("New Security Group");
        assertThat(vm.applyText()).isEqualTo("Add");

        vm.nameProperty().set("web-2");
        vm.removeRule(vm.rows().get(1));

        assertThat(vm.isValid()).isTrue();
        assertThat(vm.toDraft().rules()).containsExactly(Rule.egressAnywhere(EtherType.IPV4));
    }

    @Test
    void aNewRowWaitsForItsPortAndItsSourceAndAWorldOpenOneIsMarkedInItsRow() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("web-2");
        RuleRowViewModel row = vm.addRule();

        assertThat(row.problems()).containsOnlyKeys(RuleField.PORTS, RuleField.REMOTE);
        assertThat(row.problems().get(RuleField.REMOTE)).startsWith("Choose where the traffic comes from");
        assertThat(row.portsPromptProperty().get()).isEqualTo("22, 80-90 or any");
        assertThat(vm.canApplyProperty().get()).isFalse();

        row.portsProperty().set("any");
        assertThat(row.problems()).containsOnlyKeys(RuleField.REMOTE);
        row.remoteProperty().set("Anywhere");

        assertThat(row.isValid()).isTrue();
        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(row.rule()).isEqualTo(Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.ANY,
                Remote.ANYWHERE, ""));
        assertThat(row.warningProperty().get()).isNotNull()
                .satisfies(w -> assertThat(w.severity()).isEqualTo(dev.portcullis.review.Severity.HIGH));
        row.remoteProperty().set("10.0.0.0/8");
        assertThat(row.warningProperty().get()).isNull();
    }

    @Test
    void aNameAnotherGroupHasIsAWarningThatDoesNotStopAdd() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set(DB.name());

        assertThat(vm.nameNoteProperty().get()).startsWith("Another group is called \"" + DB.name() + "\" already.");
        assertThat(vm.nameProblemProperty().get()).isNull();
        assertThat(vm.canApplyProperty().get()).isTrue();
        vm.nameProperty().set("db-2");
        assertThat(vm.nameNoteProperty().get()).isNull();

        GroupEditorViewModel edit = edit(WEB);
        assertThat(edit.nameNoteProperty().get()).as("the group's own name").isNull();
    }

    @Test
    void aNewRowOfAnyProtocolWaitsOnlyForItsSource() {
        GroupEditorViewModel vm = create();
        RuleRowViewModel row = vm.addRule();
        row.protocolProperty().set(ProtocolChoice.ANY);

        assertThat(row.problems()).containsOnlyKeys(RuleField.REMOTE);
        row.remoteProperty().set("Group db");
        assertThat(row.isValid()).isTrue();
    }

    @Test
    void aBlankNameBlocksAddWithoutScoldingBeforeThePersonTypedOne() {
        GroupEditorViewModel vm = create();

        assertThat(vm.isValid()).isFalse();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.nameProblemProperty().get()).isNull();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.hintProperty().get()).isEqualTo("Give the group a name to add it.");

        vm.nameProperty().set("w");
        vm.nameProperty().set("");

        assertThat(vm.nameProblemProperty().get()).startsWith("Give the group a name");
        assertThat(vm.problems()).containsExactly("Name: " + vm.nameProblemProperty().get());
    }

    @Test
    void theNameDefaultIsReservedForANewGroup() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("Default");

        assertThat(vm.isValid()).isFalse();
        assertThat(vm.nameProblemProperty().get()).contains("\"default\" is reserved");
    }

    @Test
    void theDefaultGroupKeepsItsNameAndMayStillBeEdited() {
        GroupEditorViewModel vm = edit(DEFAULT);

        assertThat(vm.isNameEditable()).isFalse();
        vm.descriptionProperty().set("project default");

        assertThat(vm.isValid()).isTrue();
        assertThat(vm.changes()).containsExactly("Change the group's description to \"project default\"");
    }

    @Test
    void typingAnInvalidCidrSaysWhatIsWrongAndMakesTheGroupInvalid() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("web");
        RuleRowViewModel row = tcp(vm, "22", "10.0.0.300/24");

        assertThat(row.isValid()).isFalse();
        assertThat(row.problems()).containsOnlyKeys(RuleField.REMOTE);
        assertThat(row.problems().get(RuleField.REMOTE))
                .isEqualTo("\"10.0.0.300/24\" is not an IP address or network: write it like 203.0.113.0/24, "
                        + "198.51.100.7 or 2001:db8::/32.");
        assertThat(vm.isValid()).isFalse();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.problems()).containsExactly("Rule 3: " + row.problems().get(RuleField.REMOTE));
        assertThatThrownBy(vm::toDraft).isInstanceOf(IllegalStateException.class);

        row.remoteProperty().set("10.0.0.0/24");

        assertThat(row.isValid()).isTrue();
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void anAddressOfTheOtherIpVersionIsRefusedInWords() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("web");
        RuleRowViewModel row = tcp(vm, "22", "2001:db8::/32");

        assertThat(row.problems().get(RuleField.REMOTE)).contains("is IPv6 but the rule is for IPv4");

        row.ipVersionProperty().set(EtherType.IPV6);

        assertThat(row.isValid()).isTrue();
    }

    @Test
    void portsAreAPortARangeOrNothing() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("web");
        RuleRowViewModel row = tcp(vm, "8000-8080", "Anywhere");
        assertThat(vm.toDraft().rules().get(2).ports()).isEqualTo(PortRange.of(8000, 8080));

        row.portsProperty().set("");
        assertThat(vm.toDraft().rules().get(2).ports()).isEqualTo(PortRange.ANY);

        row.portsProperty().set("8080-8000");
        assertThat(row.problems().get(RuleField.PORTS)).contains("runs backwards");

        row.portsProperty().set("1-2-3");
        assertThat(row.problems().get(RuleField.PORTS)).isEqualTo("Write one port, like 22, or a range, like 8000-8080.");

        row.portsProperty().set("ssh");
        assertThat(row.problems()).containsOnlyKeys(RuleField.PORTS);
        assertThat(row.problems().get(RuleField.PORTS)).contains("\"ssh\" is not valid");
    }

    @Test
    void icmpTakesATypeAndACode() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("ping");
        RuleRowViewModel row = vm.addRule();
        row.protocolProperty().set(ProtocolChoice.ICMP);
        row.portsProperty().set("8/0");
        row.remoteProperty().set("Anywhere");

        assertThat(vm.toDraft().rules().get(2)).isEqualTo(Rule.draft(Direction.INGRESS, EtherType.IPV4,
                Protocol.ICMP, PortRange.icmp(8, 0), Remote.ANYWHERE, ""));
        assertThat(row.portsPromptProperty().get()).isEqualTo("any type/code");

        row.portsProperty().set("300");
        assertThat(row.problems().get(RuleField.PORTS)).isEqualTo("The ICMP type 300 is not valid: it must be 0 to 255.");
    }

    @Test
    void anyOtherProtocolIsTypedByNameOrNumber() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("vpn");
        RuleRowViewModel row = vm.addRule();
        row.protocolProperty().set(ProtocolChoice.OTHER);
        row.remoteProperty().set("Anywhere");

        assertThat(row.problems().get(RuleField.PROTOCOL)).startsWith("Type the protocol's name or number");

        row.otherProtocolProperty().set("GRE");
        assertThat(row.isValid()).isTrue();
        assertThat(vm.toDraft().rules().get(2).protocol()).isEqualTo(Protocol.of("gre"));

        row.portsProperty().set("22");
        assertThat(row.problems().get(RuleField.PORTS)).startsWith("Protocol GRE has no ports");
    }

    @Test
    void anotherGroupIsChosenByName() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("app");
        RuleRowViewModel row = tcp(vm, "5432", "Group db");

        assertThat(vm.remoteChoices()).containsExactly("Anywhere", "Group db", "Group web");
        assertThat(vm.toDraft().rules().get(2).remote()).isEqualTo(Remote.group("g-db"));
        assertThat(row.summary()).isEqualTo("Ingress IPv4 TCP 5432 from group db");

        row.remoteProperty().set("Group nosuch");
        assertThat(row.problems().get(RuleField.REMOTE)).startsWith("There is no security group called \"nosuch\"");

        row.remoteProperty().set("web");
        assertThat(vm.toDraft().rules().get(2).remote()).isEqualTo(Remote.group("g-web"));
    }

    @Test
    void theGroupListNarrowsToWhatIsTypedAndTellsGroupsWithTheSameNameApart() {
        SecurityGroup otherDb = new SecurityGroup("0f1e2d3c-aaaa", "p1", "db", "", true, false, 1, List.of(), List.of(),
                null, null);
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.create(List.of(WEB, DB, otherDb)));

        assertThat(vm.remoteChoices()).containsExactly("Anywhere", "Group db (0f1e2d3c)", "Group db (g-db)", "Group web");
        assertThat(vm.remoteChoices("DB")).containsExactly("Group db (0f1e2d3c)", "Group db (g-db)");
        assertThat(vm.remoteChoices("Group web")).hasSize(4);
        assertThat(vm.remoteChoices("10.0.0.0/8")).hasSize(4);
        vm.nameProperty().set("app");
        RuleRowViewModel typing = tcp(vm, "5432", "we");
        assertThat(typing.problems().get(RuleField.REMOTE)).endsWith(
                "Or pick a group from the list: one group's name contains \"we\".");
        vm.removeRule(typing);

        RuleRowViewModel row = tcp(vm, "5432", "Group db (0f1e2d3c)");
        assertThat(vm.toDraft().rules().get(2).remote()).isEqualTo(Remote.group("0f1e2d3c-aaaa"));
        row.remoteProperty().set("db");
        assertThat(row.problems().get(RuleField.REMOTE)).isEqualTo("2 security groups are called \"db\": pick one "
                + "from the list, where each shows the start of its id.");
    }

    @Test
    void aDuplicateRowIsRefusedAndBothRowsSayWhichOneItRepeats() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("web");
        RuleRowViewModel first = tcp(vm, "22", "0.0.0.0/0");
        RuleRowViewModel second = tcp(vm, "22", "Anywhere");
        second.descriptionProperty().set("another description does not make it another rule");

        assertThat(first.isValid()).isFalse();
        assertThat(second.isValid()).isFalse();
        assertThat(first.problems().get(RuleField.RULE)).startsWith("Same rule as rule 4 (Ingress IPv4 TCP 22 from");
        assertThat(second.problems().get(RuleField.RULE)).startsWith("Same rule as rule 3 (Ingress IPv4 TCP 22 from");
        assertThat(second.problems().get(RuleField.RULE)).endsWith("remove one of them.");
        assertThat(vm.isValid()).isFalse();
        assertThat(vm.problems()).hasSize(2).allMatch(line -> line.matches("Rule [34]: Same rule as rule [34] .*"));

        vm.removeRule(first);

        assertThat(second.isValid()).isTrue();
        assertThat(vm.isValid()).isTrue();
    }

    @Test
    void aNewRowThatRepeatsAStoredRuleSaysTheGroupAlreadyHasIt() {
        GroupEditorViewModel vm = edit(WEB);
        RuleRowViewModel again = tcp(vm, "80", "::/0");
        again.ipVersionProperty().set(EtherType.IPV4);
        again.remoteProperty().set("Anywhere");

        assertThat(again.problems().get(RuleField.RULE)).isEqualTo("Same rule as rule 4, which the group already has "
                + "(Ingress IPv4 TCP 80 from 0.0.0.0/0). Rules that differ only in their description count as one: "
                + "remove this one.");
        assertThat(vm.rows().get(3).problems().get(RuleField.RULE)).startsWith("Same rule as rule 5 (");
    }

    @Test
    void presetsAddRowsForIpv4AndIpv6FromAnywhere() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("bastion");

        List<RuleRowViewModel> ssh = vm.addPreset(Preset.SSH);
        List<RuleRowViewModel> ping = vm.addPreset(Preset.PING);
        List<RuleRowViewModel> dns = vm.addPreset(Preset.DNS);

        assertThat(ssh).extracting(RuleRowViewModel::summary)
                .containsExactly("Ingress IPv4 TCP 22 from 0.0.0.0/0", "Ingress IPv6 TCP 22 from ::/0");
        assertThat(ssh).allSatisfy(row -> {
            assertThat(row.remoteProperty().get()).isEqualTo("Anywhere");
            assertThat(row.portsProperty().get()).isEqualTo("22");
            assertThat(row.protocolProperty().get()).isEqualTo(ProtocolChoice.TCP);
        });
        assertThat(ping).extracting(RuleRowViewModel::summary)
                .containsExactly("Ingress IPv4 ICMP type 8 from 0.0.0.0/0", "Ingress IPv6 IPV6-ICMP type 128 from ::/0");
        assertThat(ping).extracting(row -> row.protocolProperty().get()).containsOnly(ProtocolChoice.ICMP);
        assertThat(dns).hasSize(4);
        assertThat(vm.rows()).hasSize(10);
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.toDraft().rules().get(2)).isEqualTo(Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
                PortRange.of(22), Remote.ANYWHERE, "SSH"));
    }

    @Test
    void aPresetTheTableAlreadyHasAddsNothingAndSaysSo() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("bastion");
        vm.addPreset(Preset.SSH);

        assertThat(vm.addPreset(Preset.SSH)).isEmpty();
        assertThat(vm.rows()).hasSize(4);
        assertThat(vm.noticeProperty().get()).isEqualTo("The table already has every SSH rule.");
        assertThat(vm.addPreset(Preset.ALL_TRAFFIC)).extracting(RuleRowViewModel::summary)
                .containsExactly("Ingress IPv4 all traffic from 0.0.0.0/0", "Ingress IPv6 all traffic from ::/0");
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void theDraftKeepsTheIdsOfRulesLeftAsTheyWere() {
        GroupEditorViewModel vm = edit(WEB);
        assertThat(vm.title()).isEqualTo("Edit web");
        assertThat(vm.applyText()).isEqualTo("Save");
        assertThat(vm.rows().get(2).remoteProperty().get()).isEqualTo("203.0.113.0/24");

        vm.rows().get(3).portsProperty().set("8080");
        vm.rows().get(2).portsProperty().set("2222");
        vm.rows().get(2).portsProperty().set("22");

        List<Rule> rules = vm.toDraft().rules();
        assertThat(rules.subList(0, 3)).containsExactly(EGRESS_V4, EGRESS_V6, SSH);
        assertThat(rules.get(3)).isEqualTo(Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
                PortRange.of(8080), Remote.ANYWHERE, ""));
    }

    @Test
    void anUnchangedGroupHasNothingToSave() {
        GroupEditorViewModel vm = edit(WEB);

        assertThat(vm.isValid()).isTrue();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.changes()).isEmpty();
        assertThat(vm.hintProperty().get()).isEqualTo("Nothing to save: nothing has changed yet.");
        assertThat(vm.toDraft()).isEqualTo(GroupDraft.of(WEB));
    }

    @Test
    void changesListTheRenameTheRulesAddedAndTheRulesRemoved() {
        GroupEditorViewModel vm = edit(WEB);
        vm.nameProperty().set("web-public");
        vm.removeRule(vm.rows().get(2));
        tcp(vm, "443", "Anywhere");
        vm.rows().get(2).descriptionProperty().set("plain web");

        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(vm.changes()).containsExactly(
                "Rename the group to \"web-public\"",
                "Add Ingress IPv4 TCP 443 from 0.0.0.0/0",
                "Change the description of Ingress IPv4 TCP 80 from 0.0.0.0/0 to \"plain web\"",
                "Remove Ingress IPv4 TCP 22 from 203.0.113.0/24");
        assertThat(vm.changeList()).extracting(Change::kind).containsExactly(Change.Kind.UPDATE_GROUP,
                Change.Kind.ADD_RULE, Change.Kind.CHANGE_RULE, Change.Kind.REMOVE_RULE);
    }

    @Test
    void aNewGroupsChangesSayItIsCreatedWithItsRules() {
        GroupEditorViewModel vm = create();
        vm.nameProperty().set("web");
        tcp(vm, "22", "203.0.113.0/24").descriptionProperty().set("admins");

        assertThat(vm.changes()).containsExactly(
                "Create group \"web\" with 3 rules",
                "Add Egress IPv4 all traffic to 0.0.0.0/0",
                "Add Egress IPv6 all traffic to ::/0",
                "Add Ingress IPv4 TCP 22 from 203.0.113.0/24 (\"admins\")");
    }

    @Test
    void aRequestWithAnErrorKeepsWhatWasTypedAndShowsTheError() {
        Rule typed = Rule.draft(Direction.INGRESS, EtherType.IPV6, Protocol.UDP, PortRange.of(53), Remote.ANYWHERE,
                "dns");
        GroupDraft draft = new GroupDraft("resolver", "DNS servers", true, List.of(EGRESS_V4.asDraft(), typed));
        GroupEditRequest failed = GroupEditRequest.create(List.of(WEB)).withDraft(draft)
                .retry(Optional.empty(), "Quota exceeded for resources: ['security_group'].");

        GroupEditorViewModel vm = new GroupEditorViewModel(failed);

        assertThat(vm.error()).contains("Quota exceeded for resources: ['security_group'].");
        assertThat(vm.errorProperty().get()).isEqualTo("Quota exceeded for resources: ['security_group'].");
        assertThat(vm.nameProperty().get()).isEqualTo("resolver");
        assertThat(vm.descriptionProperty().get()).isEqualTo("DNS servers");
        assertThat(vm.rows()).hasSize(2);
        RuleRowViewModel row = vm.rows().get(1);
        assertThat(row.ipVersionProperty().get()).isEqualTo(EtherType.IPV6);
        assertThat(row.protocolProperty().get()).isEqualTo(ProtocolChoice.UDP);
        assertThat(row.portsProperty().get()).isEqualTo("53");
        assertThat(row.descriptionProperty().get()).isEqualTo("dns");
        assertThat(vm.toDraft()).isEqualTo(draft);
    }

    @Test
    void aRetryOnTheGroupAsItIsNowDoesNotRepeatWhatWasAlreadyDone() {
        Rule https = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443), Remote.ANYWHERE, "");
        GroupDraft typed = new GroupDraft("web", "web servers", true, List.of(EGRESS_V4, EGRESS_V6, HTTP, https));
        SecurityGroup now = WEB.withRules(List.of(EGRESS_V4, EGRESS_V6, SSH, HTTP, https.withId("r3")), 5, null);

        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.edit(WEB, List.of(WEB)).withDraft(typed)
                .retry(Optional.of(now), "Connection lost"));

        assertThat(vm.changes()).containsExactly("Remove Ingress IPv4 TCP 22 from 203.0.113.0/24");
    }
}
