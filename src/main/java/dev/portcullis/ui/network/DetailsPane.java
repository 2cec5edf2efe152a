package dev.portcullis.ui.network;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import dev.portcullis.review.Finding;
import dev.portcullis.ui.review.SeverityBadge;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Fills the details pane for the selected group: its rules in words, the interfaces using it (each with
 * "Remove from interface"), the rules of other groups that point at it, and its revision.
 */
final class DetailsPane {

    private final VBox box;
    private final Consumer<GroupRow> edit;
    private final Consumer<GroupRow> copy;
    private final Consumer<GroupRow> delete;
    private final BiConsumer<InterfaceUse, GroupRow> removeFromInterface;
    private final java.util.function.Supplier<String> readOnlyReason;
    /** The project's sharing, where it has any (a cloud's); null otherwise. */
    private final ProjectActions sharing;
    private GroupDetails shown;
    /** The rule to point out (a finding led here), or null. */
    private String pointedOut;

    /** {@code readOnlyReason}: why nothing can be changed now, empty when it can. */
    DetailsPane(VBox box, Actions actions, BiConsumer<InterfaceUse, GroupRow> removeFromInterface,
                java.util.function.Supplier<String> readOnlyReason, ProjectActions project) {
        this.readOnlyReason = readOnlyReason;
        this.sharing = project.sharesGroups() ? project : null;
        this.box = box;
        this.edit = actions.edit();
        this.copy = actions.copy();
        this.delete = actions.delete();
        this.removeFromInterface = removeFromInterface;
    }

    /** What the group's buttons do: Edit, Copy to new…, Delete. */
    record Actions(Consumer<GroupRow> edit, Consumer<GroupRow> copy, Consumer<GroupRow> delete) {
    }

    void show(GroupDetails details) {
        shown = details;
        box.getChildren().setAll(details == null ? nothingSelected() : of(details));
    }

    /** Points out one of the shown group's rules (null: none), where it is listed and in its findings. */
    void pointOut(String ruleId) {
        pointedOut = ruleId;
        show(shown);
    }

    /** Shows the same group again, after whether it can be changed has changed. */
    void refresh() {
        show(shown);
    }

    private List<Node> nothingSelected() {
        FontIcon icon = new FontIcon("mdoal-info");
        icon.getStyleClass().add("placeholder-icon");
        Label text = wrapped("Select a group to see its rules, the interfaces using it and what points at it.",
                "text-muted");
        VBox empty = new VBox(10, icon, text);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("details-empty");
        return List.of(empty);
    }

    private List<Node> of(GroupDetails details) {
        GroupRow row = details.row();
        List<Node> nodes = new ArrayList<>();
        Label name = wrapped(details.name(), "title-3");
        name.setId("detailsName");
        nodes.add(name);
        if (!details.description().isEmpty()) {
            nodes.add(wrapped(details.description(), "details-description"));
        }
        if (!row.group().tags().isEmpty()) {
            javafx.scene.layout.Pane tags = TagChips.of(row.group().tags(), -1, true);
            tags.setId("detailsTags");
            nodes.add(tags);
        }
        Label revision = wrapped(details.revisionText(), "text-muted", "text-small");
        revision.setId("detailsRevision");
        Label id = wrapped("ID " + details.id(), "text-muted", "text-small", "details-id");
        nodes.add(new VBox(0, revision, id));

        Button editButton = new Button("Edit", new FontIcon(GroupColumns.EDIT_ICON));
        editButton.setOnAction(e -> edit.accept(row));
        editButton.getStyleClass().add("details-edit");
        Button copyButton = new Button("Copy to new…", new FontIcon("mdal-content_copy"));
        copyButton.setOnAction(e -> copy.accept(row));
        copyButton.getStyleClass().add("details-copy");
        copyButton.setTooltip(new javafx.scene.control.Tooltip("A new group with this group's description and "
                + "rules, under a new name (Ctrl+D)"));
        Button deleteButton = new Button("Delete", new FontIcon(GroupColumns.DELETE_ICON));
        deleteButton.getStyleClass().addAll("danger", "details-delete");
        String readOnly = readOnlyReason.get() != null && !readOnlyReason.get().isEmpty() ? readOnlyReason.get()
                : row.ownerNote() != null ? row.ownerNote() : "";
        editButton.setDisable(!readOnly.isEmpty());
        copyButton.setDisable(!readOnly.isEmpty());
        deleteButton.setDisable(!row.deletable() || !readOnly.isEmpty());
        deleteButton.setOnAction(e -> delete.accept(row));
        // a narrow pane puts the buttons on two lines rather than cut their words
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, editButton, copyButton,
                deleteButton);
        List.of(editButton, copyButton, deleteButton).forEach(b -> b.setMinWidth(Button.USE_PREF_SIZE));
        actions.getStyleClass().add("details-actions");
        nodes.add(actions);
        if (!readOnly.isEmpty()) {
            Label why = wrapped(readOnly, "text-muted", "text-small", "read-only-reason");
            why.setId("detailsReadOnly");
            nodes.add(why);
        } else if (!row.deletable()) {
            nodes.add(wrapped(row.isDefault() || !row.interfacesKnown() ? row.deleteBlockedReason()
                    : "It cannot be deleted while interfaces use it: remove it from "
                    + (row.usedBy() == 1 ? "the interface" : "the interfaces") + " below first.",
                    "text-muted", "text-small", "delete-blocked"));
        }

