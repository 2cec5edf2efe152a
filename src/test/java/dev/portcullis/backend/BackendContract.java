package dev.portcullis.backend;

import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link Backend} does, written against the port alone: the local workspace runs it, and so
 * must the Neutron backend. The expectations are Neutron's (shared/neutron/RECIPE.md section 6): its
 * default group, its two egress rules on every new group, its refusals with their {@code NeutronError}
 * types, its revision numbers and its delete cascade.
 *
 * <p>How a backend answers: a refused {@code create}, {@code delete} or {@code detach} completes its future
 * with a {@link BackendException}. {@code apply} does the same when it can try nothing (the group is gone,
 * or its revision moved); once it runs operations it always answers a report, with the failure in the
 * failed step.
 *
 * <p>Tests make their own groups with names no other test uses, so they also run on a project that has
 * groups already. Two hooks are all an implementation gives:
 * <ul>
 *   <li>{@link #newBackend()}: a backend on a project that has its default group;</li>
 *   <li>{@link #attachInterface}: make an interface (a server's port) use a group, since the port has no
 *       call for that; Neutron's fixture creates a port on a network, the workspace adds one to its file.</li>
 * </ul>
 */
public abstract class BackendContract extends OpenBackend {

    /** How long a test waits for any one answer. */
    protected static final long TIMEOUT_SECONDS = 5;

    /**
     * Makes an interface called {@code name} that uses {@code group} (and nothing else that could stop a
     * delete), as a server's port would, and answers it.
     */
    /**
     * By how much a plan of rules alone raises the group's revision before its first rule is sent: the Neutron
     * backend claims the group (an update under If-Match) so that a change made since it was read is refused;
     * the workspace, which serialises every change, needs no claim.
     */
    protected long revisionsOfAClaim() {
        return 0;
    }

    protected abstract PortRef attachInterface(Backend backend, String name, GroupRef group) throws Exception;

    // --- load -------------------------------------------------------------------------------------------

    @Test
    void loadShowsTheDefaultGroupWithItsFourRules() throws Exception {
        List<Integer> pageSizes = new CopyOnWriteArrayList<>();
        AtomicInteger soFar = new AtomicInteger(-1);
        Snapshot snapshot = await(backend.load((page, loaded) -> {
            pageSizes.add(page.size());
            soFar.set(loaded);
        }));

        SecurityGroup defaultGroup = defaultGroup(snapshot);
        assertThat(defaultGroup.description()).isEqualTo("Default security group");
        assertThat(defaultGroup.revision()).isGreaterThanOrEqualTo(1);
        assertThat(defaultGroup.rules()).hasSize(4).allSatisfy(r -> {
            assertThat(r.id()).isNotNull();
            assertThat(r.description()).as("Neutron leaves the default rules' descriptions null").isNull();
            assertThat(r.protocol().isAny()).isTrue();
            assertThat(r.ports().isAny()).isTrue();
        });
        assertThat(defaultGroup.rules()).extracting(RuleKey::of).containsExactlyInAnyOrder(
                Rule.egressAnywhere(EtherType.IPV4).key(),
                Rule.egressAnywhere(EtherType.IPV6).key(),
                anyFrom(EtherType.IPV4, Remote.group(defaultGroup.id())).key(),
                anyFrom(EtherType.IPV6, Remote.group(defaultGroup.id())).key());

        assertThat(pageSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(snapshot.groups().size());
        assertThat(soFar.get()).isEqualTo(snapshot.groups().size());
    }

    // --- create -----------------------------------------------------------------------------------------

    @Test
    void createOfANewGroupsDraftGivesItsTwoEgressRulesAtRevisionOne() throws Exception {
        String name = uniqueName("contract-new");
        SecurityGroup group = await(backend.create(GroupDraft.newGroup(name, "made by the contract")));

        assertThat(group.id()).isNotBlank();
        assertThat(group.name()).isEqualTo(name);
        assertThat(group.description()).isEqualTo("made by the contract");
        assertThat(group.stateful()).isTrue();
        assertThat(group.revision()).isEqualTo(1);
        assertThat(group.rules()).extracting(Rule::key).containsExactlyInAnyOrder(
                Rule.egressAnywhere(EtherType.IPV4).key(), Rule.egressAnywhere(EtherType.IPV6).key());
        assertThat(group.rules()).allSatisfy(r -> {
            assertThat(r.id()).isNotBlank();
            assertThat(r.description()).isNull();
        });
        assertSameGroup(loadGroup(group.id()).orElseThrow(), group);
    }

    @Test
    void createGivesExactlyTheDraftsRules() throws Exception {
        List<Rule> rules = new ArrayList<>(GroupDraft.newGroup("x", "").rules());
        rules.add(tcpIn(EtherType.IPV4, 22, "0.0.0.0/0", "SSH"));
        rules.add(tcpIn(EtherType.IPV6, 443, "::/0", null));
        SecurityGroup group = await(backend.create(new GroupDraft(uniqueName("contract-rules"), "", true, rules)));

        assertThat(shapes(group.rules())).containsExactlyInAnyOrderElementsOf(shapes(rules));
        assertThat(ruleLike(group, rules.get(2)).description()).isEqualTo("SSH");
        assertThat(ruleLike(group, rules.get(3)).description())
                .as("Neutron stores a rule created without a description with an empty one").isEmpty();
        // The workspace counts one revision for the request; Zed's Neutron usually one per rule stored (3 here).
        assertThat(group.revision()).as("created at 1, then moved on by the request creating the other rules")
                .isGreaterThan(1);
        assertSameGroup(loadGroup(group.id()).orElseThrow(), group);
    }

    @Test
    void createWithoutTheEgressRulesGivesAGroupWithoutThem() throws Exception {
        Rule ssh = tcpIn(EtherType.IPV4, 22, "203.0.113.0/24", "admins");
        SecurityGroup group = await(backend.create(
                new GroupDraft(uniqueName("contract-no-egress"), "", true, List.of(ssh))));

        assertThat(shapes(group.rules())).containsExactly(shape(ssh));
        assertSameGroup(loadGroup(group.id()).orElseThrow(), group);
    }

    @Test
    void createStoresRulesAsNeutronNormalizesThem() throws Exception {
        Rule icmpOnIpv6 = Rule.draft(Direction.INGRESS, EtherType.IPV6, Protocol.ICMP, PortRange.ANY, Remote.ANYWHERE,
                "ping");
        Rule allPorts = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.UDP, PortRange.of(1, 65535),
                Remote.prefix("10.1.2.3/16"), "");
        SecurityGroup group = await(backend.create(
                new GroupDraft(uniqueName("contract-normalized"), "", true, List.of(icmpOnIpv6, allPorts))));

        assertThat(group.rules()).extracting(r -> r.protocol().value()).containsExactlyInAnyOrder("ipv6-icmp", "udp");
        Rule udp = group.rules().stream().filter(r -> "udp".equals(r.protocol().value())).findFirst().orElseThrow();
        assertThat(udp.ports().isAny()).as("1-65535 is stored as any port").isTrue();
        assertThat(udp.remoteIpPrefix()).as("host bits are kept").isEqualTo("10.1.2.3/16");
        assertThat(udp.normalizedCidr()).isEqualTo("10.1.0.0/16");
    }

    @Test
    void createRefusesRulesThatRepeatEachOther() throws Exception {
        String name = uniqueName("contract-dup");
        GroupDraft draft = new GroupDraft(name, "", true, List.of(
                tcpIn(EtherType.IPV4, 22, "0.0.0.0/0", "SSH"),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.ANYWHERE,
                        "the same rule: 0.0.0.0/0 is no remote, descriptions do not count")));

        BackendException refusal = refusal(backend.create(draft));

        assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(refusal.code()).isEqualTo(ErrorCode.DUPLICATE_RULE_IN_POST);
        assertThat(loadGroupNamed(name)).isEmpty();
    }

    @Test
    void createRefusesAnInvalidRuleNamingTheProblem() throws Exception {
        String name = uniqueName("contract-invalid");
        BackendException backwards = refusal(backend.create(new GroupDraft(name, "", true, List.of(
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443, 80), Remote.ANYWHERE,
                        "backwards")))));
        BackendException wrongVersion = refusal(backend.create(new GroupDraft(name, "", true, List.of(
                tcpIn(EtherType.IPV6, 22, "10.0.0.0/8", "IPv4 prefix on an IPv6 rule")))));

        assertThat(backwards.kind()).isEqualTo(Kind.INVALID);
        assertThat(backwards.code()).isEqualTo(ErrorCode.INVALID_PORT_RANGE);
        assertThat(backwards.getMessage()).contains("443").contains("80");
        assertThat(wrongVersion.kind()).isEqualTo(Kind.INVALID);
        assertThat(wrongVersion.code()).isEqualTo(ErrorCode.PARAMETER_CONFLICT);
        assertThat(wrongVersion.getMessage()).contains("10.0.0.0/8");
        assertThat(loadGroupNamed(name)).isEmpty();
    }

    @Test
    void createRefusesANameLongerThanNeutronAccepts() throws Exception {
        BackendException refusal = refusal(backend.create(GroupDraft.newGroup("n".repeat(256), "")));

        assertThat(refusal.kind()).isEqualTo(Kind.INVALID);
        assertThat(refusal.getMessage()).contains("255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "Default", "DEFAULT"})
    void createRefusesTheDefaultName(String name) {
        BackendException refusal = refusal(backend.create(GroupDraft.newGroup(name, "")));

        assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(refusal.code()).isEqualTo(ErrorCode.DEFAULT_ALREADY_EXISTS);
    }

    @Test
    void createRefusesARemoteGroupThatDoesNotExist() throws Exception {
        String name = uniqueName("contract-remote");
        String missing = UUID.randomUUID().toString();
        BackendException refusal = refusal(backend.create(new GroupDraft(name, "", true, List.of(
                anyFrom(EtherType.IPV4, Remote.group(missing))))));

        assertThat(refusal.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(refusal.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND);
        assertThat(refusal.getMessage()).contains(missing);
        assertThat(loadGroupNamed(name)).isEmpty();
    }

    // --- apply ------------------------------------------------------------------------------------------

    @Test
    void applyRenamesAddsAndRemovesRules() throws Exception {
        Rule ssh = tcpIn(EtherType.IPV4, 22, "0.0.0.0/0", "SSH");
        SecurityGroup group = createWith(uniqueName("contract-edit"), ssh);
        Rule created = ruleLike(group, ssh);
        Rule http = tcpIn(EtherType.IPV4, 80, "0.0.0.0/0", "HTTP");
        List<Rule> edited = new ArrayList<>(group.rules());
        edited.remove(created);
        edited.add(http);
        String newName = uniqueName("contract-edited");
        ChangePlan plan = ChangePlan.between(group, new GroupDraft(newName, "now with HTTP", true, edited));

        ApplyReport report = await(backend.apply(plan));

        assertThat(report.complete()).isTrue();
        assertThat(report.steps()).extracting(ApplyReport.Step::outcome).containsOnly(Outcome.APPLIED)
                .hasSize(plan.operations().size());
        SecurityGroup after = report.group();
        assertThat(after.name()).isEqualTo(newName);
        assertThat(after.description()).isEqualTo("now with HTTP");
        assertThat(shapes(after.rules())).containsExactlyInAnyOrderElementsOf(shapes(edited));
        assertThat(after.rules()).extracting(Rule::id).doesNotContain(created.id());
        assertThat(after.revision()).as("one more per update, rule request and rule delete")
                .isEqualTo(group.revision() + 3);
        assertSameGroup(loadGroup(group.id()).orElseThrow(), after);
    }

    @Test
    void applyChangesTheGroupsDescriptionAlone() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-description"));
        ChangePlan plan = ChangePlan.between(group,
                new GroupDraft(group.name(), "a better description", true, group.rules()));

        ApplyReport report = await(backend.apply(plan));

        assertThat(report.complete()).isTrue();
        assertThat(report.group().description()).isEqualTo("a better description");
        assertThat(report.group().name()).isEqualTo(group.name());
        assertThat(report.group().rules()).containsExactlyInAnyOrderElementsOf(group.rules());
        assertThat(report.group().revision()).isEqualTo(group.revision() + 1);
    }

    @Test
    void applyChangesARulesDescriptionAlone() throws Exception {
        Rule ssh = tcpIn(EtherType.IPV4, 22, "198.51.100.0/24", "SSH");
        SecurityGroup group = createWith(uniqueName("contract-rule-description"), ssh);
        List<Rule> edited = group.rules().stream()
                .map(r -> r.key().equals(ssh.key()) ? r.withDescription("SSH from the office") : r).toList();
        ChangePlan plan = ChangePlan.between(group, new GroupDraft(group.name(), group.description(), true, edited));

        ApplyReport report = await(backend.apply(plan));

        assertThat(report.complete()).isTrue();
        assertThat(report.group().rules()).hasSameSizeAs(group.rules());
        assertThat(ruleLike(report.group(), ssh).description()).isEqualTo("SSH from the office");
        assertSameGroup(loadGroup(group.id()).orElseThrow(), report.group());
    }

    @Test
    void applyWithAStaleRevisionIsRefusedAndChangesNothing() throws Exception {
        SecurityGroup opened = createWith(uniqueName("contract-stale"));
        String otherName = uniqueName("contract-someone-else");
        ApplyReport someoneElse = await(backend.apply(ChangePlan.between(opened,
                new GroupDraft(otherName, opened.description(), true, opened.rules()))));
        assertThat(someoneElse.complete()).isTrue();

        ChangePlan mine = ChangePlan.between(opened, new GroupDraft(opened.name(), "mine", true, List.of()));
        BackendException refusal = refusal(backend.apply(mine));

        assertThat(refusal.kind()).isEqualTo(Kind.STALE);
        assertThat(refusal.code()).isEqualTo("RevisionNumberConstraintFailed");
        assertThat(refusal.getMessage()).contains("Someone else changed this group since you opened it");
        assertSameGroup(loadGroup(opened.id()).orElseThrow(), someoneElse.group());
    }

    @Test
    void aFailingOperationStopsThePlanAndSaysWhatRan() throws Exception {
        Rule ssh = tcpIn(EtherType.IPV4, 22, "0.0.0.0/0", "SSH");
        SecurityGroup group = createWith(uniqueName("contract-partial"), ssh);
        Rule existing = ruleLike(group, ssh);
        Rule egress = group.rules().stream().filter(r -> r.direction() == Direction.EGRESS).findFirst().orElseThrow();
        String newName = uniqueName("contract-partial-renamed");
        ChangePlan plan = new ChangePlan(group.ref(),
                Optional.of(new ChangePlan.GroupUpdate(newName, group.description(), true)),
                List.of(),
                List.of(tcpIn(EtherType.IPV4, 80, "0.0.0.0/0", "HTTP"), ssh.withDescription("again")),
                List.of(egress));

        ApplyReport report = await(backend.apply(plan));

        assertThat(report.steps()).extracting(ApplyReport.Step::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.FAILED, Outcome.NOT_TRIED);
        assertThat(report.complete()).isFalse();
        ApplyReport.Step failed = report.failure().orElseThrow();
        assertThat(failed.operation()).isInstanceOf(ChangePlan.CreateRules.class);
        assertThat(failed.error().kind()).isEqualTo(Kind.CONFLICT);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.RULE_EXISTS);
        assertThat(failed.error().getMessage()).contains(existing.id());
        assertThat(report.steps().get(0).error()).isNull();
        assertThat(report.steps().get(2).error()).isNull();

        SecurityGroup after = report.group();
        assertThat(after.name()).isEqualTo(newName);
        assertThat(after.rules()).as("a rule request is all or nothing; the delete was not tried")
                .containsExactlyInAnyOrderElementsOf(group.rules());
        assertThat(after.revision()).isEqualTo(group.revision() + 1);
        assertSameGroup(loadGroup(group.id()).orElseThrow(), after);
    }

    @Test
    void deletingARuleThatIsGoneFailsAndNothingAfterItRuns() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-gone-rule"));
        Rule gone = tcpIn(EtherType.IPV4, 25, "0.0.0.0/0", "").withId(UUID.randomUUID().toString());
        ChangePlan plan = new ChangePlan(group.ref(), Optional.empty(), List.of(gone),
                List.of(tcpIn(EtherType.IPV4, 80, "0.0.0.0/0", "HTTP")), List.of());

        ApplyReport report = await(backend.apply(plan));

        assertThat(report.steps()).extracting(ApplyReport.Step::outcome)
                .containsExactly(Outcome.FAILED, Outcome.NOT_TRIED);
        assertThat(report.failure().orElseThrow().error().kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(report.failure().orElseThrow().error().code()).isEqualTo("SecurityGroupRuleNotFound");
        assertThat(report.group().revision()).isEqualTo(group.revision() + revisionsOfAClaim());
        assertSameGroup(report.group(), group.withRules(group.rules(), report.group().revision(),
                group.updatedAt()));
    }

    @Test
    void renamingAGroupToDefaultIsRefused() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-to-default"));
        ApplyReport report = await(backend.apply(ChangePlan.between(group,
                new GroupDraft("Default", group.description(), true, group.rules()))));

        assertThat(report.failure().orElseThrow().error().kind()).isEqualTo(Kind.CONFLICT);
        assertThat(report.failure().orElseThrow().error().code()).isEqualTo(ErrorCode.DEFAULT_ALREADY_EXISTS);
        assertSameGroup(loadGroup(group.id()).orElseThrow(), group);
    }

    @Test
    void theDefaultGroupCannotBeRenamed() throws Exception {
        SecurityGroup defaultGroup = defaultGroup(await(backend.load(ProgressListener.NONE)));
        ApplyReport report = await(backend.apply(ChangePlan.between(defaultGroup,
                new GroupDraft(uniqueName("contract-not-default"), defaultGroup.description(), true,
                        defaultGroup.rules()))));

        assertThat(report.failure().orElseThrow().error().kind()).isEqualTo(Kind.CONFLICT);
        assertThat(report.failure().orElseThrow().error().code()).isEqualTo("SecurityGroupCannotUpdateDefault");
        assertSameGroup(defaultGroup(await(backend.load(ProgressListener.NONE))), defaultGroup);
    }

    @Test
    void anUpdateCarryingTheDefaultGroupsOwnNameIsRefusedToo() throws Exception {
        SecurityGroup defaultGroup = defaultGroup(await(backend.load(ProgressListener.NONE)));
        ChangePlan plan = new ChangePlan(defaultGroup.ref(), Optional.of(new ChangePlan.GroupUpdate(
                defaultGroup.name(), "carried with the name", defaultGroup.stateful(),
                Set.of(ChangePlan.GroupUpdate.NAME, ChangePlan.GroupUpdate.DESCRIPTION))),
                List.of(), List.of(), List.of());

        ApplyReport report = await(backend.apply(plan));

        BackendException refusal = report.failure().orElseThrow().error();
        assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(refusal.code()).as("Neutron's name validator refuses \"default\" in any request that sets a name, "
                + "before the default group's own check").isEqualTo(ErrorCode.DEFAULT_ALREADY_EXISTS);
        assertSameGroup(defaultGroup(await(backend.load(ProgressListener.NONE))), defaultGroup);
    }

    @Test
    void theDefaultGroupsDescriptionCanChangeAlone() throws Exception {
        SecurityGroup defaultGroup = defaultGroup(await(backend.load(ProgressListener.NONE)));
        String description = uniqueName("contract-default-description");
        ApplyReport report = await(backend.apply(ChangePlan.between(defaultGroup,
                new GroupDraft(defaultGroup.name(), description, defaultGroup.stateful(), defaultGroup.rules()))));
        try {
            assertThat(report.complete()).isTrue();
            assertThat(report.group().description()).isEqualTo(description);
            assertThat(report.group().name()).isEqualTo(defaultGroup.name());
            assertThat(report.group().revision()).isEqualTo(defaultGroup.revision() + 1);
            assertSameGroup(defaultGroup(await(backend.load(ProgressListener.NONE))), report.group());
        } finally {
            // A shared project's default group is put back as it was.
            await(backend.apply(ChangePlan.between(report.group(), new GroupDraft(defaultGroup.name(),
                    defaultGroup.description(), defaultGroup.stateful(), report.group().rules()))));
        }
    }

    @Test
    void anUpdateChangesOnlyTheMembersItSaysChanged() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-members"));
        ChangePlan plan = new ChangePlan(group.ref(), Optional.of(new ChangePlan.GroupUpdate(
                uniqueName("contract-not-this-name"), "only the description", !group.stateful(),
                Set.of(ChangePlan.GroupUpdate.DESCRIPTION))), List.of(), List.of(), List.of());

        ApplyReport report = await(backend.apply(plan));

        assertThat(report.complete()).isTrue();
        assertThat(report.group().description()).isEqualTo("only the description");
        assertThat(report.group().name()).isEqualTo(group.name());
        assertThat(report.group().stateful()).isEqualTo(group.stateful());
        assertThat(report.group().revision()).isEqualTo(group.revision() + 1);
        assertSameGroup(loadGroup(group.id()).orElseThrow(), report.group());
    }

    @Test
    void statefulnessOfAGroupNoInterfaceUsesCanChange() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-stateless"));

        ApplyReport report = await(backend.apply(ChangePlan.between(group,
                new GroupDraft(group.name(), group.description(), false, group.rules()))));

        assertThat(report.complete()).isTrue();
        assertThat(report.group().stateful()).isFalse();
        assertThat(report.group().revision()).isEqualTo(group.revision() + 1);
        assertSameGroup(loadGroup(group.id()).orElseThrow(), report.group());
    }

    @Test
    void statefulnessOfAGroupAnInterfaceUsesCannotChangeAndTheRefusalNamesTheInterfaces() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-stateful-in-use"));
        String name = uniqueName("contract-if-stateful");
        attachInterface(backend, name, group.ref());

        ApplyReport report = await(backend.apply(ChangePlan.between(group,
                new GroupDraft(group.name(), "and stateless", false, group.rules()))));

        BackendException refusal = report.failure().orElseThrow().error();
        assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(refusal.code()).isEqualTo("SecurityGroupInUse");
        assertThat(refusal.getMessage()).contains(name);
        assertSameGroup(loadGroup(group.id()).orElseThrow(), group);
    }

    // --- delete and detach --------------------------------------------------------------------------------

    @Test
    void deleteIsRefusedWhileInterfacesUseTheGroupAndNamesThem() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-in-use"));
        String first = uniqueName("contract-if-a");
        String second = uniqueName("contract-if-b");
        attachInterface(backend, first, group.ref());
        attachInterface(backend, second, group.ref());

        BackendException refusal = refusal(backend.delete(group.ref()));

        assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(refusal.code()).isEqualTo("SecurityGroupInUse");
        assertThat(refusal.getMessage()).contains("2 interfaces").contains(first).contains(second);
        assertThat(loadGroup(group.id())).isPresent();
    }

    @Test
    void deleteRemovesTheRulesOfOtherGroupsThatPointAtIt() throws Exception {
        SecurityGroup target = createWith(uniqueName("contract-target"));
        Rule fromTarget = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
                Remote.group(target.id()), "from the target");
        SecurityGroup pointing = createWith(uniqueName("contract-pointing"), fromTarget);
        Rule pointer = ruleLike(pointing, fromTarget);

        await(backend.delete(target.ref()));

        Snapshot after = await(backend.load(ProgressListener.NONE));
        assertThat(after.group(target.id())).isEmpty();
        SecurityGroup remaining = after.group(pointing.id()).orElseThrow();
        assertThat(remaining.rules()).extracting(Rule::id).doesNotContain(pointer.id());
        assertThat(remaining.rules()).hasSize(pointing.rules().size() - 1);
        assertThat(remaining.revision()).isEqualTo(pointing.revision() + 1);
    }

    @Test
    void detachThenDeleteWorks() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-detach"));
        PortRef port = attachInterface(backend, uniqueName("contract-if"), group.ref());

        Port detached = await(backend.detach(port, group.ref()));

        assertThat(detached.id()).isEqualTo(port.id());
        assertThat(detached.uses(group.id())).isFalse();
        Snapshot between = await(backend.load(ProgressListener.NONE));
        assertThat(between.portsUsing(group.id())).isEmpty();
        await(backend.delete(group.ref()));
        assertThat(loadGroup(group.id())).isEmpty();
    }

    @Test
    void aGroupPutOnAnInterfaceIsUsedByItAndCannotBeDeletedUntilTakenOff() throws Exception {
        SecurityGroup first = createWith(uniqueName("contract-on"));
        SecurityGroup second = createWith(uniqueName("contract-on2"));
        PortRef port = attachInterface(backend, uniqueName("contract-if"), first.ref());

        Port attached = await(backend.attach(port, second.ref()));
        Port again = await(backend.attach(port, second.ref())); // on it already: nothing changes

        // Neutron answers a port's groups in an order of its own (not the order they were put on)
        assertThat(attached.securityGroupIds()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(again.securityGroupIds()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(await(backend.load(ProgressListener.NONE)).portsUsing(second.id())).extracting(Port::id)
                .containsExactly(port.id());
        assertThat(refusal(backend.delete(second.ref())).kind()).isEqualTo(Kind.CONFLICT);
        await(backend.detach(port, second.ref()));
        await(backend.delete(second.ref()));
    }

    @Test
    void whatIsGoneIsNotFoundExceptForDeletingItAgain() throws Exception {
        SecurityGroup group = createWith(uniqueName("contract-gone"));
        await(backend.delete(group.ref()));

        await(backend.delete(group.ref())); // already gone counts as deleted, as a 404 on DELETE does
        BackendException applyToGone = refusal(backend.apply(ChangePlan.between(group,
                new GroupDraft(group.name(), "too late", true, group.rules()))));
        BackendException detachFromNothing = refusal(backend.detach(
                new PortRef(UUID.randomUUID().toString(), "no such interface"), group.ref()));

        assertThat(applyToGone.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(applyToGone.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND);
        assertThat(detachFromNothing.kind()).isEqualTo(Kind.NOT_FOUND);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    protected static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, SECONDS);
    }

    /** The refusal a future completed with; fails the test if it completed otherwise. */
    protected static BackendException refusal(CompletableFuture<?> future) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> future.get(TIMEOUT_SECONDS, SECONDS));
        assertThat(failure.getCause()).isInstanceOf(BackendException.class);
        return (BackendException) failure.getCause();
    }

    protected static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static SecurityGroup defaultGroup(Snapshot snapshot) {
        return snapshot.groups().stream().filter(SecurityGroup::isDefault).findFirst()
                .orElseThrow(() -> new AssertionError("no default group in " + snapshot.groups()));
    }

    protected Optional<SecurityGroup> loadGroup(String id) throws Exception {
        return await(backend.load(ProgressListener.NONE)).group(id);
    }

    protected Optional<SecurityGroup> loadGroupNamed(String name) throws Exception {
        return await(backend.load(ProgressListener.NONE)).groups().stream().filter(g -> g.name().equals(name))
                .findFirst();
    }

    /** A new group with Neutron's two egress rules and {@code more}. */
    protected SecurityGroup createWith(String name, Rule... more) throws Exception {
        List<Rule> rules = new ArrayList<>(GroupDraft.newGroup(name, "").rules());
        rules.addAll(List.of(more));
        return await(backend.create(new GroupDraft(name, "made by the contract", true, rules)));
    }

    protected static Rule tcpIn(EtherType etherType, int port, String cidr, String description) {
        return Rule.draft(Direction.INGRESS, etherType, Protocol.TCP, PortRange.of(port),
                cidr == null ? Remote.ANYWHERE : Remote.prefix(cidr), description);
    }

    protected static Rule anyFrom(EtherType etherType, Remote remote) {
        return Rule.draft(Direction.INGRESS, etherType, Protocol.ANY, PortRange.ANY, remote, null);
    }

    /** The rule of a group that is the same rule as {@code like} in Neutron's eyes. */
    protected static Rule ruleLike(SecurityGroup group, Rule like) {
        return group.rules().stream().filter(r -> r.key().equals(like.key())).findFirst()
                .orElseThrow(() -> new AssertionError(like + " is not in " + group.rules()));
    }

    /** What a rule is, without its id; a null description counts as empty. */
    protected record Shape(RuleKey key, String description) {
    }

    protected static Shape shape(Rule rule) {
        return new Shape(rule.key(), rule.description() == null ? "" : rule.description());
    }

    protected static List<Shape> shapes(List<Rule> rules) {
        return rules.stream().map(BackendContract::shape).toList();
    }

    /** The same group in the same state; the order of rules does not count, as Neutron sorts them its way. */
    protected static void assertSameGroup(SecurityGroup actual, SecurityGroup expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.description()).isEqualTo(expected.description());
        assertThat(actual.stateful()).isEqualTo(expected.stateful());
        assertThat(actual.revision()).isEqualTo(expected.revision());
        assertThat(actual.rules()).containsExactlyInAnyOrderElementsOf(expected.rules());
    }
}
