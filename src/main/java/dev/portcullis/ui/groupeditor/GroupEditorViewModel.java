package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Raw;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Validation;
import dev.portcullis.review.ReviewSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The group dialog's state: the group's name and description and a table of rule rows, all checked as
 * the person types with the domain's own checks. It works on a copy of the request; {@link #toDraft()} is
 * the result, and nothing here saves anything.
 */
public final class GroupEditorViewModel {

    private final GroupEditRequest request;
    private final RemoteNames names;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty stateful = new SimpleBooleanProperty(this, "stateful", true);
    private final ObservableList<RuleRowViewModel> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final RuleWarnings review;
    private final ObservableList<RuleWarning> warnings = FXCollections.observableArrayList();
    private final ObservableList<RuleWarning> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem");
    private final ReadOnlyStringWrapper nameNote = new ReadOnlyStringWrapper(this, "nameNote");
    private final NameClash nameClash;
    private final AcrossRows acrossRows;
    private final ReadOnlyStringWrapper descriptionProblem = new ReadOnlyStringWrapper(this, "descriptionProblem");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private boolean nameTouched;
    private boolean nameInvalid;
    private boolean building = true;
    /** Whether anything was typed or chosen since the dialog opened (or it reopened on typed input). */
    private boolean edited;
    private final DialogTags tags;
    private boolean shown;

    public GroupEditorViewModel(GroupEditRequest request) {
        this(request, ReviewSettings.defaults());
    }

    /** @param review the review's settings, for the warnings about rules being added */
    public GroupEditorViewModel(GroupEditRequest request, ReviewSettings review) {
        this.request = request;
        this.names = new RemoteNames(request.groups(), request.facts().addressGroups());
        this.nameClash = new NameClash(request.groups(), request.original().map(SecurityGroup::id).orElse(null));
        this.acrossRows = new AcrossRows(request, this::groupName);
        this.review = new RuleWarnings(request.original().orElse(null), review, request.facts().addressGroups());
        GroupDraft draft = request.draft();
        name.set(draft.name());
        description.set(draft.description());
        stateful.set(draft.stateful());
        error.set(request.error().orElse(null));
        nameTouched = request.error().isPresent();
        draft.rules().forEach(r -> rows.add(row(r)));
        tags = new DialogTags(request);
        tags.onChange(this::recompute);
        name.addListener(o -> {
            nameTouched = true;
            recompute();
        });
        description.addListener(o -> recompute());
        stateful.addListener(o -> recompute());
        rows.addListener((ListChangeListener<RuleRowViewModel>) c -> recompute());
        building = false;
        recompute();
        edited = request.error().isPresent();
        shown = true;
    }

    private RuleRowViewModel row(Rule shown) {
        return new RuleRowViewModel(shown, names, this::recompute);
    }

    /** Whether closing now would throw away something the user typed. */
    public boolean hasEdits() {
        return edited;
    }

    public boolean isNew() {
        return request.isNew();
    }

    /** The dialog's title: {@code New Security Group} or {@code Edit <name>}. */
    public String title() {
        return isNew() ? "New Security Group" : "Edit " + originalName();
    }

    /** The group's name as it is stored; empty for a new group. */
    public String originalName() {
        return request.original().map(SecurityGroup::name).orElse("");
    }

    /** The confirming button's text, as the documentation names it: {@code Add} to create, {@code Save} to update. */
    public String applyText() {
        return isNew() ? "Add" : "Save";
    }

    /** Neutron refuses to rename the project's default group. */
    public boolean isNameEditable() {
        return request.original().map(g -> !g.isDefault()).orElse(true);
    }

    /** A new row at the end of the table: inbound TCP, incomplete until its port and its source are chosen. */
    public RuleRowViewModel addRule() {
        RuleRowViewModel row = RuleRowViewModel.fresh(names, this::recompute);
        notice.set("");
        rows.add(row);
        return row;
    }

    public void removeRule(RuleRowViewModel row) {
        notice.set("");
        rows.remove(row);
    }

    /** Adds a preset's rules for IPv4 and IPv6, leaving out any the table already has; returns the rows added. */
    public List<RuleRowViewModel> addPreset(Preset preset) {
        Set<RuleKey> present = rows.stream().map(RuleRowViewModel::ruleOrNull).filter(r -> r != null)
                .map(Rule::key).collect(Collectors.toCollection(HashSet::new));
        List<RuleRowViewModel> added = preset.rules().stream().filter(r -> present.add(r.key())).map(this::row)
                .toList();
        rows.addAll(added);
        notice.set(added.isEmpty() ? "The table already has every " + preset.label() + " rule." : "");
        return added;
    }

