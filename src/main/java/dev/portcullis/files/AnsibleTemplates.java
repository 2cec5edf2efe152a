package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The common cases of Ansible's Jinja2 templates: {@code {{ var }}}, {@code {{ item.port }}},
 * {@code {{ ports[0] }}}, {@code {{ x['key'] }}}, literals, and the filters {@code default}/{@code d}
 * (with {@code omit}), {@code int}, {@code string}, {@code lower}, {@code upper}, {@code trim} and
 * {@code bool}. A string that is one expression gives its value as it is (a list stays a list); text around
 * expressions gives text. Anything else (lookups, other filters, operators, {@code {% %}} statements) is
 * {@link Undefined} with the reason.
 */
final class AnsibleTemplates {

    /** A template that cannot be worked out offline, with the reason. */
    static final class Undefined extends Exception {
        Undefined(String reason) {
            super(reason);
        }
    }

    /** Where variables come from; {@link #get} throws for a variable that is not defined. */
    interface Vars {
        JsonNode get(String name) throws Undefined;

        /** Told when {@code default} gives the value of an undefined variable (written as {@code variable}). */
        default void defaulted(String variable, JsonNode used) {
        }
    }

    /** Ansible's {@code omit}: the parameter is left out. Compared by identity. */
    static final JsonNode OMIT = new TextNode("__omit_place_holder__");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnsibleTemplates() {
    }

