package dev.portcullis.ui.network;

import dev.portcullis.backend.Backend;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.GroupShare;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The address-group and interface changes the console's other views send to the backend: what worked is shown
 * at once in the project (its rules' names, its review, the interfaces' groups), and every answer comes back on
 * the FX thread, failures in words.
 */
final class ProjectWrites {

    private final Backend backend;
    private final Executor fx;
    private final StringProperty status;
    private final ProjectLoader loader;

    ProjectWrites(ViewContext context, ProjectLoader loader) {
        this.backend = context.backend();
        this.fx = context.fx();
        this.status = context.status();
        this.loader = loader;
    }

    CompletableFuture<AddressGroup> create(AddressGroupDraft draft) {
        status.set("Creating address group \"" + draft.name() + "\"…");
        return settle(backend.createAddressGroup(draft), created -> {
            loader.patch(now -> now.withAddressGroup(created));
            status.set("Created address group \"" + created.label() + "\"");
        }, "Could not create address group \"" + draft.name() + "\"");
    }

    CompletableFuture<AddressGroup> update(AddressGroup before, AddressGroupDraft draft) {
        status.set("Saving address group \"" + before.label() + "\"…");
        return settle(backend.updateAddressGroup(before, draft), changed -> {
            loader.patch(now -> now.withAddressGroup(changed));
            status.set("Saved address group \"" + changed.label() + "\"");
        }, "Could not save address group \"" + before.label() + "\"");
    }

    CompletableFuture<Void> delete(AddressGroup group) {
        status.set("Deleting address group \"" + group.label() + "\"…");
        return settle(backend.deleteAddressGroup(group), gone -> {
            loader.patch(now -> now.withoutAddressGroup(group.id()));
            status.set("Deleted address group \"" + group.label() + "\"");
        }, "Could not delete address group \"" + group.label() + "\"");
    }

    /** Puts a group on an interface (adding) or takes it off. */
    CompletableFuture<Port> interfaceGroup(Port port, SecurityGroup group, boolean adding) {
        String what = "\"" + group.name() + "\" " + (adding ? "on " : "from ") + port.label();
        status.set((adding ? "Putting " : "Removing ") + what + "…");
        return settle(adding ? backend.attach(port.ref(), group.ref()) : backend.detach(port.ref(), group.ref()),
                after -> {
                    loader.patch(now -> now.withPort(after));
                    status.set((adding ? "Put " : "Removed ") + what);
                }, "Could not " + (adding ? "put " : "remove ") + what);
    }

    /** Shares a group with another project. */
    CompletableFuture<GroupShare> share(SecurityGroup group, String project) {
        String what = "\"" + group.name() + "\" with project " + project;
        status.set("Sharing " + what + "…");
        return settle(backend.share(group.ref(), project), done -> status.set("Shared " + what),
                "Could not share " + what);
    }

    /** Withdraws a share. */
    CompletableFuture<Void> unshare(GroupShare share, String groupName) {
        String what = "\"" + groupName + "\" from project " + share.targetProject();
        status.set("Withdrawing " + what + "…");
        return settle(backend.unshare(share), done -> status.set("Withdrew " + what), "Could not withdraw " + what);
    }

    /** The answer on the FX thread: {@code worked} first, or the status says it did not; failures in words. */
    private <T> CompletableFuture<T> settle(CompletableFuture<T> answer, java.util.function.Consumer<T> worked,
                                            String notDone) {
        CompletableFuture<T> shown = new CompletableFuture<>();
        answer.whenCompleteAsync((value, failed) -> {
            if (failed != null) {
                status.set(notDone + ": " + Words.message(failed));
                shown.completeExceptionally(new IllegalStateException(Words.message(failed), failed));
            } else {
                worked.accept(value);
                shown.complete(value);
            }
        }, fx);
        return shown;
    }
}
