package dev.portcullis.backend.workspace;

import dev.portcullis.files.UserEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendContract;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.Originals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract, plus what only a file-backed workspace has: its seed, its file, its thread. */
class WorkspaceBackendTest extends BackendContract {

    private static final Path ROOT = Path.of("/");

    private static final Instant NOW = Instant.parse("2026-11-26T14:28:09.750Z");
    private static final Instant NOW_IN_SECONDS = Instant.parse("2026-11-26T14:28:09Z");

    @TempDir
    Path dir;

    private Path file;
    private ExecutorService io;
    private final List<WorkspaceBackend> opened = new ArrayList<>();

    @Override
    protected Backend newBackend() {
        return WorkspaceBackend.open(dir.resolve("contract").resolve("workspace.json"));
    }

    /** The workspace keeps interfaces in its file; the fixture adds one there. */
    @Override
    protected PortRef attachInterface(Backend backend, String name, GroupRef group) throws Exception {
        Port port = new Port(UUID.randomUUID().toString(), name, UUID.randomUUID().toString(), "compute:nova",
                List.of("10.0.9.9"), List.of(group.id()));
        return await(((WorkspaceBackend) backend).putInterface(port)).ref();
    }

    @BeforeEach
    void setUp() {
        file = dir.resolve("data").resolve("portcullis").resolve("workspace.json");
        io = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void tearDown() {
        opened.forEach(WorkspaceBackend::close);
        io.shutdownNow();
    }

    private WorkspaceBackend workspace(WorkspaceBackend.Store store) {
        WorkspaceBackend workspace = new WorkspaceBackend(file, io, Clock.fixed(NOW, ZoneOffset.UTC),
                () -> UUID.randomUUID().toString(), store);
        opened.add(workspace);
        return workspace;
    }

    private WorkspaceBackend workspace() {
        return workspace(new DefinitionWriter()::write);
    }

    private static Definitions readFile(Path path) {
        return new DefinitionReader().read(path).definitions();
    }

    private static SecurityGroup named(Snapshot snapshot, String name) {
        return snapshot.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static Port portNamed(Snapshot snapshot, String name) {
        return snapshot.ports().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    // --- the seed ------------------------------------------------------------------------------------------

    @Test
    void aNewWorkspaceHoldsTheDefaultGroupTwoExamplesAndTwoServers() throws Exception {
        Snapshot snapshot = await(workspace().load(ProgressListener.NONE));

        assertThat(snapshot.groups()).extracting(SecurityGroup::name)
                .containsExactly("default", "web-server-public", "db-internal");
        assertThat(snapshot.groups()).allSatisfy(g -> {
            assertThat(g.projectId()).isEqualTo("local");
            assertThat(g.createdAt()).isEqualTo(NOW_IN_SECONDS);
            assertThat(g.updatedAt()).isEqualTo(NOW_IN_SECONDS);
            assertThat(g.stateful()).isTrue();
            assertThat(g.shared()).isFalse();
        });

        SecurityGroup defaultGroup = named(snapshot, "default");
        assertThat(defaultGroup.description()).isEqualTo("Default security group");
        assertThat(defaultGroup.revision()).isEqualTo(1);
        assertThat(defaultGroup.rules()).hasSize(4).allSatisfy(r -> assertThat(r.description()).isNull());
        assertThat(defaultGroup.rules()).filteredOn(r -> r.direction() == Direction.INGRESS)
                .extracting(Rule::remoteGroupId).containsOnly(defaultGroup.id());

        SecurityGroup web = named(snapshot, "web-server-public");
        assertThat(web.description()).isEqualTo(
                "Security group for a public web server. Allows SSH access and inbound HTTP/HTTPS traffic");
        assertThat(web.revision()).as("created at 1, its six rules added in one request").isEqualTo(2);
        assertThat(web.rules()).hasSize(8);
        assertThat(web.rules()).filteredOn(r -> r.direction() == Direction.EGRESS).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.description()).isNull();
                    assertThat(r.remote()).isEqualTo(Remote.ANYWHERE);
                    assertThat(r.protocol()).isEqualTo(Protocol.ANY);
                });
        assertThat(web.rules()).filteredOn(r -> r.direction() == Direction.INGRESS)
                .extracting(r -> r.etherType() + " " + r.protocol() + " " + r.ports().portLabel() + " "
                        + r.remoteIpPrefix() + " " + r.description())
                .containsExactlyInAnyOrder(
                        "IPV4 tcp 22 0.0.0.0/0 SSH", "IPV6 tcp 22 ::/0 SSH",
                        "IPV4 tcp 80 0.0.0.0/0 HTTP", "IPV6 tcp 80 ::/0 HTTP",
                        "IPV4 tcp 443 0.0.0.0/0 HTTPS", "IPV6 tcp 443 ::/0 HTTPS");

        SecurityGroup db = named(snapshot, "db-internal");
        assertThat(db.description()).isEqualTo("PostgreSQL reachable only from the web servers");
        assertThat(db.revision()).isEqualTo(2);
        assertThat(db.rules()).hasSize(4);
        assertThat(db.rules()).filteredOn(r -> r.direction() == Direction.INGRESS).hasSize(2).allSatisfy(r -> {
            assertThat(r.remoteGroupId()).isEqualTo(web.id());
            assertThat(r.ports().portLabel()).isEqualTo("5432");
        });

        Port web1 = portNamed(snapshot, "web-1 eth0");
        assertThat(web1.fixedIps()).containsExactly("10.0.0.11");
        assertThat(web1.securityGroupIds()).containsExactly(defaultGroup.id(), web.id());
        assertThat(web1.deviceOwner()).isEqualTo("compute:nova");
        Port db1 = portNamed(snapshot, "db-1 eth0");
        assertThat(db1.fixedIps()).containsExactly("10.0.0.21");
        assertThat(db1.securityGroupIds()).containsExactly(defaultGroup.id(), db.id());
        assertThat(db1.deviceId()).isNotEqualTo(web1.deviceId());

        List<String> ids = new ArrayList<>();
        snapshot.groups().forEach(g -> {
            ids.add(g.id());
            g.rules().forEach(r -> ids.add(r.id()));
        });
        snapshot.ports().forEach(p -> ids.add(p.id()));
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> UUID.fromString(id));
    }

    @Test
    void theSeedIsWrittenAsADefinitionFile() throws Exception {
        Snapshot snapshot = await(workspace().load(ProgressListener.NONE));

        assertThat(Files.readString(file)).contains("\"format\" : \"portcullis/1\"");
        Definitions onDisk = readFile(file);
        assertThat(onDisk.groups()).isEqualTo(snapshot.groups());
        assertThat(onDisk.ports()).isEqualTo(snapshot.ports());
    }

    @Test
    void loadReportsOnePageWithEveryGroup() throws Exception {
        List<List<SecurityGroup>> pages = new CopyOnWriteArrayList<>();
        Snapshot snapshot = await(workspace().load((page, soFar) -> pages.add(page)));

        assertThat(pages).containsExactly(snapshot.groups());
        assertThat(snapshot.loadedAt()).isEqualTo(NOW);
    }

    // --- the file ------------------------------------------------------------------------------------------

    @Test
    void changesSurviveReopening() throws Exception {
        WorkspaceBackend first = workspace();
        Snapshot seeded = await(first.load(ProgressListener.NONE));
        SecurityGroup created = await(first.create(GroupDraft.newGroup("kept", "across restarts")));
        ApplyReport renamed = await(first.apply(ChangePlan.between(created,
                new GroupDraft("kept-renamed", "across restarts", true, created.rules()))));
        SecurityGroup db = named(seeded, "db-internal");
        await(first.detach(portNamed(seeded, "db-1 eth0").ref(), db.ref()));
        await(first.delete(db.ref()));
        Snapshot before = await(first.load(ProgressListener.NONE));
        first.close();

        Snapshot after = await(workspace().load(ProgressListener.NONE));

        assertThat(renamed.complete()).isTrue();
        assertThat(after.groups()).isEqualTo(before.groups());
        assertThat(after.ports()).isEqualTo(before.ports());
        assertThat(after.groups()).extracting(SecurityGroup::name).contains("kept-renamed")
                .doesNotContain("db-internal");
    }

    @Test
    void theFileAndItsNewFoldersAreTheOwnersOnly() throws Exception {
        WorkspaceBackend workspace = workspace();
        await(workspace.load(ProgressListener.NONE));
        await(workspace.create(GroupDraft.newGroup("private", "")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(AtomicFiles.backup(file, 1))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void earlierVersionsAreKeptAsBackups() throws Exception {
        WorkspaceBackend workspace = workspace();
        Snapshot seeded = await(workspace.load(ProgressListener.NONE));
        await(workspace.create(GroupDraft.newGroup("second-version", "")));

        assertThat(readFile(AtomicFiles.backup(file, 1)).groups()).isEqualTo(seeded.groups());

        for (int i = 0; i < AtomicFiles.BACKUPS + 2; i++) {
            await(workspace.create(GroupDraft.newGroup("version-" + i, "")));
        }
        assertThat(AtomicFiles.backup(file, AtomicFiles.BACKUPS)).exists();
        assertThat(AtomicFiles.backup(file, AtomicFiles.BACKUPS + 1)).doesNotExist();
        assertThat(readFile(AtomicFiles.backup(file, 1)).groups()).extracting(SecurityGroup::name)
                .contains("version-" + AtomicFiles.BACKUPS).doesNotContain("version-" + (AtomicFiles.BACKUPS + 1));
    }

    @Test
    void anInvalidFileIsRefusedAndLeftAsItIs() throws Exception {
        String broken = """
                {"security_groups": [{"id": "g1", "name": "mine", "description": "",
                  "security_group_rules": [{"id": "r1", "direction": "ingress", "ethertype": "IPv4",
                    "protocol": "tcp", "port_range_min": 443, "port_range_max": 80}]}]}
                """;
        assertRefusedAndUntouched(broken, "security_groups[0].security_group_rules[0]");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedAndLeftAsItIs() throws Exception {
        assertRefusedAndUntouched("{\"security_groups\": [", "not valid JSON");
    }

    @Test
    void aFileWithGroupsThatDoNotExistYetIsRefused() throws Exception {
        assertRefusedAndUntouched("{\"security_groups\": [{\"name\": \"a draft\"}]}", "has no id");
    }

    private void assertRefusedAndUntouched(String content, String problem) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        FileTime modified = Files.getLastModifiedTime(file);
        WorkspaceBackend workspace = workspace();

        BackendException onLoad = refusal(workspace.load(ProgressListener.NONE));
        BackendException onCreate = refusal(workspace.create(GroupDraft.newGroup("anything", "")));

        assertThat(onLoad.kind()).isEqualTo(Kind.INVALID);
        assertThat(onLoad.code()).isEqualTo("WorkspaceFileInvalid");
        assertThat(onLoad.getMessage()).contains(file.toString()).contains(problem);
        assertThat(onCreate.code()).isEqualTo("WorkspaceFileInvalid");
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theRefusalOfAnInvalidFileListsItsFirstProblemsOnePerLineAndSaysWhatToDo() throws Exception {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            rules.append(i == 0 ? "" : ",").append("""
                    {"id": "r%d", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                     "port_range_min": %d, "port_range_max": 80}""".formatted(i, 100 + i));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"security_groups\": [{\"id\": \"g1\", \"name\": \"mine\", "
                + "\"security_group_rules\": [" + rules + "]}]}");

        BackendException refusal = refusal(workspace().load(ProgressListener.NONE));

        assertThat(refusal.code()).isEqualTo("WorkspaceFileInvalid");
        List<String> lines = refusal.getMessage().lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("The workspace file " + file + " cannot be used: it has 7 problems.");
        for (int i = 0; i < 5; i++) {
            assertThat(lines.get(1 + i)).startsWith("security_groups[0].security_group_rules[" + i + "].")
                    .contains(": ").contains(String.valueOf(100 + i));
        }
        assertThat(lines.get(6)).isEqualTo("(and 2 more)");
        assertThat(lines.get(7)).isEqualTo("Fix the file (`portcullis validate " + file + "` checks its "
                + "definitions), or move it away to start a new workspace.");
    }

    @Test
    void aSingleProblemIsCountedAsOne() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"security_groups\": [");

        BackendException refusal = refusal(workspace().load(ProgressListener.NONE));

        List<String> lines = refusal.getMessage().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("The workspace file " + file + " cannot be used: it has 1 problem.");
        assertThat(lines.get(1)).startsWith("The file is not valid JSON at line 1");
    }

    @Test
    void theCommandInTheRefusalQuotesAPathWithSpaces() throws Exception {
        file = dir.resolve("my data").resolve("it's here.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[]");

        BackendException refusal = refusal(workspace().load(ProgressListener.NONE));

        assertThat(refusal.getMessage()).contains("Fix the file (`portcullis validate '"
                + file.toString().replace("'", "'\\''") + "'` checks its definitions)");
    }

    @Test
    void aFileThatCannotBeReadIsUnavailable() throws Exception {
        Files.createDirectories(file);

        BackendException refusal = refusal(workspace().load(ProgressListener.NONE));

        assertThat(refusal.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refusal.getMessage()).contains(file.toString());
    }

    @Test
    void aNeutronListWithoutADefaultGroupGetsOneInMemoryWrittenWithTheFirstChange() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"security_groups": [{"id": "11111111-2222-3333-4444-555555555555", "name": "web",
                  "description": "web servers", "stateful": true, "tenant_id": "fake_project_id",
                  "project_id": "fake_project_id", "shared": false, "revision_number": 4, "tags": [],
                  "created_at": "2026-11-26T14:28:31Z", "updated_at": "2026-11-26T14:28:36Z",
                  "security_group_rules": [{"id": "873b9710-b6fd-45b9-a1e9-13bd0ad4134f",
                    "security_group_id": "11111111-2222-3333-4444-555555555555", "ethertype": "IPv4",
                    "direction": "egress", "protocol": null, "port_range_min": null, "port_range_max": null,
                    "remote_ip_prefix": null, "remote_address_group_id": null, "normalized_cidr": null,
                    "remote_group_id": null, "standard_attr_id": 7, "description": null, "tags": [],
                    "created_at": "2026-11-26T14:28:31Z", "updated_at": "2026-11-26T14:28:31Z",
                    "revision_number": 0, "project_id": "fake_project_id", "tenant_id": "fake_project_id"}]}]}
                """);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        String asWritten = Files.readString(file);
        FileTime modified = Files.getLastModifiedTime(file);
        WorkspaceBackend workspace = workspace();

        Snapshot snapshot = await(workspace.load(ProgressListener.NONE));
        Snapshot again = await(workspace.load(ProgressListener.NONE));

        assertThat(snapshot.groups()).extracting(SecurityGroup::name).containsExactly("web", "default");
        assertThat(named(snapshot, "web").revision()).isEqualTo(4);
        assertThat(named(snapshot, "default").projectId()).isEqualTo("fake_project_id");
        assertThat(named(snapshot, "default").rules()).hasSize(4);
        assertThat(again.groups()).as("the same default group on every load").isEqualTo(snapshot.groups());
        assertThat(Files.readString(file)).as("loading does not write").isEqualTo(asWritten);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }

        SecurityGroup created = await(workspace.create(GroupDraft.newGroup("more", "")));

        assertThat(created.projectId()).isEqualTo("fake_project_id");
        Definitions written = readFile(file);
        assertThat(written.groups()).extracting(SecurityGroup::name).containsExactly("web", "default", "more");
        assertThat(written.groups().get(1)).as("the default group that was shown is the one written")
                .isEqualTo(named(snapshot, "default"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(AtomicFiles.backup(file, 1))).isEqualTo(asWritten);
    }

    @Test
    void theDefaultGroupKeptInMemoryStaysTheSameWhenTheFileIsEditedByHand() throws Exception {
        Files.createDirectories(file.getParent());
        String web = """
                {"security_groups": [{"id": "11111111-2222-3333-4444-555555555555", "name": "%s",
                  "project_id": "p", "revision_number": 1, "security_group_rules": []}]}
                """;
        Files.writeString(file, web.formatted("web"));
        WorkspaceBackend workspace = workspace();
        SecurityGroup shown = named(await(workspace.load(ProgressListener.NONE)), "default");

        Files.writeString(file, web.formatted("web, edited by hand"));
        Snapshot reloaded = await(workspace.load(ProgressListener.NONE));

        assertThat(reloaded.groups()).extracting(SecurityGroup::name).containsExactly("web, edited by hand", "default");
        assertThat(named(reloaded, "default")).isEqualTo(shown);
        assertThat(Files.readString(file)).isEqualTo(web.formatted("web, edited by hand"));
    }

    /** A copy of a Neutron answer with ports, one of them with an address on a subnet. */
    private byte[] neutronFileWithPorts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(
                WorkspaceBackendTest.class.getResource("/dev/portcullis/files/neutron-sg-list-with-ports.json"));
        ObjectNode port = (ObjectNode) root.get("ports").get(0);
        port.putArray("fixed_ips").addObject()
                .put("subnet_id", "c1e3a4b0-8c7e-4f0f-9d6c-2f3b5a0e1d22")
                .put("ip_address", "10.0.0.5");
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    @Test
    void aNeutronFileOpenedAsTheWorkspaceIsNotWrittenByLoadingAndKeepsWhatItDoesNotModel() throws Exception {
        byte[] neutron = neutronFileWithPorts();
        Files.createDirectories(file.getParent());
        Files.write(file, neutron);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        JsonNode before = new ObjectMapper().readTree(neutron);
        WorkspaceBackend workspace = workspace();

        Snapshot snapshot = await(workspace.load(ProgressListener.NONE));

        assertThat(Files.readString(file)).isEqualTo(new String(neutron, StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");

        SecurityGroup defaultGroup = named(snapshot, "default");
        Port port = snapshot.ports().get(0);
        ApplyReport described = await(workspace.apply(ChangePlan.between(defaultGroup,
                new GroupDraft("default", "described here", true, defaultGroup.rules()))));
        await(workspace.detach(port.ref(), defaultGroup.ref()));

        assertThat(described.complete()).isTrue();
        JsonNode after = new ObjectMapper().readTree(file.toFile());
        JsonNode group = after.get("security_groups").get(0);
        JsonNode groupBefore = before.get("security_groups").get(0);
        assertThat(group.get("description").asText()).isEqualTo("described here");
        assertThat(group.get("revision_number").asLong()).isEqualTo(defaultGroup.revision() + 1);
        assertThat(group.get("created_at")).isEqualTo(groupBefore.get("created_at"));
        assertThat(group.get("security_group_rules"))
                .as("unchanged rules keep standard_attr_id, created_at, revision_number, tags...")
                .isEqualTo(groupBefore.get("security_group_rules"));
        JsonNode portAfter = after.get("ports").get(0);
        JsonNode portBefore = before.get("ports").get(0);
        assertThat(portAfter.get("security_groups")).isEmpty();
        for (String kept : List.of("mac_address", "network_id", "fixed_ips", "status", "admin_state_up",
                "binding:vnic_type", "created_at", "revision_number", "project_id")) {
            assertThat(portAfter.get(kept)).as(kept).isEqualTo(portBefore.get(kept));
        }
        assertThat(portAfter.get("fixed_ips").get(0).get("subnet_id").asText())
                .isEqualTo("c1e3a4b0-8c7e-4f0f-9d6c-2f3b5a0e1d22");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void anEditMadeByHandWhileOpenIsShownAndNotOverwritten() throws Exception {
        WorkspaceBackend workspace = workspace();
        Snapshot seeded = await(workspace.load(ProgressListener.NONE));
        SecurityGroup web = named(seeded, "web-server-public");
        SecurityGroup edited = new SecurityGroup(web.id(), web.projectId(), "edited-by-hand", web.description(),
                web.stateful(), web.shared(), web.revision(), web.rules(), web.tags(), web.createdAt(),
                web.updatedAt());
        List<SecurityGroup> groups = seeded.groups().stream().map(g -> g.id().equals(web.id()) ? edited : g)
                .toList();
        Files.write(file, new DefinitionWriter().toJson(new Definitions(groups, seeded.ports())));

        Snapshot reloaded = await(workspace.load(ProgressListener.NONE));
        await(workspace.create(GroupDraft.newGroup("after-the-edit", "")));

        assertThat(reloaded.group(web.id()).orElseThrow().name()).isEqualTo("edited-by-hand");
        assertThat(readFile(file).groups()).extracting(SecurityGroup::name)
                .contains("edited-by-hand", "after-the-edit");
    }

    @Test
    void anEditThatBreaksTheFileWhileOpenIsRefusedAndNotOverwritten() throws Exception {
        WorkspaceBackend workspace = workspace();
        await(workspace.load(ProgressListener.NONE));
        Files.writeString(file, "{\"security_groups\": [ half an edit");

        BackendException refusal = refusal(workspace.create(GroupDraft.newGroup("would overwrite", "")));

        assertThat(refusal.code()).isEqualTo("WorkspaceFileInvalid");
        assertThat(Files.readString(file)).isEqualTo("{\"security_groups\": [ half an edit");
    }

    // --- failed writes -------------------------------------------------------------------------------------

    /** Writes to the file until told to fail, then fails every write or the one after {@code allowed} more. */
    private static final class FailingStore implements WorkspaceBackend.Store {
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger allowed = new AtomicInteger(Integer.MAX_VALUE);

        @Override
        public void write(Path path, Definitions definitions, Originals originals) throws IOException {
            if (failing.get() && allowed.getAndDecrement() <= 0) {
                throw new IOException("No space left on device");
            }
            new DefinitionWriter().write(path, definitions, originals);
        }
    }

    @Test
    void aFailedWriteChangesNothing() throws Exception {
        FailingStore store = new FailingStore();
        WorkspaceBackend workspace = workspace(store);
        Snapshot before = await(workspace.load(ProgressListener.NONE));
        store.failing.set(true);
        store.allowed.set(0);

        BackendException create = refusal(workspace.create(GroupDraft.newGroup("lost", "")));
        SecurityGroup web = named(before, "web-server-public");
        BackendException detach = refusal(workspace.detach(portNamed(before, "web-1 eth0").ref(), web.ref()));

        assertThat(create.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(create.code()).isEqualTo("WorkspaceWriteFailed");
        assertThat(create.getMessage()).contains(file.toString()).contains("No space left on device");
        assertThat(detach.kind()).isEqualTo(Kind.UNAVAILABLE);
        Snapshot after = await(workspace.load(ProgressListener.NONE));
        assertThat(after.groups()).isEqualTo(before.groups());
        assertThat(after.ports()).isEqualTo(before.ports());
        assertThat(readFile(file).groups()).isEqualTo(after.groups());
        assertThat(readFile(file).ports()).isEqualTo(after.ports());
    }

    /** A plan is saved in one write with its batch: when that write fails, nothing of the plan is kept. */
    @Test
    void aFailedWriteOfAPlanKeepsNothingOfItAndReportsItsFirstOperationFailed() throws Exception {
        FailingStore store = new FailingStore();
        WorkspaceBackend workspace = workspace(store);
        SecurityGroup web = named(await(workspace.load(ProgressListener.NONE)), "web-server-public");
        Rule ssh = web.rules().stream().filter(r -> r.ports().portLabel().equals("22")).findFirst().orElseThrow();
        List<Rule> edited = new ArrayList<>(web.rules());
        edited.remove(ssh);
        edited.add(Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
                PortRange.of(8443), Remote.ANYWHERE, "admin"));
        ChangePlan plan = ChangePlan.between(web, new GroupDraft("web-renamed", web.description(), true, edited));
        store.failing.set(true);
        store.allowed.set(0);

        ApplyReport report = await(workspace.apply(plan));

        assertThat(report.steps()).extracting(ApplyReport.Step::outcome)
                .containsExactly(Outcome.FAILED, Outcome.NOT_TRIED, Outcome.NOT_TRIED);
        assertThat(report.failure().orElseThrow().error().code()).isEqualTo("WorkspaceWriteFailed");
        assertThat(report.group()).isEqualTo(web);
        SecurityGroup onDisk = readFile(file).groups().stream().filter(g -> g.id().equals(web.id())).findFirst()
                .orElseThrow();
        assertThat(onDisk).isEqualTo(web);
        assertThat(named(await(workspace.load(ProgressListener.NONE)), web.name())).isEqualTo(web);
    }

    @Test
    void aFolderThatIsAFileFailsTheFirstRunAndCreatesNothing() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "not a folder");
        file = blocker.resolve("workspace.json");
        WorkspaceBackend workspace = workspace();

        BackendException first = refusal(workspace.load(ProgressListener.NONE));
        BackendException second = refusal(workspace.create(GroupDraft.newGroup("x", "")));

        assertThat(first.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(first.code()).isEqualTo("WorkspaceWriteFailed");
        assertThat(first.getMessage()).contains(file.toString());
        assertThat(second.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Files.readString(blocker)).isEqualTo("not a folder");
    }

    // --- Neutron's rules the contract does not cover --------------------------------------------------------

    @Test
    void deleteInUseNamesEveryInterface() throws Exception {
        WorkspaceBackend workspace = workspace();
        SecurityGroup defaultGroup = named(await(workspace.load(ProgressListener.NONE)), "default");

        BackendException refusal = refusal(workspace.delete(defaultGroup.ref()));

        assertThat(refusal.getMessage()).isEqualTo("This group is still used by 2 interfaces: web-1 eth0, db-1 eth0");
    }

    @Test
    void makingAGroupStatelessWhileItIsUsedNamesEveryInterface() throws Exception {
        WorkspaceBackend workspace = workspace();
        SecurityGroup defaultGroup = named(await(workspace.load(ProgressListener.NONE)), "default");

        ApplyReport report = await(workspace.apply(ChangePlan.between(defaultGroup,
                new GroupDraft("default", defaultGroup.description(), false, defaultGroup.rules()))));

        assertThat(report.failure().orElseThrow().error().getMessage()).isEqualTo(
                "The group cannot be made stateless while interfaces use it; it is used by 2 interfaces: "
                        + "web-1 eth0, db-1 eth0.");
        assertThat(report.group()).isEqualTo(defaultGroup);
    }

    @Test
    void theDefaultGroupCannotBeDeletedEvenWhenUnused() throws Exception {
        WorkspaceBackend workspace = workspace();
        Snapshot snapshot = await(workspace.load(ProgressListener.NONE));
        SecurityGroup defaultGroup = named(snapshot, "default");
        for (Port port : snapshot.ports()) {
            await(workspace.detach(port.ref(), defaultGroup.ref()));
        }

        BackendException refusal = refusal(workspace.delete(defaultGroup.ref()));

        assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(refusal.code()).isEqualTo("SecurityGroupCannotRemoveDefault");
    }

    @Test
    void theDefaultGroupsDescriptionAndRulesCanChange() throws Exception {
        WorkspaceBackend workspace = workspace();
        SecurityGroup defaultGroup = named(await(workspace.load(ProgressListener.NONE)), "default");
        List<Rule> rules = new ArrayList<>(defaultGroup.rules());
        rules.add(tcpIn(EtherType.IPV4, 22, "192.0.2.0/24", "bastion"));

        ApplyReport report = await(workspace.apply(ChangePlan.between(defaultGroup,
                new GroupDraft("default", "still default", true, rules))));

        assertThat(report.complete()).isTrue();
        assertThat(report.group().description()).isEqualTo("still default");
        assertThat(report.group().revision()).isEqualTo(3);
    }

    @Test
    void deletingAGroupBumpsEachGroupThatLostRulesOnce() throws Exception {
        WorkspaceBackend workspace = workspace();
        Snapshot seeded = await(workspace.load(ProgressListener.NONE));
        SecurityGroup web = named(seeded, "web-server-public");
        SecurityGroup db = named(seeded, "db-internal");
        await(workspace.detach(portNamed(seeded, "web-1 eth0").ref(), web.ref()));

        await(workspace.delete(web.ref()));

        SecurityGroup dbAfter = named(await(workspace.load(ProgressListener.NONE)), "db-internal");
        assertThat(dbAfter.rules()).hasSize(2).allSatisfy(r -> assertThat(r.direction()).isEqualTo(Direction.EGRESS));
        assertThat(dbAfter.revision()).isEqualTo(db.revision() + 1);
        assertThat(dbAfter.updatedAt()).isEqualTo(NOW_IN_SECONDS);
    }

    @Test
    void aStaleRevisionIsRefusedForRuleChangesToo() throws Exception {
        WorkspaceBackend workspace = workspace();
        SecurityGroup web = named(await(workspace.load(ProgressListener.NONE)), "web-server-public");
        await(workspace.apply(ChangePlan.between(web, new GroupDraft(web.name(), "changed", true, web.rules()))));
        List<Rule> fewer = web.rules().subList(1, web.rules().size());

        BackendException refusal = refusal(workspace.apply(ChangePlan.between(web,
                new GroupDraft(web.name(), web.description(), true, fewer))));

        assertThat(refusal.kind()).isEqualTo(Kind.STALE);
        assertThat(named(await(workspace.load(ProgressListener.NONE)), web.name()).rules()).hasSize(8);
    }

    @Test
    void detachingAGroupAnInterfaceDoesNotUseChangesNothing() throws Exception {
        WorkspaceBackend workspace = workspace();
        Snapshot seeded = await(workspace.load(ProgressListener.NONE));
        Port web1 = portNamed(seeded, "web-1 eth0");
        FileTime modified = Files.getLastModifiedTime(file);

        Port answer = await(workspace.detach(web1.ref(), named(seeded, "db-internal").ref()));

        assertThat(answer).isEqualTo(web1);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(AtomicFiles.backup(file, 1)).doesNotExist();
    }

    // --- threads -------------------------------------------------------------------------------------------

    @Test
    void callsReturnAtOnceAndDoNoIoOnTheCallersThread() throws Exception {
        Queue<Runnable> pending = new ArrayDeque<>();
        WorkspaceBackend workspace = new WorkspaceBackend(file, pending::add);
        opened.add(workspace);

        CompletableFuture<Snapshot> load = workspace.load(ProgressListener.NONE);
        CompletableFuture<SecurityGroup> create = workspace.create(GroupDraft.newGroup("later", ""));

        assertThat(load).isNotDone();
        assertThat(create).isNotDone();
        assertThat(file).doesNotExist();
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        assertThat(load).isDone();
        assertThat(await(create).name()).isEqualTo("later");
        assertThat(file).exists();

        assertThat(workspace.close(Duration.ZERO)).as("closing is work on the executor too").isFalse();
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        assertThat(workspace.close(Duration.ZERO)).isTrue();
    }

    @Test
    void openRunsTheWorkOnItsOwnDaemonThread() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        WorkspaceBackend workspace = WorkspaceBackend.open(file);
        opened.add(workspace);

        await(workspace.load((page, soFar) -> threads.add(Thread.currentThread())));

        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo(WorkspaceBackend.THREAD_NAME);
            assertThat(t.isDaemon()).isTrue();
            assertThat(t).isNotSameAs(Thread.currentThread());
        });
    }

    @Test
    void callsNeverInterleaveEvenOnManyThreads() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        WorkspaceBackend workspace = workspace((path, definitions, originals) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                new DefinitionWriter().write(path, definitions, originals);
            } finally {
                inside.decrementAndGet();
            }
        });

        List<CompletableFuture<SecurityGroup>> creates = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            creates.add(workspace.create(GroupDraft.newGroup("parallel-" + i, "")));
        }
        for (CompletableFuture<SecurityGroup> create : creates) {
            await(create);
        }

        assertThat(most.get()).isEqualTo(1);
        Snapshot snapshot = await(workspace.load(ProgressListener.NONE));
        assertThat(snapshot.groups()).hasSize(3 + 25);
        assertThat(readFile(file).groups()).isEqualTo(snapshot.groups());
    }

    @Test
    void closeLetsEarlierCallsFinishAndRefusesLaterOnes() throws Exception {
        WorkspaceBackend workspace = WorkspaceBackend.open(file);
        opened.add(workspace);

        CompletableFuture<SecurityGroup> before = workspace.create(GroupDraft.newGroup("before-close", ""));
        workspace.close();
        BackendException after = refusal(workspace.load(ProgressListener.NONE));

        assertThat(await(before).name()).isEqualTo("before-close");
        assertThat(after.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(after.code()).isEqualTo("WorkspaceClosed");
        assertThat(after.getMessage()).contains("closed").contains(file.toString()).contains("not done");
        assertThat(readFile(file).groups()).extracting(SecurityGroup::name).contains("before-close");
    }

    private static boolean waiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /**
     * The first write after {@code close()} is called is held until the closing thread waits, or close has
     * returned without waiting; so a close that does not wait is seen every time, not by chance.
     */
    @Test
    void closeWaitsForRunningAndQueuedWorkSoNoAcceptedChangeIsLost() throws Exception {
        Thread closer = Thread.currentThread();
        AtomicBoolean closing = new AtomicBoolean();
        AtomicBoolean closeReturned = new AtomicBoolean();
        List<Boolean> closedWhileWriting = new CopyOnWriteArrayList<>();
        WorkspaceBackend workspace = workspace((path, definitions, originals) -> {
            if (closing.get() || definitions.groups().stream().anyMatch(g -> g.name().equals("running"))) {
                while (!closeReturned.get() && !(closing.get() && waiting(closer))) {
                    Thread.onSpinWait();
                }
                closedWhileWriting.add(closeReturned.get());
            }
            new DefinitionWriter().write(path, definitions, originals);
        });
        await(workspace.load(ProgressListener.NONE));

        CompletableFuture<SecurityGroup> running = workspace.create(GroupDraft.newGroup("running", ""));
        CompletableFuture<SecurityGroup> queued = workspace.create(GroupDraft.newGroup("queued", ""));
        closing.set(true);
        workspace.close();
        closeReturned.set(true);

        assertThat(closedWhileWriting).as("close returned while an accepted write was still to do")
                .isNotEmpty().containsOnly(false);
        assertThat(running).isCompleted();
        assertThat(queued).isCompleted();
        assertThat(readFile(file).groups()).extracting(SecurityGroup::name).contains("running", "queued");
        assertThat(refusal(workspace.create(GroupDraft.newGroup("after", ""))).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void closeWaitsOnlySoLongThenTheWorkStillFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WorkspaceBackend workspace = workspace((path, definitions, originals) -> {
            if (definitions.groups().stream().anyMatch(g -> g.name().equals("slow"))) {
                try {
                    if (!release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IOException("the test never let the write go on");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            new DefinitionWriter().write(path, definitions, originals);
        });
        await(workspace.load(ProgressListener.NONE));
        CompletableFuture<SecurityGroup> slow = workspace.create(GroupDraft.newGroup("slow", ""));

        boolean finished = workspace.close(Duration.ofMillis(100));

        assertThat(finished).isFalse();
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(await(slow).name()).isEqualTo("slow");
        assertThat(readFile(file).groups()).extracting(SecurityGroup::name).contains("slow");
    }

    @Test
    void closeCalledFromTheWorkspacesOwnThreadDoesNotWaitForItself() throws Exception {
        WorkspaceBackend workspace = WorkspaceBackend.open(file);
        opened.add(workspace);

        Snapshot snapshot = await(workspace.load((page, soFar) -> workspace.close()));

        assertThat(snapshot.groups()).isNotEmpty();
        assertThat(refusal(workspace.load(ProgressListener.NONE)).code()).isEqualTo("WorkspaceClosed");
    }

    // --- where the file lives ------------------------------------------------------------------------------

    /** An environment without HOME: the account's home is {@code home}. */
    private static UserEnvironment env(Map<String, String> variables, Path cwd, String home) {
        return UserEnvironment.of(variables, cwd, home);
    }

    @Test
    void theDefaultLocationFollowsXdgDataHome() {
        assertThat(WorkspaceBackend.defaultLocation(env(Map.of("XDG_DATA_HOME", "/data/alice"), ROOT, "/home/alice")))
                .isEqualTo(Path.of("/data/alice/portcullis/workspace.json"));
    }

    @Test
    void theDefaultLocationIsInTheHomeFolderWithoutXdgDataHome() {
        Path expected = Path.of("/home/alice/.local/share/portcullis/workspace.json");
        assertThat(WorkspaceBackend.defaultLocation(env(Map.of(), ROOT, "/home/alice"))).isEqualTo(expected);
        assertThat(WorkspaceBackend.defaultLocation(env(Map.of("XDG_DATA_HOME", ""), ROOT, "/home/alice")))
                .isEqualTo(expected);
        assertThat(WorkspaceBackend.defaultLocation(env(Map.of("XDG_DATA_HOME", "relative/data"), ROOT, "/home/alice")))
                .as("the XDG specification says to ignore a relative path").isEqualTo(expected);
    }

    @Test
    void describesItself() {
        assertThat(workspace().describe()).isEqualTo("Local workspace");
        assertThat(workspace().file()).isEqualTo(file.toAbsolutePath());
    }
}
