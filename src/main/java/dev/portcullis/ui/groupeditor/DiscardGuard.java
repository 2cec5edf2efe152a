package dev.portcullis.ui.groupeditor;

import dev.portcullis.ui.common.DialogRequest;
import dev.portcullis.ui.common.DialogService;

import java.util.Objects;

/**
 * Cancel, Escape and the window's close button ask before what was typed in the group dialog is thrown
 * away: only when something was typed, and once (a second close after "Discard" does not ask again).
 */
public final class DiscardGuard {

    /** "Discard your changes to …?"; yes throws them away. */
    public record DiscardQuestion(String subject) implements DialogRequest<Boolean> {
    }

    private final GroupEditorViewModel vm;
    private final DialogService dialogs;
    private boolean confirmed;

    public DiscardGuard(GroupEditorViewModel vm, DialogService dialogs) {
        this.vm = Objects.requireNonNull(vm);
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    /** True when nothing typed would be lost, or the user said to discard it. */
    public boolean mayDiscard() {
        if (!confirmed && vm.hasEdits()) {
            confirmed = dialogs.show(new DiscardQuestion(vm.isNew() ? "the new group"
                    : "\"" + vm.originalName() + "\"")).orElse(false);
            return confirmed;
        }
        return true;
    }
}
