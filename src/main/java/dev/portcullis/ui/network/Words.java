package dev.portcullis.ui.network;

import dev.portcullis.domain.SafeText;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.SecurityGroup;

import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** What the view says when something fails, in words a person reads. */
final class Words {

    private Words() {
    }

    /**
     * After a partial apply: how much was saved, then one line per operation saying whether it was
     * applied, failed (and why) or not tried; what is saved is not sent again.
     */
    static String partialMessage(ApplyReport report, Function<String, String> groupName) {
        if (report.concurrent().isPresent()) {
            return report.concurrent().get() + "\nSave again to make it exactly what the dialog shows: the next save"
                    + " is planned from the group as it is now.";
        }
        long applied = report.steps().stream().filter(s -> s.outcome() == ApplyReport.Outcome.APPLIED).count();
        StringBuilder text = new StringBuilder(applied == 0 ? "Nothing was saved."
                : "Only part of the change was saved (" + applied + " of " + report.steps().size() + " steps).");
        for (ApplyReport.Step step : report.steps()) {
            text.append('\n').append(switch (step.outcome()) {
                case APPLIED -> "✓ Saved: ";
                case FAILED -> "✗ Failed: ";
                case NOT_TRIED -> "– Not tried: ";
            }).append(operation(step.operation(), groupName));
            if (step.outcome() == ApplyReport.Outcome.FAILED && step.error() != null) {
                text.append(" — ").append(step.error().getMessage());
            }
        }
        text.append(applied == 0 ? "\nCorrect it and save again."
                : "\nCorrect it and save again: what is already saved will not be sent again.");
        return text.toString();
    }

    /** An operation in words, naming each rule it adds. */
    static String operation(ChangePlan.Operation operation, Function<String, String> groupName) {
        if (operation instanceof ChangePlan.CreateRules create) {
            return "Add " + create.rules().stream().map(r -> r.summary(groupName))
                    .collect(java.util.stream.Collectors.joining("; "));
        }
        return operation.describe(groupName);
    }

    static String staleMessage(SecurityGroup original) {
        return "Someone else changed \"" + original.name() + "\" while you were editing it. It has been loaded "
                + "again: check your changes against it, then save to make the group exactly as shown here.";
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A failure in words: the backend's own message, or what went wrong when it is not a backend refusal. */
    static String message(Throwable failure) {
        Throwable cause = unwrap(failure);
        // the messages carry server text and names from files: shown escaped and bounded
        if (cause instanceof BackendException) {
            return SafeText.message(cause.getMessage());
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "Something unexpected went wrong: " + SafeText.message(detail);
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