    private void recompute() {
        if (building) {
            return;
        }
        if (shown) {
            edited = true;
        }
        acrossRows.check(rows);
        checkGroupFields();
        Optional<String> tagProblem = tags.problem();
        boolean allValid = !nameInvalid && descriptionProblem.get() == null && tagProblem.isEmpty()
                && rows.stream().allMatch(RuleRowViewModel::isValid);
        valid.set(allValid);
        List<String> lines = new ArrayList<>();
        if (nameProblem.get() != null) {
            lines.add("Name: " + nameProblem.get());
        }
        if (descriptionProblem.get() != null) {
            lines.add("Description: " + descriptionProblem.get());
        }
        tagProblem.ifPresent(why -> lines.add("Tags: " + why));
        for (int i = 0; i < rows.size(); i++) {
            for (String text : new LinkedHashSet<>(rows.get(i).problems().values())) {
                lines.add("Rule " + (i + 1) + ": " + text);
            }
        }
        if (!lines.equals(problems)) {
            problems.setAll(lines);
        }
        List<RuleWarning> found = review.of(name.get(), stateful.get(),
                rows.stream().map(GroupEditorViewModel::reviewed).toList()); // warnings are numbered by row
        if (!found.equals(warnings)) {
            warnings.setAll(found);
        }
        markWarnedRows(found);
        boolean changes = allValid && (isNew() || !plan().isEmpty() || tags.change());
        canApply.set(changes);
        if (changes) {
            hint.set(warnings.isEmpty() ? "" : "The warnings do not stop " + applyText() + ": they say what the "
                    + "review of the project will report.");
        } else if (!lines.isEmpty()) {
            hint.set(applyText() + " is available once the problems above are corrected.");
        } else if (!allValid) {
            hint.set("Give the group a name to add it.");
        } else {
            hint.set("Nothing to save: nothing has changed yet.");
        }
    }

    /** What the review reads of a row: its rule, a row of several values' rules, none while its cells are wrong. */
    private static List<Rule> reviewed(RuleRowViewModel row) {
        if (row.expansion() != null) {
            return row.expansion().rules();
        }
        Rule rule = row.ruleOrNull();
        return rule == null ? List.of() : List.of(rule);
    }

    /** Each row shows the loudest warning about its rule (a world-open rule is marked where it is typed). */
    private void markWarnedRows(List<RuleWarning> found) {
        Map<Integer, RuleWarning> loudest = new java.util.HashMap<>();
        for (RuleWarning w : found) {
            loudest.merge(w.row(), w, (a, b) -> b.severity().compareTo(a.severity()) < 0 ? b : a); // CRITICAL first
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setWarning(loudest.get(i + 1));
        }
    }

    private void checkGroupFields() {
        Map<String, Raw> members = new LinkedHashMap<>();
        members.put("name", Raw.text(name.get()));
        members.put("description", Raw.text(description.get()));
        boolean renamed = request.original().map(g -> !g.name().equals(name.get())).orElse(true);
        List<Problem> found = Validation.groupFields(members, renamed).problems();
        String nameText = found.stream().filter(p -> p.field().equals("name")).map(Problem::message).findFirst()
                .orElse(null);
        boolean mayBeBlank = request.original().map(g -> g.name().isBlank()).orElse(false);
        if (nameText == null && name.get().isBlank() && !mayBeBlank) {
            nameText = "Give the group a name that says what it is for, such as web-server-public.";
        }
        nameInvalid = nameText != null;
        nameProblem.set(nameText != null && (nameTouched || !name.get().isEmpty()) ? nameText : null);
        nameNote.set(nameText == null ? nameClash.note(name.get()) : null);
        descriptionProblem.set(found.stream().filter(p -> p.field().equals("description")).map(Problem::message)
                .findFirst().orElse(null));
    }

    private ChangePlan plan() {
        return ChangePlan.between(request.original().orElseThrow(), toDraft());
    }

    /**
     * The group as the person wants it; rows left as they were keep their rule and its id; the tags only when
     * they were changed (else null: left as they are).
     */
    public GroupDraft toDraft() {
        if (!valid.get()) {
            throw new IllegalStateException("the group is not valid: " + problems);
        }
        return new GroupDraft(name.get(), description.get(), stateful.get(), RowExpansions.of(rows).rules(),
                tags.change() ? tags.wanted() : null);
    }

    /** The tags the group is to have: {@link TagEditor} adds and removes them. */
    public ObservableList<String> tags() {
        return tags.list();
    }

    /** The tag field's text, not added yet: a save adds it (a tag Neutron would refuse is a problem listed). */
    public StringProperty tagTypedProperty() {
        return tags.typed();
    }

