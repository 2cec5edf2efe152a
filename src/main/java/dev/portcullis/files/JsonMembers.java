package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The members of a JSON object of a definition file, each read as the type Neutron gives it: a wrong type is a
 * problem at {@code prefix + name}, and the value is then as if absent.
 */
final class JsonMembers {

    private JsonMembers() {
    }

    static void unknownMembers(JsonNode node, Set<String> known, String prefix, List<Problem> out) {
        node.fieldNames().forEachRemaining(name -> unknown(name, known, prefix, out));
    }

    static void unknownNames(List<String> names, Set<String> known, String prefix, List<Problem> out) {
        names.forEach(name -> unknown(name, known, prefix, out));
    }

    private static void unknown(String name, Set<String> known, String prefix, List<Problem> out) {
        if (!known.contains(name)) {
            out.add(new Problem(ErrorCode.UNRECOGNIZED_ATTRIBUTE, prefix + name,
                    "\"" + name + "\" is not a member Neutron knows here; it was not read."));
        }
    }

    static String text(JsonNode node, String name, String prefix, List<Problem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name, "\"" + name + "\" must be text."));
            return null;
        }
        return v.textValue();
    }

    static boolean bool(JsonNode node, String name, String prefix, List<Problem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name,
                    "\"" + name + "\" must be true or false."));
            return false;
        }
        return v.booleanValue();
    }

    static long integer(JsonNode node, String name, String prefix, List<Problem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name,
                    "\"" + name + "\" must be a whole number from 0 up."));
            return 0;
        }
        return v.longValue();
    }

    static List<String> strings(JsonNode node, String name, String prefix, List<Problem> problems) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name, "\"" + name + "\" must be a list."));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                out.add(v.get(i).textValue());
            } else {
                problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name + "[" + i + "]",
                        "Each entry of \"" + name + "\" must be text."));
            }
        }
        return out;
    }

    static Instant instant(JsonNode node, String name, String prefix, List<Problem> problems) {
        String text = text(node, name, prefix, problems);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name,
                    "\"" + name + "\" must be a time like 2026-11-26T14:28:09Z, not " + text + "."));
            return null;
        }
    }
}
