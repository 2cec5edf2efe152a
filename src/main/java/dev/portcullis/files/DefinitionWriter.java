package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes definition files in Neutron's list shape, marked {@code "format": "portcullis/1"}, atomically. */
public final class DefinitionWriter {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public byte[] toJson(Definitions definitions) {
        return toJson(definitions, Originals.NONE);
    }

    /**
     * The file for these definitions, keeping from {@code originals} (what the file held when it was read)
     * every member that is not modelled and every value that did not change, as it was written.
     */
    public byte[] toJson(Definitions definitions, Originals originals) {
        // one group's tree at a time, straight into the bytes: the whole document as a tree and then as a
        // String held three copies of a large project at once (a 30,000-group export ran out of 2 GiB)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> draftNames = draftNames(definitions.groups());
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", DefinitionReader.FORMAT);
            json.writeArrayFieldStart("security_groups");
            for (SecurityGroup g : definitions.groups()) {
                mapper.writeTree(json, originals.group(g.id(),
                        NeutronJson.group(draftNames.isEmpty() ? g : pointingByName(g, draftNames))));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("ports");
            for (dev.portcullis.domain.Port p : definitions.ports()) {
                mapper.writeTree(json, originals.port(p.id(), NeutronJson.port(p)));
            }
            json.writeEndArray();
            if (!definitions.addressGroups().isEmpty()) {
                json.writeArrayFieldStart("address_groups");
                for (dev.portcullis.domain.AddressGroup a : definitions.addressGroups()) {
                    mapper.writeTree(json, NeutronJson.addressGroup(a));
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * A group without an id of Neutron's is written without one, and a rule pointing at it names it, as a
     * hand-written file does (the reader takes a group's name in {@code remote_group_id}): the names of the
     * draft-id groups whose names are unique.
     */
    private static Map<String, String> draftNames(List<SecurityGroup> groups) {
        Map<String, Long> uses = groups.stream().collect(Collectors.groupingBy(SecurityGroup::name,
                Collectors.counting()));
        Map<String, String> names = new HashMap<>();
        groups.stream().filter(g -> DraftIds.isDraft(g.id()) && uses.get(g.name()) == 1 && !g.name().isEmpty())
                .forEach(g -> names.put(g.id(), g.name()));
        return names;
    }

    private static SecurityGroup pointingByName(SecurityGroup group, Map<String, String> draftNames) {
        if (group.rules().stream().noneMatch(r -> draftNames.containsKey(r.remoteGroupId()))) {
            return group;
        }
        List<Rule> rules = group.rules().stream().map(r -> draftNames.containsKey(r.remoteGroupId())
                ? new Rule(r.id(), r.direction(), r.etherType(), r.protocol(), r.ports(),
                        Remote.group(draftNames.get(r.remoteGroupId())), r.description()) : r).toList();
        return group.withRules(rules, group.revision(), group.updatedAt());
    }

    /** Replaces the file atomically, keeping earlier versions as backups; see {@link AtomicFiles}. */
    public void write(Path file, Definitions definitions) throws IOException {
        write(file, definitions, Originals.NONE);
    }

    public void write(Path file, Definitions definitions, Originals originals) throws IOException {
        AtomicFiles.write(file, toJson(definitions, originals));
    }
}
