package dev.portcullis.ui.network;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.SecurityGroup;

import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** What the view says when something fails, in words a person reads. */
final class Words {

    private Words() {
    }

    /** After a partial apply: how much was saved, what failed and why, and that nothing is sent twice. */
    static String partialMessage(ApplyReport report, Function<String, String> groupName) {
        long applied = report.steps().stream().filter(s -> s.outcome() == ApplyReport.Outcome.APPLIED).count();
        String step = report.failure()
                .map(s -> "This step failed: " + s.operation().describe(groupName) + ". "
                        + (s.error() == null ? "" : s.error().getMessage() + " "))
                .orElse("");
        if (applied == 0) {
            return "Nothing was saved. " + step + "Correct it and save again.";
        }
        return "Only part of the change was saved (" + applied + " of " + report.steps().size() + " steps). "
                + step + "Correct it and save again: what is already saved will not be sent again.";
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
        if (cause instanceof BackendException) {
            return cause.getMessage();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "Something unexpected went wrong: " + detail;
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
