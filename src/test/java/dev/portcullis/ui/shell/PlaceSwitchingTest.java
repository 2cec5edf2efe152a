package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.offline.OfflineFallbackBackend;
import dev.portcullis.backend.offline.SnapshotStore;
import dev.portcullis.backend.sources.Clouds;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.shell.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window's places: switching closes the old backend, the connection is said, the choice remembered. */
class PlaceSwitchingTest {

    @TempDir
    Path dir;

    /** A stub backend that records being closed and cancels its running load then, as the port says. */
    static final class ClosingBackend implements Backend {
        final String name;
        final StubBackend loads = new StubBackend();
        final List<CompletableFuture<Snapshot>> running = new ArrayList<>();
        String warning;
        boolean closed;

        ClosingBackend(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public CompletableFuture<Snapshot> load(ProgressListener progress) {
            CompletableFuture<Snapshot> answer = loads.load(progress);
            running.add(answer);
            return answer;
        }

        @Override
        public CompletableFuture<dev.portcullis.domain.SecurityGroup> create(dev.portcullis.domain.GroupDraft d) {
            return loads.create(d);
        }

        @Override
        public CompletableFuture<dev.portcullis.backend.ApplyReport> apply(dev.portcullis.domain.ChangePlan p) {
            return loads.apply(p);
        }

        @Override
        public CompletableFuture<Void> delete(dev.portcullis.domain.GroupRef g) {
            return loads.delete(g);
        }

        @Override
        public CompletableFuture<dev.portcullis.domain.Port> detach(dev.portcullis.domain.PortRef p,
                                                                   dev.portcullis.domain.GroupRef g) {
            return loads.detach(p, g);
        }

        @Override
        public Optional<String> warning() {
            return Optional.ofNullable(warning);
        }

        @Override
        public void close() {
            closed = true;
            running.forEach(f -> f.cancel(true));
        }
    }

    private final Map<String, ClosingBackend> opened = new LinkedHashMap<>();
    private final List<Place> remembered = new ArrayList<>();

    private Places places(String... clouds) {
        return places(List.of(), clouds);
    }

    private Places places(List<String> problems, String... clouds) {
        Clouds directory = new Clouds() {
            @Override
            public List<String> names() {
                return List.of(clouds);
            }

            @Override
            public List<String> problems() {
                return problems;
            }

            @Override
            public Backend open(String name) {
                ClosingBackend backend = new ClosingBackend(name);
                if (name.equals("insecure")) {
                    backend.warning = "TLS certificates are not checked for this cloud (verify: false)";
                }
                opened.put(name, backend);
                return backend;
            }
        };
        return new ConsolePlaces(new GroupSources(() -> {
            ClosingBackend workspace = new ClosingBackend("Local workspace");
            opened.put("workspace", workspace);
            return workspace;
        }, directory, new SnapshotStore(dir, Runnable::run), null));
    }

    private MainWindowViewModel window(Places places) {
        return new MainWindowViewModel(places, b -> new NetworkConfigurationViewModel(b, Runnable::run, Runnable::run),
                Runnable::run, Runnable::run, remembered::add);
    }

    @Test
    void theChooserOffersTheWorkspaceThenEachCloud() {
        assertThat(window(places("prod", "staging")).places())
                .containsExactly(Place.WORKSPACE, Place.cloud("prod"), Place.cloud("staging"));
        assertThat(window(places()).places()).containsExactly(Place.WORKSPACE);
    }

    @Test
    void switchingClosesTheOldBackendEndingItsLoadAndLoadsTheNewOne() {
        MainWindowViewModel vm = window(places("prod"));
        vm.open(Place.WORKSPACE);
        ClosingBackend workspace = opened.get("workspace");
        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.CONNECTING);
        assertThat(vm.title()).isEqualTo("Portcullis — Local workspace");

        vm.open(Place.cloud("prod"));

        assertThat(workspace.closed).isTrue();
        assertThat(workspace.running.get(0)).isCancelled();
        ClosingBackend prod = opened.get("prod");
        assertThat(prod.loads.loads).isEqualTo(1);
        assertThat(vm.title()).isEqualTo("Portcullis — prod");
        assertThat(vm.statusProperty().get()).isEqualTo("Loading security groups from prod…");
        assertThat(remembered).containsExactly(Place.WORKSPACE, Place.cloud("prod"));

