package dev.portcullis.backend.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one batch of changes did to a project, as absolute values: the groups and interfaces it created or
 * changed, whole, and the ids of those it deleted. Applying a batch twice is the same as applying it once, so
 * replaying the journal over a file that already holds some of it (a crash between folding the journal into
 * the file and emptying it) gives the same project.
 *
 * <p>As a journal record: a first line {@code {"deleted_security_groups": [...], "deleted_ports": [...],
 * "deleted_address_groups": [...]}}, then the changed groups, interfaces and address groups as a definition file.
 */
record Batch(List<SecurityGroup> groups, List<String> deletedGroups, List<Port> ports, List<String> deletedPorts,
             List<AddressGroup> addressGroups, List<String> deletedAddressGroups) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The difference between two projects; the groups and interfaces that did not change are the same objects. */
    static Batch between(Definitions before, Definitions after) {
        List<SecurityGroup> groups = new ArrayList<>();
        List<String> deletedGroups = new ArrayList<>();
        diff(before.groups(), after.groups(), SecurityGroup::id, groups, deletedGroups);
        List<Port> ports = new ArrayList<>();
        List<String> deletedPorts = new ArrayList<>();
        diff(before.ports(), after.ports(), Port::id, ports, deletedPorts);
        List<AddressGroup> addressGroups = new ArrayList<>();
        List<String> deletedAddressGroups = new ArrayList<>();
        diff(before.addressGroups(), after.addressGroups(), AddressGroup::id, addressGroups, deletedAddressGroups);
        return new Batch(groups, deletedGroups, ports, deletedPorts, addressGroups, deletedAddressGroups);
    }

    private static <T> void diff(List<T> before, List<T> after, Function<T, String> id, List<T> changed,
                                 List<String> deleted) {
        Map<String, T> old = new HashMap<>(before.size() * 2);
        before.forEach(t -> old.put(id.apply(t), t));
        for (T t : after) {
            if (old.remove(id.apply(t)) != t) {
                changed.add(t);
            }
        }
        deleted.addAll(old.keySet());
    }

    boolean isEmpty() {
        return groups.isEmpty() && deletedGroups.isEmpty() && ports.isEmpty() && deletedPorts.isEmpty()
                && addressGroups.isEmpty() && deletedAddressGroups.isEmpty();
    }

    /** The batches applied in order to {@code base}: a changed thing keeps its place, a new one comes last. */
    static Definitions replay(Definitions base, List<Batch> batches) {
        Map<String, SecurityGroup> groups = new LinkedHashMap<>();
        base.groups().forEach(g -> groups.put(g.id(), g));
        Map<String, Port> ports = new LinkedHashMap<>();
        base.ports().forEach(p -> ports.put(p.id(), p));
        Map<String, AddressGroup> addressGroups = new LinkedHashMap<>();
        base.addressGroups().forEach(a -> addressGroups.put(a.id(), a));
        for (Batch batch : batches) {
            batch.deletedGroups.forEach(groups::remove);
            batch.groups.forEach(g -> groups.put(g.id(), g));
            batch.deletedPorts.forEach(ports::remove);
            batch.ports.forEach(p -> ports.put(p.id(), p));
            batch.deletedAddressGroups.forEach(addressGroups::remove);
            batch.addressGroups.forEach(a -> addressGroups.put(a.id(), a));
        }
        return new Definitions(List.copyOf(groups.values()), List.copyOf(ports.values()),
                List.copyOf(addressGroups.values()));
    }

    byte[] toBytes() {
        ObjectNode deleted = JSON.createObjectNode();
        deletedGroups.forEach(deleted.putArray("deleted_security_groups")::add);
        deletedPorts.forEach(deleted.putArray("deleted_ports")::add);
        deletedAddressGroups.forEach(deleted.putArray("deleted_address_groups")::add);
        byte[] head = (deleted + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new DefinitionWriter().toJson(new Definitions(groups, ports, addressGroups));
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    static Batch parse(byte[] record, DefinitionReader reader) throws IOException {
        int newline = 0;
        while (newline < record.length && record[newline] != '\n') {
            newline++;
        }
        JsonNode head = JSON.readTree(new String(record, 0, newline, StandardCharsets.UTF_8));
        byte[] body = new byte[Math.max(0, record.length - newline - 1)];
        System.arraycopy(record, Math.min(newline + 1, record.length), body, 0, body.length);
        DefinitionReport report = reader.read(body);
        if (head == null || !head.isObject() || !report.allProblems().isEmpty()) {
            throw new IOException("a record does not hold a batch of changes"
                    + (report.allProblems().isEmpty() ? "" : ": " + Refusals.list(report.allProblems())));
        }
        return new Batch(report.definitions().groups(), texts(head.path("deleted_security_groups")),
                report.definitions().ports(), texts(head.path("deleted_ports")),
                report.definitions().addressGroups(), texts(head.path("deleted_address_groups")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
