package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second pass over a definition document: each group is made a tree of its own, handed to the
 * {@link DefinitionParse} and let go, and the line where each group and rule starts is noted on the way. A
 * document the command line printed ({@link OpenStackCliJson}) is small and is read whole instead.
 */
final class DefinitionStream {

    private final JsonParser parser;
    private final ObjectMapper mapper;
    private final Path file;
    private final Map<String, SourceLocations.Location> lines = new HashMap<>();

    private DefinitionStream(JsonParser parser, ObjectMapper mapper, Path file) {
        this.parser = parser;
        this.mapper = mapper;
        this.file = file;
    }

    /**
     * The parser is on the root object of a document of Neutron's shape, which {@code outline} describes; each
     * group read is told to {@code paging}.
     */
    static DefinitionReport read(JsonParser parser, ObjectMapper mapper, DefinitionOutline outline, Path file,
                                 GroupPaging paging) throws IOException {
        DefinitionStream pass = new DefinitionStream(parser, mapper, file);
        DefinitionParse parse = new DefinitionParse(outline, List.of()).pagedTo(paging);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(outline.groupsPath()) && name.equals("security_group")) {
                parse.group(pass.group(outline.path(0)));
            } else if (name.equals(outline.groupsPath()) && value == JsonToken.START_ARRAY) {
                for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                    parse.group(pass.group(outline.path(i)));
                }
            } else if (name.equals("ports")) {
                parse.ports(mapper.readTree(parser));
            } else if (name.equals("address_groups")) {
                parse.addressGroups(mapper.readTree(parser));
            } else {
                parser.skipChildren();
            }
        }
        return parse.report().withLocations(new SourceLocations(pass.lines));
    }

    /**
     * The parser is on the root of a document that is not an object of Neutron's shape: what the command line
     * prints is converted, anything else is the wrong shape.
     */
    static DefinitionReport readWhole(JsonParser parser, ObjectMapper mapper, Path file, JsonSource source,
                                      JsonFactory factory) throws IOException {
        JsonNode root = mapper.readTree(parser);
        Optional<OpenStackCliJson.Converted> cli = OpenStackCliJson.convert(root);
        if (cli.isEmpty()) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.WRONG_SHAPE, "",
                    "The file must hold a JSON object with \"security_groups\", as Neutron answers "
                            + "GET /v2.0/security-groups (or what openstack security group show/list -f json "
                            + "prints)."));
        }
        JsonSourceLines.Shape shape = root.isArray() ? JsonSourceLines.Shape.CLI_LIST
                : JsonSourceLines.Shape.CLI_SHOW;
        return fromTree(cli.get().root(), cli.get().notices())
                .withLocations(JsonSourceLines.of(factory, source, shape, file));
    }

    /** A document already in memory whose root is an object. */
    static DefinitionReport fromTree(JsonNode root, List<Problem> notices) {
        DefinitionOutline outline = DefinitionOutline.of(root);
        DefinitionParse parse = new DefinitionParse(outline, notices);
        JsonNode groups = outline.groupsPath() == null ? null : root.get(outline.groupsPath());
        if ("security_group".equals(outline.groupsPath())) {
            parse.group(groups);
        } else if (groups != null && groups.isArray()) {
            groups.forEach(parse::group);
        }
        parse.ports(root.get("ports"));
        parse.addressGroups(root.get("address_groups"));
        return parse.report();
    }

    /** The parser is on a group's value: the group as a tree, with its line and its rules' lines noted. */
    private JsonNode group(String path) throws IOException {
        record(path);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return mapper.readTree(parser);
        }
        ObjectNode group = mapper.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("security_group_rules") && value == JsonToken.START_ARRAY) {
                ArrayNode rules = group.putArray(name);
                String prefix = path + ".security_group_rules[";
                for (int j = 0; parser.nextToken() != JsonToken.END_ARRAY; j++) {
                    record(prefix + j + "]");
                    rules.add((JsonNode) mapper.readTree(parser));
                }
            } else {
                group.set(name, mapper.readTree(parser));
            }
        }
        return group;
    }

    private void record(String path) {
        lines.put(path, new SourceLocations.Location(file, parser.currentTokenLocation().getLineNr()));
    }
}
