package dev.portcullis.ui.network;

import dev.portcullis.domain.SafeText;
import dev.portcullis.domain.Tags;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

import java.util.List;

/**
 * A group's tags as small chips: after the description in the group list (a few, then "+N"), all of them in
 * the details pane. Tags come from servers and files: shown with their controls escaped.
 */
final class TagChips {

    /** How many chips a row of the list shows before "+N". */
    static final int IN_A_ROW = 3;

    private TagChips() {
    }

    /** At most {@code max} chips (in Neutron's order), then one saying how many more; all when max < 0. */
    static Pane of(List<String> tags, int max, boolean wrap) {
        List<String> sorted = tags.stream().sorted(Tags.ORDER).toList();
        Pane box = wrap ? new FlowPane(4, 4) : new HBox(4);
        box.getStyleClass().add("tag-chips");
        int shown = max < 0 ? sorted.size() : Math.min(max, sorted.size());
        for (int i = 0; i < shown; i++) {
            box.getChildren().add(chip(sorted.get(i), "tag-chip"));
        }
        if (shown < sorted.size()) {
            box.getChildren().add(chip("+" + (sorted.size() - shown), "tag-chip-more"));
        }
        return box;
    }

    private static Label chip(String text, String styleClass) {
        Label chip = new Label(text.isEmpty() ? "\u2205" : SafeText.line(text));
        chip.getStyleClass().add(styleClass);
        chip.setMaxWidth(140);
        return chip;
    }

    /** The tags in words, for a tooltip: "Tags: a, b". */
    static String words(List<String> tags) {
        return "Tags: " + String.join(", ", tags.stream().sorted(Tags.ORDER).map(SafeText::line).toList());
    }

    /** The description column's cell: the description, its tags as chips on its right. */
    static final class DescriptionCell extends GroupColumns.TextCell<String> {

        DescriptionCell() {
            super(row -> row.description().isEmpty() ? "\u2014" : row.description(), DescriptionCell::tip,
                    "group-description");
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        private static String tip(GroupRow row) {
            List<String> tags = row.group().tags();
            String description = row.description().isEmpty() ? null : row.description();
            if (tags.isEmpty()) {
                return description;
            }
            return description == null ? words(tags) : description + "\n" + words(tags);
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            GroupRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setGraphic(row == null || row.group().tags().isEmpty() ? null
                    : of(row.group().tags(), IN_A_ROW, false));
        }
    }
}