        prod.running.get(0).complete(MainWindowViewModelTest.snapshotWith("default", "web"));

        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.CONNECTED);
        assertThat(vm.countsProperty().get()).isEqualTo("2 security groups · 0 interfaces");
        assertThat(vm.networkProperty().get().backendName()).isEqualTo("prod");
    }

    @Test
    void theStatusBarSaysLocalWorkspaceRatherThanConnectedWhenNoCloudIsInvolved() {
        MainWindowViewModel vm = window(places("prod"));
        vm.open(Place.WORKSPACE);
        assertThat(vm.connectionText()).isEqualTo("Connecting…");
        opened.get("workspace").running.get(0).complete(MainWindowViewModelTest.snapshotWith("default"));

        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.CONNECTED);
        assertThat(vm.connectionText()).isEqualTo("Local workspace");

        vm.open(Place.cloud("prod"));
        opened.get("prod").running.get(0).complete(MainWindowViewModelTest.snapshotWith("default"));
        assertThat(vm.connectionText()).isEqualTo("Connected");
    }

    @Test
    void anUnreachableCloudShowsItsSavedCopyOfflineAndAFailureWithoutOneSaysCouldNotConnect() throws Exception {
        new SnapshotStore(dir, Runnable::run).save("prod", MainWindowViewModelTest.snapshotWith("default"))
                .get(5, TimeUnit.SECONDS);
        MainWindowViewModel vm = window(places("prod", "staging"));
        BackendException down = new BackendException(BackendException.Kind.UNAVAILABLE, "ConnectionRefused",
                "The cloud could not be reached.");

        vm.open(Place.cloud("prod"));
        opened.get("prod").running.get(0).completeExceptionally(down);
        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.OFFLINE);
        assertThat(vm.networkProperty().get().snapshotProperty().get().offline()).isEqualTo("The cloud could not be reached.");
        assertThat(vm.networkProperty().get().editableProperty().get()).isFalse();

        vm.open(Place.cloud("staging"));
        opened.get("staging").running.get(0).completeExceptionally(down);
        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.FAILED);
        assertThat(vm.connectionProperty().get().text()).isEqualTo("Could not connect");
    }

    @Test
    void theFirstPageOnScreenMeansConnectedWhileTheRestLoads() {
        MainWindowViewModel vm = window(places("prod"));
        vm.open(Place.cloud("prod"));
        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.CONNECTING);

        Snapshot firstPage = MainWindowViewModelTest.snapshotWith("default", "web");
        opened.get("prod").loads.progress.page(firstPage.groups(), 2);

        assertThat(vm.networkProperty().get().customGroups()).isNotEmpty();
        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.CONNECTED);
    }

    @Test
    void problemsInCloudsYamlAreShownInTheWindowWhateverPlaceIsOpen() {
        String problem = "/home/a/.config/openstack/clouds.yaml, line 4: the cloud \"lab\" has no auth_url.";
        MainWindowViewModel vm = window(places(List.of(problem), "insecure"));

        vm.open(Place.WORKSPACE);
        assertThat(vm.warningProperty().get()).isEqualTo("Not every cloud could be read: " + problem);

        vm.open(Place.cloud("insecure"));
        opened.get("insecure").running.get(0).complete(MainWindowViewModelTest.snapshotWith("default"));
        assertThat(vm.warningProperty().get()).isEqualTo(
                "TLS certificates are not checked for this cloud (verify: false)\nNot every cloud could be read: " + problem);
    }

    @Test
    void theBackendsWarningShowsWhileConnectedOnly() {
        MainWindowViewModel vm = window(places("insecure"));
        vm.open(Place.cloud("insecure"));
        assertThat(vm.warningProperty().get()).isEmpty();

        opened.get("insecure").running.get(0).complete(MainWindowViewModelTest.snapshotWith("default"));
        assertThat(vm.warningProperty().get()).isEqualTo("TLS certificates are not checked for this cloud (verify: false)");

        vm.open(Place.WORKSPACE);
        assertThat(vm.warningProperty().get()).isEmpty();
    }

    @Test
    void aPlaceThatCannotBeOpenedSaysWhyAndIsTriedAgain() {
        Places failing = new Places() {
            int tries;

            @Override
            public List<Place> all() {
                return List.of(Place.WORKSPACE);
            }

            @Override
            public Backend open(Place place) {
                if (tries++ == 0) {
                    throw new BackendException(BackendException.Kind.INVALID, "CloudConfig",
                            "clouds.yaml has no auth_url for prod");
                }
                ClosingBackend backend = new ClosingBackend("Local workspace");
                opened.put("again", backend);
                return backend;
            }
        };
        MainWindowViewModel vm = window(failing);

        vm.open(Place.WORKSPACE);
        assertThat(vm.connectionProperty().get()).isEqualTo(Connection.FAILED);
        assertThat(vm.statusProperty().get()).isEqualTo("Could not open Local workspace: clouds.yaml has no auth_url for prod");
        assertThat(vm.networkProperty().get()).isNull();

        vm.autoRefresh();
        assertThat(opened.get("again").loads.loads).isEqualTo(1);
    }

    @Test
    void anUnknownCloudOnTheCommandLineIsAClearError() {
        ConsolePlaces places = (ConsolePlaces) places("prod", "staging");
        assertThat(places.require("prod")).isEqualTo(Place.cloud("prod"));
        assertThatThrownBy(() -> places.require("prdo")).isInstanceOf(ConsolePlaces.UnknownPlaceException.class)
                .hasMessage("There is no cloud called \"prdo\" in clouds.yaml. The clouds are: prod, staging.");
        assertThatThrownBy(() -> ((ConsolePlaces) places()).require("prod"))
                .hasMessage("There is no cloud called \"prod\": no cloud is configured (clouds.yaml).");
    }

    @Test
    void aCloudIsOpenedWithItsOfflineCopyBehindIt() {
        assertThat(places("prod").open(Place.cloud("prod"))).isInstanceOf(OfflineFallbackBackend.class);
    }
}
