package dev.portcullis.ui.network;

import dev.portcullis.domain.GroupShare;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The details pane's sharing: the projects the selected group is shared with (each with Withdraw), and a
 * field to share it with one more, by project id; for a group another project shares with this one, who owns
 * it. Only a cloud's project shares; a workspace's or a file's shows nothing here.
 */
final class SharingSection {

    private SharingSection() {
    }

    /**
     * @param shares   the group's shares (its owner's view)
     * @param editable whether anything can be changed now (not a saved copy, not a file opened to read)
     */
    static List<Node> of(GroupRow row, List<GroupShare> shares, boolean editable, BiConsumer<GroupRow, String> share,
                         Consumer<GroupShare> withdraw) {
        List<Node> nodes = new ArrayList<>();
        if (row.ownerNote() != null) {
            nodes.add(DetailsPane.section("Shared with this project"));
            nodes.add(DetailsPane.wrapped(row.ownerNote(), "text-muted"));
            return nodes;
        }
        nodes.add(DetailsPane.section(shares.isEmpty() ? "Not shared with other projects"
                : "Shared with " + Words.plural(shares.size(), "other project")));
        for (GroupShare s : shares) {
            Label project = DetailsPane.wrapped("Project " + s.targetProject(), "interface-label");
            project.setMaxWidth(Double.MAX_VALUE); // the button at the right edge, as Remove from interface is
            HBox.setHgrow(project, Priority.ALWAYS);
            Button off = new Button("Withdraw", new FontIcon("mdal-close"));
            off.getStyleClass().addAll("small", "withdraw-share");
            off.setMinWidth(Region.USE_PREF_SIZE);
            off.setDisable(!editable);
            off.setOnAction(e -> withdraw.accept(s));
            HBox line = new HBox(8, project, off);
            line.setAlignment(Pos.CENTER_LEFT);
            nodes.add(line);
        }
        TextField project = new TextField();
        project.setId("shareProject");
        project.setPromptText("Project id to share with");
        HBox.setHgrow(project, Priority.ALWAYS);
        Button add = new Button("Share", new FontIcon("mdomz-share"));
        add.setId("shareButton");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(project.textProperty().isEmpty().or(new javafx.beans.property.SimpleBooleanProperty(
                !editable)));
        add.setOnAction(e -> share.accept(row, project.getText().strip()));
        project.setOnAction(e -> add.fire());
        HBox line = new HBox(8, project, add);
        line.setAlignment(Pos.CENTER_LEFT);
        nodes.add(line);
        nodes.add(DetailsPane.wrapped("The other project sees the group and may use it on its interfaces, but only"
                + " this project changes it.", "text-muted", "text-small"));
        return nodes;
    }
}
