package dev.portcullis.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every question the console puts to the user, and every message it shows in a window of its own. View
 * models and controllers ask through it, so their flows (confirm a delete, discard changes, settle a
 * conflict, choose a file) run and are tested without a toolkit; the console's implementation shows real
 * dialogs owned by its window. Call on the FX thread: a question waits for its answer.
 */
public interface DialogService {

    /** An error in words, with what to do; never a stack trace. */
    void showError(String title, String message);

    /** A message that needs no answer (a file imported, what was left out). */
    void inform(String title, String message);

    /**
     * Says that work in the background ended well, in a note that goes by itself and waits for nobody
     * (a file exported, groups imported). What the user must read or act on is {@link #inform} or an error.
     */
    void notify(String title, String message);

    /** A question with OK and Cancel; true when the user chose OK. */
    boolean confirm(String title, String question);

    /** A file to read; empty when the user cancelled. */
    Optional<Path> chooseFile(String title);

    /** A folder to read (a Terraform module: all its {@code .tf} files); empty when the user cancelled. */
    Optional<Path> chooseFolder(String title);

    /**
     * A file to write. A name without an extension gets the one of the kind chosen in the dialog, else of
     * the first kind; empty when the user cancelled.
     */
    Optional<Path> chooseFileToSave(String title, String initialName, List<FileKind> kinds);

    /** Opens the dialog that answers {@code request}; empty when the user cancelled or said no. */
    <R> Optional<R> show(DialogRequest<R> request);

    /** A kind of file a save dialog offers: its label and its pattern, such as {@code *.tf}. */
    record FileKind(String label, String pattern) {

        /** The pattern's extension with its dot ({@code .tf}), or "" for {@code *}. */
        public String extension() {
            int dot = pattern.lastIndexOf('.');
            return dot < 0 ? "" : pattern.substring(dot);
        }
    }
}
