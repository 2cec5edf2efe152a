package dev.portcullis.ui.network;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.GroupShare;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Quotas;
import dev.portcullis.domain.SecurityGroup;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

import java.util.concurrent.CompletableFuture;

/**
 * What the project shown offers the console's other views beside its groups: its address groups and
 * interfaces to change, its groups' sharing with other projects, its quota usage. Every change is shown in the
 * project at once when it worked; every future completes on the FX thread, failed with the reason in words.
 */
public final class ProjectActions {

    private final ProjectWrites writes;
    private final QuotaWatch quotas;
    private final ShareWatch shares;
    private final boolean sharesGroups;

    ProjectActions(ProjectWrites writes, QuotaWatch quotas, ShareWatch shares, boolean sharesGroups) {
        this.writes = writes;
        this.quotas = quotas;
        this.shares = shares;
        this.sharesGroups = sharesGroups;
    }

    /** Whether the project's groups can be shared with other projects (a cloud's can; a workspace's cannot). */
    public boolean sharesGroups() {
        return sharesGroups;
    }

    public CompletableFuture<AddressGroup> createAddressGroup(AddressGroupDraft draft) {
        return writes.create(draft);
    }

    /** Makes an address group what the draft says, from {@code before} as the user saw it (see Backend). */
    public CompletableFuture<AddressGroup> updateAddressGroup(AddressGroup before, AddressGroupDraft draft) {
        return writes.update(before, draft);
    }

    /** Deletes an address group (refused while a rule names it). */
    public CompletableFuture<Void> deleteAddressGroup(AddressGroup group) {
        return writes.delete(group);
    }

    /**
     * Puts a group on an interface ({@code adding}) or takes it off, guarded by the port's revision; its rules
     * apply (or stop applying) to the interface at once.
     */
    public CompletableFuture<Port> changeInterface(Port port, SecurityGroup group, boolean adding) {
        return writes.interfaceGroup(port, group, adding);
    }

    /** The project's groups shared with other projects (a cloud's RBAC), kept up to date. */
    public ObservableList<GroupShare> shares() {
        return shares.shares();
    }

    /** Shares one of the project's groups with another project (by its id); the shares are read again after. */
    public CompletableFuture<GroupShare> share(SecurityGroup group, String project) {
        return writes.share(group, project).whenComplete((done, failed) -> shares.refresh());
    }

    /** Withdraws a share; the other project no longer sees the group. */
    public CompletableFuture<Void> unshare(GroupShare share, String groupName) {
        return writes.unshare(share, groupName).whenComplete((done, failed) -> shares.refresh());
    }

    /** The project's group and rule quota usage; null where the source has none or does not say. */
    public ReadOnlyObjectProperty<Quotas> quotasProperty() {
        return quotas.quotasProperty();
    }

    /** "Quota: 12 of 100 security groups, 80 of 1000 rules", or empty. */
    public ReadOnlyStringProperty quotaTextProperty() {
        return quotas.textProperty();
    }
}
