package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.ui.compare.CompareDialog;
import dev.portcullis.ui.files.FileMenuViewModel;
import dev.portcullis.ui.files.FilePlaces;
import dev.portcullis.ui.compare.CompareViewModel;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.common.FxDialogService;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.traffic.TrafficCheckDialog;
import dev.portcullis.ui.traffic.TrafficCheckViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The main window's menu bar: File > Open…, Import…, Export… and Tools > Check traffic…, Compare…, with
 * what each opens. Export, Check traffic and Compare need a project shown.
 */
public final class ConsoleMenu {

    private final MainWindowViewModel window;
    private final FilePlaces places;
    private final GroupSources sources;
    private final FxDialogService dialogs;
    private final Executor fx;
    private final Executor worker;
    private final Supplier<Window> owner;
    private final FileMenuViewModel fileMenu;

    /**
     * @param sources the definition files read and written, and the offline copies saved of the clouds
     * @param worker  where places are opened and closed: never the FX thread
     */
    public ConsoleMenu(MainWindowViewModel window, FilePlaces places, GroupSources sources, FxDialogService dialogs,
                       Executor fx, Executor worker, Supplier<Window> owner) {
        this.window = window;
        this.places = places;
        this.sources = sources;
        this.dialogs = dialogs;
        this.fx = fx;
        this.worker = worker;
        this.owner = owner;
        this.fileMenu = new FileMenuViewModel(places, sources.files(), window::open, this::shown,
                () -> places.open(Place.WORKSPACE), () -> {
                    if (Place.WORKSPACE.equals(window.placeProperty().get())) {
                        window.load();
                    }
                }, dialogs, fx, worker);
    }

    public FileMenuViewModel fileMenu() {
        return fileMenu;
    }

    /** The project shown, or null while there is none. */
    private Snapshot shown() {
        NetworkConfigurationViewModel network = window.networkProperty().get();
        return network == null ? null : network.snapshotProperty().get();
    }

    public MenuBar menuBar() {
        BooleanBinding nothingShown = Bindings.createBooleanBinding(() -> shown() == null,
                window.networkProperty(), window.busyProperty(), window.countsProperty());
        MenuItem open = item("menuOpen", "Open…", "Shortcut+O", fileMenu::chooseAndOpen);
        MenuItem openFolder = item("menuOpenFolder", "Open Folder…", "Shortcut+Shift+O", fileMenu::chooseFolderAndOpen);
        MenuItem importing = item("menuImport", "Import into the workspace…", null, fileMenu::chooseAndImport);
        importing.disableProperty().bind(fileMenu.busyProperty());
        MenuItem importFolder = item("menuImportFolder", "Import Folder into the workspace…", null,
                fileMenu::chooseFolderAndImport);
        importFolder.disableProperty().bind(fileMenu.busyProperty());
        MenuItem export = item("menuExport", "Export…", "Shortcut+E", () -> fileMenu.chooseAndExport(exportName()));
        export.disableProperty().bind(nothingShown.or(fileMenu.busyProperty()));
        MenuItem quit = item("menuQuit", "Quit", "Shortcut+Q", this::quit);
        Menu file = new Menu("File", null, open, openFolder, new SeparatorMenuItem(), importing, importFolder,
                new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);
        file.setId("menuFile");
        MenuItem traffic = item("menuCheckTraffic", "Check traffic…", "Shortcut+T", this::checkTraffic);
        traffic.disableProperty().bind(nothingShown);
        MenuItem compare = item("menuCompare", "Compare…", null, this::compare);
        compare.disableProperty().bind(nothingShown);
        Menu tools = new Menu("Tools", null, traffic, compare);
        tools.setId("menuTools");
        Menu help = new dev.portcullis.ui.help.HelpMenu(dialogs::prepare).menu();
        MenuBar bar = new MenuBar(file, tools, help);
        bar.setId("menuBar");
        return bar;
    }

    /** Closes the window as its close button does: changes still being saved are waited for first. */
    private void quit() {
        Window window = owner.get();
        javafx.stage.WindowEvent request = new javafx.stage.WindowEvent(window,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
        if (window.getOnCloseRequest() != null) {
            window.getOnCloseRequest().handle(request);
        }
        if (!request.isConsumed()) {
            window.hide();
        }
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private String exportName() {
        String name = window.backendName().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-|-$", "");
        return (name.isEmpty() ? "groups" : name) + ".json";
    }

    /** Opens the Check traffic dialog on the project shown. */
    public void checkTraffic() {
        Snapshot snapshot = shown();
        if (snapshot != null) {
            boolean portsKnown = !snapshot.ports().isEmpty() || !places.isFile(window.placeProperty().get());
            NetworkConfigurationViewModel network = window.networkProperty().get();
            String selected = network == null || network.selectedProperty().get() == null ? null
                    : network.selectedProperty().get().group().id();
            new TrafficCheckDialog(new TrafficCheckViewModel(snapshot, portsKnown, selected, fx, worker),
                    owner.get()).show();
        }
    }

    /** Opens the Compare dialog on the project shown. */
    public void compare() {
        Snapshot snapshot = shown();
        if (snapshot == null) {
            return;
        }
        CompareViewModel vm = new CompareViewModel(window.backendName(), snapshot, sources(), fx, worker);
        new CompareDialog(vm, () -> dialogs.chooseFile("Compare with a definition file"), this::fileSource, owner.get())
                .show();
    }

    private CompareViewModel.Source fileSource(Path file) {
        return new CompareViewModel.Source(String.valueOf(file.getFileName()),
                () -> sources.files().open(file).thenApply(DefinitionFiles.Opened::snapshot));
    }

    /** Every place (loaded now), then the offline copy saved of each cloud. */
    List<CompareViewModel.Source> sources() {
        List<CompareViewModel.Source> all = new ArrayList<>();
        for (Place p : places.all()) {
            String when = p.equals(window.placeProperty().get()) ? " (loaded again now)" : p.cloud() ? " (loaded now)"
                    : "";
            all.add(new CompareViewModel.Source(p.name() + when, () -> load(p)));
        }
        for (Place p : places.all()) {
            if (p.cloud()) {
                all.add(new CompareViewModel.Source("Saved offline copy of " + p.name(), () -> sources
                        .savedCopy(p.name()).thenApply(copy -> copy.orElseThrow(() -> new BackendException(
                                BackendException.Kind.NOT_FOUND, "NoOfflineCopy", "no offline copy of " + p.name()
                                + " is saved: it is saved each time the cloud is loaded")))));
            }
        }
        return all;
    }

    private CompletableFuture<Snapshot> load(Place place) {
        return CompletableFuture.supplyAsync(() -> places.open(place), worker).thenCompose((Backend backend) ->
                backend.load(ProgressListener.NONE).whenComplete((s, f) -> worker.execute(backend::close)));
    }
}
