package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of source a path holds, to choose its reader: a folder or a {@code .tf} file is Terraform;
 * otherwise the content decides, read only as far as needed: a mapping with {@code heat_template_version}
 * (YAML or JSON) in its first MiB is a Heat template, a YAML list of plays ({@code hosts},
 * {@code import_playbook}) or tasks (a {@code block}, or a module such as {@code openstack.cloud.security_group},
 * in any of the first {@value #MAX_ITEMS} items or first MiB) is Ansible, and anything else is a definition file
 * (Neutron's JSON or the OpenStack client's), whose reader says what is wrong with it.
 */
public enum SourceFormat {
    NEUTRON_JSON, TERRAFORM, HEAT, ANSIBLE;

    private static final Set<String> PLAY_KEYS = Set.of("hosts", "import_playbook");
    private static final Set<String> TASK_KEYS = Set.of("block", "include_tasks", "import_tasks", "include_role",
            "import_role");
    /** How far a list is looked through for a play or a task that makes it Ansible. */
    static final int MAX_ITEMS = 200;
    static final long MAX_OFFSET = 1024 * 1024;

    public static SourceFormat of(Path path) {
        if (Files.isDirectory(path) || path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tf")) {
            return TERRAFORM;
        }
        try (InputStream raw = Files.newInputStream(path);
             BufferedInputStream in = new BufferedInputStream(raw, 8192)) {
            in.mark(8192);
            int first = firstSignificant(in);
            in.reset();
            if (first == '{' || first == '[') {
                SourceFormat json = sniff(new JsonFactory().createParser(in));
                if (json != null) {
                    return json;
                }
                return NEUTRON_JSON;
            }
            SourceFormat yaml = sniff(YamlTree.factory().createParser(new LongLines(in, LongLines.MAX_LINE)));
            return yaml == null ? NEUTRON_JSON : yaml;
        } catch (IOException | RuntimeException e) {
            return NEUTRON_JSON;
        }
    }

    private static long offset(JsonParser parser) {
        return Math.max(parser.currentLocation().getByteOffset(), parser.currentLocation().getCharOffset());
    }

    /** The first character that is not a byte order mark, white space or a YAML comment line; -1 at the end. */
    private static int firstSignificant(InputStream in) throws IOException {
        boolean comment = false;
        for (int i = 0; i < 8000; i++) {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            if (comment) {
                comment = c != '\n';
            } else if (c == '#') {
                comment = true;
            } else if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                return c;
            }
        }
        return -1;
    }

    /** Skips the value the parser is on, as far as the bounds; false when they stop it first. */
    private static boolean skip(JsonParser parser) throws IOException {
        int depth = 0;
        for (JsonToken token = parser.currentToken(); ; token = parser.nextToken()) {
            if (token == null || offset(parser) >= MAX_OFFSET) {
                return false;
            }
            depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            if (depth == 0) {
                return true;
            }
        }
    }

    /** HEAT or ANSIBLE as the first value shows, or null; a parse error is null (the default reader reports it). */
    private static SourceFormat sniff(JsonParser parser) {
        try (parser) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                // Heat takes templates of up to 512 KiB: a member further on is not a template's.
                while (offset(parser) < MAX_OFFSET && parser.nextToken() == JsonToken.FIELD_NAME) {
                    if (parser.currentName().equals("heat_template_version")) {
                        return HEAT;
                    }
                    parser.nextToken();
                    if (!skip(parser)) {
                        return null;
                    }
                }
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                return null;
            }
            // A task file may begin with tasks of other modules: every item is looked at, as far as the bounds.
            for (int item = 0; item < MAX_ITEMS && offset(parser) < MAX_OFFSET; item++) {
                token = parser.nextToken();
                if (token != JsonToken.START_OBJECT) {
                    if (token == null || token == JsonToken.END_ARRAY) {
                        return null;
                    }
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    if (PLAY_KEYS.contains(key) || TASK_KEYS.contains(key) || AnsibleModules.handles(key)
                            || key.startsWith("ansible.builtin.") || key.startsWith("openstack.cloud.")) {
                        return ANSIBLE;
                    }
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
