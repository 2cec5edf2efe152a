package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.AnsibleModules.Condition;
import dev.portcullis.files.SourceGroups.Place;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads an Ansible playbook (a list of plays) or task file (a list of tasks) into the groups and rules its
 * {@code openstack.cloud} security group tasks leave in a project (see {@link AnsibleModules} for what each
 * module does). Tasks are read in order through {@code pre_tasks}, {@code tasks}, {@code post_tasks},
 * {@code block}, and as tasks that may not run, {@code handlers}, {@code rescue} and {@code always}. What is not
 * read is a problem ({@link #NOT_RESOLVED}): {@code roles}, includes and imports, a {@code with_<lookup>} loop,
 * a task with more than one key that is not a keyword; so is a task that may not run ({@code when}) and
 * deletes or replaces rules (one that adds is read as running, noted), and a template that uses a variable
 * {@code set_fact} or {@code include_vars} may set. Variables: play {@code vars}, {@code vars_files}
 * (relative to the playbook), block and task {@code vars}, the loop item ({@code loop}, {@code with_items},
 * {@code with_list}, {@code loop_control.loop_var}), and {@link ReadOptions} as extra vars ({@code -e}, the
 * highest precedence: {@code variables()} as {@code name=value}, {@code variableFiles()} as {@code @file}).
 * Templates are worked out by {@link AnsibleTemplates}; what cannot be is a problem at its line, and the
 * rest is still read. Groups get the draft id {@code draft:NAME}.
 */
public final class AnsibleReader {

    public static final String SYNTAX = "AnsibleSyntax";
    /** Something Ansible or the module refuses (an unknown option, a value it does not take). */
    public static final String INVALID = "AnsibleInvalid";
    /** A template that cannot be worked out offline (an undefined variable, a lookup...). */
    public static final String NOT_RESOLVED = "AnsibleNotResolved";
    /** A note: a part of the playbook that is not read. */
    public static final String NOT_READ = "AnsibleNotRead";
    static final String OUTSIDE = "the module looks it up by name or id in the cloud when the task runs.";
    private static final String NOT_FOLLOWED = "what it does is not read: its security groups are not reviewed.";

    public DefinitionReport read(Path file, ReadOptions options) {
        YamlTree.Loaded tree;
        try {
            tree = YamlTree.load(file);
        } catch (YamlTree.SyntaxException e) {
            return DefinitionReport.unusable(new Problem(SYNTAX, "", "The Ansible file " + file
                    + " cannot be read: " + e.getMessage()));
        }
        if (tree.root() == null || !tree.root().isArray()) {
            return DefinitionReport.unusable(new Problem(SYNTAX, "", file + " is not an Ansible playbook or task "
                    + "file: those are lists of plays or tasks."));
        }
        return new Reading(file, tree, options).read();
    }

    /** A template that failed, with where it was written. */
    private static final class Failed extends Exception {
        final String pointer;

        Failed(String pointer, String reason) {
            super(reason);
            this.pointer = pointer;
        }
    }

    private static final class Reading {
        private final Path file;
        private final YamlTree.Loaded tree;
        private final ReadOptions options;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> notices = new ArrayList<>();
        private final AnsibleModules modules = new AnsibleModules(problems, notices);
        private int taskNumber;
        /** Variables given by a default in the template being worked out. */
        private final List<String> defaulted = new ArrayList<>();

        Reading(Path file, YamlTree.Loaded tree, ReadOptions options) {
            this.file = file;
            this.tree = tree;
            this.options = options;
        }

        DefinitionReport read() {
            AnsibleScope extra = AnsibleScope.extra(options, problems);
            extra.onDefault((variable, used) -> defaulted.add(variable + " is not defined here; the default "
                    + (used.isTextual() ? "'" + used.textValue() + "'" : used.toString()) + " is used"));
            JsonNode root = tree.root();
            boolean playbook = false;
            for (JsonNode item : root) {
                playbook |= item.has("hosts") || item.has("import_playbook");
            }
            if (playbook) {
                for (int i = 0; i < root.size(); i++) {
                    play(root.get(i), "/" + i, "play " + (i + 1) + " ", extra);
                }
            } else {
                tasks(root, "", "", extra, null);
            }
            return SourceGroups.report(file, new ArrayList<>(modules.groups.values()), problems, notices, OUTSIDE);
        }

        private Place place(String pointer, String address) {
            return new Place(address, tree.line(pointer));
        }

        private void play(JsonNode play, String pointer, String prefix, AnsibleScope extra) {
            Place where = place(pointer, prefix.strip());
            if (!play.isObject()) {
                problems.add(new Problem(SYNTAX, where.field(), "A play must be a map."));
                return;
            }
            if (play.has("import_playbook")) {
                problems.add(new Problem(NOT_RESOLVED, where.field(), "import_playbook: " + NOT_FOLLOWED));
                return;
            }
            AnsibleScope scope = extra.with(play.get("vars"));
            JsonNode files = play.get("vars_files");
            if (files != null && files.isArray()) {
                for (int i = 0; i < files.size(); i++) {
                    scope = varsFile(files.get(i), pointer + "/vars_files/" + i, prefix, scope);
                }
            }
            taskNumber = 0;
            for (String section : List.of("pre_tasks", "roles", "tasks", "post_tasks", "handlers")) {
                JsonNode list = play.get(section);
                if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
                    continue;
                }
                Place at = place(pointer + "/" + section, prefix + section);
                if (!list.isArray()) {
                    problems.add(new Problem(SYNTAX, at.field(), section + " must be a list."));
                } else if (section.equals("roles")) {
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode role = list.get(i);
                        String name = role.isObject() ? role.path("role").asText(role.path("name").asText("?"))
                                : role.asText();
                        problems.add(new Problem(NOT_RESOLVED, place(pointer + "/roles/" + i, prefix + "roles["
                                + i + "]").field(), "The role " + name + ": " + NOT_FOLLOWED));
                    }
                } else {
                    tasks(list, pointer + "/" + section, prefix + (section.equals("handlers") ? "handlers " : ""),
                            scope, section.equals("handlers") ? new Condition(at, "a handler runs only when "
                                    + "notified") : null);
                }
            }
        }

        private AnsibleScope varsFile(JsonNode name, String pointer, String prefix, AnsibleScope scope) {
            Place where = place(pointer, prefix + "vars_files");
            try {
                JsonNode rendered = AnsibleTemplates.render(name, scope);
                Path path = file.toAbsolutePath().getParent().resolve(rendered.asText());
                JsonNode values = YamlTree.load(path).root();
                if (values != null && values.isObject()) {
                    return scope.with(values);
                }
                problems.add(new Problem(SYNTAX, where.field(), path + " is not a map of variables."));
            } catch (AnsibleTemplates.Undefined e) {
                problems.add(new Problem(NOT_RESOLVED, where.field(), "This cannot be known offline: "
                        + e.getMessage() + "."));
            } catch (YamlTree.SyntaxException e) {
                problems.add(new Problem(NOT_RESOLVED, where.field(), "The vars file cannot be read: "
                        + e.getMessage()));
            }
            return scope;
        }

        private void tasks(JsonNode list, String pointer, String prefix, AnsibleScope scope, Condition condition) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode task = list.get(i);
                String at = pointer + "/" + i;
                if (!task.isObject()) {
                    problems.add(new Problem(SYNTAX, place(at, prefix + "task").field(), "A task must be a map."));
                    continue;
                }
                if (task.has("block")) {
                    block(task, at, prefix, scope, condition);
                    continue;
                }
                taskNumber++;
                String name = task.path("name").asText(null);
                String address = prefix + "task " + taskNumber + (name == null ? "" : " " + YamlText.quoted(name));
                task(task, at, address, scope, condition);
            }
        }

        /** A block's tasks; those of {@code rescue} and {@code always}, and all of them under when, may not run. */
        private void block(JsonNode task, String at, String prefix, AnsibleScope scope, Condition condition) {
            AnsibleScope inner = scope.with(task.get("vars"));
            Condition when = condition == null && task.has("when") ? new Condition(place(at + "/when", prefix
                    + "block.when"), "the block has when") : condition;
            for (String part : List.of("block", "rescue", "always")) {
                JsonNode list = task.get(part);
                if (list == null || list.isNull()) {
                    continue;
                }
                Place where = place(at + "/" + part, prefix + part);
                if (!list.isArray()) {
                    problems.add(new Problem(SYNTAX, where.field(), part + " must be a list of tasks."));
                    continue;
                }
                Condition c = when != null || part.equals("block") ? when : new Condition(where, part.equals("rescue")
                        ? "rescue runs only when the block fails" : "always runs only when the block is reached");
                tasks(list, at + "/" + part, prefix, inner, c);
            }
        }

        private void task(JsonNode task, String pointer, String address, AnsibleScope scope, Condition condition) {
            Place where = place(pointer, address);
            List<String> keys = AnsibleTaskKeys.modules(task);
            if (keys.size() > 1) {
                problems.add(new Problem(NOT_RESOLVED, where.field(), "The task has more than one key that is not a "
                        + "task keyword (" + String.join(", ", keys) + "): which is its module is not guessed, and "
                        + "the task is not read: its security groups are not reviewed."));
                return;
            }
            String module = keys.isEmpty() ? null : keys.get(0);
            for (String form : List.of("action", "local_action")) {
                String named = task.path(form).isObject() ? task.path(form).path("module").asText("")
                        : task.path(form).asText("").strip().split("\\s+")[0];
                if (AnsibleModules.handles(named)) {
                    problems.add(new Problem(NOT_RESOLVED, place(pointer + "/" + form, address + "." + form).field(),
                            "A security group task written with " + form + " is not read: write the module as "
                                    + "the task's key."));
                }
            }
            if (module == null || !AnsibleModules.handles(module)) {
                if (module != null && AnsibleTaskKeys.includes(module)) {
                    problems.add(new Problem(NOT_RESOLVED, where.field(), module + ": " + NOT_FOLLOWED));
                } else if (module != null && AnsibleTaskKeys.setsVariables(module)) {
                    setsVariables(module, AnsibleTaskKeys.freeForm(task.get(module)), where, scope);
                }
                return;
            }
            Condition runs = condition != null || !task.has("when") ? condition
                    : new Condition(place(pointer + "/when", address + ".when"), "when is not evaluated");
            AnsibleScope taskScope = scope.with(task.get("vars"));
            String loopVar = task.path("loop_control").path("loop_var").asText("item");
            List<JsonNode> items;
            try {
                items = items(task, pointer, taskScope);
            } catch (Failed f) {
                failed(f, address);
                return;
            }
            String argsPointer = YamlTree.step(pointer, module);
            for (int n = 0; n < items.size(); n++) {
                AnsibleScope itemScope = taskScope;
                String itemAddress = address;
                if (items.get(n) != null) {
                    ObjectNode vars = JsonNodeFactory.instance.objectNode();
                    vars.set(loopVar, items.get(n));
                    itemScope = taskScope.loopItem(vars);
                    itemAddress = address + " item " + (n + 1);
                }
                JsonNode args;
                try {
                    args = AnsibleTaskKeys.freeForm(render(task.get(module), argsPointer, itemScope));
                    if (task.has("args") && args.isObject()) {
                        JsonNode more = render(task.get("args"), pointer + "/args", itemScope);
                        if (more.isObject()) {
                            ((ObjectNode) more).setAll((ObjectNode) args);
                            args = more;
                        }
                    }
                } catch (Failed f) {
                    failed(f, itemAddress);
                    continue;
                }
                String base = itemAddress;
                modules.apply(module, args, steps -> {
                    if (steps.length == 0) {
                        return place(pointer, base);
                    }
                    StringBuilder a = new StringBuilder(base);
                    String p = argsPointer;
                    for (Object s : steps) {
                        a.append(s instanceof Integer ? "[" + s + "]" : "." + s);
                        p = YamlTree.step(p, s);
                    }
                    return place(p, a.toString());
                }, runs);
            }
        }

        /** set_fact's variables (include_vars': any) are not known offline from here on. */
        private void setsVariables(String module, JsonNode args, Place where, AnsibleScope scope) {
            String by = module + " at line " + where.line();
            List<String> names = new ArrayList<>();
            if (module.endsWith("set_fact") && args.isObject()) {
                args.fieldNames().forEachRemaining(n -> names.add(n.equals("cacheable") ? null : n));
                names.stream().filter(n -> n != null).forEach(n -> scope.setByTask(n, by));
            } else {
                scope.setByTask(null, by);
            }
            notices.add(new Problem(NOT_READ, where.field(), module + " is not run: later templates that use "
                    + (names.isEmpty() ? "any variable but extra vars" : String.join(", ", names.stream()
                    .filter(n -> n != null).toList())) + " are not worked out offline."));
        }

        private void failed(Failed f, String address) {
            problems.add(new Problem(NOT_RESOLVED, address + " (line " + tree.line(f.pointer) + ")",
                    "This cannot be known offline: " + f.getMessage() + "."));
        }

        /** The loop's items, or one null for a task without a loop. */
        private List<JsonNode> items(JsonNode task, String pointer, AnsibleScope scope) throws Failed {
            List<JsonNode> items = new ArrayList<>();
            for (Iterator<String> it = task.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.startsWith("with_") && !key.equals("with_items") && !key.equals("with_list")) {
                    throw new Failed(pointer + "/" + key, key + " is not read (loop, with_items and with_list are)");
                }
            }
            String key = task.has("loop") ? "loop" : task.has("with_items") ? "with_items"
                    : task.has("with_list") ? "with_list" : null;
            if (key == null) {
                items.add(null);
                return items;
            }
            JsonNode list = render(task.get(key), pointer + "/" + key, scope);
            if (!list.isArray()) {
                throw new Failed(pointer + "/" + key, key + " must be a list");
            }
            for (JsonNode item : list) {
                if (key.equals("with_items") && item.isArray()) {
                    item.forEach(items::add);
                } else {
                    items.add(item);
                }
            }
            return items;
        }

        /** The value with its templates worked out; {@code !unsafe} text is taken as it is. */
        private JsonNode render(JsonNode value, String pointer, AnsibleScope scope) throws Failed {
            if (value == null) {
                return JsonNodeFactory.instance.nullNode();
            }
            if (value.isTextual() && !tree.unsafe().contains(pointer)) {
                defaulted.clear();
                try {
                    JsonNode rendered = AnsibleTemplates.renderText(value.textValue(), scope);
                    for (String d : defaulted) {
                        Problem note = new Problem(NOT_READ, place(pointer, pointer.substring(pointer.lastIndexOf('/') + 1)
                                .replace("~1", "/").replace("~0", "~")).field(), d + ". Ansible also "
                                + "takes variables from the inventory, group_vars and host_vars, which are not read "
                                + "here: give the value with -e to review another.");
                        if (!notices.contains(note)) {
                            notices.add(note);
                        }
                    }
                    return rendered;
                } catch (AnsibleTemplates.Undefined e) {
                    throw new Failed(pointer, e.getMessage());
                }
            }
            if (value.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < value.size(); i++) {
                    out.add(render(value.get(i), YamlTree.step(pointer, i), scope));
                }
                return out;
            }
            if (value.isObject()) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode v = render(f.getValue(), YamlTree.step(pointer, f.getKey()), scope);
                    if (v != AnsibleTemplates.OMIT) {
                        out.set(f.getKey(), v);
                    }
                }
                return out;
            }
            return value;
        }
    }
}
