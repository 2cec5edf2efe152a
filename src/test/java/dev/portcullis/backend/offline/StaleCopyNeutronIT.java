package dev.portcullis.backend.offline;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A saved copy can never overwrite a newer server state, against the real Neutron with trusted headers: a
 * group is loaded (its copy saved), someone else changes it on the server, and a change made from the copy's
 * revision is refused as stale with a sentence saying so, the server keeping the other client's change. Both
 * kinds of plan are tried: one that renames (its PUT carries {@code If-Match: revision_number}) and one that
 * only adds a rule (rules take no If-Match: the group's revision is read and compared first). Another client of
 * the project makes the group and changes it. Each test has a project of its own, whose group is deleted
 * afterwards. The server's address comes from {@value #URL_PROPERTY}; without it
 * the run fails, it is never skipped.
 */
class StaleCopyNeutronIT {

    static final String URL_PROPERTY = "portcullis.neutron.url";

    @TempDir
    Path snapshots;
    /** One store for the test: its saves and reads run in order on its thread. */
    private SnapshotStore store;
    private URI endpoint;
    private final String project = "stale-copy-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final List<SecurityGroup> created = new ArrayList<>();
    /** Another client of the same project: it makes the groups and changes them behind the console's back. */
    private NeutronBackend other;

    @BeforeEach
    void server() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("StaleCopyNeutronIT needs a Neutron server with trusted headers: give "
                    + "its address with -D" + URL_PROPERTY + "=http://127.0.0.1:9697");
        }
        endpoint = URI.create(url);
        store = SnapshotStore.open(snapshots);
        other = neutron();
    }

    @AfterEach
    void cleanUp() throws Exception {
        store.close();
        for (SecurityGroup group : created) {
            other.delete(group.ref()).get(30, TimeUnit.SECONDS);
        }
        other.close();
    }

    /** The console's backend of a cloud: the live Neutron with its offline copy kept in {@link #snapshots}. */
    private OfflineFallbackBackend console() {
        return new OfflineFallbackBackend(neutron(), "stale-copy-it", store);
    }

    private NeutronBackend neutron() {
        return new NeutronBackend(FixedSession.open("stale-copy-it", endpoint, Map.of(
                "X-User-Id", Secret.of("portcullis-it"), "X-Project-Id", Secret.of(project),
                "X-Roles", Secret.of("member"))));
    }

    @Test
    void aRenameFromTheCopyIsRefusedAsStaleAndTheServerKeepsTheNewerChange() throws Exception {
        SecurityGroup fromCopy = copiedThenChangedOnTheServer();
        try (OfflineFallbackBackend backend = console()) {
            GroupDraft renamed = new GroupDraft("renamed-from-copy", fromCopy.description(), fromCopy.stateful(),
                    fromCopy.rules());

            Throwable refused = failure(backend, ChangePlan.between(fromCopy, renamed));

            assertStale(refused, fromCopy.revision());
        }
        SecurityGroup now = onTheServer(fromCopy.id());
        assertThat(now.name()).isEqualTo(fromCopy.name());
        assertThat(now.description()).isEqualTo("changed by another client");
        assertThat(now.revision()).isEqualTo(fromCopy.revision() + 1);
    }

    @Test
    void aRuleAddedFromTheCopyIsRefusedAsStaleAndNothingIsAdded() throws Exception {
        SecurityGroup fromCopy = copiedThenChangedOnTheServer();
        try (OfflineFallbackBackend backend = console()) {
            List<Rule> rules = new ArrayList<>(fromCopy.rules());
            rules.add(Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                    Remote.prefix("192.0.2.0/24"), "ssh from the copy"));
            GroupDraft withSsh = new GroupDraft(fromCopy.name(), fromCopy.description(), fromCopy.stateful(), rules);

            Throwable refused = failure(backend, ChangePlan.between(fromCopy, withSsh));

            assertStale(refused, fromCopy.revision());
        }
        SecurityGroup now = onTheServer(fromCopy.id());
        assertThat(now.rules()).hasSameElementsAs(fromCopy.rules());
        assertThat(now.revision()).isEqualTo(fromCopy.revision() + 1);
    }

    /**
     * A group created here, loaded through the console's backend (its copy saved), then changed by another
     * client: answers the group as the saved copy has it, read back from disk by the next console.
     */
    private SecurityGroup copiedThenChangedOnTheServer() throws Exception {
        String name = "stale-copy-" + UUID.randomUUID().toString().substring(0, 8);
        SecurityGroup made = other.create(GroupDraft.newGroup(name, "as copied")).get(30, TimeUnit.SECONDS);
        created.add(made);
        String id = made.id();
        try (OfflineFallbackBackend backend = console()) {
            backend.load(ProgressListener.NONE).get(30, TimeUnit.SECONDS);
        }
        Snapshot copy;
        try (OfflineFallbackBackend backend = console()) {
            copy = backend.savedCopy().get(30, TimeUnit.SECONDS).orElseThrow();
        }
        SecurityGroup fromCopy = copy.group(id).orElseThrow();
        other.apply(ChangePlan.between(made, new GroupDraft(made.name(), "changed by another client", made.stateful(),
                made.rules()))).get(30, TimeUnit.SECONDS);
        assertThat(onTheServer(id).revision()).isGreaterThan(fromCopy.revision());
        return fromCopy;
    }

    private static Throwable failure(OfflineFallbackBackend backend, ChangePlan plan) {
        Throwable thrown = catchThrowable(() -> backend.apply(plan).get(30, TimeUnit.SECONDS));
        assertThat(thrown).as("a change from a stale copy must not be applied").isInstanceOf(ExecutionException.class);
        return thrown.getCause();
    }

    private static void assertStale(Throwable refused, long copiedRevision) {
        assertThat(refused).isInstanceOf(BackendException.class);
        BackendException stale = (BackendException) refused;
        assertThat(stale.kind()).isEqualTo(BackendException.Kind.STALE);
        assertThat(stale.getMessage()).startsWith("Someone else changed this group since you opened it")
                .contains("revision " + copiedRevision).contains("Reload it");
    }

    private SecurityGroup onTheServer(String id) throws Exception {
        return other.groups(java.util.Set.of(id), java.util.Set.of()).get(30, TimeUnit.SECONDS).get(0);
    }
}