        nodes.add(section(details.rulesHeading()));
        if (details.rules().isEmpty()) {
            nodes.add(wrapped("No rules: this group lets no traffic through.", "text-muted"));
        }
        for (RuleLine rule : details.rules()) {
            Label summary = wrapped(rule.summary(), "rule-summary", "own-rule");
            Node line = rule.description().isEmpty() ? summary : new VBox(0, summary, wrapped(rule.description(),
                    "text-muted", "text-small", "rule-description"));
            if (rule.id() != null && rule.id().equals(pointedOut)) {
                line.getStyleClass().add("pointed-out");
                line.setId("pointedOutRule");
            }
            nodes.add(line);
        }

        interfaces(nodes, details, row);
        if (sharing != null) {
            nodes.addAll(SharingSection.of(row, sharing.shares().stream().filter(s -> s.groupId().equals(row.id()))
                    .toList(), readOnlyReason.get() == null || readOnlyReason.get().isEmpty(),
                    (group, project) -> sharing.share(group.group(), project), s -> sharing.unshare(s, row.name())));
        }

        if (!details.referencedBy().isEmpty()) {
            nodes.add(section("Rules of other groups that point at it"));
            nodes.addAll(referencing(details.referencedBy()));
        }

        if (!row.findings().isEmpty()) {
            nodes.add(section("Review: " + Words.plural(row.findings().size(), "finding")));
            row.findings().forEach(f -> nodes.add(findingLine(f)));
        }
        return nodes;
    }

    /** The interfaces using the group; while the first pages of a load are shown, that they come later. */
    private void interfaces(List<Node> nodes, GroupDetails details, GroupRow row) {
        if (!row.interfacesKnown()) {
            nodes.add(section("Interfaces"));
            nodes.add(wrapped(GroupColumns.INTERFACES_LATER + ".", "text-muted"));
            return;
        }
        int users = details.interfaces().size();
        nodes.add(section(users == 0 ? "Not used by any interface" : "Used by " + GroupRow.usedByText(users)));
        if (users == 0) {
            nodes.add(wrapped(row.isDefault() ? "No server's interface gets these rules yet."
                    : "No server's interface gets these rules, so the group can be deleted.", "text-muted"));
        }
        for (InterfaceUse use : details.interfaces()) {
            nodes.add(interfaceLine(use, row));
        }
    }

    /** A finding of the review: its severity, what is wrong and which rule, and what to do. */
    private Node findingLine(Finding finding) {
        Label badge = SeverityBadge.of(finding.severity());
        Label text = wrapped(finding.explanation(), "finding-explanation");
        VBox words = new VBox(1, text);
        if (finding.rule() != null) {
            words.getChildren().add(wrapped(finding.rule(), "rule-summary", "text-small"));
        }
        words.getChildren().add(wrapped("Fix: " + finding.fix(), "text-muted", "text-small"));
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox line = new HBox(8, badge, words);
        line.getStyleClass().add("finding-line");
        if (finding.ruleId() != null && finding.ruleId().equals(pointedOut)) {
            line.getStyleClass().add("pointed-out");
        }
        return line;
    }

    /** The rules of other groups, under the name of their group: they go when this group is deleted. */
    static List<Node> referencing(List<ReferencingRule> rules) {
        Map<String, List<ReferencingRule>> byGroup = new LinkedHashMap<>();
        rules.forEach(r -> byGroup.computeIfAbsent(r.group().name(), n -> new ArrayList<>()).add(r));
        List<Node> nodes = new ArrayList<>();
        byGroup.forEach((group, ofGroup) -> {
            VBox box = new VBox(1, wrapped(group, "referencing-group"));
            ofGroup.forEach(r -> box.getChildren().add(wrapped(r.summary(), "rule-summary", "referencing-rule")));
            nodes.add(box);
        });
        return nodes;
    }

    private HBox interfaceLine(InterfaceUse use, GroupRow row) {
        Label label = wrapped(use.label(), "interface-label");
        Label addresses = wrapped(use.addresses().isEmpty() ? "no address" : use.addresses(), "text-muted",
                "text-small");
        VBox text = new VBox(0, label, addresses);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button remove = new Button("Remove from interface", new FontIcon(GroupColumns.REMOVE_ICON));
        remove.getStyleClass().addAll("small", "remove-from-interface");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setUserData(use.label());
        remove.setOnAction(e -> removeFromInterface.accept(use, row));
        String readOnly = readOnlyReason.get() == null ? "" : readOnlyReason.get();
        remove.setDisable(!readOnly.isEmpty());
        HBox line = new HBox(8, text, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("interface-line");
        return line;
    }

    static Node section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("details-section");
        VBox box = new VBox(6, new Separator(), label);
        box.getStyleClass().add("details-section-box");
        return box;
    }

    static Label wrapped(String text, String... styleClasses) {
        // names, descriptions and ids come from files and servers: shown with their controls escaped
        Label label = new Label(text == null ? null : dev.portcullis.domain.SafeText.message(text));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }
}
