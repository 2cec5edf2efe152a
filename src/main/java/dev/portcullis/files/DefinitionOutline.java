package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * What a definition document holds at its top, and the id and name of each of its groups: all a reader must know
 * before it reads the groups one by one (a rule may point at a group further down by its id or name). Found by
 * one streaming pass that keeps nothing else, which also checks that the whole document is well-formed JSON, or
 * from a tree already in memory.
 *
 * @param members     the root's member names, in file order
 * @param format      the {@code format} member, or null
 * @param groupsPath  where the groups are: {@code security_groups}, {@code security_group}, or null for nowhere
 * @param notAList    {@code security_groups} is there but is not a list
 * @param both        both {@code security_groups} and {@code security_group} are given
 * @param ids         each group's {@code id} where it is text, else null
 * @param names       each group's {@code name} where it is text, else null
 */
record DefinitionOutline(List<String> members, JsonNode format, String groupsPath, boolean notAList, boolean both,
                         List<String> ids, List<String> names) {

    /** Found by a pass over the parser; null when the document is not an object of Neutron's shape. */
    static DefinitionOutline scan(JsonParser parser, ObjectMapper mapper) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            end(parser);
            return null;
        }
        List<String> members = new ArrayList<>();
        JsonNode format = null;
        Groups list = null;
        Groups single = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            members.add(name);
            JsonToken value = parser.nextToken();
            switch (name) {
                case "format" -> format = mapper.readTree(parser);
                case "security_groups" -> {
                    list = new Groups(value == JsonToken.START_ARRAY);
                    if (list.isList) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            list.add(parser);
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                case "security_group" -> {
                    single = new Groups(true);
                    single.add(parser);
                }
                default -> parser.skipChildren();
            }
        }
        end(parser);
        if (members.contains("rules") && !members.contains("security_group_rules") && list == null && single == null) {
            return null;
        }
        Groups groups = list != null ? list : single != null ? single : new Groups(true);
        return new DefinitionOutline(members, format, list != null ? "security_groups"
                : single != null ? "security_group" : null, !groups.isList, list != null && single != null,
                groups.ids, groups.names);
    }

    /** The outline of a document already in memory, whose root is an object. */
    static DefinitionOutline of(JsonNode root) {
        List<String> members = new ArrayList<>();
        root.fieldNames().forEachRemaining(members::add);
        JsonNode list = root.get("security_groups");
        JsonNode single = root.get("security_group");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Iterator<JsonNode> groups = list != null ? (list.isArray() ? list.elements() : Collections.emptyIterator())
                : single != null ? List.of(single).iterator() : Collections.emptyIterator();
        groups.forEachRemaining(g -> {
            ids.add(g.path("id").isTextual() ? g.get("id").textValue() : null);
            names.add(g.path("name").isTextual() ? g.get("name").textValue() : null);
        });
        return new DefinitionOutline(members, root.get("format"), list != null ? "security_groups"
                : single != null ? "security_group" : null, list != null && !list.isArray(),
                list != null && single != null, ids, names);
    }

    /** What is wrong with the document's top, in the order a reader reports it. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        JsonMembers.unknownNames(members, DefinitionReader.ROOT_MEMBERS, "", problems);
        if (format != null && !DefinitionReader.FORMAT.equals(format.asText(null))) {
            problems.add(new Problem(FileErrorCode.UNSUPPORTED_FORMAT, "format", "The format " + format
                    + " is not one this version reads (it reads " + DefinitionReader.FORMAT + ")."));
        }
        if (notAList) {
            problems.add(new Problem(FileErrorCode.WRONG_SHAPE, "security_groups",
                    "\"security_groups\" must be a list of groups."));
        }
        if (both) {
            problems.add(new Problem(FileErrorCode.WRONG_SHAPE, "security_group",
                    "Give either \"security_groups\" (a list) or \"security_group\" (one group), not both."));
        }
        if (groupsPath == null) {
            problems.add(new Problem(FileErrorCode.WRONG_SHAPE, "security_groups",
                    "The file has no \"security_groups\": it should look like Neutron's answer to "
                            + "GET /v2.0/security-groups."));
        }
        return problems;
    }

    /** The report path of the group at {@code index}. */
    String path(int index) {
        return "security_group".equals(groupsPath) ? "security_group" : "security_groups[" + index + "]";
    }

    /** Nothing may follow the document's one value. */
    private static void end(JsonParser parser) throws IOException {
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new JsonParseException(parser, "more follows the end of the JSON value; a definition file holds "
                    + "one");
        }
    }

    /** The ids and names of groups, as the pass meets them. */
    private static final class Groups {
        final boolean isList;
        final List<String> ids = new ArrayList<>();
        final List<String> names = new ArrayList<>();

        Groups(boolean isList) {
            this.isList = isList;
        }

        /** The parser is on a group's value: its id and name are kept, everything else is skipped. */
        void add(JsonParser parser) throws IOException {
            String id = null;
            String name = null;
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String member = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING && member.equals("id")) {
                        id = parser.getText();
                    } else if (value == JsonToken.VALUE_STRING && member.equals("name")) {
                        name = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
            ids.add(id);
            names.add(name);
        }
    }
}
