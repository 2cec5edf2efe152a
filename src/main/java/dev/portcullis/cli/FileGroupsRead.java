package dev.portcullis.cli;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionReport.GroupReport;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a project that {@code plan} and {@code apply} need to pair a file's groups with the
 * project's ({@link ProjectChanges}) and to name the groups their rules point at; read from a backend
 * that can ask for groups by id and name instead of loading the whole project. In rounds:
 * <ol>
 *   <li>the groups with the file's ids, and the groups with the names of the file's groups that have
 *       none (or a draft id, which is never the project's);</li>
 *   <li>by name, the file's groups whose id the project does not have (the pairing falls back to the
 *       name: every group of that name is read, so that a name used more than once is still seen), and
 *       by id, the groups the rules of what was read point at;</li>
 *   <li>by id, the groups the rules of what the second round read point at.</li>
 * </ol>
 * Nothing is asked twice, and groups only pointed at are read for their names alone.
 */
final class FileGroupsRead {

    private final DefinitionReport file;
    private final Backend backend;
    private final String target;
    private final Set<String> fileIds = new HashSet<>();
    private final Set<String> fileNames = new HashSet<>();
    private final Map<String, SecurityGroup> found = new LinkedHashMap<>();
    private final Set<String> askedIds = new HashSet<>();
    private final Set<String> askedNames = new HashSet<>();

    private FileGroupsRead(DefinitionReport file, Backend backend, String target) {
        this.file = file;
        this.backend = backend;
        this.target = target;
    }

    /** What of the project the file's plan needs, as a snapshot without interfaces. */
    static Snapshot read(DefinitionReport file, Backend backend, String target) {
        return new FileGroupsRead(file, backend, target).rounds();
    }

    private Snapshot rounds() {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (GroupReport g : file.groups()) {
            GroupDraft draft = g.draft().orElseThrow();
            fileNames.add(draft.name());
            if (fromProject(g.id())) {
                fileIds.add(g.id());
                ids.add(g.id());
            } else {
                names.add(draft.name());
            }
            pointedAt(draft.rules(), ids);
        }
        while (!ids.isEmpty() || !names.isEmpty()) {
            askedIds.addAll(ids);
            askedNames.addAll(names);
            List<SecurityGroup> got = Sources.await(target, backend.groups(ids, names));
            ids = new LinkedHashSet<>();
            names = new LinkedHashSet<>();
            for (SecurityGroup g : got) {
                if (found.putIfAbsent(g.id(), g) == null
                        && (fileIds.contains(g.id()) || fileNames.contains(g.name()))) {
                    pointedAt(g.rules(), ids);
                }
            }
            for (GroupReport g : file.groups()) {
                String name = g.draft().orElseThrow().name();
                if (fromProject(g.id()) && !found.containsKey(g.id()) && !askedNames.contains(name)) {
                    names.add(name);
                }
            }
        }
        return new Snapshot(List.copyOf(found.values()), List.of(), Instant.now());
    }

    /** True for an id the project may have: not none, not a draft id the file's reader made up. */
    private static boolean fromProject(String id) {
        return id != null && !DraftIds.isDraft(id);
    }

    /** Adds to {@code ids} the groups these rules point at that were neither read nor asked for. */
    private void pointedAt(List<Rule> rules, Set<String> ids) {
        for (Rule rule : rules) {
            String id = rule.remoteGroupId();
            if (fromProject(id) && !found.containsKey(id) && !askedIds.contains(id)) {
                ids.add(id);
            }
        }
    }
}
