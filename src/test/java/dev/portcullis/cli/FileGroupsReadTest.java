package dev.portcullis.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.neutron.Options;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan --cloud} reads only what the file names: its groups by id, by name where a group has no id
 * or its id is not in the project, and the groups their rules point at by id; never the whole list, never
 * the interfaces. A Neutron replayed by WireMock answers only the filtered requests.
 */
class FileGroupsReadTest {

    private static final String WEB = "11111111-1111-4111-8111-111111111111";
    private static final String CACHE_IN_FILE = "33333333-3333-4333-8333-333333333333";
    private static final String CACHE = "44444444-4444-4444-8444-444444444444";
    private static final String OPS = "55555555-5555-4555-8555-555555555555";
    private static final String MON = "66666666-6666-4666-8666-666666666666";
    private static final String APP1 = "77777777-7777-4777-8777-777777777777";
    private static final String APP2 = "88888888-8888-4888-8888-888888888888";
    private static final String APP_UPPER = "99999999-9999-4999-8999-999999999999";
    private static final String GROUPS = "/v2.0/security-groups?limit=";

    private WireMockServer server;
    private Backend backend;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        backend = new NeutronBackend(FixedSession.open("replayed", URI.create("http://127.0.0.1:" + server.port()),
                Map.of()), Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.stop();
    }

    private static String rule(String id, int port, String remoteGroup) {
        return "{\"id\": " + (id == null ? "null" : "\"" + id + "\"") + ", \"direction\": \"ingress\", "
                + "\"ethertype\": \"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": " + port
                + ", \"port_range_max\": " + port + ", \"remote_ip_prefix\": "
                + (remoteGroup == null ? "\"0.0.0.0/0\"" : "null") + ", \"remote_group_id\": "
                + (remoteGroup == null ? "null" : "\"" + remoteGroup + "\"") + ", \"description\": \"\"}";
    }

    private static String group(String id, String name, String... rules) {
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"name\": \"" + name
                + "\", \"description\": \"\", \"project_id\": \"p\", \"revision_number\": 3, \"stateful\": true, "
                + "\"security_group_rules\": [" + String.join(", ", rules) + "]}";
    }

