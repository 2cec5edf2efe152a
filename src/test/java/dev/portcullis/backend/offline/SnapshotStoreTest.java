package dev.portcullis.backend.offline;

import dev.portcullis.files.UserEnvironment;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStoreTest {

    private static final Path ROOT = Path.of("/");

    static final Instant LOADED = Instant.parse("2026-03-03T14:03:00Z");

    @TempDir
    Path dir;

    static Snapshot snapshot() {
        Rule ssh = new Rule("r1", Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                Remote.prefix("10.0.0.0/8"), "admins");
        Rule out = new Rule("r2", Direction.EGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null);
        SecurityGroup web = new SecurityGroup("3f1c2a9e-0000-4000-8000-000000000001", "p1", "web", "front", true,
                false, 4, List.of(ssh, out), List.of(), LOADED, LOADED);
        Port port = new Port("5b7d0c11-0000-4000-8000-000000000002", "web-1 eth0", "d1", "compute:nova",
                List.of("10.0.0.5"), List.of(web.id()));
        return new Snapshot(List.of(web), List.of(port), LOADED);
    }

    private SnapshotStore store() {
        return new SnapshotStore(dir.resolve("snapshots"), Runnable::run);
    }

    @Test
    void aSavedSnapshotReadsBackWithItsLoadTime() throws Exception {
        SnapshotStore store = store();

        store.save("prod", snapshot()).get(5, TimeUnit.SECONDS);
        Optional<Snapshot> read = store.read("prod").get(5, TimeUnit.SECONDS);

        assertThat(read).hasValueSatisfying(s -> {
            assertThat(s.groups()).isEqualTo(snapshot().groups());
            assertThat(s.ports()).isEqualTo(snapshot().ports());
            assertThat(s.loadedAt()).isEqualTo(LOADED);
            assertThat(s.isOffline()).isFalse();
        });
    }

    @Test
    void theFileIsTheOwnersOnlyAndAValidDefinitionFile() throws Exception {
        SnapshotStore store = store();
        store.save("prod", snapshot()).get(5, TimeUnit.SECONDS);

        Path file = dir.resolve("snapshots").resolve("prod.json");
        assertThat(store.file("prod")).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(new DefinitionReader().read(file).valid()).isTrue();
    }

    @Test
    void savingAgainMakesAReadableFileOwnerOnlyAndKeepsNoOldCopies() throws Exception {
        SnapshotStore store = store();
        store.save("prod", snapshot()).get(5, TimeUnit.SECONDS);
        Path file = store.file("prod");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        store.save("prod", snapshot()).get(5, TimeUnit.SECONDS);
        store.save("prod", snapshot()).get(5, TimeUnit.SECONDS);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("prod.json");
        }
    }

    @Test
    void savingReturnsAtOnceAndWritesOnTheStoresThread() throws Exception {
        Queue<Runnable> io = new ArrayDeque<>();
        SnapshotStore store = new SnapshotStore(dir, io::add);

        var saved = store.save("prod", snapshot());

        assertThat(saved).isNotDone();
        assertThat(Files.exists(dir.resolve("prod.json"))).isFalse();
        io.remove().run();
        assertThat(saved).isCompleted();
        assertThat(Files.exists(dir.resolve("prod.json"))).isTrue();
    }

    @Test
    void anOfflineCopyIsNeverSavedAsIfLive() throws Exception {
        SnapshotStore store = store();

        store.save("prod", snapshot().asOffline("down")).get(5, TimeUnit.SECONDS);

        assertThat(Files.exists(store.file("prod"))).isFalse();
    }

    @Test
    void noCopyOrAnUnusableOneReadsAsNone() throws Exception {
        SnapshotStore store = store();
        assertThat(store.read("prod").get(5, TimeUnit.SECONDS)).isEmpty();

        Files.createDirectories(store.file("prod").getParent());
        Files.writeString(store.file("prod"), "{ not json");
        assertThat(store.read("prod").get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void everyCloudNameIsOnePlainFileInTheFolder() {
        assertThat(SnapshotStore.fileName("prod-1.eu_west")).isEqualTo("prod-1.eu_west.json");
        assertThat(SnapshotStore.fileName("../etc/passwd")).isEqualTo("%2E.%2Fetc%2Fpasswd.json");
        assertThat(SnapshotStore.fileName("a b/é")).isEqualTo("a%20b%2F%C3%A9.json");
        assertThat(SnapshotStore.fileName("")).isEqualTo("%.json");
        assertThat(store().file("../x").getParent()).isEqualTo(dir.resolve("snapshots"));
    }

    /** An environment without HOME: the account's home is {@code home}. */
    private static UserEnvironment env(Map<String, String> variables, Path cwd, String home) {
        return UserEnvironment.of(variables, cwd, home);
    }

    @Test
    void theFolderIsInTheUsersDataFolder() {
        assertThat(SnapshotStore.defaultFolder(env(Map.of("XDG_DATA_HOME", "/data"), ROOT, "/home/u")))
                .isEqualTo(Path.of("/data/portcullis/snapshots"));
        assertThat(SnapshotStore.defaultFolder(env(Map.of("XDG_DATA_HOME", "relative"), ROOT, "/home/u")))
                .isEqualTo(Path.of("/home/u/.local/share/portcullis/snapshots"));
        assertThat(SnapshotStore.defaultFolder(env(Map.of(), ROOT, "/home/u")))
                .isEqualTo(Path.of("/home/u/.local/share/portcullis/snapshots"));
    }
}
