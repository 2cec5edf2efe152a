package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.Raw;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns JSON into the {@link Raw} values the domain validates, keeping what type each value had. */
public final class JsonValues {

    private JsonValues() {
    }

    public static Raw raw(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Raw.ABSENT;
        }
        if (node.isNull()) {
            return Raw.NULL;
        }
        if (node.isTextual()) {
            return Raw.text(node.textValue());
        }
        if (node.isBoolean()) {
            return Raw.bool(node.booleanValue());
        }
        if (node.isNumber()) {
            return Raw.number(node.decimalValue(), node.isIntegralNumber());
        }
        return new Raw.Other(node.isArray() ? "a list" : "an object");
    }

    /** The members of an object as raw values, in file order. */
    public static Map<String, Raw> members(JsonNode object) {
        // Sized for its members up front: a rule has about 13, past the default table's resize point.
        Map<String, Raw> members = new LinkedHashMap<>(object.size() * 2);
        object.properties().forEach(e -> members.put(e.getKey(), raw(e.getValue())));
        return members;
    }
}
