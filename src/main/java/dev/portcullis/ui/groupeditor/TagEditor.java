package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.SafeText;
import dev.portcullis.domain.Tags;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A group's tags in the dialog: each a chip with a button that removes it, and a field where Enter (or
 * "Add tag") adds the text typed as one tag; a save takes a tag left typed there too ({@link DialogTags}).
 * Neutron's rules ({@link Tags}) are checked as a tag is added: a tag there already in another letter case is
 * the same tag, a tag over 255 characters is refused, each with a message under the field; nothing is sent
 * from here.
 */
public final class TagEditor extends VBox {

    private static final double TITLE_WIDTH = 90;

    private final ObservableList<String> tags;
    private final FlowPane chips = new FlowPane(4, 4);
    private final TextField input = new TextField();
    private final Label message = new Label();

    /** @param typed what the field holds, not added yet: the view model saves it too, should Enter be forgotten */
    public TagEditor(ObservableList<String> tags, javafx.beans.property.StringProperty typed) {
        super(4);
        this.tags = tags;
        getStyleClass().add("tag-editor");
        setId("tagEditor");
        Label title = new Label("Tags");
        title.getStyleClass().add("tag-editor-title");
        input.setPromptText("Add a tag and press Enter");
        input.setId("tagInput");
        input.textProperty().bindBidirectional(typed);
        input.setPrefColumnCount(18);
        input.setOnAction(e -> add());
        Button add = new Button("Add tag");
        add.setId("addTagButton");
        add.setOnAction(e -> add());
        add.disableProperty().bind(input.textProperty().isEmpty());
        title.setMinWidth(TITLE_WIDTH); // in line with the Name and Description labels above
        chips.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(8, title, chips, input, add); // one line: the rule table keeps the height
        HBox.setHgrow(chips, javafx.scene.layout.Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        message.getStyleClass().addAll("tag-editor-message", "text-small");
        message.setId("tagMessage");
        message.setWrapText(true);
        message.setPadding(new javafx.geometry.Insets(0, 0, 0, TITLE_WIDTH + 8));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        chips.setId("tagChips");
        tags.addListener((ListChangeListener<String>) c -> showChips());
        showChips();
        getChildren().addAll(row, message);
    }

    /** Adds the text typed as one tag (spaces kept, as Neutron keeps them), if Neutron would take it. */
    private void add() {
        String tag = input.getText();
        if (tag == null || tag.isEmpty()) {
            return;
        }
        if (Tags.has(tags, tag)) {
            message.setText("\"" + SafeText.line(tag) + "\" is there already: Neutron counts tags that differ "
                    + "only in letter case as one.");
            return;
        }
        java.util.Optional<String> problem = DialogTags.problem(tags, tag);
        if (problem.isPresent()) {
            message.setText(problem.get());
            return;
        }
        message.setText("");
        tags.add(tag);
        input.clear();
    }

    private void showChips() {
        chips.getChildren().clear();
        for (String tag : tags.stream().sorted(Tags.ORDER).toList()) {
            Label text = new Label(tag.isEmpty() ? "\u2205" : SafeText.line(tag));
            text.setMaxWidth(220);
            Button remove = new Button("\u00d7");
            remove.getStyleClass().addAll("flat", "tag-remove");
            remove.setAccessibleText("Remove the tag " + tag);
            remove.setOnAction(e -> {
                tags.remove(tag);
                input.requestFocus();
            });
            HBox chip = new HBox(2, text, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("tag-chip");
            chip.setUserData(tag);
            chips.getChildren().add(chip);
        }
        if (tags.isEmpty()) {
            Label none = new Label("No tags");
            none.getStyleClass().addAll("text-muted", "text-small");
            chips.getChildren().add(none);
        }
    }
}
