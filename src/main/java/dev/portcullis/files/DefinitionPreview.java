package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport.GroupReport;

import java.io.IOException;
import java.util.List;

/**
 * A quick look at the start of a definition file, before the pass that checks the whole of it: the first
 * {@link GroupPaging#FIRST} groups, read and converted as the file's reading will (a rule naming a group further
 * down is read as pointing at that name), so that a view can show them while the rest is read. Only a document
 * whose root object holds {@code security_groups} as a list is looked at; anything else, or anything the look
 * cannot read, gives nothing: the reading proper says what is wrong.
 */
final class DefinitionPreview {

    private DefinitionPreview() {
    }

    /** The first groups of the document, or none. */
    static List<SecurityGroup> first(JsonSource source, JsonFactory factory, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode groups = root.putArray("security_groups");
        try (JsonParser parser = source.open(factory)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("security_groups")) {
                    while (groups.size() < GroupPaging.FIRST && parser.nextToken() != JsonToken.END_ARRAY) {
                        groups.add((JsonNode) mapper.readTree(parser));
                    }
                    break;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return List.of(); // the reading proper tells what is wrong
        }
        return DefinitionStream.fromTree(root, List.of()).groups().stream().map(GroupReport::readable).toList();
    }
}
