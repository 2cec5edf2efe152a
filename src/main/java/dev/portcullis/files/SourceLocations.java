package dev.portcullis.files;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where each group and rule of a {@link DefinitionReport} was written, by its report path
 * ({@code security_groups[0].security_group_rules[2]}, {@code openstack_networking_secgroup_rule_v2.ssh}):
 * the file (a folder's sources are several) and the line, from 1. What a pipeline report points at.
 */
public record SourceLocations(Map<String, Location> byPath) {

    public static final SourceLocations NONE = new SourceLocations(Map.of());

    /** A place in a file. */
    public record Location(Path file, int line) {
    }

    public SourceLocations {
        byPath = Map.copyOf(byPath);
    }

    public Optional<Location> of(String path) {
        return Optional.ofNullable(byPath.get(path));
    }
}
