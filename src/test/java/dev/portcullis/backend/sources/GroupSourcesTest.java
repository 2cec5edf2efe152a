package dev.portcullis.backend.sources;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.offline.OfflineFallbackBackend;
import dev.portcullis.backend.offline.SnapshotStore;
import dev.portcullis.backend.openstack.CloudConfig;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where groups come from: the workspace, a cloud (live, or with its offline copy behind it), a file read-only. */
class GroupSourcesTest {

    private static final Path PROJECT = Path.of("src/test/resources/dev/portcullis/review/traffic/project.json");

    @TempDir
    Path dir;

    private final List<String> opened = new ArrayList<>();

    /** A backend that only names itself. */
    private record Named(String describe) implements Backend {
        @Override
        public CompletableFuture<Snapshot> load(ProgressListener progress) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> delete(GroupRef group) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
            return new CompletableFuture<>();
        }
    }

    private final Clouds clouds = new Clouds() {
        @Override
        public List<String> names() {
            return List.of("prod");
        }

        @Override
        public Backend open(String name) {
            opened.add(name);
            return new Named(name);
        }
    };

    private GroupSources sources(SnapshotStore offlineCopies) {
        return new GroupSources(() -> new Named("Local workspace"), clouds, offlineCopies, DefinitionFiles.on(Runnable::run));
    }

    @Test
    void aCloudIsOpenedLiveWithoutAStoreAndWithItsOfflineCopyBehindItWithOne() throws Exception {
        Backend live = sources(null).cloud("prod");
        assertThat(live).isEqualTo(new Named("prod"));
        assertThat(sources(null).savedCopy("prod").get(10, TimeUnit.SECONDS)).isEmpty();

        Backend withCopy = sources(new SnapshotStore(dir, Runnable::run)).cloud("prod");
        assertThat(withCopy).isInstanceOf(OfflineFallbackBackend.class);
        assertThat(withCopy.describe()).isEqualTo("prod");
        assertThat(opened).containsExactly("prod", "prod");
    }

    @Test
    void theWorkspaceIsTheOneGivenAndTheCommandLinesIsAFileOfItsOwn() throws Exception {
        assertThat(sources(null).workspace().describe()).isEqualTo("Local workspace");

        Path file = dir.resolve("mine.json");
        GroupSources commandLine = GroupSources.commandLine(file, () -> {
            throw new AssertionError("no cloud is looked up for the workspace");
        }, cloud -> { });
        try (Backend workspace = commandLine.workspace()) {
            workspace.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);
        }
        assertThat(file).exists();
    }

    @Test
    void aFileIsReadWhenLoadedAndRefusesEveryChange() throws Exception {
        Backend file = sources(null).readOnlyFile(PROJECT);

        assertThat(file.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS).groups()).isNotEmpty();
        assertThat(file.readOnly()).hasValueSatisfying(says -> assertThat(says).contains("project.json", "read-only"));
        assertThatThrownBy(() -> file.delete(new GroupRef("any", "any", 0)).join())
                .hasCauseInstanceOf(BackendException.class);
    }

    @Test
    void aConfiguredCloudIsToldBeforeItIsOpenedAndAnUnknownOneIsRefusedInTheConfigsWords() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path cwd = Files.createDirectories(dir.resolve("work"));
        Files.writeString(cwd.resolve("clouds.yaml"), "clouds:\n  lab:\n    auth:\n"
                + "      auth_url: https://keystone.example:5000/v3\n      username: u\n      password: p\n"
                + "      project_name: demo\n");
        CloudConfigs configs = CloudConfigs.load(Map.of(), cwd, home, dir.resolve("etc"));
        List<CloudConfig> told = new ArrayList<>();
        Clouds configured = Clouds.configured(() -> configs, told::add);

        assertThat(configured.names()).containsExactly("lab");
        try (Backend lab = configured.open("lab")) {
            assertThat(lab).isInstanceOf(NeutronBackend.class);
        }
        assertThat(told).extracting(CloudConfig::name).containsExactly("lab");
        assertThatThrownBy(() -> configured.open("nowhere")).hasMessage(catching(() -> configs.cloud("nowhere")));
        assertThat(told).hasSize(1);
    }

    private static String catching(Runnable failing) {
        try {
            failing.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("did not fail");
    }
}
