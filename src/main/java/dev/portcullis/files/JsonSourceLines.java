package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of each group and rule of what the OpenStack command line prints, keyed by the report path the reader
 * gives them once converted ({@code security_groups[3]}, {@code security_group.security_group_rules[0]}): one
 * streaming pass over the document, skipping every other value whole. The document has already been parsed once,
 * so it is well-formed here. (Neutron's own documents are located while they are read: {@link DefinitionStream}.)
 */
final class JsonSourceLines {

    /** How the OpenStack command line lays out its groups. */
    enum Shape {
        /** {@code openstack security group show -f json}: the root is the group, its rules under {@code rules}. */
        CLI_SHOW,
        /** {@code openstack security group list -f json}: the root is a list of groups without rules. */
        CLI_LIST
    }

    private final JsonParser parser;
    private final Path file;
    private final Map<String, SourceLocations.Location> lines = new HashMap<>();

    private JsonSourceLines(JsonParser parser, Path file) {
        this.parser = parser;
        this.file = file;
    }

    /**
     * Where each group and rule starts.
     *
     * @param file the file the bytes were read from, or null when they come from no file (each
     *             location's file is then null: the caller knows where the bytes came from)
     */
    static SourceLocations of(JsonFactory factory, JsonSource json, Shape shape, Path file) {
        try (JsonParser parser = json.open(factory)) {
            JsonSourceLines pass = new JsonSourceLines(parser, file);
            if (parser.nextToken() != null) {
                pass.root(shape);
            }
            return new SourceLocations(pass.lines);
        } catch (IOException e) {
            // The bytes parsed a moment ago; if they no longer do, the report simply has no lines.
            return SourceLocations.NONE;
        }
    }

    private void root(Shape shape) throws IOException {
        switch (shape) {
            case CLI_SHOW -> group("security_group", "rules");
            case CLI_LIST -> groups("security_groups");
        }
    }

    /** The parser is on a value that should be a list of groups; each is recorded, whatever it is. */
    private void groups(String path) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            group(path + "[" + i + "]", "security_group_rules");
        }
    }

    /** The parser is on a group's value: its line, and its rules' lines. */
    private void group(String path, String rulesMember) throws IOException {
        record(path);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(rulesMember) && value == JsonToken.START_ARRAY) {
                // The reader reports a group's rules under security_group_rules, whatever the source called them.
                String prefix = path + ".security_group_rules[";
                for (int j = 0; parser.nextToken() != JsonToken.END_ARRAY; j++) {
                    record(prefix + j + "]");
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private void record(String path) {
        lines.put(path, new SourceLocations.Location(file, parser.currentTokenLocation().getLineNr()));
    }
}
