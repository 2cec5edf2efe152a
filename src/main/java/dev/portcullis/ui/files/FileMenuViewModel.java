package dev.portcullis.ui.files;

import dev.portcullis.backend.definitions.DefinitionFiles;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.ui.common.DialogService;
import dev.portcullis.ui.common.Place;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * File > Open…, Import… and Export…: asks for a file, then opens it read-only as a place, copies its
 * groups into the local workspace, or writes the project shown to it. What each did (or why it could not)
 * is told through the {@link DialogService}.
 */
public final class FileMenuViewModel {

    /**
     * What to tell the user after a command: a title and text, an error or not. A plain success is a note
     * that goes by itself ({@code quiet}); what the user should read (refusals, notes) waits for them.
     */
    record Message(String title, String text, boolean error, boolean quiet) {

        Message(String title, String text, boolean error) {
            this(title, text, error, false);
        }
    }

    private static final List<DialogService.FileKind> WRITABLE = java.util.Arrays.stream(DefinitionFiles.Format.values())
            .map(f -> new DialogService.FileKind(f.label(), f.pattern())).toList();

    private final FilePlaces places;
    private final DefinitionFiles files;
    private final Consumer<Place> show;
    private final Supplier<Snapshot> shown;
    private final Supplier<Backend> workspace;
    private final Runnable imported;
    private final Executor fx;
    private final Executor worker;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final DialogService dialogs;

    /**
     * @param show      shows a place in the window
     * @param shown     the project shown now, or null while there is none
     * @param workspace opens the local workspace (called on {@code worker}); closed after an import
     * @param imported  told after an import, to reload the workspace if it is shown
     * @param dialogs   asks for files and tells what a command did
     */
    public FileMenuViewModel(FilePlaces places, DefinitionFiles files, Consumer<Place> show, Supplier<Snapshot> shown,
                             Supplier<Backend> workspace, Runnable imported, DialogService dialogs, Executor fx,
                             Executor worker) {
        this.places = places;
        this.files = files;
        this.show = show;
        this.shown = shown;
        this.workspace = workspace;
        this.imported = imported;
        this.dialogs = dialogs;
        this.fx = fx;
        this.worker = worker;
    }

    /** File > Open…: a file chosen is shown read-only. */
    public void chooseAndOpen() {
        dialogs.chooseFile("Open a definition file read-only").ifPresent(this::open);
    }

    /** File > Open Folder…: a Terraform module chosen is shown read-only. */
    public void chooseFolderAndOpen() {
        dialogs.chooseFolder("Open a Terraform module (all its .tf files) read-only").ifPresent(this::open);
    }

    /** File > Import…: the groups of a file chosen are copied into the local workspace; completes once told. */
    public CompletableFuture<Void> chooseAndImport() {
        return dialogs.chooseFile("Import a definition file into the local workspace").map(this::importFile)
                .orElse(CompletableFuture.completedFuture(null));
    }

    /** File > Import Folder…: the groups of a Terraform module chosen are copied into the local workspace. */
    public CompletableFuture<Void> chooseFolderAndImport() {
        return dialogs.chooseFolder("Import a Terraform module into the local workspace").map(this::importFile)
                .orElse(CompletableFuture.completedFuture(null));
    }

    /** File > Export…: the project shown is written to the file chosen, in the format its name says. */
    public CompletableFuture<Void> chooseAndExport(String initialName) {
        return dialogs.chooseFileToSave("Export the groups shown", initialName, WRITABLE).map(this::export)
                .orElse(CompletableFuture.completedFuture(null));
    }

    /** Shows a file read-only; its problems, if any, are said where a place's load failures are. */
    public void open(Path file) {
        show.accept(places.add(file));
    }

    /** Copies the file's groups into the local workspace as new groups; completes once the message is set. */
    public CompletableFuture<Void> importFile(Path file) {
        busy.set(true);
        return files.open(file).thenCompose(opened -> complete(file, opened))
                .thenCompose(opened -> CompletableFuture.supplyAsync(workspace, worker)
                .thenCompose(target -> WorkspaceImport.run(target, opened.snapshot())
                        .whenComplete((result, failed) -> worker.execute(target::close))
                        .thenApply(result -> words(file, result, opened.notices()))))
                .whenCompleteAsync((done, failed) -> {
                    busy.set(false);
                    if (failed != null) {
                        tell(new Message("Import", file + " was not imported: " + WorkspaceImport.reason(failed), true));
                    } else {
                        tell(done);
                        imported.run();
                    }
                }, fx).handle((done, failed) -> null);
    }

    /**
     * A file is imported whole or not at all: the workspace holds what Neutron accepts, and a group copied
     * without the rules that could not be read would let the copy differ from the file unnoticed.
     */
    private static CompletableFuture<DefinitionFiles.Opened> complete(Path file, DefinitionFiles.Opened opened) {
        if (opened.problems().isEmpty()) {
            return CompletableFuture.completedFuture(opened);
        }
        int n = opened.problems().size();
        return CompletableFuture.failedFuture(new IllegalArgumentException(file + " cannot be used: " + n
                + (n == 1 ? " part" : " parts") + " of it cannot be read, the first: " + opened.problems().get(0)
                + " (portcullis validate " + file + " lists them all)"));
    }

    private static Message words(Path file, WorkspaceImport.Result result, List<String> notices) {
        List<String> lines = new ArrayList<>();
        lines.add(result.summary() + " from " + file.getFileName() + " into the local workspace.");
        if (!result.imported().isEmpty() && result.refused().isEmpty() && notices.isEmpty()) {
            return new Message("Import", lines.get(0), false, true); // the groups are in the workspace to see
        }
        result.imported().forEach(line -> lines.add("Imported " + line));
        result.refused().forEach(line -> lines.add("Not imported: " + line));
        notices.forEach(line -> lines.add("Note: " + line));
        return new Message("Import", String.join("\n", lines), result.imported().isEmpty());
    }

    /** Writes the project shown to {@code file}, as Terraform or as a definition file; completes once said. */
    public CompletableFuture<Void> export(Path file) {
        DefinitionFiles.Format format = DefinitionFiles.Format.of(file);
        Snapshot snapshot = shown.get();
        if (snapshot == null) {
            tell(new Message("Export", "Nothing is shown yet: wait until the project is loaded.", true));
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        return files.export(snapshot, file).whenCompleteAsync((notes, failed) -> {
            busy.set(false);
            int n = snapshot.groups().size();
            tell(failed != null ? new Message("Export", WorkspaceImport.reason(failed), true)
                    : new Message("Export", "Exported " + n + (n == 1 ? " group" : " groups") + " as "
                            + format.label().toLowerCase(java.util.Locale.ROOT) + " to " + file + "."
                            + notes.stream().map(note -> "\nNote: " + note)
                                    .collect(java.util.stream.Collectors.joining()), false, notes.isEmpty()));
        }, fx).handle((done, failed) -> null);
    }

    private void tell(Message message) {
        if (message.error()) {
            dialogs.showError(message.title(), message.text());
        } else if (message.quiet()) {
            dialogs.notify(message.title(), message.text());
        } else {
            dialogs.inform(message.title(), message.text());
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
