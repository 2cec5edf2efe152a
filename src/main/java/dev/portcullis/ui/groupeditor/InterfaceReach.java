package dev.portcullis.ui.groupeditor;

import java.util.List;
import java.util.Objects;

/**
 * The interfaces (Neutron ports) a group is on, as far as the console knows them: a change to the group
 * reaches them at once, and Neutron refuses to change {@code stateful} while there is any. {@link #UNKNOWN}
 * when the console has not read the project's ports (then nothing is said about them).
 *
 * @param known  whether the ports were read
 * @param labels what to call each interface, e.g. {@code web-1 eth0}
 */
public record InterfaceReach(boolean known, List<String> labels) {

    /** The ports were not read: the dialog says nothing about interfaces. */
    public static final InterfaceReach UNKNOWN = new InterfaceReach(false, List.of());
    /** How many interfaces a sentence names before it says "and N more". */
    static final int NAMED = 5;

    public InterfaceReach {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }

    public static InterfaceReach of(List<String> labels) {
        return new InterfaceReach(true, labels);
    }

    /** Known to be on at least one interface. */
    public boolean inUse() {
        return known && !labels.isEmpty();
    }

    /** {@code 2 interfaces: web-1 eth0, web-2 eth0}, at most {@link #NAMED} by name. */
    String counted() {
        int n = labels.size();
        String named = String.join(", ", labels.subList(0, Math.min(n, NAMED)));
        return (n == 1 ? "1 interface: " : n + " interfaces: ") + named + (n > NAMED ? " and " + (n - NAMED)
                + " more" : "");
    }

    /** What the review step of an edit says; empty when the ports are unknown or none uses the group. */
    String reachSentence() {
        return inUse() ? "These changes apply immediately to " + counted() + "." : known
                ? "No interface uses this group: nothing is affected until one does." : "";
    }

    /** Why the stateful box is locked; empty when it is not. */
    String statefulLock() {
        return inUse() ? "Neutron changes \"stateful\" only while no interface uses the group; it is on "
                + counted() + ". Remove it from " + (labels.size() == 1 ? "that interface" : "them") + " first." : "";
    }
}
