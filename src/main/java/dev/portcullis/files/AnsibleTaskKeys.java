package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The keys of an Ansible task: its keywords (the "Task" section of Ansible's Playbook Keywords, with
 * {@code listen} of handlers) and every {@code with_<lookup>} loop; any other key is the task's module.
 */
final class AnsibleTaskKeys {

    private static final Set<String> KEYWORDS = Set.of("action", "any_errors_fatal", "args", "async", "become",
            "become_exe", "become_flags", "become_method", "become_user", "changed_when", "check_mode", "collections",
            "connection", "debugger", "delay", "delegate_facts", "delegate_to", "diff", "environment", "failed_when",
            "ignore_errors", "ignore_unreachable", "local_action", "loop", "loop_control", "module_defaults", "name",
            "no_log", "notify", "poll", "port", "register", "remote_user", "retries", "run_once", "tags", "throttle",
            "timeout", "until", "vars", "when", "listen");
    /** Modules that run tasks, roles or plays from elsewhere: what they do is not read. */
    private static final Set<String> INCLUDES = Set.of("include_tasks", "import_tasks", "include_role", "import_role",
            "include", "import_playbook");
    /** Modules that set variables; they are noted. */
    private static final Set<String> VARIABLES = Set.of("include_vars", "set_fact");

    private AnsibleTaskKeys() {
    }

    static boolean keyword(String key) {
        return KEYWORDS.contains(key) || key.startsWith("with_");
    }

    /** The keys of the task that are not keywords: one is its module; more cannot be told apart. */
    static List<String> modules(JsonNode task) {
        List<String> modules = new ArrayList<>();
        for (Iterator<String> it = task.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keyword(key)) {
                modules.add(key);
            }
        }
        return modules;
    }

    private static String shortName(String module) {
        return module.startsWith("ansible.builtin.") ? module.substring("ansible.builtin.".length())
                : module.startsWith("ansible.legacy.") ? module.substring("ansible.legacy.".length()) : module;
    }

    static boolean includes(String module) {
        return INCLUDES.contains(shortName(module));
    }

    static boolean setsVariables(String module) {
        return VARIABLES.contains(shortName(module));
    }

    /** {@code name=web description=x} written on the module's line, as a map; anything else as it is. */
    static JsonNode freeForm(JsonNode args) {
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
}
