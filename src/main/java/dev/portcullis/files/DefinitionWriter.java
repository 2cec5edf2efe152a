package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
        ObjectNode root = mapper.createObjectNode();
        root.put("format", DefinitionReader.FORMAT);
        ArrayNode groups = root.putArray("security_groups");
        definitions.groups().forEach(g -> groups.add(originals.group(g.id(), NeutronJson.group(g))));
        ArrayNode ports = root.putArray("ports");
        definitions.ports().forEach(p -> ports.add(originals.port(p.id(), NeutronJson.port(p))));
        try {
            return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file atomically, keeping earlier versions as backups; see {@link AtomicFiles}. */
    public void write(Path file, Definitions definitions) throws IOException {
        write(file, definitions, Originals.NONE);
    }

    public void write(Path file, Definitions definitions, Originals originals) throws IOException {
        AtomicFiles.write(file, toJson(definitions, originals));
    }
}
