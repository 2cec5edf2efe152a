package dev.portcullis.backend.workspace;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The refusals of the workspace, each with the {@code NeutronError.type} a real Neutron answers with for
 * the same condition (see the error catalogue in shared/neutron/RECIPE.md 6.5) and words for a person.
 */
final class Refusals {

    static final String RULE_NOT_FOUND = "SecurityGroupRuleNotFound";
    static final String PORT_NOT_FOUND = "PortNotFound";
    static final String ADDRESS_GROUP_NOT_FOUND = "AddressGroupNotFound";
    static final String IN_USE = "SecurityGroupInUse";
    static final String CANNOT_UPDATE_DEFAULT = "SecurityGroupCannotUpdateDefault";
    static final String CANNOT_REMOVE_DEFAULT = "SecurityGroupCannotRemoveDefault";
    static final String REVISION_CONFLICT = "RevisionNumberConstraintFailed";

    // Ours: the workspace file itself.
    static final String FILE_INVALID = "WorkspaceFileInvalid";
    static final String FILE_UNREADABLE = "WorkspaceFileUnreadable";
    static final String WRITE_FAILED = "WorkspaceWriteFailed";
    static final String CLOSED = "WorkspaceClosed";
    static final String INTERNAL = "InternalError";

    /** How many problems a message lists before it says how many more there are. */
    static final int LISTED_PROBLEMS = 5;
    /** How much of a name a message quotes. */
    static final int QUOTED_LENGTH = 60;

    private static final Set<String> NOT_FOUND = Set.of(ErrorCode.GROUP_NOT_FOUND, RULE_NOT_FOUND, PORT_NOT_FOUND,
            ADDRESS_GROUP_NOT_FOUND);
    private static final Set<String> CONFLICT = Set.of(ErrorCode.RULE_EXISTS, ErrorCode.DUPLICATE_RULE_IN_POST,
            ErrorCode.DEFAULT_ALREADY_EXISTS, IN_USE, CANNOT_UPDATE_DEFAULT, CANNOT_REMOVE_DEFAULT);

    private Refusals() {
    }

    static Kind kindOf(String code) {
        if (NOT_FOUND.contains(code)) {
            return Kind.NOT_FOUND;
        }
        if (CONFLICT.contains(code)) {
            return Kind.CONFLICT;
        }
        if (REVISION_CONFLICT.equals(code)) {
            return Kind.STALE;
        }
        return Kind.INVALID;
    }

    /** A refusal for a list of problems: the first one's code decides, as it is the one Neutron answers. */
    static BackendException of(String lead, List<Problem> problems) {
        String code = problems.get(0).code();
        return new BackendException(kindOf(code), code, lead + ": " + list(problems));
    }

    static String list(List<Problem> problems) {
        String listed = problems.stream().limit(LISTED_PROBLEMS).map(Problem::message)
                .collect(Collectors.joining(" "));
        int more = problems.size() - LISTED_PROBLEMS;
        return more > 0 ? listed + " (and " + more + (more == 1 ? " more problem)" : " more problems)") : listed;
    }

    /**
     * The workspace file is not valid. The console shows this message in its window, so it is lines, not a
     * paragraph: the file and how many problems; the first {@link #LISTED_PROBLEMS} as "field: message"; how
     * many more; what to do, with the command that lists them all.
     */
    static BackendException fileInvalid(Path file, List<Problem> problems) {
        StringBuilder message = new StringBuilder("The workspace file ").append(file).append(" cannot be used: it has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem." : " problems.");
        problems.stream().limit(LISTED_PROBLEMS).forEach(p -> message.append('\n')
                .append(p.field().isEmpty() ? "" : p.field() + ": ").append(oneLine(p.message())));
        if (problems.size() > LISTED_PROBLEMS) {
            message.append("\n(and ").append(problems.size() - LISTED_PROBLEMS).append(" more)");
        }
        message.append("\nFix the file (`portcullis validate ").append(shellWord(file.toString()))
                .append("` checks its definitions), or move it away to start a new workspace.");
        return new BackendException(Kind.INVALID, FILE_INVALID, message.toString());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** A path as one word a shell reads back as that path: quoted only where it has to be. */
    static String shellWord(String text) {
        if (!text.isEmpty() && text.matches("[A-Za-z0-9_./@%+=:,~-]+") && !text.startsWith("~")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    static BackendException groupNotFound(String id, String name) {
        return new BackendException(Kind.NOT_FOUND, ErrorCode.GROUP_NOT_FOUND,
                "The group " + label(name, id) + " does not exist (any more): someone may have deleted it.");
    }

    static BackendException ruleNotFound(String ruleId, String summary) {
        return new BackendException(Kind.NOT_FOUND, RULE_NOT_FOUND,
                "The rule " + summary + " is no longer in this group (rule id " + ruleId + ").");
    }

    static BackendException portNotFound(String id, String label) {
        return new BackendException(Kind.NOT_FOUND, PORT_NOT_FOUND,
                "The interface " + (label == null || label.isBlank() ? id : label) + " does not exist (any more).");
    }

    static BackendException stale(long expected, long current) {
        return new BackendException(Kind.STALE, REVISION_CONFLICT,
                "Someone else changed this group since you opened it (revision " + expected + ", now " + current
                        + "). Reload it and make your changes again.");
    }

    static BackendException inUse(List<String> interfaces) {
        return new BackendException(Kind.CONFLICT, IN_USE,
                "This group is still used by " + interfaces.size() + (interfaces.size() == 1 ? " interface: "
                        : " interfaces: ") + String.join(", ", interfaces));
    }

    /** Neutron refuses a change of statefulness while ports use the group, with the type it uses for deletes. */
    static BackendException statefulInUse(boolean stateful, List<String> interfaces) {
        return new BackendException(Kind.CONFLICT, IN_USE,
                "The group cannot be made " + (stateful ? "stateful" : "stateless") + " while interfaces use it; "
                        + "it is used by " + interfaces.size() + (interfaces.size() == 1 ? " interface: "
                        : " interfaces: ") + String.join(", ", interfaces) + ".");
    }

    static BackendException cannotUpdateDefault() {
        return new BackendException(Kind.CONFLICT, CANNOT_UPDATE_DEFAULT,
                "The default group cannot be renamed; its description and rules can be changed.");
    }

    static BackendException cannotRemoveDefault() {
        return new BackendException(Kind.CONFLICT, CANNOT_REMOVE_DEFAULT,
                "The default group cannot be deleted: every project has one.");
    }

    static BackendException defaultName() {
        return new BackendException(Kind.CONFLICT, ErrorCode.DEFAULT_ALREADY_EXISTS,
                "\"default\" is reserved for the project's default group: choose another name.");
    }

    static BackendException closed(Path file) {
        return new BackendException(Kind.UNAVAILABLE, CLOSED,
                "The local workspace " + file + " was closed, so this was not done; open it again to go on.");
    }

    /** A name in quotes, shortened when it is too long to read in a message. */
    static String quoted(String name) {
        return "\"" + (name.length() > QUOTED_LENGTH ? name.substring(0, QUOTED_LENGTH) + "…" : name) + "\"";
    }

    private static String label(String name, String id) {
        return name == null || name.isBlank() ? id : quoted(name);
    }
}