    private void answer(String url, String... groups) {
        server.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"security_groups\": [" + String.join(", ", groups) + "]}")));
    }

    @Test
    void onlyTheNamedGroupsAreRequestedAndTheGroupsTheirRulesPointAtByIdAndTheNameFallbackStillSeesTwins() {
        DefinitionReport file = new DefinitionReader().read(("{\"security_groups\": ["
                + group(WEB, "web", rule(null, 22, null), rule(null, 5432, CACHE_IN_FILE)) + ", "
                + group(null, "app", rule(null, 80, null)) + ", "
                + group(CACHE_IN_FILE, "cache", rule(null, 6379, WEB)) + "]}").getBytes(StandardCharsets.UTF_8));
        assertThat(file.valid()).as(file.toString()).isTrue();
        // Round 1: the file's ids (sorted); the name of the group without an id.
        answer(GROUPS + "3&id=" + WEB + "&id=" + CACHE_IN_FILE,
                group(WEB, "web", rule("r-22", 22, null), rule("r-9100", 9100, OPS)));
        // Neutron's name filter follows MariaDB's collation: "APP" comes too, and is not an "app".
        answer(GROUPS + "1000&name=app", group(APP1, "app"), group(APP2, "app"), group(APP_UPPER, "APP"));
        // Round 2: the file's cache has an id the project does not have, so its name; what web points at.
        answer(GROUPS + "1000&name=cache", group(CACHE, "cache", rule("r-6379", 6379, MON)));
        answer(GROUPS + "2&id=" + OPS, group(OPS, "ops"));
        // Round 3: what the cache found by name points at.
        answer(GROUPS + "2&id=" + MON, group(MON, "mon"));

        ProjectChanges changes = new ProjectChanges(file, FileGroupsRead.read(file, backend, "cloud replayed"), false);
        StringWriter text = new StringWriter();
        int changed = PlanCommand.print(changes, "cloud replayed", new PrintWriter(text));

        assertThat(server.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactlyInAnyOrder(
                GROUPS + "3&id=" + WEB + "&id=" + CACHE_IN_FILE, GROUPS + "1000&name=app",
                GROUPS + "1000&name=cache", GROUPS + "2&id=" + OPS, GROUPS + "2&id=" + MON);
        assertThat(server.getAllServeEvents()).extracting(ServeEvent::getWasMatched).containsOnly(true);
        assertThat(changes.changes()).extracting(c -> c.isNew() ? null : c.current().id())
                .containsExactly(WEB, CACHE);
        assertThat(changes.refused()).extracting(ProjectChanges.Refusal::name).containsExactly("app");
        assertThat(changed).isEqualTo(2);
        assertThat(text.toString())
                .contains("Group web (" + WEB + "): change", "+ add Ingress IPv4 TCP 5432 from group cache",
                        "- remove Ingress IPv4 TCP 9100 from group ops")
                .contains("Group app (security_groups[1]): REFUSED: the project has 2 groups named \"app\" ("
                        + APP1 + ", " + APP2 + ")")
                .contains("Group cache (" + CACHE + "): change", "+ add Ingress IPv4 TCP 6379 from group web",
                        "- remove Ingress IPv4 TCP 6379 from group mon")
                .contains("Groups the file does not name were not read: they are left as they are.")
                .contains("Plan for cloud replayed: 0 to create, 2 to change, 0 unchanged, 1 refused.")
                .doesNotContain("Ingress IPv4 TCP 22");
    }

    /** A project in memory that answers {@code groups} as Neutron does, after its filters, by exact name. */
    private static Backend project(List<SecurityGroup> groups) {
        return new Backend() {
            @Override
            public String describe() {
                return "memory";
            }

            @Override
            public CompletableFuture<Snapshot> load(
                    ProgressListener progress) {
                return CompletableFuture.completedFuture(
                        new Snapshot(groups, List.of(), Instant.now()));
            }

            @Override
            public boolean readsGroupsByName() {
                return true;
            }

            @Override
            public CompletableFuture<SecurityGroup> create(
                    GroupDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<ApplyReport> apply(
                    ChangePlan plan) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<Void> delete(GroupRef group) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<Port> detach(
                    PortRef port, GroupRef group) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void thePartReadPairsEveryGroupOfTheFileAsTheWholeProjectDoes() {
        DefinitionReport projectFile = new DefinitionReader().read(("{\"security_groups\": ["
                + group(WEB, "web", rule("r-22", 22, null), rule("r-9100", 9100, OPS)) + ", "
                + group(OPS, "ops") + ", " + group(APP1, "app") + ", " + group(APP2, "app") + ", "
                + group(APP_UPPER, "APP") + ", " + group(CACHE, "cache", rule("r-6379", 6379, MON)) + ", "
                + group(MON, "mon") + "]}").getBytes(StandardCharsets.UTF_8));
        List<SecurityGroup> groups = projectFile.definitions().groups();
        DefinitionReport file = new DefinitionReader().read(("{\"security_groups\": ["
                + group(WEB, "web", rule(null, 22, null), rule(null, 5432, CACHE_IN_FILE)) + ", "
                + group(null, "app", rule(null, 80, null)) + ", " + group(null, "APP") + ", "
                + group(CACHE_IN_FILE, "cache", rule(null, 6379, WEB)) + ", " + group(null, "mon") + ", "
                + group(null, "mon") + "]}").getBytes(StandardCharsets.UTF_8));
        assertThat(file.valid()).as(file.toString()).isTrue();
        ProjectChanges whole = new ProjectChanges(file, project(groups).load(null).join(), true);

        ProjectChanges part = new ProjectChanges(file, FileGroupsRead.read(file, project(groups), "memory"), false);

        assertThat(part.changes()).isEqualTo(whole.changes());
        assertThat(part.changes()).extracting(c -> c.isNew() ? null : c.current().id())
                .containsExactly(WEB, APP_UPPER, CACHE);
        assertThat(part.refused()).isEqualTo(whole.refused());
        assertThat(part.refused()).extracting(ProjectChanges.Refusal::name).containsExactly("app", "mon", "mon");
        StringWriter wholeText = new StringWriter();
        StringWriter partText = new StringWriter();
        PlanCommand.print(whole, "memory", new PrintWriter(wholeText));
        PlanCommand.print(part, "memory", new PrintWriter(partText));
        assertThat(partText.toString().replace("Groups the file does not name were not read: they are left as they "
                + "are.", "Left as they are (in the project, not in the file): 4 groups")).isEqualTo(wholeText.toString());
    }

    @Test
    void manyIdsGoInSeveralRequestsEachWithinTheLengthNeutronTakes() {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            groups.append(i == 0 ? "" : ", ").append(group(String.format("00000000-0000-4000-8000-%012d", i),
                    "g" + i));
        }
        DefinitionReport file = new DefinitionReader().read(("{\"security_groups\": [" + groups + "]}")
                .getBytes(StandardCharsets.UTF_8));
        server.stubFor(get(urlPathEqualTo("/v2.0/security-groups"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"security_groups\": []}")));

        ProjectChanges changes = new ProjectChanges(file, FileGroupsRead.read(file, backend, "cloud replayed"), false);

        assertThat(changes.changes()).hasSize(250).allMatch(ProjectChanges.Change::isNew);
        // 250 ids need three requests; then the 250 (short) names, which none of the ids found, one more.
        assertThat(server.getAllServeEvents()).hasSize(4).allSatisfy(e -> {
            assertThat(e.getRequest().getUrl().length()).isLessThan(4_200);
            assertThat(e.getRequest().getUrl()).doesNotContain("&id=&", "&name=&");
        });
        assertThat(server.getAllServeEvents()).extracting(e -> e.getRequest().getUrl())
                .filteredOn(url -> url.contains("&id=")).hasSize(3);
    }
}
