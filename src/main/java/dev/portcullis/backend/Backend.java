package dev.portcullis.backend;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.GroupShare;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Quotas;
import dev.portcullis.domain.SecurityGroup;

import java.util.concurrent.CompletableFuture;

/**
 * Where a project's security groups live: a cloud's Neutron, or the local workspace. Every call returns
 * at once and completes on a thread of the backend's own; nothing here ever blocks its caller. Failures
 * complete the future with a {@link BackendException} that says what went wrong in words.
 */
public interface Backend extends AutoCloseable {

    /** What this backend is, for the window title and status bar ("Local workspace", "cloud prod"). */
    String describe();

    /** All groups and the interfaces using them; pages are reported to {@code progress} as they arrive. */
    CompletableFuture<Snapshot> load(ProgressListener progress);

    /**
     * The groups with one of these ids or exactly one of these names, without interfaces: what a command
     * that changes only the groups a file names needs ({@code plan}, {@code apply}). By default the whole
     * project is loaded and those groups kept; a backend that can ask for just them says so with
     * {@link #readsGroupsByName()}.
     */
    default CompletableFuture<java.util.List<SecurityGroup>> groups(java.util.Set<String> ids,
                                                                    java.util.Set<String> names) {
        return load(ProgressListener.NONE).thenApply(project -> project.groups().stream()
                .filter(g -> ids.contains(g.id()) || g.name() != null && names.contains(g.name())).toList());
    }

    /** True when {@link #groups} reads only what it names, far less than {@link #load} in a large project. */
    /**
     * Whether a load's pages come over the network, slowly enough that reviewing each page while the rest comes
     * pays (a cloud). A file's or a workspace's load is bound by the CPU, which a review of its pages would take
     * from it.
     */
    default boolean pagesComeSlowly() {
        return false;
    }

    default boolean readsGroupsByName() {
        return false;
    }

    /** Creates a group with exactly the draft's rules (Neutron's automatic egress rules included or not). */
    CompletableFuture<SecurityGroup> create(GroupDraft draft);

    /**
     * Runs a plan's operations in order, stopping at the first failure. The report says which operations
     * ran, which failed and which were not tried, and holds the group as it is afterwards. Rule deletions
     * next to each other may run together in fixed waves; a failure in a wave lets the wave end and starts
     * nothing more, so more than one deletion of that wave can be reported failed.
     */
    CompletableFuture<ApplyReport> apply(ChangePlan plan);

    /**
     * Deletes a group; refused while an interface uses it. Rules of other groups that point at it go too.
     * A group that is gone already (someone else deleted it) counts as deleted.
     */
    CompletableFuture<Void> delete(GroupRef group);

    /**
     * Creates an address group with the draft's name, description and prefixes (checked as Neutron checks
     * them: {@link AddressGroupDraft#check()}). Where address groups cannot be kept (a file opened to read),
     * the future fails saying so.
     */
    default CompletableFuture<AddressGroup> createAddressGroup(AddressGroupDraft draft) {
        return noAddressGroups();
    }

    /**
     * Makes an address group what the draft says, from {@code before} (the group as the user saw it): the name
     * and description, and the prefixes the draft adds to or removes from {@code before}'s, so a prefix someone
     * else added meanwhile stays. Answers the group as it is afterwards.
     */
    default CompletableFuture<AddressGroup> updateAddressGroup(AddressGroup before, AddressGroupDraft draft) {
        return noAddressGroups();
    }

    /** Deletes an address group; refused (a conflict) while a rule names it, as Neutron refuses it. */
    default CompletableFuture<Void> deleteAddressGroup(AddressGroup group) {
        return noAddressGroups();
    }

    private <T> CompletableFuture<T> noAddressGroups() {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.FORBIDDEN, "ReadOnly",
                describe() + " cannot change address groups: " + readOnly().orElse("it is only read here.")));
    }

    /**
     * Gives a group exactly these tags ({@link dev.portcullis.domain.Tags} says which Neutron accepts), if it
     * is still at {@code group}'s revision: a change made since it was read is refused ({@code STALE}), as for
     * {@link #apply}. Answers the group as it is afterwards. A place that cannot keep tags refuses.
     */
    default CompletableFuture<SecurityGroup> retag(GroupRef group, java.util.List<String> tags) {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.INVALID, "TagsNotSupported",
                describe() + " cannot keep tags."));
    }

    /** Removes a group from an interface; answers the interface as it is afterwards. */
    CompletableFuture<Port> detach(PortRef port, GroupRef group);

    /**
     * Puts a group on an interface (its rules then apply to the interface at once); answers the interface as
     * it is afterwards. Where interfaces cannot be changed, the future fails saying so.
     */
    default CompletableFuture<Port> attach(PortRef port, GroupRef group) {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.FORBIDDEN, "ReadOnly",
                describe() + " cannot change interfaces: " + readOnly().orElse("it is only read here.")));
    }

    /**
     * Something the window must show for as long as this backend is open, such as "TLS certificates are
     * not checked for this cloud (verify: false)"; empty for most.
     */
    default java.util.Optional<String> warning() {
        return java.util.Optional.empty();
    }

    /**
     * Why nothing can be changed here (a file opened read-only), for the window to say before anyone tries;
     * empty where changes are possible.
     */
    default java.util.Optional<String> readOnly() {
        return java.util.Optional.empty();
    }

    /**
     * The copy of this place saved by its last load that worked (an offline copy), to show while a live load
     * is on its way; empty where there is none (the workspace, a file, a cloud never loaded here). It is
     * for reading: changes always go to the live source.
     */
    default CompletableFuture<java.util.Optional<Snapshot>> savedCopy() {
        return CompletableFuture.completedFuture(java.util.Optional.empty());
    }

    /**
     * How many groups and rules the project holds against its quota, when the source has quotas and says
     * (a cloud whose quota details may be read); empty otherwise. Never fails: what cannot be read is empty.
     */
    default CompletableFuture<java.util.Optional<Quotas>> quotas() {
        return CompletableFuture.completedFuture(java.util.Optional.empty());
    }

    /** Whether the project's groups can be shared with other projects here (a cloud's project can). */
    default boolean sharesGroups() {
        return false;
    }

    /**
     * The project's groups shared with other projects (Neutron RBAC); none where the source cannot share
     * (a workspace or a file holds one project) or does not say. Never fails for that.
     */
    default CompletableFuture<java.util.List<GroupShare>> shares() {
        return CompletableFuture.completedFuture(java.util.List.of());
    }

    /** Shares one of the project's groups with another project, which may then use it but not change it. */
    default CompletableFuture<GroupShare> share(GroupRef group, String project) {
        return noSharing();
    }

    /** Withdraws a share; one withdrawn already counts as withdrawn. */
    default CompletableFuture<Void> unshare(GroupShare share) {
        return noSharing();
    }

    private <T> CompletableFuture<T> noSharing() {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.FORBIDDEN, "ReadOnly",
                describe() + " holds one project, so its groups cannot be shared: sharing is between a cloud's"
                        + " projects."));
    }

    /** Ends every request still running (their futures complete exceptionally) and frees what it holds. */
    @Override
    default void close() {
    }
}
