package dev.portcullis.backend.neutron;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;

import java.net.ConnectException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A change whose answer was lost: the connection was reset or timed out after the request went out, the
 * answer was not the JSON it should be, or a server or gateway failed (5xx). The server may have done the
 * work all the same, so the failure alone does not say whether it did: the group read again does.
 * {@link PlanRunner} reads it and reports the operation as saved when the group shows it, and as not saved,
 * in words, when it does not.
 */
final class LostAnswers {

    private LostAnswers() {
    }

    /** Whether {@code t} leaves it unknown if the server did the work. */
    static boolean lost(Throwable t) {
        if (!(t instanceof BackendException b) || b.kind() != Kind.UNAVAILABLE
                || NeutronErrors.CLOSED.equals(b.code())) {
            return false;
        }
        return !(b.getCause() instanceof ConnectException); // refused: nothing was sent
    }

    /** Whether {@code now}, the group read again, shows what {@code op} was to do. */
    static boolean tookEffect(ChangePlan.Operation op, long revisionBefore, SecurityGroup now) {
        if (op instanceof ChangePlan.UpdateGroup u) {
            ChangePlan.GroupUpdate update = u.update();
            return now.revision() != revisionBefore
                    && (!update.changed().contains(ChangePlan.GroupUpdate.NAME) || update.name().equals(now.name()))
                    && (!update.changed().contains(ChangePlan.GroupUpdate.DESCRIPTION)
                    || Objects.equals(blankToNull(update.description()), blankToNull(now.description())))
                    && (!update.changed().contains(ChangePlan.GroupUpdate.STATEFUL) || update.stateful() == now.stateful());
        }
        if (op instanceof ChangePlan.CreateRules c) {
            Set<RuleKey> held = now.rules().stream().map(Rule::key).collect(Collectors.toSet());
            return c.rules().stream().allMatch(r -> held.contains(r.key()));
        }
        if (op instanceof ChangePlan.DeleteRule d) {
            return now.rules().stream().noneMatch(r -> r.id().equals(d.rule().id()));
        }
        return false;
    }

    /** The failure, with what the group read again shows: the operation was not done. */
    static BackendException notSaved(BackendException failure, ChangePlan.Operation op) {
        String what;
        if (op instanceof ChangePlan.UpdateGroup) {
            what = "The group's new name, description or state were not saved (the group read again does not have "
                    + "them).";
        } else if (op instanceof ChangePlan.CreateRules c) {
            what = (c.rules().size() == 1 ? "The new rule was" : "The " + c.rules().size() + " new rules were")
                    + " not created (the group read again does not hold " + (c.rules().size() == 1 ? "it" : "them")
                    + ").";
        } else {
            what = "The rule was not removed (the group read again still holds it).";
        }
        return reworded(failure, failure.getMessage() + " " + what);
    }

    /** The failure, when the group could not be read again to tell: the operation may have been done. */
    static BackendException unchecked(BackendException failure) {
        return reworded(failure, failure.getMessage() + " The change may have been saved all the same: the group "
                + "could not be read again to check. Reload the group before saving again.");
    }

    /**
     * A new group's POST lost its answer and {@code named} groups of its name are there now (-1: they could
     * not be counted): it may have been made.
     */
    static BackendException maybeCreated(String name, BackendException failure, int named) {
        String there = named < 0 ? "the groups could not be read again to check"
                : "the project has " + (named == 1 ? "a group" : named + " groups") + " of that name now";
        return reworded(failure, failure.getMessage() + " The group \"" + name + "\" may have been created all the "
                + "same (" + there + "): reload before creating it again.");
    }

    /** A new group whose rules failed, and which could not be deleted again: it is there, said so. */
    static BackendException leftBehind(String name, String id, Throwable cause, Throwable notDeleted) {
        Throwable t = NeutronHttp.unwrap(notDeleted);
        String message = "The group \"" + name + "\" was created (id " + id + "), but "
                + (cause.getMessage() == null ? "its rules could not be added" : "its rules failed: " + cause.getMessage())
                + " It could not be deleted again either (" + t.getMessage() + "): reload, then fix or delete it.";
        return cause instanceof BackendException b ? reworded(b, message)
                : new BackendException(Kind.UNAVAILABLE, NeutronErrors.UNREACHABLE, message, cause);
    }

    private static BackendException reworded(BackendException failure, String message) {
        return failure instanceof NeutronRefusal r ? r.reworded(message)
                : new BackendException(failure.kind(), failure.code(), message, failure.getCause());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