    /** The value with every template in it worked out (lists and maps member by member). */
    static JsonNode render(JsonNode value, Vars vars) throws Undefined {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return renderText(value.textValue(), vars);
        }
        if (value.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode item : value) {
                out.add(render(item, vars));
            }
            return out;
        }
        if (value.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), render(f.getValue(), vars));
            }
            return out;
        }
        return value;
    }

    static boolean isTemplate(String s) {
        return s.contains("{{") || s.contains("{%") || s.contains("{#");
    }

    static JsonNode renderText(String s, Vars vars) throws Undefined {
        if (!isTemplate(s)) {
            return JSON.textNode(s);
        }
        if (s.contains("{%") || s.contains("{#")) {
            throw new Undefined("Jinja2 statements and comments ({% %}, {# #}) are not worked out offline");
        }
        String trimmed = s.strip();
        if (trimmed.startsWith("{{") && trimmed.endsWith("}}") && trimmed.indexOf("{{", 2) < 0) {
            return new Expression(trimmed.substring(2, trimmed.length() - 2), vars).evaluate();
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < s.length()) {
            int open = s.indexOf("{{", at);
            if (open < 0) {
                out.append(s, at, s.length());
                break;
            }
            int close = s.indexOf("}}", open);
            if (close < 0) {
                throw new Undefined("a template \"{{\" is not closed");
            }
            out.append(s, at, open);
            JsonNode v = new Expression(s.substring(open + 2, close), vars).evaluate();
            if (v == OMIT) {
                throw new Undefined("omit can only be a whole value");
            }
            out.append(v.isValueNode() ? (v.isNull() ? "" : v.asText()) : v.toString());
            at = close + 2;
        }
        return JSON.textNode(out.toString());
    }

    /** One {@code expr | filter(args) | ...}, read by hand: a path or a literal, then filters. */
    private static final class Expression {
        private final String text;
        private final Vars vars;
        private int at;

        Expression(String text, Vars vars) {
            this.text = text;
            this.vars = vars;
        }

        JsonNode evaluate() throws Undefined {
            JsonNode value;
            Undefined undefined = null;
            int start = at;
            String operand = null;
            try {
                value = operand();
            } catch (Undefined u) {
                if (!skipToFilters()) {
                    throw u;
                }
                operand = text.substring(start, at).strip();
                value = null;
                undefined = u;
            }
            while (peek('|')) {
                at++;
                String filter = identifier();
                List<JsonNode> args = new ArrayList<>();
                if (peek('(')) {
                    at++;
                    while (!peek(')')) {
                        args.add(operand());
                        if (peek(',')) {
                            at++;
                        } else if (!peek(')')) {
                            throw new Undefined("cannot read the arguments of " + filter + " in {{" + text + "}}");
                        }
                    }
                    at++;
                }
                if (filter.equals("default") || filter.equals("d")) {
                    boolean falsy = args.size() > 1 && args.get(1).asBoolean(false);
                    if (undefined != null || (falsy && !truthy(value))) {
                        value = args.isEmpty() ? JSON.textNode("") : args.get(0);
                        if (undefined != null) {
                            vars.defaulted(operand, value);
                        }
                        undefined = null;
                    }
                    continue;
                }
                if (undefined != null) {
                    throw undefined;
                }
                value = filter(filter, value);
            }
            if (undefined != null) {
                throw undefined;
            }
            skipSpace();
            if (at < text.length()) {
                throw new Undefined("the expression {{" + text + "}} is more than a variable with filters; it is "
                        + "not worked out offline");
            }
            return value;
        }

        /** After an undefined operand: whether a filter follows (it may be default). */
        private boolean skipToFilters() {
            int depth = 0;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
                at++;
            }
            return false;
        }

        private static boolean truthy(JsonNode v) {
            return v != null && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty())
                    && !(v.isContainerNode() && v.isEmpty()) && !(v.isBoolean() && !v.booleanValue())
                    && !(v.isNumber() && v.decimalValue().signum() == 0);
        }

        private JsonNode filter(String name, JsonNode value) throws Undefined {
            switch (name) {
                case "int":
                    try {
                        return JSON.numberNode(new BigDecimal(value.asText().strip()).toBigInteger());
                    } catch (NumberFormatException e) {
                        return JSON.numberNode(0);
                    }
                case "string":
                    return JSON.textNode(value.isValueNode() ? value.asText() : value.toString());
                case "lower", "upper", "trim":
                    String s = value.asText();
                    return JSON.textNode(name.equals("lower") ? s.toLowerCase(Locale.ROOT)
                            : name.equals("upper") ? s.toUpperCase(Locale.ROOT) : s.strip());
                case "bool":
                    String b = value.asText().strip().toLowerCase(Locale.ROOT);
                    return JSON.booleanNode(List.of("yes", "on", "1", "true", "y", "t").contains(b));
                default:
                    throw new Undefined("the filter \"" + name + "\" is not worked out offline");
            }
        }

        private JsonNode operand() throws Undefined {
            skipSpace();
            if (at >= text.length()) {
                throw new Undefined("the template {{" + text + "}} is empty");
            }
            char c = text.charAt(at);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, at + 1);
                if (end < 0) {
                    throw new Undefined("a quoted text in {{" + text + "}} is not closed");
                }
                String s = text.substring(at + 1, end);
                at = end + 1;
                skipSpace();
                return JSON.textNode(s);
            }
            if (Character.isDigit(c) || c == '-') {
                int start = at++;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                BigDecimal n = new BigDecimal(text.substring(start, at));
                skipSpace();
                return n.scale() <= 0 ? JSON.numberNode(n.toBigInteger()) : JSON.numberNode(n);
            }
            String name = identifier();
            switch (name) {
                case "true", "True":
                    return JSON.booleanNode(true);
                case "false", "False":
                    return JSON.booleanNode(false);
                case "none", "None":
                    return JSON.nullNode();
                case "omit":
                    return OMIT;
                case "lookup", "query", "q":
                    throw new Undefined(name + "() reads from outside the playbook; it is not worked out offline");
                default:
            }
            JsonNode value = vars.get(name);
            String path = name;
            while (peek('.') || peek('[')) {
                String key;
                if (text.charAt(at) == '.') {
                    at++;
                    key = identifier();
                } else {
                    at++;
                    JsonNode index = operand();
                    if (!peek(']')) {
                        throw new Undefined("cannot read {{" + text + "}}");
                    }
                    at++;
                    key = index.asText();
                }
                path += "." + key;
                JsonNode next = value.isArray() && key.matches("\\d{1,9}") ? value.get(Integer.parseInt(key))
                        : value.isObject() ? value.get(key) : null;
                if (next == null) {
                    throw new Undefined("\"" + path + "\" is not defined");
                }
                value = next;
                skipSpace();
            }
            if (peek('(')) {
                throw new Undefined("calls such as " + name + "() are not worked out offline");
            }
            return value;
        }

        private String identifier() throws Undefined {
            skipSpace();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new Undefined("the expression {{" + text + "}} is not worked out offline");
            }
            String id = text.substring(start, at);
            skipSpace();
            return id;
        }

        private boolean peek(char c) {
            skipSpace();
            return at < text.length() && text.charAt(at) == c;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
