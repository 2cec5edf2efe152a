package dev.portcullis.ui.files;

import dev.portcullis.backend.definitions.DefinitionFiles;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The system's file chooser, owned by the window, remembering the folder last used. */
public final class SystemFileChoice implements FileChoice {

    private static final FileChooser.ExtensionFilter READABLE = new FileChooser.ExtensionFilter(
            "Definition files, openstack -f json, Terraform, Heat templates, Ansible playbooks", "*.json", "*.tf",
            "*.yaml", "*.yml", "*.template");
    private static final FileChooser.ExtensionFilter ANY = new FileChooser.ExtensionFilter("Any file", "*");

    private final Window owner;
    private File folder;

    public SystemFileChoice(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> open(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().setAll(READABLE, ANY);
        return remember(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> openFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            folder = chosen.getParentFile();
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<Choice> save(String title, String initialName) {
        FileChooser chooser = chooser(title);
        java.util.Map<FileChooser.ExtensionFilter, DefinitionFiles.Format> filters = new java.util.LinkedHashMap<>();
        for (DefinitionFiles.Format f : DefinitionFiles.Format.values()) {
            filters.put(filter(f), f);
        }
        chooser.getExtensionFilters().setAll(filters.keySet());
        chooser.setInitialFileName(initialName);
        Optional<File> file = remember(chooser.showSaveDialog(owner));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        DefinitionFiles.Format byName = DefinitionFiles.Format.of(file.get().toPath());
        boolean named = file.get().getName().contains(".");
        DefinitionFiles.Format format = named ? byName
                : filters.getOrDefault(chooser.getSelectedExtensionFilter(), DefinitionFiles.Format.DEFINITION_FILE);
        Path path = named ? file.get().toPath()
                : file.get().toPath().resolveSibling(file.get().getName() + format.pattern().substring(1));
        return Optional.of(new Choice(path, format));
    }

    private static FileChooser.ExtensionFilter filter(DefinitionFiles.Format format) {
        return new FileChooser.ExtensionFilter(format.label() + " (" + format.pattern() + ")", format.pattern());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    private Optional<File> remember(File chosen) {
        if (chosen != null) {
            folder = chosen.getParentFile();
        }
        return Optional.ofNullable(chosen);
    }
}
