package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.SourceGroups.Place;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Ansible playbook (a list of plays) or task file (a list of tasks) into the groups and rules its
 * {@code openstack.cloud} security group tasks leave in a project (see {@link AnsibleModules} for what each
 * module does). Tasks are read in order through {@code pre_tasks}, {@code tasks}, {@code post_tasks} and
 * {@code block}/{@code always}; {@code roles}, includes, imports, handlers and {@code rescue} are noted and
 * not followed, and {@code when} is noted and read as true. Variables: play {@code vars}, {@code vars_files}
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

    /** Keys of a task that are not its module. */
    private static final Set<String> TASK_KEYWORDS = Set.of("name", "when", "loop", "with_items", "with_list",
            "loop_control", "vars", "register", "tags", "become", "become_user", "become_method", "become_flags",
            "delegate_to", "delegate_facts", "run_once", "ignore_errors", "ignore_unreachable", "changed_when",
            "failed_when", "notify", "no_log", "environment", "args", "until", "retries", "delay", "check_mode",
            "diff", "any_errors_fatal", "collections", "module_defaults", "throttle", "timeout", "connection",
            "debugger", "listen", "async", "poll", "remote_user", "port", "with_dict", "with_together",
            "with_nested", "with_sequence", "with_fileglob", "with_subelements", "with_first_found",
            "with_random_choice", "with_indexed_items", "with_flattened", "local_action", "action");
    private static final Set<String> NOT_FOLLOWED = Set.of("include_tasks", "import_tasks", "include_role",
            "import_role", "include", "import_playbook", "include_vars", "ansible.builtin.include_tasks",
            "ansible.builtin.import_tasks", "ansible.builtin.include_role", "ansible.builtin.import_role",
            "ansible.builtin.include_vars", "set_fact", "ansible.builtin.set_fact");

    public DefinitionReport read(Path file, ReadOptions options) {
        YamlTree.Loaded tree;
        try {
            tree = YamlTree.parse(YamlTree.readFile(file));
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

        Reading(Path file, YamlTree.Loaded tree, ReadOptions options) {
            this.file = file;
            this.tree = tree;
            this.options = options;
        }

        DefinitionReport read() {
            AnsibleScope extra = new AnsibleScope(null, extraVars());
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
                tasks(root, "", "", extra);
            }
            return SourceGroups.report(file, new ArrayList<>(modules.groups.values()), problems, notices, OUTSIDE);
        }

        private Map<String, JsonNode> extraVars() {
            Map<String, JsonNode> vars = new HashMap<>();
            for (Path f : options.variableFiles()) {
                try {
                    JsonNode values = YamlTree.parse(YamlTree.readFile(f)).root();
                    if (values != null && values.isObject()) {
                        values.fields().forEachRemaining(v -> vars.put(v.getKey(), v.getValue()));
                    } else {
                        problems.add(new Problem(SYNTAX, f.toString(), "A vars file is a map of names to values."));
                    }
                } catch (YamlTree.SyntaxException e) {
                    problems.add(new Problem(SYNTAX, f.toString(), "The vars file cannot be read: " + e.getMessage()));
                }
            }
            options.variables().forEach((k, v) -> vars.put(k, JsonNodeFactory.instance.textNode(v)));
            return vars;
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
                notices.add(new Problem(NOT_READ, where.field(), "import_playbook is not followed."));
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
                if (section.equals("roles") || section.equals("handlers")) {
                    notices.add(new Problem(NOT_READ, at.field(), "The play's " + section + " are not read"
                            + (section.equals("roles") ? "." : ": handlers run only when notified.")));
                } else if (!list.isArray()) {
                    problems.add(new Problem(SYNTAX, at.field(), section + " must be a list of tasks."));
                } else {
                    tasks(list, pointer + "/" + section, prefix, scope);
                }
            }
        }

        private AnsibleScope varsFile(JsonNode name, String pointer, String prefix, AnsibleScope scope) {
            Place where = place(pointer, prefix + "vars_files");
            try {
                JsonNode rendered = AnsibleTemplates.render(name, scope);
                Path path = file.toAbsolutePath().getParent().resolve(rendered.asText());
                JsonNode values = YamlTree.parse(YamlTree.readFile(path)).root();
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

        private void tasks(JsonNode list, String pointer, String prefix, AnsibleScope scope) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode task = list.get(i);
                String at = pointer + "/" + i;
                if (!task.isObject()) {
                    problems.add(new Problem(SYNTAX, place(at, prefix + "task").field(), "A task must be a map."));
                    continue;
                }
                if (task.has("block")) {
                    AnsibleScope inner = scope.with(task.get("vars"));
                    for (String part : List.of("block", "always")) {
                        if (task.get(part) != null && task.get(part).isArray()) {
                            tasks(task.get(part), at + "/" + part, prefix, inner);
                        }
                    }
                    if (task.has("rescue")) {
                        notices.add(new Problem(NOT_READ, place(at + "/rescue", prefix + "rescue").field(),
                                "rescue runs only when the block fails; it is not read."));
                    }
                    continue;
                }
                taskNumber++;
                String name = task.path("name").asText(null);
                String address = prefix + "task " + taskNumber + (name == null ? "" : " " + YamlText.quoted(name));
                task(task, at, address, scope);
            }
        }

        private void task(JsonNode task, String pointer, String address, AnsibleScope scope) {
            String module = null;
            for (Iterator<String> it = task.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!TASK_KEYWORDS.contains(key)) {
                    module = key;
                }
            }
            Place where = place(pointer, address);
            for (String form : List.of("action", "local_action")) {
                String named = task.path(form).isObject() ? task.path(form).path("module").asText("")
                        : task.path(form).asText("").strip().split("\\s+")[0];
                if (AnsibleModules.handles(named)) {
                    problems.add(new Problem(NOT_READ, place(pointer + "/" + form, address + "." + form).field(),
                            "A security group task written with " + form + " is not read: write the module as "
                                    + "the task's key."));
                }
            }
            if (module == null || !AnsibleModules.handles(module)) {
                if (module != null && NOT_FOLLOWED.contains(module)) {
                    notices.add(new Problem(NOT_READ, where.field(), module + " is not followed."));
                }
                return;
            }
            if (task.has("when")) {
                notices.add(new Problem(NOT_READ, place(pointer + "/when", address + ".when").field(),
                        "when is not evaluated: the task is read as if it runs."));
            }
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
                    itemScope = taskScope.with(vars);
                    itemAddress = address + " item " + (n + 1);
                }
                JsonNode args;
                try {
                    args = freeForm(render(task.get(module), argsPointer, itemScope));
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
                });
            }
        }

        /** {@code name=web description=x} written on the module's line, as a map; anything else as it is. */
        private static JsonNode freeForm(JsonNode args) {
            if (!args.isTextual()) {
                return args;
            }
            ObjectNode map = JsonNodeFactory.instance.objectNode();
            for (String token : args.textValue().strip().split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    return args;
                }
                map.put(token.substring(0, eq), token.substring(eq + 1));
            }
            return map;
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
                try {
                    return AnsibleTemplates.renderText(value.textValue(), scope);
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
