package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portcullis.domain.Problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The values of a template's parameters as Heat would take them: a {@code -P name=value} override, else a
 * value from an environment file's {@code parameters}, else from its {@code parameter_defaults}, else the
 * parameter's {@code default} (later environment files winning), each converted to the parameter's
 * {@code type} ({@code string}, {@code number}, {@code boolean}, {@code json}, {@code comma_delimited_list}).
 */
final class HeatParameters {

    /** Heat's pseudo parameters, known only to the stack being created. */
    private static final Set<String> PSEUDO = Set.of("OS::stack_name", "OS::stack_id", "OS::project_id");
    /** What {@code OS::stack_name} is read as: names made from it stay readable, and the notice says so. */
    static final String STACK_NAME = "STACK";
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final JsonNode declared;
    private final Map<String, JsonNode> given = new HashMap<>();
    private final Map<String, JsonNode> defaults = new HashMap<>();
    /** The environment files' {@code resource_registry}: types (and resources) mapped to templates or other types. */
    final Map<String, JsonNode> registry = new HashMap<>();
    private final Map<String, String> overrides;
    private final List<Problem> notices;

    /**
     * @param declared the template's {@code parameters} section (or null)
     * @param problems where problems with the environment files go
     */
    HeatParameters(JsonNode declared, ReadOptions options, List<Problem> problems, List<Problem> notices) {
        this.declared = declared == null ? json.objectNode() : declared;
        this.overrides = options.variables();
        this.notices = notices;
        for (Path env : options.variableFiles()) {
            environment(env, problems, notices);
        }
        for (String name : overrides.keySet()) {
            if (!this.declared.has(name)) {
                problems.add(new Problem(HeatReader.INVALID, "-P " + name, "The template has no parameter \"" + name
                        + "\"; Heat refuses a value for a parameter it does not declare."));
            }
        }
    }

    private void environment(Path file, List<Problem> problems, List<Problem> notices) {
        YamlTree.Loaded env;
        try {
            env = YamlTree.load(file);
        } catch (YamlTree.SyntaxException e) {
            problems.add(new Problem(HeatReader.SYNTAX, file.toString(), "The environment file cannot be read: "
                    + e.getMessage()));
            return;
        }
        if (env.root() == null || !env.root().isObject()) {
            problems.add(new Problem(HeatReader.SYNTAX, file.toString(),
                    "An environment file is a map with \"parameters\" and/or \"parameter_defaults\"."));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = env.root().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            Map<String, JsonNode> into = switch (section.getKey()) {
                case "parameters" -> given;
                case "parameter_defaults" -> defaults;
                case "resource_registry" -> registry;
                default -> null;
            };
            String where = file + " (line " + env.line("/" + section.getKey()) + ")";
            if (into == null) {
                notices.add(new Problem(HeatReader.NOT_READ, where, "The environment's \"" + section.getKey()
                        + "\" is not read; only parameters, parameter_defaults and resource_registry are."));
            } else if (section.getValue().isObject()) {
                section.getValue().fields().forEachRemaining(p -> into.put(p.getKey(), p.getValue()));
            } else if (!section.getValue().isNull()) {
                problems.add(new Problem(HeatReader.SYNTAX, where, "\"" + section.getKey() + "\" must be a map."));
            }
        }
    }

    /** The parameter's value, converted to its type. */
    JsonNode value(String name, String pointer) throws HeatFunctions.Unresolved {
        if (name.equals("OS::stack_name")) {
            notices.add(new Problem(HeatReader.NOT_READ,
                    HeatRules.address(pointer) + " (line " + pointerLine(pointer) + ")", "OS::stack_name is known only "
                    + "when the stack is created; it is read as \"" + STACK_NAME + "\"."));
            return json.textNode(STACK_NAME);
        }
        if (PSEUDO.contains(name)) {
            throw new HeatFunctions.Unresolved(pointer, name + " is known only to the stack being created");
        }
        JsonNode declaration = declared.get(name);
        if (declaration == null || !declaration.isObject()) {
            throw new HeatFunctions.Unresolved(pointer, "the template declares no parameter \"" + name + "\"");
        }
        String type = declaration.path("type").asText("string").toLowerCase(Locale.ROOT);
        JsonNode raw;
        if (overrides.containsKey(name)) {
            raw = json.textNode(overrides.get(name));
        } else if (given.containsKey(name)) {
            raw = given.get(name);
        } else if (defaults.containsKey(name)) {
            raw = defaults.get(name);
        } else if (declaration.has("default") && !declaration.get("default").isNull()) {
            raw = declaration.get("default");
        } else {
            throw new HeatFunctions.Unresolved(pointer, "the parameter \"" + name + "\" has no default and no "
                    + "value was given (-P " + name + "=VALUE or an environment file)");
        }
        return convert(name, type, raw, pointer);
    }

    private int pointerLine(String pointer) {
        return lines == null ? 1 : lines.line(pointer);
    }

    /** The template's lines, for notices about pseudo parameters. */
    private YamlTree.Loaded lines;

    HeatParameters withLines(YamlTree.Loaded tree) {
        this.lines = tree;
        return this;
    }

    private JsonNode convert(String name, String type, JsonNode raw, String pointer) throws HeatFunctions.Unresolved {
        String what = "the parameter \"" + name + "\" is a " + type + ", and " + raw + " is not";
        switch (type) {
            case "number":
                if (raw.isNumber()) {
                    return raw;
                }
                try {
                    BigDecimal n = new BigDecimal(raw.asText().strip());
                    return n.stripTrailingZeros().scale() <= 0 ? json.numberNode(n.toBigIntegerExact())
                            : json.numberNode(n);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new HeatFunctions.Unresolved(pointer, what);
                }
            case "boolean":
                if (raw.isBoolean()) {
                    return raw;
                }
                String b = raw.asText().strip().toLowerCase(Locale.ROOT);
                if (TRUE.contains(b) || FALSE.contains(b)) {
                    return json.booleanNode(TRUE.contains(b));
                }
                throw new HeatFunctions.Unresolved(pointer, what);
            case "comma_delimited_list":
                if (raw.isArray()) {
                    return raw;
                }
                ArrayNode list = json.arrayNode();
                if (!raw.asText().isEmpty()) {
                    for (String item : raw.asText().split(",", -1)) {
                        list.add(item.strip());
                    }
                }
                return list;
            case "json":
                if (raw.isContainerNode()) {
                    return raw;
                }
                try {
                    return new ObjectMapper().readTree(raw.asText());
                } catch (IOException e) {
                    throw new HeatFunctions.Unresolved(pointer, what + " JSON");
                }
            default:
                if (raw.isContainerNode()) {
                    throw new HeatFunctions.Unresolved(pointer, what);
                }
                return json.textNode(raw.asText());
        }
    }
}
