package dev.portcullis.backend.workspace;

import dev.portcullis.domain.SecurityGroup;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A project's groups in their order, found by id in constant time, that never changes: {@link #with} answers a
 * new list, in the time it takes to copy an array of references, so running one operation on a project of
 * 10,000 groups does not rebuild a map of them.
 *
 * <p>The lists made from one another by {@link #with} share one map from id to position, which only grows:
 * an id found there counts only if the list holds that id at that position. A group added at the end is
 * added to the map only by the list that is the longest made from it so far (its "tip"); a list made from an
 * older one (after an operation failed and its result was dropped) gets a map of its own. So the positions a
 * list finds are always its own. Lists are used by one thread at a time (the workspace's tasks).
 */
final class GroupList extends AbstractList<SecurityGroup> implements RandomAccess {

    private static final GroupList EMPTY = new GroupList(new SecurityGroup[0], new Index(new HashMap<>(), 0));

    private final SecurityGroup[] groups;
    private final Index index;

    /** Positions by id, and the length of the longest list that added to it. */
    private static final class Index {
        final Map<String, Integer> positions;
        int tip;

        Index(Map<String, Integer> positions, int tip) {
            this.positions = positions;
            this.tip = tip;
        }
    }

    private GroupList(SecurityGroup[] groups, Index index) {
        this.groups = groups;
        this.index = index;
    }

    static GroupList of(List<SecurityGroup> groups) {
        if (groups instanceof GroupList list) {
            return list;
        }
        if (groups.isEmpty()) {
            return EMPTY;
        }
        SecurityGroup[] array = groups.toArray(new SecurityGroup[0]);
        for (SecurityGroup g : array) {
            java.util.Objects.requireNonNull(g, "group");
        }
        return new GroupList(array, indexOf(array));
    }

    private static Index indexOf(SecurityGroup[] array) {
        Map<String, Integer> positions = new HashMap<>(Math.max(16, array.length * 2));
        for (int i = 0; i < array.length; i++) {
            positions.putIfAbsent(array[i].id(), i);
        }
        return new Index(positions, array.length);
    }

    @Override
    public SecurityGroup get(int i) {
        return groups[i];
    }

    @Override
    public int size() {
        return groups.length;
    }

    /** The group with this id. */
    Optional<SecurityGroup> byId(String id) {
        int at = position(id);
        return at < 0 ? Optional.empty() : Optional.of(groups[at]);
    }

    boolean containsId(String id) {
        return position(id) >= 0;
    }

    private int position(String id) {
        Integer at = id == null ? null : index.positions.get(id);
        return at != null && at < groups.length && groups[at].id().equals(id) ? at : -1;
    }

    /** This list with {@code group} in place of the group with its id, or added at the end. */
    GroupList with(SecurityGroup group) {
        int at = position(group.id());
        if (at >= 0) {
            SecurityGroup[] copy = groups.clone();
            copy[at] = group;
            return new GroupList(copy, index);
        }
        SecurityGroup[] copy = Arrays.copyOf(groups, groups.length + 1);
        copy[groups.length] = group;
        if (index.tip != groups.length) {
            return new GroupList(copy, indexOf(copy));
        }
        index.positions.put(group.id(), groups.length);
        index.tip = copy.length;
        return new GroupList(copy, index);
    }
}
