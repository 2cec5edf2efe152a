package dev.portcullis.ui.groupeditor;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review step of the group dialog in lines: what rows of several values became, the interfaces reached,
 * the copy's origin and the quota, then the changes (a new group's rules under it), then the review's warnings.
 */
final class ChangeListLines {

    private ChangeListLines() {
    }

    /** The review step's lines: notes, the changes, then the review's warnings with their fixes. */
    static List<Node> of(GroupEditorViewModel vm) {
        List<Change> changes = vm.changeList();
        List<Node> changeList = new ArrayList<>();
        boolean underNewGroup = !changes.isEmpty() && changes.get(0).kind() == Change.Kind.CREATE_GROUP;
        changes.forEach(c -> changeList.add(changeLine(c, underNewGroup)));
        // above the changes: what rows of several values became, the interfaces reached, the copy's origin
        DialogNotes notes = vm.notes();
        List<Node> said = new ArrayList<>();
        vm.expansionNotices().forEach(text -> said.add(reviewNote(text, "expansion-note")));
        if (!notes.reach().isEmpty()) {
            said.add(reviewNote(notes.reach(), "reach-note"));
        }
        if (!notes.copy().isEmpty()) {
            said.add(reviewNote(notes.copy(), "copy-note"));
        }
        String quota = notes.quota(vm.isValid() ? vm.toDraft() : null);
        if (!quota.isEmpty()) {
            said.add(reviewNote(quota, "quota-note"));
        }
        changeList.addAll(0, said);
        if (!vm.warnings().isEmpty()) {
            Label heading = new Label("The review will report (this does not stop " + vm.applyText() + "):");
            heading.getStyleClass().addAll("section-title", "review-warnings");
            VBox.setMargin(heading, new Insets(10, 0, 0, 0));
            changeList.add(heading);
            vm.warnings().forEach(w -> {
                Node line = ProblemArea.warningLine(w);
                changeList.add(line);
                Label fix = new Label("Fix: " + w.fix());
                fix.setWrapText(true);
                fix.getStyleClass().addAll("hint", "warning-fix");
                VBox.setMargin(fix, new Insets(0, 0, 4, 20));
                changeList.add(fix);
            });
        }
        return changeList;
    }

    private static Label reviewNote(String text, String kind) {
        Label line = new Label(text, new FontIcon("mdoal-info"));
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.getStyleClass().addAll("review-note", kind);
        return line;
    }

    /** One change with its mark; a new group's rules are indented under it. */
    private static Node changeLine(Change change, boolean underNewGroup) {
        String icon = switch (change.kind()) {
            case CREATE_GROUP -> "mdal-add_circle_outline";
            case UPDATE_GROUP, CHANGE_RULE -> "mdal-create";
            case ADD_RULE -> "mdal-add";
            case REMOVE_RULE -> "mdomz-remove_circle_outline";
        };
        Label line = new Label(change.text(), new FontIcon(icon));
        line.setWrapText(true);
        line.getStyleClass().addAll("change-line", change.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (underNewGroup && change.kind() != Change.Kind.CREATE_GROUP) {
            VBox.setMargin(line, new Insets(0, 0, 0, 20));
        }
        return line;
    }
}
