package dev.portcullis.ui.compare;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Comparison;
import dev.portcullis.review.ComparisonGroup;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Compare view: the project shown against another source (a file, another place, a saved offline
 * copy), group by group, in Neutron's duplicate semantics: a rule whose description alone changed is
 * said as such. The other source is read off the FX thread; the answer is applied on it.
 */
public final class CompareViewModel {

    /** Something to compare with: its name, and how to read it (off the FX thread). */
    public record Source(String label, Supplier<CompletableFuture<Snapshot>> read) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What a line of the answer is, for its look. */
    public enum Kind { GROUP, ONLY_SHOWN, ONLY_OTHER, DESCRIPTION, FIELD }

    /** One line of the answer. */
    public record Line(Kind kind, String text) {
    }

    private final String shownName;
    private final Snapshot shown;
    private final Executor fx;
    private final Executor worker;
    private final ObservableList<Source> sources = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private long asked;

    /**
     * @param shownName the name of the project shown ("Local workspace", a cloud, a file)
     * @param shown     its groups
     * @param sources   what it can be compared with besides a file
     * @param fx        where answers are applied: the FX thread in the console
     * @param worker    where the comparison runs: never the FX thread (a source already read, such as a
     *                  cached offline copy, would otherwise be compared on the thread that asked)
     */
    public CompareViewModel(String shownName, Snapshot shown, List<Source> sources, Executor fx, Executor worker) {
        this.shownName = shownName;
        this.shown = shown;
        this.fx = fx;
        this.worker = worker;
        this.sources.setAll(sources);
    }

    /** Reads the other source and compares; a later question wins over an earlier one still being read. */
    public void compare(Source other) {
        long current = ++asked;
        busy.set(true);
        error.set("");
        summary.set("Reading " + other.label() + "…");
        lines.clear();
        CompletableFuture<Snapshot> read;
        try {
            read = other.read().get();
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        // compared on the worker (a large project has thousands of rules); only the result comes to fx
        CompletableFuture<Compared> compared = read.thenApplyAsync(
                snapshot -> new Compared(snapshot, Comparison.of(shown.groups(), snapshot.groups())), worker);
        compared.whenCompleteAsync((result, failed) -> {
            if (current != asked) {
                return;
            }
            busy.set(false);
            if (failed != null) {
                summary.set("");
                Throwable cause = failed instanceof CompletionException && failed.getCause() != null
                        ? failed.getCause() : failed;
                error.set(other.label() + " could not be read: " + (cause.getMessage() == null ? cause.toString()
                        : cause.getMessage()));
                return;
            }
            show(other.label(), result.snapshot(), result.comparison());
        }, fx);
    }

    /** The other source and how the project shown differs from it. */
    private record Compared(Snapshot snapshot, Comparison comparison) {
    }

    private void show(String otherName, Snapshot other, Comparison c) {
        Map<String, String> byId = new HashMap<>();
        other.groups().forEach(g -> byId.put(g.id(), g.name()));
        shown.groups().forEach(g -> byId.put(g.id(), g.name()));
        Function<String, String> names = byId::get;
        if (c.same()) {
            summary.set(shownName + " and " + otherName + " hold the same groups (" + count(c.unchanged(), "group")
                    + ").");
            lines.clear();
            return;
        }
        summary.set(count(c.changed().size(), "group") + " changed, " + c.onlyInFirst().size() + " only in "
                + shownName + ", " + c.onlyInSecond().size() + " only in " + otherName + ", " + c.unchanged()
                + " the same.");
        List<Line> all = new ArrayList<>();
        for (ComparisonGroup g : c.changed()) {
            all.add(new Line(Kind.GROUP, "Group " + g.first().name() + (g.first().name().equals(g.second().name())
                    ? "" : " (" + g.second().name() + " in " + otherName + ")")));
            g.fields().forEach(f -> all.add(new Line(Kind.FIELD, "Its " + f.field() + " is \u201c" + f.first()
                    + "\u201d here, \u201c" + f.second() + "\u201d in " + otherName)));
            g.onlyInFirst().forEach(r -> all.add(new Line(Kind.ONLY_SHOWN, "Only in " + shownName + ": "
                    + rule(r, names))));
            g.onlyInSecond().forEach(r -> all.add(new Line(Kind.ONLY_OTHER, "Only in " + otherName + ": "
                    + rule(r, names))));
            g.redescribed().forEach(r -> all.add(new Line(Kind.DESCRIPTION, "Description changed: "
                    + r.first().summary(names) + ": \u201c" + text(r.first().description()) + "\u201d here, \u201c"
                    + text(r.second().description()) + "\u201d in " + otherName)));
        }
        groups(all, c.onlyInFirst(), Kind.ONLY_SHOWN, shownName);
        groups(all, c.onlyInSecond(), Kind.ONLY_OTHER, otherName);
        lines.setAll(all);
    }

    private static void groups(List<Line> all, List<SecurityGroup> groups, Kind kind, String where) {
        for (SecurityGroup g : groups) {
            all.add(new Line(kind, "Group " + g.name() + " is only in " + where + " ("
                    + count(g.rules().size(), "rule") + ")"));
        }
    }

    private static String rule(Rule r, Function<String, String> names) {
        return r.summary(names) + (r.description() == null || r.description().isEmpty() ? ""
                : " (\u201c" + r.description() + "\u201d)");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public String shownName() {
        return shownName;
    }

    public ObservableList<Source> sources() {
        return sources;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /** {@code 1 group changed, 0 only in …}; empty before an answer. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the other source could not be read; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
