package dev.portcullis.ui.common;

import dev.portcullis.domain.SafeText;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console's dialogs: alerts and the system's file choosers owned by the console's window in front
 * (remembering the folder last used), notes at the main window's corner, and the custom dialogs each feature
 * registers for its requests. Not final only so that a TestFX test can answer the file choosers itself.
 */
public class FxDialogService implements DialogService {

    /** Opens the dialog for one kind of request, owned by {@code owner}, and waits for its answer. */
    @FunctionalInterface
    public interface Opener<Q, R> {
        Optional<R> open(Q request, Window owner);
    }

    private static final Duration NOTE_SHOWN = Duration.seconds(6);
    private static final FileChooser.ExtensionFilter ANY = new FileChooser.ExtensionFilter("Any file", "*");

    private final Supplier<Window> owner;
    private final FileChooser.ExtensionFilter readable;
    private final Map<Class<?>, Opener<?, ?>> openers = new HashMap<>();
    private File folder;

    /**
     * @param owner            the main window (asked each time: it may not be shown yet)
     * @param readableLabel    what "choose a file" offers first: the files the console reads
     * @param readablePatterns their patterns, such as {@code *.tf}
     */
    public FxDialogService(Supplier<Window> owner, String readableLabel, List<String> readablePatterns) {
        this.owner = Objects.requireNonNull(owner);
        this.readable = new FileChooser.ExtensionFilter(readableLabel, readablePatterns);
    }

    /** Makes {@code opener} answer the requests of {@code type}; a feature's dialogs are registered once. */
    public <Q extends DialogRequest<R>, R> FxDialogService register(Class<Q> type, Opener<? super Q, R> opener) {
        openers.put(type, opener);
        return this;
    }

    /** A dialog made a child of the window in front, styled like it (see {@link DialogLook}). */
    public <D extends Dialog<?>> D prepare(D dialog) {
        return DialogLook.prepare(dialog, owner());
    }

    /**
     * The window a dialog belongs to: the console's window in front (a question asked from the group dialog
     * is that dialog's child, centred on it), else the main window.
     */
    public Window owner() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing() && w.isFocused())
                .findFirst().orElseGet(owner);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, ButtonType.CLOSE).showAndWait();
    }

    @Override
    public void inform(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message, ButtonType.OK).showAndWait();
    }

    /** A ControlsFX notification at the main window's lower right corner, gone after a few seconds. */
    @Override
    public void notify(String title, String message) {
        FontIcon done = new FontIcon("mdal-check_circle");
        done.getStyleClass().add("note-icon");
        Notifications.create().owner(owner.get()).title(SafeText.line(title)).text(SafeText.message(message))
                .graphic(done).position(Pos.BOTTOM_RIGHT).hideAfter(NOTE_SHOWN).styleClass("portcullis-note").show();
    }

    @Override
    public boolean confirm(String title, String question) {
        return alert(Alert.AlertType.CONFIRMATION, title, question, ButtonType.OK, ButtonType.CANCEL).showAndWait()
                .filter(ButtonType.OK::equals).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert alert = prepare(new Alert(type, "", buttons));
        alert.setTitle(title);
        alert.setHeaderText(SafeText.line(title));
        javafx.scene.control.Label words = DialogLook.wrapped(text);
        words.setId("dialogMessage");
        alert.getDialogPane().setContent(words);
        return alert;
    }

    @Override
    public Optional<Path> chooseFile(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().setAll(readable, ANY);
        return remember(chooser.showOpenDialog(owner()));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return remember(chooser.showDialog(owner()));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, List<FileKind> kinds) {
        FileChooser chooser = chooser(title);
        Map<FileChooser.ExtensionFilter, FileKind> filters = new LinkedHashMap<>();
        kinds.forEach(k -> filters.put(new FileChooser.ExtensionFilter(k.label() + " (" + k.pattern() + ")",
                k.pattern()), k));
        chooser.getExtensionFilters().setAll(filters.keySet());
        chooser.setInitialFileName(initialName);
        return remember(chooser.showSaveDialog(owner())).map(file -> {
            if (file.getFileName().toString().contains(".") || kinds.isEmpty()) {
                return file;
            }
            FileKind kind = filters.getOrDefault(chooser.getSelectedExtensionFilter(), kinds.get(0));
            return file.resolveSibling(file.getFileName() + kind.extension());
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Optional<R> show(DialogRequest<R> request) {
        Opener<DialogRequest<R>, R> opener = (Opener<DialogRequest<R>, R>) openers.get(request.getClass());
        if (opener == null) {
            throw new IllegalStateException("No dialog is registered for " + request.getClass().getName());
        }
        return opener.open(request, owner());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen != null) {
            folder = chosen.getParentFile();
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
