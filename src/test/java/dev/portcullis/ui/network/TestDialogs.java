package dev.portcullis.ui.network;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.ui.common.FxDialogService;
import dev.portcullis.ui.groupeditor.GroupDialog;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import javafx.application.Platform;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The console's dialogs for view tests: the real questions, and the group dialog real or answered by the test. */
public final class TestDialogs {

    private TestDialogs() {
    }

    /** The real dialogs, owned by {@code owner}, with the real group dialog. */
    public static FxDialogService real(Window owner) {
        FxDialogService dialogs = new FxDialogService(() -> owner, "Definition files", List.of("*.json"));
        NetworkDialogs.register(dialogs);
        GroupDialog.register(dialogs, ReviewSettings.defaults());
        return dialogs;
    }

    /** The group commands with the real questions, the group dialog being {@code editor}. */
    static GroupCommands commands(NetworkConfigurationViewModel vm, Window owner,
                                  Function<GroupEditRequest, Optional<GroupDraft>> editor) {
        FxDialogService dialogs = real(owner);
        dialogs.register(GroupEditRequest.class, (request, window) -> editor.apply(request));
        return new GroupCommands(vm, dialogs, Platform::runLater);
    }

    /** The group commands with every real dialog. */
    static GroupCommands commands(NetworkConfigurationViewModel vm, Window owner) {
        return new GroupCommands(vm, real(owner), Platform::runLater);
    }
}
