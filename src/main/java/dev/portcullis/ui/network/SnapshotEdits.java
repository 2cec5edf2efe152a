package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot changed the way a change that worked changed the project, so the view shows the result at
 * once without loading everything again.
 */
final class SnapshotEdits {

    private SnapshotEdits() {
    }

    /** The snapshot with a group added, or replaced by its new version. */
    static Snapshot withGroup(Snapshot now, SecurityGroup group) {
        List<SecurityGroup> groups = new ArrayList<>(now.groups());
        int at = indexOf(groups, group.id());
        if (at >= 0) {
            groups.set(at, group);
        } else {
            groups.add(group);
        }
        return new Snapshot(groups, now.ports(), now.loadedAt());
    }

    /** The snapshot without a deleted group, nor the rules of other groups that pointed at it. */
    static Snapshot without(Snapshot now, DeletePreview preview) {
        String gone = preview.group().id();
        List<SecurityGroup> groups = now.groups().stream().filter(g -> !g.id().equals(gone))
                .map(g -> g.rules().stream().anyMatch(r -> gone.equals(r.remoteGroupId()))
                        ? g.withRules(g.rules().stream().filter(r -> !gone.equals(r.remoteGroupId())).toList(),
                        g.revision(), g.updatedAt())
                        : g)
                .toList();
        return new Snapshot(groups, now.ports(), now.loadedAt());
    }

    /** The snapshot with an interface as it is now. */
    static Snapshot withPort(Snapshot now, Port port) {
        List<Port> ports = now.ports().stream().map(p -> p.id().equals(port.id()) ? port : p).toList();
        return new Snapshot(now.groups(), ports, now.loadedAt());
    }

    private static int indexOf(List<SecurityGroup> groups, String id) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
