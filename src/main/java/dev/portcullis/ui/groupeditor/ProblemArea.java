package dev.portcullis.ui.groupeditor;

import dev.portcullis.ui.review.SeverityBadge;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * The area under the rule table: the problems in words, then the review's warnings, or a line saying all is
 * well. Its height follows the dialog's, never its lines (see {@link #problemAreaHeight}).
 */
final class ProblemArea {

    private static final int MAX_PROBLEM_LINES = 5;

    private ProblemArea() {
    }

    /** Fills {@code list} from the view model's problems and warnings, now and on each change. */
    static void show(GroupEditorViewModel vm, VBox list, ScrollPane scroll, Region editorPage) {
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems(vm, list));
        vm.warnings().addListener((ListChangeListener<RuleWarning>) c -> showProblems(vm, list));
        showProblems(vm, list);
        javafx.beans.binding.DoubleBinding area = Bindings.createDoubleBinding(() -> problemAreaHeight(
                editorPage.getHeight()), editorPage.heightProperty());
        scroll.minHeightProperty().bind(area);
        scroll.prefHeightProperty().bind(area);
        scroll.maxHeightProperty().bind(area);
    }

    /**
     * The problem area's height: three lines and a half in a tall dialog, two in a short one (1024x700). It follows
     * the dialog's height only, which does not change while a person types.
     */
    static double problemAreaHeight(double editorHeight) {
        return editorHeight >= 560 ? 76 : 48;
    }

    /**
     * The problems in words under the table, then the review's warnings; past a few, a count (each red
     * cell still says its own problem).
     */
    private static void showProblems(GroupEditorViewModel vm, VBox problemList) {
        List<Node> all = new ArrayList<>();
        vm.problems().forEach(text -> all.add(problemLine(text)));
        if (vm.problems().isEmpty()) { // the problems come first: warnings wait until the rules are valid
            vm.warnings().forEach(w -> all.add(warningLine(w)));
        }
        List<Node> lines = new ArrayList<>(all.subList(0, Math.min(all.size(),
                all.size() > MAX_PROBLEM_LINES ? MAX_PROBLEM_LINES - 1 : MAX_PROBLEM_LINES)));
        if (all.size() > MAX_PROBLEM_LINES) {
            int more = all.size() - MAX_PROBLEM_LINES + 1;
            lines.add(problemLine("… and " + more + " more" + (vm.problems().isEmpty() ? " warnings: Add or Save lists "
                    + "them all." : ": point at a red cell or row to read what is wrong.")));
        }
        if (lines.isEmpty()) {
            lines.add(allWell(vm));
        }
        problemList.getChildren().setAll(lines);
        // The list keeps its place and height whether or not it has lines: if it came and went, the table
        // above would shrink while the user types, scroll the row being typed in out of view, and the
        // rest of the keystrokes would go into another rule (the table reuses its row nodes).
    }

    private static Label allWell(GroupEditorViewModel vm) {
        Label line = new Label(vm.rows().isEmpty() ? "No rules yet: nothing to check."
                : "Every rule is complete, and the review has no warning about them.", new FontIcon("mdal-check_circle"));
        line.getStyleClass().add("all-well-line");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    /** A warning of the review: its severity, what it says, and the fix in the tooltip. */
    static Node warningLine(RuleWarning warning) {
        Label text = new Label(warning.text());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setTooltip(new Tooltip("Fix: " + warning.fix()));
        HBox line = new HBox(8, SeverityBadge.of(warning.severity()), text);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        line.getStyleClass().add("warning-line");
        return line;
    }

    private static Label problemLine(String text) {
        Label line = new Label(text, new FontIcon("mdal-error_outline"));
        line.getStyleClass().add("problem-line");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }
}
