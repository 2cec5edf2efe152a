package dev.portcullis.ui.network;

import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One group as the tables show it: its counts in words, the interfaces using it, the review's findings
 * about it, and whether (and why not) it can be deleted. Rows are made afresh for every load; {@link #id()} says which
 * group a row is across loads. Only the findings change, on the FX thread, when the review is in.
 */
public final class GroupRow {

    private final SecurityGroup group;
    private final List<Port> interfaces;
    private final GroupSearch.Index index;
    /** False for the rows of a load's first pages, whose interfaces are read once every group is in. */
    private final boolean interfacesKnown;
    /** Set on the FX thread once the review is in; none until then. */
    private List<Finding> findings = List.of();
    private Severity worst;

    /** Why only another project can change the group (it shares it with this one); null for the project's own. */
    private final String ownerNote;

    GroupRow(SecurityGroup group, List<Port> interfaces, GroupSearch.Index index, boolean interfacesKnown) {
        this(group, interfaces, index, interfacesKnown, null);
    }

    /** @param ownProject the project the groups are shown for, where known: a shared group of another is its */
    GroupRow(SecurityGroup group, List<Port> interfaces, GroupSearch.Index index, boolean interfacesKnown,
             String ownProject) {
        this.group = group;
        this.interfaces = List.copyOf(interfaces);
        this.index = index;
        this.interfacesKnown = interfacesKnown;
        this.ownerNote = group.shared() && ownProject != null && group.projectId() != null
                && !ownProject.equals(group.projectId())
                ? "Shared with this project by project " + group.projectId() + ": only its owner can change or"
                + " delete it. Copy it to a group of this project to change that." : null;
    }

    /** Why this project cannot change the group (another project owns it and shares it); null when it can. */
    public String ownerNote() {
        return ownerNote;
    }

    /** Whether {@link #interfaces} are known: not yet while the first pages of a load are shown. */
    public boolean interfacesKnown() {
        return interfacesKnown;
    }

    /** On the FX thread: what the review found about the group (immutable). */
    void reviewed(List<Finding> found) {
        findings = found;
        worst = found.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(null);
    }

    public SecurityGroup group() {
        return group;
    }

    public String id() {
        return group.id();
    }

    public String name() {
        return group.name();
    }

    public String description() {
        return group.description() == null ? "" : group.description();
    }

    public boolean isDefault() {
        return group.isDefault();
    }

    public long ingress() {
        return group.ingressCount();
    }

    public long egress() {
        return group.egressCount();
    }

    /** {@code 3 in / 2 out}. */
    public String rulesText() {
        return ingress() + " in / " + egress() + " out";
    }

    public List<Port> interfaces() {
        return interfaces;
    }

    public int usedBy() {
        return interfaces.size();
    }

    /** {@code Not used}, {@code 1 interface}, {@code 3 interfaces}; {@code …} while not known. */
    public String usedByText() {
        return interfacesKnown ? usedByText(usedBy()) : "…";
    }

    static String usedByText(int count) {
        return count == 0 ? "Not used" : count == 1 ? "1 interface" : count + " interfaces";
    }

    /** The interfaces' labels, for a tooltip or a message: {@code web-1 eth0, web-2 eth0}. */
    public String interfaceLabels() {
        return interfaces.stream().map(Port::label).collect(Collectors.joining(", "));
    }

    /** What the review found about the group and its rules; none until the review is in. */
    public List<Finding> findings() {
        return findings;
    }

    /** The most serious of its findings; empty when it has none. */
    public Optional<Severity> worst() {
        return Optional.ofNullable(worst);
    }

    /** Not the default group, nor one in use, nor one whose use is not known yet (a load still running). */
    public boolean deletable() {
        return !isDefault() && interfacesKnown && interfaces.isEmpty() && ownerNote == null;
    }

    /** Why the group cannot be deleted, in words; empty when it can. */
    public String deleteBlockedReason() {
        if (ownerNote != null) {
            return ownerNote;
        }
        if (isDefault()) {
            return "The default group cannot be deleted: every project has one.";
        }
        if (!interfacesKnown) {
            return "Still loading: \"" + name() + "\" can be deleted once every group and interface is in, so that"
                    + " what uses it is known.";
        }
        if (!interfaces.isEmpty()) {
            return "\"" + name() + "\" cannot be deleted while it is in use by " + (interfaces.size() == 1
                    ? "the interface " : "the interfaces ") + interfaceLabels() + ". Remove it from "
                    + (interfaces.size() == 1 ? "that interface" : "them") + " first: select the group and use "
                    + "\"Remove from interface\" in its details.";
        }
        return "";
    }

    GroupSearch.Index index() {
        return index;
    }

    @Override
    public String toString() {
        return name();
    }
}
