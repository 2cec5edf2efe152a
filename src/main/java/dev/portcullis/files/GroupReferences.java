package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.DraftIds;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups' ids as the file's rules may name them: the ids given, a draft id for each group without
 * one ({@code draft:NAME}, or {@code draft:#N} for a group without a name; a name used twice gets
 * {@code #2}, {@code #3}...), and a group's name in {@code remote_group_id} where no group has that as
 * its id, as a hand-written file without ids can only point at another group by its name.
 */
final class GroupReferences {
    final Set<String> known;
    final Map<Integer, String> draftIds = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();

    /**
     * @param ids   each group's id where the file gives one as text, else null
     * @param names each group's name where the file gives one as text, else null
     */
    GroupReferences(List<String> ids, List<String> names) {
        known = new HashSet<>();
        ids.forEach(id -> {
            if (id != null) {
                known.add(id);
            }
        });
        Map<String, Integer> uses = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i);
            String groupId = ids.get(i);
            if (groupId == null) {
                String key = name.isEmpty() ? "#" + (i + 1) : name;
                int n = uses.merge(key, 1, Integer::sum);
                groupId = DraftIds.group(n == 1 ? key : key + "#" + n);
                draftIds.put(i, groupId);
                known.add(groupId);
            }
            if (!name.isEmpty() && byName.putIfAbsent(name, groupId) != null) {
                ambiguous.add(name);
            }
        }
        ambiguous.forEach(byName::remove);
    }

    /** The rule, with a group's name in {@code remote_group_id} replaced by that group's id. */
    JsonNode resolve(JsonNode rule) {
        JsonNode remote = rule.path("remote_group_id");
        if (!remote.isTextual() || known.contains(remote.textValue())
                || !byName.containsKey(remote.textValue())) {
            return rule;
        }
        ObjectNode copy = ((ObjectNode) rule).deepCopy();
        copy.put("remote_group_id", byName.get(remote.textValue()));
        return copy;
    }
}
