package dev.portcullis.ui.help;

import dev.portcullis.backend.Version;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;

import java.util.List;
import java.util.function.Function;

/**
 * The Help menu: the keyboard shortcuts in one table, and what this Portcullis is (its version, the Java and
 * JavaFX it runs on, where its documentation is).
 */
public final class HelpMenu {

    /** A shortcut and what it does, as the table shows them. */
    record Shortcut(String keys, String action) {
    }

    /** Every shortcut of the console; the menus show theirs beside their items too. */
    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+1 … Ctrl+4", "Network Configuration, Review, Address Groups, Interfaces"),
            new Shortcut("Ctrl+N", "New security group"),
            new Shortcut("Ctrl+F", "Filter the groups (name, port, address, tag:NAME)"),
            new Shortcut("Ctrl+D", "Copy the selected group to a new one"),
            new Shortcut("F5", "Refresh from the place shown"),
            new Shortcut("Ctrl+O / Ctrl+Shift+O", "Open a definition file / a Terraform folder, read-only"),
            new Shortcut("Ctrl+E", "Export the groups shown"),
            new Shortcut("Ctrl+T", "Check traffic"),
            new Shortcut("Ctrl+Enter", "In the group dialog: Add or Save (the list of changes first, then confirm)"),
            new Shortcut("Escape", "Back from the list of changes; close a dialog (asks before losing typing)"),
            new Shortcut("Ctrl+Q", "Quit"));

    private final Function<Alert, Alert> prepare;

    /** @param prepare readies a dialog as the console's others are (its owner, theme and icons) */
    public HelpMenu(Function<Alert, Alert> prepare) {
        this.prepare = prepare;
    }

    public Menu menu() {
        MenuItem keys = new MenuItem("Keyboard Shortcuts");
        keys.setId("menuShortcuts");
        keys.setOnAction(e -> show("Keyboard shortcuts", shortcutTable()));
        MenuItem about = new MenuItem("About Portcullis");
        about.setId("menuAbout");
        about.setOnAction(e -> show("About Portcullis", aboutText()));
        Menu help = new Menu("Help", null, keys, about);
        help.setId("menuHelp");
        return help;
    }

    private void show(String title, javafx.scene.Node content) {
        Alert alert = prepare.apply(new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE));
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(content);
        alert.show();
    }

    private static GridPane shortcutTable() {
        GridPane table = new GridPane();
        table.setId("shortcutTable");
        table.setHgap(18);
        table.setVgap(6);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label keys = new Label(SHORTCUTS.get(i).keys());
            keys.getStyleClass().add("text-bold");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label action = new Label(SHORTCUTS.get(i).action());
            action.setWrapText(true);
            action.setMaxWidth(420);
            table.addRow(i, keys, action);
        }
        return table;
    }

    private static Label aboutText() {
        Label text = new Label("Portcullis " + Version.current() + "\n"
                + "Security groups of OpenStack projects, reviewed before they change.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version")
                + "\nThe command line: portcullis --help. The manual: README.md in the source.");
        text.setId("aboutText");
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.setMinHeight(Label.USE_PREF_SIZE);
        return text;
    }
}
