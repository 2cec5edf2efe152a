package dev.portcullis.ui.review;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Review view's state: the findings of the project the Network Configuration view shows (reviewed off
 * the FX thread with every load or change there), how many there are of each severity, which severities
 * and words narrow the list, and what the list says when it is empty. Opening a finding goes to its group
 * and rule through {@code reveal}.
 */
public final class ReviewViewModel {

    private final ObservableValue<List<Finding>> findings;
    private final ObservableValue<Snapshot> project;
    private final ObservableValue<Boolean> reviewing;
    private final ObservableValue<? extends Number> partRows;
    private final BiConsumer<String, String> reveal;
    private final ObservableList<FindingRow> all = FXCollections.observableArrayList();
    private final FilteredList<FindingRow> shown = new FilteredList<>(all);
    private final Map<Severity, BooleanProperty> included = new EnumMap<>(Severity.class);
    private final Map<Severity, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Severity.class);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyBooleanWrapper reviewed = new ReadOnlyBooleanWrapper(this, "reviewed", false);
    private final ReadOnlyBooleanWrapper allHidden = new ReadOnlyBooleanWrapper(this, "allHidden", false);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper partialNote = new ReadOnlyStringWrapper(this, "partialNote", "");
    private final ObjectProperty<FindingRow> selected = new SimpleObjectProperty<>(this, "selected");

    /**
     * @param findings the review of the project shown, null while there is none yet
     * @param project  the project shown (for what the empty list says), null while there is none
     * @param reveal   shows a group (by id) and one of its rules (by id, or null) in Network Configuration
     */
    public ReviewViewModel(ObservableValue<List<Finding>> findings, ObservableValue<Snapshot> project,
                           BiConsumer<String, String> reveal) {
        this(findings, project, new SimpleBooleanProperty(false), reveal);
    }

    /**
     * @param reviewing true while the project shown is being reviewed (its groups are loaded, the findings
     *                  not yet in)
     */
    public ReviewViewModel(ObservableValue<List<Finding>> findings, ObservableValue<Snapshot> project,
                           ObservableValue<Boolean> reviewing, BiConsumer<String, String> reveal) {
        this(findings, project, reviewing, new SimpleIntegerProperty(0), reveal);
    }

    /**
     * @param partRows while a load still runs, how many groups are in: the findings are their own checks alone,
     *                 and the list says so; 0 for the whole project
     */
    public ReviewViewModel(ObservableValue<List<Finding>> findings, ObservableValue<Snapshot> project,
                           ObservableValue<Boolean> reviewing, ObservableValue<? extends Number> partRows,
                           BiConsumer<String, String> reveal) {
        this.partRows = partRows;
        partRows.addListener(o -> narrow());
        this.reviewing = reviewing;
        reviewing.addListener(o -> narrow());
        this.findings = findings;
        this.project = project;
        this.reveal = reveal;
        for (Severity severity : Severity.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, severity.label(), true);
            on.addListener(o -> narrow());
            included.put(severity, on);
            counts.put(severity, new ReadOnlyIntegerWrapper(this, severity.label() + "Count", 0));
        }
        filterText.addListener(o -> narrow());
        findings.addListener(o -> load());
        load();
    }

    private void load() {
        List<Finding> now = findings.getValue();
        String keep = selected.get() == null ? null : key(selected.get());
        reviewed.set(now != null);
        all.setAll(now == null ? List.of() : now.stream().map(FindingRow::new).sorted(ORDER).toList());
        int[] bySeverity = new int[Severity.values().length];
        all.forEach(r -> bySeverity[r.severity().ordinal()]++);
        for (Severity severity : Severity.values()) {
            counts.get(severity).set(bySeverity[severity.ordinal()]);
        }
        selected.set(keep == null ? null : all.stream().filter(r -> key(r).equals(keep)).findFirst().orElse(null));
        narrow();
    }

    /** The most serious first; then by group and rule, as the list reads. */
    static final java.util.Comparator<FindingRow> ORDER = java.util.Comparator.comparing(FindingRow::severity)
            .thenComparing(FindingRow::group, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(FindingRow::rule, String.CASE_INSENSITIVE_ORDER);

    /** What a finding is across reviews: its check, group and rule. */
    private static String key(FindingRow row) {
        Finding f = row.finding();
        return f.check() + "|" + f.groupId() + "|" + f.ruleId() + "|" + f.rule();
    }

    private void narrow() {
        String text = filterText.get();
        shown.setPredicate(row -> included.get(row.severity()).get() && row.matches(text));
        if (selected.get() != null && !shown.contains(selected.get())) {
            selected.set(null);
        }
        String counted = shown.size() == all.size() ? plural(all.size(), "finding")
                : "Showing " + shown.size() + " of " + plural(all.size(), "finding");
        int part = partRows();
        summary.set(!reviewed.get() ? "" : part == 0 ? counted : counted + " so far · " + plural(part, "group") + " in");
        partialNote.set(!reviewed.get() || part == 0 || all.isEmpty() ? "" : "Still loading: these are the findings"
                + " of each group's own checks. The checks across groups and interfaces (use, references, names, the"
                + " quota) run once every group is in.");
        allHidden.set(!all.isEmpty() && shown.isEmpty());
        emptyText.set(empty());
    }

    private String empty() {
        if (!reviewed.get()) {
            return Boolean.TRUE.equals(reviewing.getValue()) ? "Reviewing the security groups…"
                    : "The review runs once the project's security groups are loaded.";
        }
        int part = partRows();
        if (all.isEmpty() && part > 0) {
            return "No findings so far: " + (part == 1 ? "the group loaded passes" : "the " + part
                    + " groups loaded pass") + " their own checks. The checks across groups and interfaces run once"
                    + " every group is in.";
        }
        if (all.isEmpty()) {
            Snapshot shownProject = project.getValue();
            int groups = shownProject == null ? 0 : shownProject.groups().size();
            return groups == 0 ? "No findings: the project has no security groups to review."
                    : "No findings: " + (groups == 1 ? "the security group passes" : "the " + groups
                    + " security groups pass") + " every check.";
        }
        return "No finding matches: " + plural(all.size(), "finding") + " hidden by the filter.";
    }

    private int partRows() {
        Number part = partRows.getValue();
        return part == null ? 0 : part.intValue();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Goes to the finding's group and rule in Network Configuration; false for a project-wide finding. */
    public boolean open(FindingRow row) {
        if (row == null || !row.canOpen()) {
            return false;
        }
        reveal.accept(row.finding().groupId(), row.finding().ruleId());
        return true;
    }

    /** Shows every severity and clears the words. */
    public void clearFilter() {
        included.values().forEach(on -> on.set(true));
        filterText.set("");
    }

    /** The findings that pass the filter, in the review's order. */
    public ObservableList<FindingRow> findings() {
        return shown;
    }

    /** Whether findings of this severity are listed. */
    public BooleanProperty includedProperty(Severity severity) {
        return included.get(severity);
    }

    /** How many findings of this severity the project has, filter or not. */
    public ReadOnlyIntegerProperty countProperty(Severity severity) {
        return counts.get(severity).getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** False until the project shown has been reviewed. */
    public ReadOnlyBooleanProperty reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    /** True when there are findings but the filter hides every one. */
    public ReadOnlyBooleanProperty allHiddenProperty() {
        return allHidden.getReadOnlyProperty();
    }

    /** What the list says when it shows nothing: why, in words. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** {@code 7 findings}, or {@code Showing 2 of 7 findings} while a filter hides some. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * While the groups still load: that the findings are each group's own checks so far, and when the rest come;
     * empty otherwise (and while the list is empty, whose text says it).
     */
    public ReadOnlyStringProperty partialNoteProperty() {
        return partialNote.getReadOnlyProperty();
    }

    /** The finding whose explanation and fix are shown; kept across reviews while it is still found. */
    public ObjectProperty<FindingRow> selectedProperty() {
        return selected;
    }
}
