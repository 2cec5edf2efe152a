package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portcullis.domain.Problem;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Variables of one level (play, block, task, loop item), looked up from the innermost, extra vars first. */
final class AnsibleScope implements AnsibleTemplates.Vars {
    private final AnsibleScope parent;
    private final Map<String, JsonNode> own;
    private int depth;
    private java.util.function.BiConsumer<String, JsonNode> onDefault;
    /** On the outermost scope: variables tasks set when the play runs (set_fact), with where; any, if not null. */
    private final Map<String, String> setByTasks = new HashMap<>();
    private String anySetByTask;
    private boolean loop;

    AnsibleScope(AnsibleScope parent, Map<String, JsonNode> own) {
        this.parent = parent;
        this.own = own;
    }

    AnsibleScope with(JsonNode vars) {
        Map<String, JsonNode> values = new HashMap<>();
        if (vars != null && vars.isObject()) {
            vars.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue()));
        }
        return new AnsibleScope(this, values);
    }

    /** The loop item's variables: a task's set_fact or include_vars does not hide them. */
    AnsibleScope loopItem(JsonNode vars) {
        AnsibleScope item = with(vars);
        item.loop = true;
        return item;
    }

    private AnsibleScope root() {
        AnsibleScope root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        return root;
    }

    /**
     * A variable a task sets when the play runs ({@code set_fact}, above every level but extra vars): from
     * here on it is not known offline; a null name stands for any variable ({@code include_vars}).
     */
    void setByTask(String name, String where) {
        if (name == null) {
            root().anySetByTask = root().anySetByTask == null ? where : root().anySetByTask;
        } else {
            root().setByTasks.putIfAbsent(name, where);
        }
    }

    /** Who is told of variables given by a default (set on the outermost scope). */
    void onDefault(java.util.function.BiConsumer<String, JsonNode> listener) {
        this.onDefault = listener;
    }

    @Override
    public void defaulted(String variable, JsonNode used) {
        AnsibleScope root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        if (root.onDefault != null) {
            root.onDefault.accept(variable, used);
        }
    }

    private JsonNode raw(String name) {
        for (AnsibleScope s = this; s != null; s = s.parent) {
            if (s.own.containsKey(name)) {
                return s.own.get(name);
            }
        }
        return null;
    }

    @Override
    public JsonNode get(String name) throws AnsibleTemplates.Undefined {
        AnsibleScope extra = this;
        while (extra.parent != null) {
            extra = extra.parent;
        }
        JsonNode value = extra.own.containsKey(name) ? extra.own.get(name) : null;
        for (AnsibleScope s = this; value == null && s != null; s = s.parent) {
            value = s.loop ? s.own.get(name) : null;
        }
        String setBy = extra.setByTasks.getOrDefault(name, extra.anySetByTask);
        if (value == null && setBy != null) {
            throw new AnsibleTemplates.Undefined("\"" + name + "\" may be set by " + setBy + " when the play runs");
        }
        value = value == null ? raw(name) : value;
        if (value == null) {
            throw new AnsibleTemplates.Undefined("the variable \"" + name + "\" is not defined");
        }
        if (++depth > 20) {
            depth = 0;
            throw new AnsibleTemplates.Undefined("the variable \"" + name + "\" is defined by itself");
        }
        try {
            return AnsibleTemplates.render(value, this);
        } finally {
            depth--;
        }
    }

    /**
     * The extra vars ({@code -e}): the files of {@code variableFiles()}, then {@code variables()}, the highest
     * precedence of all; a file that cannot be read is a problem in {@code problems}.
     */
    static AnsibleScope extra(ReadOptions options, List<Problem> problems) {
        Map<String, JsonNode> vars = new HashMap<>();
        for (Path f : options.variableFiles()) {
            try {
                JsonNode values = YamlTree.load(f).root();
                if (values != null && values.isObject()) {
                    values.fields().forEachRemaining(v -> vars.put(v.getKey(), v.getValue()));
                } else {
                    problems.add(new Problem(AnsibleReader.SYNTAX, f.toString(),
                            "A vars file is a map of names to values."));
                }
            } catch (YamlTree.SyntaxException e) {
                problems.add(new Problem(AnsibleReader.SYNTAX, f.toString(), "The vars file cannot be read: "
                        + e.getMessage()));
            }
        }
        options.variables().forEach((k, v) -> vars.put(k, JsonNodeFactory.instance.textNode(v)));
        return new AnsibleScope(null, vars);
    }
}
