package dev.portcullis.ui.network;

import dev.portcullis.ui.common.FxDialogService;
import dev.portcullis.ui.network.GroupCommands.ConflictQuestion;
import dev.portcullis.ui.network.GroupCommands.DeleteQuestion;
import dev.portcullis.ui.network.GroupCommands.RemoveQuestion;

import java.util.Optional;

/** The dialogs that answer {@link GroupCommands}' questions in the console. */
public final class NetworkDialogs {

    private NetworkDialogs() {
    }

    public static void register(FxDialogService dialogs) {
        dialogs.register(DeleteQuestion.class, (q, owner) -> yes(Confirmations.delete(owner, q.preview())));
        dialogs.register(RemoveQuestion.class, (q, owner) -> yes(Confirmations.removeFromInterface(owner, q.use(),
                q.group())));
        dialogs.register(ConflictQuestion.class, (q, owner) -> yes(ConflictDialog.ask(owner, q.conflict())));
    }

    private static Optional<Boolean> yes(boolean answer) {
        return answer ? Optional.of(true) : Optional.empty();
    }
}
