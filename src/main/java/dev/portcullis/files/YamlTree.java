package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * YAML (and so JSON) read into a tree with the line of every value, for the readers of Heat templates and
 * Ansible playbooks: a location is a JSON pointer ({@code /resources/web/properties/rules/2}). Anchors and
 * aliases are followed (an alias is a copy of what its anchor names), {@code <<} merge keys are merged, and
 * scalars tagged {@code !unsafe} (Ansible's "do not template this") are remembered. Only the first document
 * of a stream is read.
 */
final class YamlTree {

    /** A file that is not YAML, with the line where it stops being YAML. */
    static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message);
        }
    }

    /** The tree and where each of its values was written. */
    record Loaded(JsonNode root, Map<String, Integer> lines, Set<String> unsafe) {

        /** The line of the value at {@code pointer}, else of the nearest enclosing value that has one. */
        int line(String pointer) {
            String p = pointer;
            while (true) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                if (p.isEmpty()) {
                    return 1;
                }
                p = p.substring(0, p.lastIndexOf('/'));
            }
        }
    }

    /**
     * The most values aliases may expand to in one file: far more than a real template or playbook uses, far
     * fewer than a "billion laughs" file of a few hundred bytes asks for.
     */
    static final long MAX_ALIAS_VALUES = 1_000_000;
    private static final ReadLimits LIMITS = ReadLimits.DEFAULT;
    private static final JsonFactory JSON = LIMITS.json(false);
    /** How much of a file is looked at to tell JSON from YAML. */
    private static final int SNIFF = 4096;

    private YamlTree() {
    }

    /** One step of a JSON pointer: a member name (escaped) or a list index. */
    static String step(String pointer, Object key) {
        return pointer + "/" + key.toString().replace("~", "~0").replace("/", "~1");
    }

    /** A file of any size, read as a stream; problems as exceptions with a message. */
    static Loaded load(Path file) throws SyntaxException {
        String refused = FileKinds.notARegularFile(file, "a YAML or JSON file");
        if (refused != null) {
            throw new SyntaxException(refused);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(SNIFF);
            byte[] start = in.readNBytes(SNIFF);
            in.reset();
            return json(start) ? parse(JSON.createParser(in), null) : yaml(in);
        } catch (NoSuchFileException e) {
            throw new SyntaxException(file + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new SyntaxException(file + " cannot be read: you do not have permission to read it.");
        } catch (IOException e) {
            throw new SyntaxException(file + " cannot be read: " + e.getMessage());
        }
    }

    static YAMLFactory factory() {
        return LIMITS.yaml();
    }

    static Loaded parse(byte[] bytes) throws SyntaxException {
        try {
            return json(bytes) ? parse(JSON.createParser(bytes), null) : yaml(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SyntaxException(String.valueOf(e.getMessage()));
        }
    }

    private static Loaded yaml(InputStream in) throws IOException, SyntaxException {
        LongLines lines = new LongLines(in, LongLines.MAX_LINE);
        return parse(factory().createParser(lines), lines);
    }

    /** JSON is read as JSON (faster, and tabs are white space there), YAML as YAML ({@code lines}: its stream). */
    private static Loaded parse(JsonParser opened, LongLines lines) throws SyntaxException {
        try (JsonParser parser = opened) {
            Builder b = new Builder(parser);
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? null : b.value("");
            return new Loaded(root, b.lines, b.unsafe);
        } catch (StreamConstraintsException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : opened.currentLocation();
            throw new SyntaxException("line " + at.getLineNr() + ": " + LIMITS.describe(e)
                    + "; Portcullis does not read it");
        } catch (IOException | RuntimeException e) {
            if (lines != null && lines.exceeded()) {
                throw new SyntaxException("line " + lines.line() + ": the line is longer than " + LongLines.MAX_LINE
                        + " bytes; Portcullis does not read YAML with lines this long");
            }
            String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\n.*", "").strip();
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
                message = "line " + j.getLocation().getLineNr() + ": "
                        + String.valueOf(j.getOriginalMessage()).replaceAll("\\s*\\n[\\s\\S]*", "").strip();
            }
            throw new SyntaxException(message);
        }
    }

    private static boolean json(byte[] bytes) {
        for (byte c : bytes) {
            if (c == '{' || c == '[') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != (byte) 0xEF && c != (byte) 0xBB && c != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static final class Builder {
        private final JsonParser parser;
        private final YAMLParser yaml;
        private final JsonNodeFactory json = JsonNodeFactory.instance;
        private final Map<String, Integer> lines = new HashMap<>();
        private final Set<String> unsafe = new HashSet<>();
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private final Map<String, Long> anchorSizes = new HashMap<>();
        /** Values made by following aliases so far: nested aliases grow exponentially, so this is capped. */
        private long expanded;

        Builder(JsonParser parser) {
            this.parser = parser;
            this.yaml = parser instanceof YAMLParser y ? y : null;
        }

        /** The value at the current token, recorded under {@code pointer} at its own line. */
        JsonNode value(String pointer) throws IOException {
            return value(pointer, parser.currentTokenLocation().getLineNr());
        }

        /** The value at the current token, recorded under {@code pointer} at {@code line} (a member: its name's). */
        private JsonNode value(String pointer, int line) throws IOException {
            JsonToken token = parser.currentToken();
            lines.put(pointer, line);
            String anchor = yaml == null ? null : yaml.getCurrentAnchor();
            JsonNode node;
            if (token == JsonToken.START_OBJECT) {
                ObjectNode object = json.objectNode();
                ObjectNode merged = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int nameLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    JsonNode member = value(step(pointer, name), nameLine);
                    if (name.equals("<<") && (member.isObject() || member.isArray())) {
                        merged = merged == null ? json.objectNode() : merged;
                        for (JsonNode part : member.isArray() ? member : json.arrayNode().add(member)) {
                            if (part.isObject()) {
                                for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
                                    Map.Entry<String, JsonNode> f = it.next();
                                    if (!merged.has(f.getKey())) {
                                        merged.set(f.getKey(), f.getValue());
                                    }
                                }
                            }
                        }
                    } else {
                        object.set(name, member);
                    }
                }
                if (merged != null) {
                    ObjectNode finalObject = object;
                    merged.fields().forEachRemaining(f -> {
                        if (!finalObject.has(f.getKey())) {
                            finalObject.set(f.getKey(), f.getValue());
                        }
                    });
                }
                node = object;
            } else if (token == JsonToken.START_ARRAY) {
                ArrayNode array = json.arrayNode();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(step(pointer, i++)));
                }
                node = array;
            } else if (yaml != null && yaml.isCurrentAlias()) {
                JsonNode target = anchors.get(parser.getText());
                if (target == null) {
                    throw new IOException("line " + parser.currentTokenLocation().getLineNr() + ": the alias *"
                            + parser.getText() + " names no anchor before it");
                }
                long size = anchorSizes.computeIfAbsent(parser.getText(), a -> size(target));
                expanded += size;
                if (expanded > MAX_ALIAS_VALUES) {
                    throw new IOException("line " + parser.currentTokenLocation().getLineNr() + ": the YAML's aliases "
                            + "expand to more than " + MAX_ALIAS_VALUES + " values; Portcullis does not read it");
                }
                return target.deepCopy();
            } else {
                node = scalar(token);
                String tag = yaml == null ? null : yaml.getTypeId();
                if ("unsafe".equals(tag) || "!unsafe".equals(tag)) {
                    unsafe.add(pointer);
                }
            }
            if (anchor != null) {
                anchors.put(anchor, node);
                anchorSizes.remove(anchor);
            }
            return node;
        }

        /** The number of values in a tree (itself included). */
        private static long size(JsonNode node) {
            long n = 1;
            for (JsonNode child : node) {
                n += size(child);
            }
            return n;
        }

        /** The text of a scalar: SnakeYAML reads scalars whole, so the length is checked after. */
        private String text() throws IOException {
            String text = parser.getText();
            if (text.length() > LIMITS.stringChars()) {
                throw new IOException("line " + parser.currentTokenLocation().getLineNr() + ": a text value is longer "
                        + "than " + LIMITS.stringChars() + " characters; Portcullis does not read it");
            }
            return text;
        }

        private JsonNode scalar(JsonToken token) throws IOException {
            return switch (token) {
                case VALUE_NULL -> json.nullNode();
                case VALUE_TRUE -> json.booleanNode(true);
                case VALUE_FALSE -> json.booleanNode(false);
                case VALUE_NUMBER_INT -> json.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> json.numberNode(parser.getDecimalValue());
                default -> json.textNode(text());
            };
        }
    }
}
