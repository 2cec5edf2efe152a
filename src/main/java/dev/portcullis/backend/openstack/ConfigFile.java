package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the first usable clouds.yaml or secure.yaml of a list of candidates, as openstacksdk does: a missing
 * or unreadable file is passed over, a malformed one too (with a problem saying where it is broken), and
 * the first file that parses is the one used, even when it is empty.
 */
final class ConfigFile {

    /** Made on the first file read: looking for files that are not there (the usual case) costs nothing. */
    private static final class Mappers {
        static final ObjectMapper YAML = new YAMLMapper();
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** The file that was used and what it holds (an empty object for an empty file). */
    record Loaded(Path path, ObjectNode content) {
    }

    private ConfigFile() {
    }

    /** The first candidate that parses, adding a problem for each one passed over; null when none. */
    static Loaded firstOf(List<Path> candidates, List<String> problems) {
        for (Path path : candidates) {
            if (!Files.exists(path)) {
                continue;
            }
            Loaded loaded = read(path, problems);
            if (loaded != null) {
                return loaded;
            }
        }
        return null;
    }

    private static Loaded read(Path path, List<String> problems) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(path + " could not be read (not a readable file), so it was passed over.");
            return null;
        }
        JsonNode tree;
        try {
            byte[] bytes = Files.readAllBytes(path);
            tree = (path.toString().endsWith(".json") ? Mappers.JSON : Mappers.YAML).readTree(bytes);
        } catch (JsonProcessingException e) {
            problems.add(path + where(e.getLocation()) + " is not valid "
                    + (path.toString().endsWith(".json") ? "JSON" : "YAML") + ": " + what(e)
                    + ". The file was passed over.");
            return null;
        } catch (IOException e) {
            problems.add(path + " could not be read (" + e.getMessage() + "), so it was passed over.");
            return null;
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return new Loaded(path, Mappers.JSON.createObjectNode());
        }
        if (!tree.isObject()) {
            problems.add(path + " must hold a mapping with a 'clouds' key at the top, but holds "
                    + kind(tree) + "; it defines no clouds.");
            return new Loaded(path, Mappers.JSON.createObjectNode());
        }
        if (!tree.has("clouds")) {
            problems.add(path + " has no 'clouds' key at the top, so it defines no clouds.");
        } else if (!tree.get("clouds").isObject()) {
            problems.add(path + ": 'clouds' must map cloud names to their settings, but holds "
                    + kind(tree.get("clouds")) + ".");
            ((ObjectNode) tree).remove("clouds");
        }
        return new Loaded(path, (ObjectNode) tree);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ", line " + location.getLineNr() + (location.getColumnNr() > 0 ? " column " + location.getColumnNr() : "") + ",";
    }

    /** SnakeYAML's own words (the problem, then what it was reading), else Jackson's first line. */
    private static String what(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
            return firstLine(yaml.getProblem() + context);
        }
        // Jackson quotes the token it choked on, which may be a secret written without quotes.
        return firstLine(e.getOriginalMessage()).replaceAll("'[^'\\s]{4,}'", "'…'");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable content";
        }
        // Only the first line: the following ones quote the file, and a secret with it.
        String line = message.strip().lines().findFirst().orElse("unreadable content");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isNull()) {
            return "nothing";
        }
        return "the value '" + node.asText() + "'";
    }

    /** Merges {@code over} into {@code base}: mappings are merged key by key, anything else replaces. */
    static ObjectNode merge(ObjectNode base, ObjectNode over) {
        over.properties().forEach(entry -> {
            JsonNode mine = base.get(entry.getKey());
            if (entry.getValue().isObject() && mine != null && mine.isObject()) {
                merge((ObjectNode) mine, (ObjectNode) entry.getValue());
            } else {
                base.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        return base;
    }
}
