package dev.portcullis.ui.network;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.portcullis.ui.network.Fixtures.egress;
import static dev.portcullis.ui.network.Fixtures.group;
import static dev.portcullis.ui.network.Fixtures.rule;
import static dev.portcullis.ui.network.Fixtures.tcpIn;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkConfigurationViewModelTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Runnable::run, Runnable::run);

    private static List<String> names(List<GroupRow> rows) {
        return rows.stream().map(GroupRow::name).toList();
    }

    private GroupRow row(String name) {
        return java.util.stream.Stream.concat(vm.defaultGroups().stream(), vm.customGroups().stream())
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class Loading {

        @Test
        void splitsTheDefaultGroupFromTheCustomOnesWithTheirCounts() {
            vm.refresh();

            assertThat(names(vm.defaultGroups())).containsExactly("default");
            assertThat(names(vm.customGroups())).containsExactly("web-server-public", "db-internal");
            GroupRow web = row("web-server-public");
            assertThat(web.rulesText()).isEqualTo("6 in / 2 out");
            assertThat(web.usedBy()).isEqualTo(1);
            assertThat(web.usedByText()).isEqualTo("1 interface");
            assertThat(row("default").usedByText()).isEqualTo("2 interfaces");
            assertThat(vm.customTotalProperty().get()).isEqualTo(2);
            assertThat(vm.countsProperty().get()).isEqualTo("3 security groups · 2 interfaces");
        }

        @Test
        void isBusyWhileLoadingThenSaysWhatItLoaded() {
            backend.holdLoads = true;
            vm.refresh();

            assertThat(vm.stateProperty().get()).isEqualTo(State.LOADING);
            assertThat(vm.busyProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).isEqualTo("Loading security groups from Fake project…");

            backend.heldLoads.get(0).complete(backend.snapshot());

            assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("Loaded 3 security groups");
            assertThat(vm.errorProperty().get()).isNull();
        }

        @Test
        void aFailedFirstLoadIsTheErrorStateInWords() {
            backend.failNextLoad = FakeBackend.refusal(BackendException.Kind.UNAVAILABLE, "WorkspaceFileUnreadable",
                    "The local workspace cannot be read: permission denied.");
            vm.refresh();

            assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
            assertThat(vm.errorProperty().get()).isEqualTo("The local workspace cannot be read: permission denied.");
            assertThat(vm.statusProperty().get()).isEqualTo("Could not load the security groups from Fake project");
            assertThat(vm.busyProperty().get()).isFalse();

            vm.refresh();

            assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
            assertThat(vm.errorProperty().get()).isNull();
            assertThat(vm.customGroups()).hasSize(2);
        }

        @Test
        void aFailedRefreshKeepsTheGroupsShownAndSaysWhy() {
            vm.refresh();
            backend.failNextLoad = FakeBackend.refusal(BackendException.Kind.UNAVAILABLE, "Unreachable",
                    "The cloud did not answer.");
            vm.refresh();

            assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
            assertThat(vm.errorProperty().get()).isEqualTo("The cloud did not answer.");
            assertThat(vm.customGroups()).hasSize(2);
        }

        @Test
        void anOlderLoadsAnswerIsDropped() {
            backend.holdLoads = true;
            vm.refresh();
            vm.refresh();
            Snapshot older = backend.snapshot();
            backend.groups.removeIf(g -> g.name().equals("db-internal"));

            backend.heldLoads.get(1).complete(backend.snapshot());
            backend.heldLoads.get(0).complete(older);

            assertThat(names(vm.customGroups())).containsExactly("web-server-public");
            assertThat(vm.busyProperty().get()).isFalse();
        }

        @Test
        void aReloadKeepsTheSelectedGroupById() {
            vm.refresh();
            vm.select(Fixtures.WEB);

            vm.refresh();

            assertThat(vm.selectedProperty().get().name()).isEqualTo("web-server-public");
            assertThat(vm.selectedProperty().get()).isSameAs(row("web-server-public"));
        }

        @Test
        void tenThousandGroupsAreFilteredByPort() {
            List<SecurityGroup> many = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                List<Rule> rules = new ArrayList<>(egress("r" + i));
                rules.add(tcpIn("r" + i + "-in", 8000 + i % 100, 8000 + i % 100, "10." + i % 200 + ".0.0/16"));
                many.add(group("g" + i, "perf-" + i, "", rules));
            }
            backend.groups.addAll(many);
            vm.refresh();

            vm.filterTextProperty().set("8042");

            assertThat(vm.customGroups()).hasSize(100);
            assertThat(vm.filterSummaryProperty().get()).isEqualTo("101 of 10003");
        }
    }

    @Nested
    class Filter {

        private void addFilterGroups() {
            backend.groups.add(group("g-range", "range-20-30", "", List.of(tcpIn("r-range", 20, 30, "198.51.100.0/24"))));
            backend.groups.add(group("g-any", "any-protocol", "", List.of(rule("r-any", Direction.INGRESS,
                    EtherType.IPV4, Protocol.ANY, PortRange.ANY, Remote.prefix("192.168.0.0/16"), null))));
            backend.groups.add(group("g-icmp", "icmp-rule", "", List.of(rule("r-icmp", Direction.INGRESS,
                    EtherType.IPV4, Protocol.ICMP, PortRange.icmp(22, 0), Remote.ANYWHERE, null))));
            backend.groups.add(group("g-out", "ssh-out", "", List.of(rule("r-out", Direction.EGRESS,
                    EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("203.0.113.7/32"), null))));
            backend.groups.add(group("g-gre", "gre", "", List.of(rule("r-gre", Direction.INGRESS,
                    EtherType.IPV4, Protocol.of("gre"), PortRange.ANY, Remote.ANYWHERE, null))));
            backend.groups.add(group("g-office", "office", "", List.of(tcpIn("r-office", 3389, 3389, "10.0.0.0/24"))));
            vm.refresh();
        }

        private List<String> matching(String filter) {
            vm.filterTextProperty().set(filter);
            List<String> all = new ArrayList<>(names(vm.defaultGroups()));
            all.addAll(names(vm.customGroups()));
            return all;
        }

        @Test
        void aPortIsAQuestionAboutTrafficNotAboutDigitsInNames() {
            backend.groups.add(group("g-perf", "perf-0022", "batch 22 of the load test", List.of(
                    tcpIn("r-perf", 8080, 8080, "10.0.0.0/8"))));
            vm.refresh();

            assertThat(matching("22")).doesNotContain("perf-0022").contains("web-server-public");
            assertThat(matching("perf-0022")).containsExactly("perf-0022");
        }

        @Test
        void byNameDescriptionAndRuleDescriptionIgnoringCase() {
            vm.refresh();

            assertThat(matching("WEB-server")).containsExactly("web-server-public");
            assertThat(matching("postgresql")).containsExactly("db-internal");
            assertThat(matching("ssh")).containsExactly("web-server-public");
            assertThat(matching("")).containsExactly("default", "web-server-public", "db-internal");
        }

        @Test
        void aPortFindsEveryGroupWhoseIngressRulesLetItThrough() {
            addFilterGroups();

            // 20-30 contains 22; "any protocol" covers every port; default lets its own members in on any port
            assertThat(matching("22")).containsExactly("default", "web-server-public", "range-20-30",
                    "any-protocol");
            assertThat(matching("21")).containsExactly("default", "range-20-30", "any-protocol");
            // ICMP type 22 is not a port; GRE has no ports; an egress rule is not what reaches the servers
            assertThat(matching("22")).doesNotContain("icmp-rule", "gre", "ssh-out");
        }

        @Test
        void outLooksAtEgressRules() {
            addFilterGroups();

            assertThat(matching("out:22")).contains("ssh-out").doesNotContain("range-20-30", "icmp-rule");
            assertThat(matching("in:22")).isEqualTo(matching("22"));
        }

        @Test
        void anAddressFindsRulesWhoseCidrContainsIt() {
            addFilterGroups();

            // 0.0.0.0/0 and "no remote" contain every IPv4 address, whatever the protocol
            assertThat(matching("10.0.0.5")).containsExactly("web-server-public", "icmp-rule", "gre", "office");
            assertThat(matching("192.168.7.1")).containsExactly("web-server-public", "any-protocol", "icmp-rule",
                    "gre");
            assertThat(matching("2001:db8::1")).containsExactly("web-server-public");
        }

        @Test
        void anAddressOfAnInterfaceFindsRulesFromItsGroup() {
            vm.refresh();

            // web-1 eth0 (10.0.0.11) uses web-server-public and default: db-internal lets it in on 5432
            assertThat(matching("10.0.0.11")).containsExactly("default", "web-server-public", "db-internal");
            assertThat(matching("10.0.0.21")).containsExactly("default", "web-server-public");
        }

        @Test
        void aCidrTypedInFullFindsRulesThatOverlapIt() {
            addFilterGroups();

            assertThat(matching("192.168.1.0/24")).contains("any-protocol").doesNotContain("office", "range-20-30");
            assertThat(matching("10.0.0.0/8")).contains("office").doesNotContain("any-protocol");
            assertThat(matching("198.51.100.128/25")).contains("range-20-30");
        }

        @Test
        void aHalfTypedAddressIsOnlyText() {
            addFilterGroups();

            assertThat(matching("10.0")).isEmpty();
        }

        @Test
        void everyWordMustMatchAndTheSummarySaysHowMany() {
            vm.refresh();

            assertThat(matching("web 443")).containsExactly("web-server-public");
            assertThat(matching("db 443")).isEmpty();
            assertThat(vm.filterSummaryProperty().get()).isEqualTo("0 of 3");
            assertThat(matching(" ")).hasSize(3);
            assertThat(vm.filterSummaryProperty().get()).isEmpty();
        }
    }

    @Nested
    class Details {

        @Test
        void showTheRulesInWordsInTheGroupsOwnOrderAsTheDialogNumbersThemTheInterfacesAndTheRevision() {
            vm.refresh();
            vm.selectedProperty().set(row("web-server-public"));

            GroupDetails details = vm.detailsProperty().get();
            assertThat(details.name()).isEqualTo("web-server-public");
            assertThat(details.rules()).extracting(RuleLine::summary).containsExactly(
                    "Egress IPv4 all traffic to 0.0.0.0/0", "Egress IPv6 all traffic to ::/0",
                    "Ingress IPv4 TCP 22 from 0.0.0.0/0", "Ingress IPv6 TCP 22 from ::/0",
                    "Ingress IPv4 TCP 80 from 0.0.0.0/0", "Ingress IPv6 TCP 80 from ::/0",
                    "Ingress IPv4 TCP 443 from 0.0.0.0/0", "Ingress IPv6 TCP 443 from ::/0");
            assertThat(details.rules().get(2).description()).isEqualTo("SSH");
            assertThat(details.interfaces()).extracting(InterfaceUse::label, InterfaceUse::addresses)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("web-1 eth0", "10.0.0.11"));
            assertThat(details.revisionText()).isEqualTo("Revision 1 · stateful");
            assertThat(details.rulesHeading()).isEqualTo("8 rules: 6 in / 2 out");
            assertThat(details.referencedBy()).extracting(ReferencingRule::line).containsExactly(
                    "db-internal: Ingress IPv4 TCP 5432 from group web-server-public",
                    "db-internal: Ingress IPv6 TCP 5432 from group web-server-public");
        }

        @Test
        void nameTheGroupARuleComesFrom() {
            vm.refresh();
            vm.selectedProperty().set(row("db-internal"));

            assertThat(vm.detailsProperty().get().rules()).extracting(RuleLine::summary)
                    .contains("Ingress IPv4 TCP 5432 from group web-server-public");

            vm.selectedProperty().set(null);
            assertThat(vm.detailsProperty().get()).isNull();
        }
    }

    @Nested
    class Save {

        private final GroupDraft typed = new GroupDraft("app-tier", "The application servers", true, List.of(
                Rule.egressAnywhere(EtherType.IPV4), Rule.egressAnywhere(EtherType.IPV6),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(8080), Remote.prefix(
                        "10.0.0.0/24"), null)));

        @Test
        void aNewGroupIsCreatedShownAndSelected() {
            vm.refresh();
            GroupEditRequest request = vm.newGroupRequest();
            assertThat(request.isNew()).isTrue();
            assertThat(request.groups()).hasSize(3);

            vm.save(request, typed);

            assertThat(backend.created).containsExactly(typed);
            assertThat(names(vm.customGroups())).containsExactly("web-server-public", "db-internal", "app-tier");
            assertThat(vm.selectedProperty().get().name()).isEqualTo("app-tier");
            assertThat(vm.statusProperty().get()).isEqualTo("Created \"app-tier\"");
            assertThat(vm.setbacks()).isZero();
            assertThat(vm.reopenRequestProperty().get()).isNull();
            assertThat(vm.busyProperty().get()).isFalse();
        }

        @Test
        void aFailedCreateAsksForTheDialogAgainWithTheDraftAndTheReason() {
            vm.refresh();
            backend.failNextCreate = FakeBackend.refusal(BackendException.Kind.QUOTA, "OverQuota",
                    "The project may have at most 10 security groups.");

            long setbacks = vm.setbacks();
            vm.save(vm.newGroupRequest(), typed);

            assertThat(vm.setbacks()).as("closing the window waits on this").isEqualTo(setbacks + 1);
            GroupEditRequest again = vm.reopenRequestProperty().get();
            assertThat(again.isNew()).isTrue();
            assertThat(again.draft()).isEqualTo(typed);
            assertThat(again.error()).contains("The project may have at most 10 security groups.");
            assertThat(names(vm.customGroups())).doesNotContain("app-tier");
            assertThat(vm.statusProperty().get()).isEqualTo("Could not create \"app-tier\"");

            vm.reopenHandled();
            assertThat(vm.reopenRequestProperty().get()).isNull();
        }

        @Test
        void anEditAppliesThePlanFromTheGroupItOpenedOn() {
            vm.refresh();
            GroupEditRequest request = vm.editRequest(row("web-server-public"));
            SecurityGroup web = request.original().orElseThrow();
            GroupDraft renamed = new GroupDraft("web-public", web.description(), true, web.rules());

            vm.save(request, renamed);

            assertThat(backend.plans).containsExactly(ChangePlan.between(web, renamed));
            assertThat(names(vm.customGroups())).containsExactly("web-public", "db-internal");
            assertThat(vm.statusProperty().get()).isEqualTo("Saved \"web-public\"");
            assertThat(vm.reopenRequestProperty().get()).isNull();
        }

        @Test
        void aSaveThatMetSomeoneElsesChangeSaysSoAndOpensTheDialogAgainOnTheGroupAsItIs() {
            vm.refresh();
            GroupEditRequest request = vm.editRequest(row("web-server-public"));
            SecurityGroup web = request.original().orElseThrow();
            GroupDraft renamed = new GroupDraft("web-public", web.description(), true, web.rules());
            backend.concurrentChange = "Every change was sent and applied, but the group is not what the plan made of"
                    + " it (1 rule the plan did not add): someone else changed it at the same time.";

            vm.save(request, renamed);

            assertThat(vm.statusProperty().get()).isEqualTo("Saved \"web-public\", but someone else changed it at the"
                    + " same time");
            GroupEditRequest again = vm.reopenRequestProperty().get();
            assertThat(again).isNotNull();
            assertThat(again.draft()).isEqualTo(renamed);
            assertThat(again.original().orElseThrow().name()).isEqualTo("web-public");
        }

        @Test
        void anUnchangedDraftSendsNothing() {
            vm.refresh();
            GroupEditRequest request = vm.editRequest(row("db-internal"));

            vm.save(request, request.draft());

            assertThat(backend.plans).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("Nothing to save: \"db-internal\" is unchanged");
        }

        @Test
        void aRefusedEditAsksForTheDialogAgainOnTheSameGroup() {
            vm.refresh();
            GroupEditRequest request = vm.editRequest(row("web-server-public"));
            SecurityGroup web = request.original().orElseThrow();
            GroupDraft draft = new GroupDraft("web-server-public", "", true, web.rules());
            backend.failNextApply = FakeBackend.refusal(BackendException.Kind.FORBIDDEN, "PolicyNotAuthorized",
                    "You may not change this group.");

            vm.save(request, draft);

            GroupEditRequest again = vm.reopenRequestProperty().get();
            assertThat(again.original()).contains(web);
            assertThat(again.draft()).isEqualTo(draft);
            assertThat(again.error()).contains("You may not change this group.");
        }

        @Test
        void aPartialApplyReopensOnTheGroupAsItIsAfterwardsSoNothingIsSentTwice() {
            vm.refresh();
            GroupEditRequest request = vm.editRequest(row("web-server-public"));
            SecurityGroup web = request.original().orElseThrow();
            List<Rule> rules = new ArrayList<>(web.rules());
            rules.removeIf(r -> r.id().equals("r-w1")); // SSH over IPv4 goes
            rules.add(Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(8443),
                    Remote.prefix("0.0.0.0/0"), "admin"));
            GroupDraft draft = new GroupDraft("web-public", web.description(), true, rules);
            // rename, create 8443, delete SSH: the delete is refused
            backend.failApplyAtStep = 2;
            backend.stepFailure = FakeBackend.refusal(BackendException.Kind.NOT_FOUND, "SecurityGroupRuleNotFound",
                    "The rule is no longer in this group.");

            vm.save(request, draft);

            GroupEditRequest again = vm.reopenRequestProperty().get();
            SecurityGroup after = again.original().orElseThrow();
            assertThat(after.name()).isEqualTo("web-public");
            assertThat(after.rules()).anyMatch(r -> r.ports().equals(PortRange.of(8443)));
            assertThat(again.draft()).isEqualTo(draft);
            assertThat(again.error()).hasValueSatisfying(why -> assertThat(why)
                    .startsWith("Only part of the change was saved (2 of 3 steps).")
                    .contains("The rule is no longer in this group."));
            List<String> lines = again.error().orElseThrow().lines().toList();
            assertThat(lines).hasSize(5);
            assertThat(lines.get(1)).isEqualTo("✓ Saved: Rename the group to \"web-public\"");
            assertThat(lines.get(2)).isEqualTo("✓ Saved: Add Ingress IPv4 TCP 8443 from 0.0.0.0/0");
            assertThat(lines.get(3)).startsWith("✗ Failed: Remove Ingress IPv4 TCP 22 from ")
                    .endsWith(" — The rule is no longer in this group.");
            assertThat(lines.get(4)).isEqualTo("Correct it and save again: what is already saved will not be sent again.");
            assertThat(names(vm.customGroups())).contains("web-public");

            vm.reopenHandled();
            vm.save(again, again.draft());

            ChangePlan rest = backend.plans.get(1);
            assertThat(rest.update()).isEmpty();
            assertThat(rest.create()).isEmpty();
            assertThat(rest.deleteAfter()).extracting(Rule::id).containsExactly("r-w1");
            assertThat(vm.statusProperty().get()).isEqualTo("Saved \"web-public\"");
            assertThat(vm.reopenRequestProperty().get()).isNull();
        }

        @Test
        void aStaleEditLoadsTheGroupAgainAndAsksWithWhatChangedOnTheServer() {
            vm.refresh();
            GroupEditRequest request = vm.editRequest(row("db-internal"));
            SecurityGroup db = request.original().orElseThrow();
            Rule https = tcpIn("r-theirs", 443, 443, "0.0.0.0/0");
            List<Rule> theirRules = new ArrayList<>(db.rules());
            theirRules.add(https);
            SecurityGroup changedElsewhere = db.withNameAndDescription("db-internal", "changed by a colleague", 7,
                    Instant.EPOCH).withRules(theirRules, 7, Instant.EPOCH);
            backend.groups.set(2, changedElsewhere);
            Rule ssh = tcpIn(null, 22, 22, "10.0.0.0/8");
            List<Rule> myRules = new ArrayList<>(db.rules());
            myRules.add(ssh);
            GroupDraft draft = new GroupDraft("db-main", "mine", true, myRules);
            int loadsBefore = backend.loads;

            vm.save(request, draft);

            assertThat(backend.loads).isEqualTo(loadsBefore + 1);
            assertThat(vm.reopenRequestProperty().get()).isNull();
            StaleConflict conflict = vm.conflictProperty().get();
            assertThat(conflict.heading()).isEqualTo("Someone else changed \"db-internal\" while you were editing it");
            assertThat(conflict.theirChanges()).containsExactly(
                    "Description changed to \"changed by a colleague\"",
                    "Rule added: Ingress IPv4 TCP 443 from 0.0.0.0/0");

            GroupEditRequest again = conflict.reapply();
            assertThat(again.original()).contains(changedElsewhere);
            assertThat(again.draft().name()).isEqualTo("db-main");
            assertThat(again.draft().description()).isEqualTo("mine");
            assertThat(again.draft().rules()).contains(https, ssh).hasSize(theirRules.size() + 1);
            assertThat(again.error()).hasValueSatisfying(why -> assertThat(why).contains("revision 7"));

            vm.conflictHandled();
            vm.save(again, again.draft());
            ChangePlan second = backend.plans.get(1);
            assertThat(second.group().revision()).isEqualTo(7);
            assertThat(second.create()).containsExactly(ssh);
            assertThat(second.deleteAfter()).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("Saved \"db-main\"");
        }

        @Test
        void aSaveThatFindsTheCloudGoneReopensWithWhatWasTyped() {
            vm.refresh();
            GroupEditRequest request = vm.editRequest(row("db-internal"));
            GroupDraft draft = new GroupDraft("db-main", "typed", true, request.draft().rules());
            backend.failNextApply = FakeBackend.refusal(BackendException.Kind.UNAVAILABLE, "ConnectionRefused",
                    "The cloud could not be reached.");

            vm.save(request, draft);

            GroupEditRequest again = vm.reopenRequestProperty().get();
            assertThat(again.draft()).isEqualTo(draft);
            assertThat(again.original()).isEqualTo(request.original());
            assertThat(again.error()).contains("The cloud could not be reached.");
        }
    }

    @Nested
    class DeleteAndDetach {

        @Test
        void thePreviewListsTheInterfacesAndTheRulesOfOtherGroupsThatGoToo() {
            vm.refresh();

            DeletePreview web = vm.deletePreview(row("web-server-public"));

            assertThat(web.inUse()).isTrue();
            assertThat(web.deletable()).isFalse();
            assertThat(web.interfaces()).extracting(p -> p.label()).containsExactly("web-1 eth0");
            assertThat(web.cascadingRules()).extracting(ReferencingRule::line).containsExactly(
                    "db-internal: Ingress IPv4 TCP 5432 from group web-server-public",
                    "db-internal: Ingress IPv6 TCP 5432 from group web-server-public");
            assertThat(web.reason()).contains("web-1 eth0");
        }

        @Test
        void aGroupInUseIsNotSentToTheBackendAndTheReasonNamesTheInterface() {
            vm.refresh();

            vm.delete(row("db-internal"));

            assertThat(backend.deleted).isEmpty();
            assertThat(vm.failureProperty().get().title()).isEqualTo("\"db-internal\" cannot be deleted");
            assertThat(vm.failureProperty().get().message()).contains("db-1 eth0");
            assertThat(names(vm.customGroups())).contains("db-internal");
            vm.failureShown();
            assertThat(vm.failureProperty().get()).isNull();
        }

        @Test
        void theDefaultGroupCannotBeDeleted() {
            vm.refresh();

            vm.delete(row("default"));

            assertThat(backend.deleted).isEmpty();
            assertThat(vm.failureProperty().get().message()).contains("every project has one");
        }

        @Test
        void removeFromInterfaceThenDeleteTakesTheRulesThatPointAtIt() {
            vm.refresh();
            vm.select(Fixtures.WEB);
            InterfaceUse web1 = vm.detailsProperty().get().interfaces().get(0);

            vm.detach(web1.port(), row("web-server-public"));

            assertThat(backend.detached).containsExactly("web-1 eth0 - web-server-public");
            assertThat(row("web-server-public").usedBy()).isZero();
            assertThat(row("web-server-public").deletable()).isTrue();
            assertThat(vm.detailsProperty().get().interfaces()).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("Removed \"web-server-public\" from web-1 eth0");

            int loadsBefore = backend.loads;
            vm.delete(row("web-server-public"));

            assertThat(backend.deleted).extracting(r -> r.id()).containsExactly(Fixtures.WEB);
            assertThat(names(vm.customGroups())).containsExactly("db-internal");
            assertThat(row("db-internal").rulesText()).isEqualTo("0 in / 2 out");
            assertThat(vm.selectedProperty().get().name()).as("the group that took its place")
                    .isEqualTo("db-internal");
            assertThat(vm.statusProperty().get()).isEqualTo(
                    "Deleted \"web-server-public\" and 2 rules of other groups that pointed at it");
            assertThat(backend.loads).isEqualTo(loadsBefore + 1);
        }

        @Test
        void aRefusedDeleteSaysWhyInWordsAndShowsTheTruth() {
            backend.ports.clear();
            vm.refresh();
            backend.failNextDelete = FakeBackend.refusal(BackendException.Kind.CONFLICT, "SecurityGroupInUse",
                    "This group is still used by 1 interface: app-1 eth0");
            int loadsBefore = backend.loads;

            vm.delete(row("db-internal"));

            assertThat(vm.failureProperty().get().title()).isEqualTo("Could not delete \"db-internal\"");
            assertThat(vm.failureProperty().get().message())
                    .isEqualTo("This group is still used by 1 interface: app-1 eth0");
            assertThat(backend.loads).isEqualTo(loadsBefore + 1);
        }

        @Test
        void aRefusedDetachSaysWhyInWords() {
            vm.refresh();
            backend.failNextDetach = FakeBackend.refusal(BackendException.Kind.NOT_FOUND, "PortNotFound",
                    "The interface web-1 eth0 does not exist (any more).");

            vm.detach(Fixtures.seededPorts().get(0), row("web-server-public"));

            assertThat(vm.failureProperty().get().message())
                    .isEqualTo("The interface web-1 eth0 does not exist (any more).");
            assertThat(vm.statusProperty().get()).isEqualTo("Could not remove \"web-server-public\" from web-1 eth0");
            assertThat(vm.busyProperty().get()).isFalse();
        }
    }

    @Test
    void anUnexpectedFailureIsStillWords() {
        assertThat(Words.message(new java.util.concurrent.CompletionException(
                new IllegalStateException("disk on fire")))).isEqualTo("Something unexpected went wrong: disk on fire");
    }
}
