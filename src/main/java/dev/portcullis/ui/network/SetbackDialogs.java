package dev.portcullis.ui.network;

import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.common.Dialogs;
import javafx.application.Platform;
import javafx.stage.Window;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Puts the view model's setbacks before the user, each once, after the event that raised it: the group
 * dialog again after a failed save, the question after a stale one (reapplying opens the dialog), and an
 * error after a refused delete or detach.
 */
final class SetbackDialogs {

    private SetbackDialogs() {
    }

    static void install(NetworkConfigurationViewModel vm, Supplier<Window> owner, Consumer<GroupEditRequest> openEditor) {
        vm.reopenRequestProperty().addListener((obs, old, request) -> {
            if (request != null) {
                vm.reopenHandled();
                Platform.runLater(() -> openEditor.accept(request));
            }
        });
        vm.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                vm.failureShown();
                Platform.runLater(() -> Dialogs.showError(owner.get(), failure.title(), failure.message()));
            }
        });
        vm.conflictProperty().addListener((obs, old, conflict) -> {
            if (conflict != null) {
                vm.conflictHandled();
                Platform.runLater(() -> {
                    if (ConflictDialog.ask(owner.get(), conflict)) {
                        openEditor.accept(conflict.reapply());
                    }
                });
            }
        });
    }
}
