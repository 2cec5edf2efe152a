package dev.portcullis.ui.files;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.ui.compare.CompareDialog;
import dev.portcullis.ui.compare.CompareViewModel;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.shell.Dialogs;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.shell.Place;
import dev.portcullis.ui.traffic.TrafficCheckDialog;
import dev.portcullis.ui.traffic.TrafficCheckViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The main window's menu bar: File > Open…, Import…, Export… and Tools > Check traffic…, Compare…, with
 * what each opens. Export, Check traffic and Compare need a project shown.
 */
public final class ConsoleMenu {

    private final MainWindowViewModel window;
    private final FilePlaces places;
    private final DefinitionFiles files;
    private final FileChoice choice;
    private final Function<String, CompletableFuture<Optional<Snapshot>>> savedCopy;
    private final Executor fx;
    private final Executor worker;
    private final Supplier<Window> owner;
    private final FileMenuViewModel fileMenu;

    /**
     * @param savedCopy the offline copy saved of a cloud, by its name
     * @param worker    where places are opened and closed: never the FX thread
     */
    public ConsoleMenu(MainWindowViewModel window, FilePlaces places, DefinitionFiles files, FileChoice choice,
                       Function<String, CompletableFuture<Optional<Snapshot>>> savedCopy, Executor fx,
                       Executor worker, Supplier<Window> owner) {
        this.window = window;
        this.places = places;
        this.files = files;
        this.choice = choice;
        this.savedCopy = savedCopy;
        this.fx = fx;
        this.worker = worker;
        this.owner = owner;
        this.fileMenu = new FileMenuViewModel(places, files, window::open, this::shown,
                () -> places.open(Place.WORKSPACE), () -> {
                    if (Place.WORKSPACE.equals(window.placeProperty().get())) {
                        window.load();
                    }
                }, fx, worker);
        fileMenu.messageProperty().addListener((obs, old, now) -> {
            if (now != null) {
                fileMenu.messageShown();
                tell(now);
            }
        });
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
        MenuItem open = item("menuOpen", "Open…", "Shortcut+O", () -> choice.open("Open a definition file read-only")
                .ifPresent(fileMenu::open));
        MenuItem openFolder = item("menuOpenFolder", "Open Folder…", "Shortcut+Shift+O", () -> choice.openFolder(
                "Open a Terraform module (all its .tf files) read-only").ifPresent(fileMenu::open));
        MenuItem importing = item("menuImport", "Import into the workspace…", null, () -> choice.open(
                "Import a definition file into the local workspace").ifPresent(fileMenu::importFile));
        importing.disableProperty().bind(fileMenu.busyProperty());
        MenuItem importFolder = item("menuImportFolder", "Import Folder into the workspace…", null,
                () -> choice.openFolder("Import a Terraform module into the local workspace")
                        .ifPresent(fileMenu::importFile));
        importFolder.disableProperty().bind(fileMenu.busyProperty());
        MenuItem export = item("menuExport", "Export…", "Shortcut+E", () -> choice.save("Export the groups shown",
                exportName()).ifPresent(c -> fileMenu.export(c.file())));
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
        Menu help = new dev.portcullis.ui.help.HelpMenu(alert -> Dialogs.prepare(alert, owner.get())).menu();
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
        new CompareDialog(vm, () -> choice.open("Compare with a definition file"), this::fileSource, owner.get())
                .show();
    }

    private CompareViewModel.Source fileSource(Path file) {
        return new CompareViewModel.Source(String.valueOf(file.getFileName()),
                () -> files.open(file).thenApply(DefinitionFiles.Opened::snapshot));
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
                all.add(new CompareViewModel.Source("Saved offline copy of " + p.name(), () -> savedCopy
                        .apply(p.name()).thenApply(copy -> copy.orElseThrow(() -> new BackendException(
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

    private void tell(FileMenuViewModel.Message message) {
        if (message.error()) {
            Dialogs.showError(owner.get(), message.title(), message.text());
            return;
        }
        Alert alert = Dialogs.prepare(new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK), owner.get());
        alert.setTitle(message.title());
        alert.setHeaderText(message.title());
        Label text = new Label(message.text());
        text.setId("fileMessage");
        text.setWrapText(true);
        text.setPrefWidth(520);
        text.setMaxWidth(520);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