    /** What each row of several values becomes, and the duplicates merged; empty without such rows. */
    public List<String> expansionNotices() {
        return valid.get() ? RowExpansions.of(rows).notices() : List.of();
    }

    /** The interfaces the group is on, the group copied; what the dialog says of them ({@link DialogNotes}). */
    public DialogNotes notes() {
        GroupDraft now = request.copyOf().isEmpty() ? null : valid.get() ? toDraft() : request.draft();
        return new DialogNotes(request, now, this::groupName);
    }

    /** What Add or Save will do, one line each, in the order it happens. */
    public List<Change> changeList() {
        GroupDraft draft = toDraft();
        List<Change> changes = new ArrayList<>();
        if (isNew()) {
            int n = draft.rules().size();
            changes.add(new Change(Change.Kind.CREATE_GROUP, "Create group \"" + draft.name() + "\" with " + n
                    + (n == 1 ? " rule" : " rules")));
            draft.rules().forEach(r -> changes.add(new Change(Change.Kind.ADD_RULE, "Add " + describe(r))));
            tags.asChange().ifPresent(changes::add);
            return changes;
        }
        ChangePlan plan = plan();
        plan.update().ifPresent(u -> changes.add(new Change(Change.Kind.UPDATE_GROUP,
                new ChangePlan.UpdateGroup(u).describe(this::groupName))));
        tags.asChange().ifPresent(changes::add);
        plan.create().forEach(r -> changes.add(new Change(Change.Kind.ADD_RULE, "Add " + describe(r))));
        for (Rule old : plan.deleteFirst()) {
            String now = plan.recreate().stream().filter(r -> r.key().equals(old.key())).findFirst()
                    .map(Rule::description).orElse("");
            changes.add(new Change(Change.Kind.CHANGE_RULE, "Change the description of "
                    + old.summary(this::groupName) + " to \"" + nullToEmpty(now) + "\""));
        }
        plan.deleteAfter().forEach(r -> changes.add(new Change(Change.Kind.REMOVE_RULE,
                new ChangePlan.DeleteRule(r).describe(this::groupName))));
        return changes;
    }

    /** {@link #changeList()} as text. */
    public List<String> changes() {
        return changeList().stream().map(Change::text).toList();
    }

    private String describe(Rule rule) {
        String text = rule.summary(this::groupName);
        return rule.description() == null || rule.description().isBlank() ? text
                : text + " (\"" + rule.description() + "\")";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private String groupName(String id) {
        return request.original().filter(g -> g.id().equals(id)).map(g -> name.get())
                .orElseGet(() -> names.groupName(id));
    }

    /** What the Source / destination cell offers: Anywhere and the project's groups. */
    public List<String> remoteChoices() {
        return names.choices();
    }

    /** The choices that contain what is typed, so a long list of groups can be searched by typing. */
    public List<String> remoteChoices(String typed) {
        return names.choicesMatching(typed);
    }

    /** The type-ahead under the Source / destination cell: names containing what is typed. */
    public List<String> remoteSuggestions(String typed) {
        return names.suggestions(typed);
    }

    public StringProperty nameProperty() { return name; }

    public StringProperty descriptionProperty() { return description; }

    public BooleanProperty statefulProperty() { return stateful; }

    public ObservableList<RuleRowViewModel> rows() { return rows; }

    /** Every problem in words, e.g. {@code Rule 3: ...}; the dialog lists them under the table. */
    public ObservableList<String> problems() { return problemsView; }

    /**
     * What the review would report about the rules added or changed here (SSH open to the whole internet,
     * a rule another one already covers...): warnings that never disable Add or Save.
     */
    public ObservableList<RuleWarning> warnings() { return warningsView; }

    public ReadOnlyStringProperty nameProblemProperty() { return nameProblem.getReadOnlyProperty(); }

    /** A warning about the name (another group has it), or null; it does not stop Add or Save. */
    public ReadOnlyStringProperty nameNoteProperty() { return nameNote.getReadOnlyProperty(); }

    public ReadOnlyStringProperty descriptionProblemProperty() { return descriptionProblem.getReadOnlyProperty(); }

    /** The server's answer when the last save failed; null otherwise. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public Optional<String> error() { return Optional.ofNullable(error.get()); }

    /** Why Add/Save is disabled, in a sentence; empty when it is not. */
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }

    /** A remark on the last action (a preset with nothing left to add); empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /** Everything is valid: the name, the description and every row, alone and together. */
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    public boolean isValid() { return valid.get(); }

    /** Valid, and there is something to do: always for a new group, for an edit once something changed. */
    public ReadOnlyBooleanProperty canApplyProperty() { return canApply.getReadOnlyProperty(); }
}
