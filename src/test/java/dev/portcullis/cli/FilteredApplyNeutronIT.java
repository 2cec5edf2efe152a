package dev.portcullis.cli;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.neutron.Options;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code apply} of a file that names one group, against a real Neutron with trusted headers
 * (shared/neutron/RECIPE.md section 5), as a member of a project made up for this run: the plan and the
 * apply go through the same code as {@code portcullis apply --cloud NAME FILE --yes}, reading only the
 * groups the file names. The server's address comes from {@code portcullis.neutron.url}; without it the
 * run fails, it is never skipped.
 */
class FilteredApplyNeutronIT {

    private Backend backend;
    private final List<SecurityGroup> made = new ArrayList<>();

    @BeforeEach
    void open() {
        String url = System.getProperty("portcullis.neutron.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("FilteredApplyNeutronIT needs a Neutron server with trusted headers: "
                    + "give its address with -Dportcullis.neutron.url=http://127.0.0.1:9697");
        }
        String project = UUID.randomUUID().toString().replace("-", "");
        backend = new NeutronBackend(FixedSession.open("neutron-it", URI.create(url), Map.of(
                "X-User-Id", Secret.of("portcullis-it"), "X-Project-Id", Secret.of(project),
                "X-Roles", Secret.of("member"))), Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(10)));
    }

    @AfterEach
    void close() throws Exception {
        for (SecurityGroup g : made) {
            await(backend.delete(g.ref()));
        }
        for (dev.portcullis.domain.AddressGroup a : await(backend.load(dev.portcullis.backend.ProgressListener.NONE))
                .addressGroups()) {
            await(backend.deleteAddressGroup(a)); // the project is this run's own: all of them are ours
        }
        backend.close();
    }

    /** What plan and apply printed, how many changes were planned, and whether all of them were applied. */
    private record Outcome(String text, int planned, boolean ok) {
    }

    /**
     * Plans and applies a definition file: against the groups it names ({@link FileGroupsRead}), or against the
     * whole project where its address groups need the project's.
     */
    private Outcome applied(String file, boolean wholeProject) throws Exception {
        DefinitionReport report = new DefinitionReader().read(file.getBytes(StandardCharsets.UTF_8));
        assertThat(report.valid()).as(report.toString()).isTrue();
        return planAndApply(new ProjectChanges(report, wholeProject
                ? await(backend.load(dev.portcullis.backend.ProgressListener.NONE))
                : FileGroupsRead.read(report, backend, "cloud it"), wholeProject));
    }

    private Outcome planAndApply(ProjectChanges changes) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        int planned = PlanCommand.print(changes, "cloud it", out);
        boolean ok = ApplyCommand.apply(backend, changes, "cloud it", out);
        out.flush();
        return new Outcome(text.toString(), planned, ok);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    private static Rule tcp(int port, Remote remote) {
        return Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(port), remote, "");
    }

    private SecurityGroup make(String name, List<Rule> rules) throws Exception {
        SecurityGroup g = await(backend.create(new GroupDraft(name, "", true, rules)));
        made.add(g);
        return g;
    }

    @Test
    void aFileNamingOneGroupIsPlannedAndAppliedFromThatGroupAlone() throws Exception {
        SecurityGroup db = make("db", List.of());
        SecurityGroup web = make("web", List.of(tcp(22, Remote.prefix("0.0.0.0/0")), tcp(5432, Remote.group(db.id()))));
        make("app", List.of());
        make("app", List.of());
        make("other", List.of());
        // web loses its two rules and gains 443; "app" is in the project twice, so the file's app is refused
        // (neither guessed at nor created a third time).
        String file = "{\"security_groups\": [{\"id\": \"" + web.id() + "\", \"name\": \"web\", \"description\": \"\","
                + " \"security_group_rules\": [{\"direction\": \"ingress\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\","
                + " \"port_range_min\": 443, \"port_range_max\": 443, \"remote_ip_prefix\": \"0.0.0.0/0\"}]},"
                + " {\"name\": \"app\", \"description\": \"\", \"security_group_rules\": []}]}";
        Outcome outcome = applied(file, false);
        String text = outcome.text();
        boolean ok = outcome.ok();
        int planned = outcome.planned();

        assertThat(planned).isEqualTo(1);
        assertThat(ok).as(text).isTrue();
        assertThat(text)
                .contains("Group web (" + web.id() + "): change", "+ add Ingress IPv4 TCP 443 from 0.0.0.0/0",
                        "- remove Ingress IPv4 TCP 22 from 0.0.0.0/0", "- remove Ingress IPv4 TCP 5432 from group db")
                .contains("Group app (security_groups[1]): REFUSED: the project has 2 groups named \"app\"")
                .contains("Groups the file does not name were not read")
                .contains("applied: Remove Ingress IPv4 TCP 5432 from group db");
        SecurityGroup after = await(backend.groups(java.util.Set.of(web.id()), java.util.Set.of())).get(0);
        assertThat(after.rules()).filteredOn(r -> r.direction() == Direction.INGRESS)
                .extracting(r -> r.ports().min()).containsExactly(443);
        List<SecurityGroup> apps = await(backend.groups(java.util.Set.of(), java.util.Set.of("app")));
        assertThat(apps).hasSize(2);
    }

    @Test
    void theTagsAFileSaysAreSetOnTheCloudAndTheGroupAFileIsSilentAboutKeepsItsOwn() throws Exception {
        SecurityGroup web = make("tags-web", List.of());
        SecurityGroup kept = make("tags-kept", List.of());
        await(backend.retag(kept.ref(), List.of("mine")));
        kept = await(backend.groups(java.util.Set.of(kept.id()), java.util.Set.of())).get(0);
        String file = "{\"security_groups\": [{\"id\": \"" + web.id() + "\", \"name\": \"tags-web\","
                + " \"security_group_rules\": [], \"tags\": [\"web\", \"Prod\"]},"
                + " {\"id\": \"" + kept.id() + "\", \"name\": \"tags-kept\", \"security_group_rules\": []},"
                + " {\"name\": \"tags-new\", \"security_group_rules\": [], \"tags\": [\"team-a\"]}]}";
        Outcome outcome = applied(file, false);
        String text = outcome.text();
        boolean ok = outcome.ok();

        assertThat(ok).as(text).isTrue();
        assertThat(text).contains("~ tags: none -> Prod, web", "applied: tags of tags-web: Prod, web",
                "applied: tags of tags-new: team-a").doesNotContain("tags of tags-kept");
        List<SecurityGroup> after = await(backend.groups(java.util.Set.of(web.id(), kept.id()),
                java.util.Set.of("tags-new")));
        after.stream().filter(g -> g.name().equals("tags-new")).forEach(made::add);
        assertThat(after).extracting(SecurityGroup::name, g -> java.util.Set.copyOf(g.tags())).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("tags-web", java.util.Set.of("web", "Prod")),
                org.assertj.core.groups.Tuple.tuple("tags-kept", java.util.Set.of("mine")),
                org.assertj.core.groups.Tuple.tuple("tags-new", java.util.Set.of("team-a")));
    }

    @Test
    void anAddressGroupOfTheFileIsCreatedFirstAndTheRuleNamesItByItsNewId() throws Exception {
        String file = "{\"address_groups\": [{\"id\": \"draft:office\", \"name\": \"office\","
                + " \"addresses\": [\"203.0.113.0/24\"]}],"
                + " \"security_groups\": [{\"name\": \"ag-bastion\", \"security_group_rules\": [{\"direction\":"
                + " \"ingress\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": 22,"
                + " \"port_range_max\": 22, \"remote_address_group_id\": \"draft:office\"}]}]}";
        Outcome outcome = applied(file, true);
        String text = outcome.text();
        boolean ok = outcome.ok();

        assertThat(ok).as(text).isTrue();
        dev.portcullis.backend.Snapshot after = await(backend.load(dev.portcullis.backend.ProgressListener.NONE));
        after.groups().stream().filter(g -> g.name().equals("ag-bastion")).forEach(made::add);
        dev.portcullis.domain.AddressGroup office = after.addressGroups().stream()
                .filter(a -> a.name().equals("office")).findFirst().orElseThrow();
        assertThat(text).contains("Address group office: create, with 1 address",
                "applied: create address group office (" + office.id() + ")");
        assertThat(made).singleElement().satisfies(g -> assertThat(g.rules())
                .filteredOn(r -> r.direction() == Direction.INGRESS).singleElement()
                .satisfies(r -> assertThat(r.remote()).isEqualTo(new Remote.AddressGroup(office.id()))));
    }
}
