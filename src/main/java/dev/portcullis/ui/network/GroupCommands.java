package dev.portcullis.ui.network;

import dev.portcullis.ui.common.DialogRequest;
import dev.portcullis.ui.common.DialogService;
import dev.portcullis.ui.groupeditor.GroupEditRequest;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The group commands that talk with the user: New, Edit and Copy open the group dialog and save what it
 * returns; Delete and "Remove from interface" ask first; and a setback is put before the user once, after
 * the event that raised it: the dialog again after a failed save, the question after a stale one
 * (reapplying opens the dialog on the group as it is now), an error after a refused delete or detach.
 * Every dialog goes through the {@link DialogService}, so each flow is tested without a toolkit.
 */
public final class GroupCommands {

    /** Asks before deleting a group; yes deletes it, and the rules of other groups that point at it. */
    public record DeleteQuestion(DeletePreview preview) implements DialogRequest<Boolean> {
    }

    /** Asks before removing a group from an interface. */
    public record RemoveQuestion(InterfaceUse use, GroupRow group) implements DialogRequest<Boolean> {
    }

    /** Asks what to do after someone else changed the group first; yes reapplies the user's changes. */
    public record ConflictQuestion(StaleConflict conflict) implements DialogRequest<Boolean> {
    }

    private final NetworkConfigurationViewModel vm;
    private final DialogService dialogs;

    /** @param fx where a setback is put before the user: after the event that raised it has run its course */
    public GroupCommands(NetworkConfigurationViewModel vm, DialogService dialogs, Executor fx) {
        this.vm = Objects.requireNonNull(vm);
        this.dialogs = Objects.requireNonNull(dialogs);
        vm.reopenRequestProperty().addListener((obs, old, request) -> {
            if (request != null) {
                vm.reopenHandled();
                fx.execute(() -> edit(request));
            }
        });
        vm.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                vm.failureShown();
                fx.execute(() -> dialogs.showError(failure.title(), failure.message()));
            }
        });
        vm.conflictProperty().addListener((obs, old, conflict) -> {
            if (conflict != null) {
                vm.conflictHandled();
                fx.execute(() -> {
                    if (yes(new ConflictQuestion(conflict))) {
                        edit(conflict.reapply());
                    }
                });
            }
        });
    }

    public void newGroup() {
        if (vm.editableProperty().get()) {
            edit(vm.newGroupRequest());
        }
    }

    public void edit(GroupRow row) {
        if (vm.editableProperty().get()) {
            edit(vm.editRequest(row));
        }
    }

    /** "Copy to new…": the create dialog on a copy of the group; the group itself is not touched. */
    public void copy(GroupRow row) {
        if (vm.editableProperty().get()) {
            edit(vm.copyRequest(row));
        }
    }

    /** Opens the group dialog; what it returns is saved, and a failed save opens it again. */
    public void edit(GroupEditRequest request) {
        dialogs.show(request).ifPresent(draft -> vm.save(request, draft));
    }

    /** Deletes after the user said yes; a group that cannot be deleted is refused by the view model, with why. */
    public void delete(GroupRow row) {
        if (!vm.editableProperty().get()) {
            return;
        }
        DeletePreview preview = vm.deletePreview(row);
        if (!preview.deletable() || yes(new DeleteQuestion(preview))) {
            vm.delete(row);
        }
    }

    public void removeFromInterface(InterfaceUse use, GroupRow row) {
        if (yes(new RemoveQuestion(use, row))) {
            vm.detach(use.port(), row);
        }
    }

    private boolean yes(DialogRequest<Boolean> question) {
        return dialogs.show(question).orElse(false);
    }
}
