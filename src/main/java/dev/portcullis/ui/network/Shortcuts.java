package dev.portcullis.ui.network;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The view's keys: Ctrl+N creates a group, Ctrl+D copies the selected one to a new group, F5 loads again and Ctrl+F goes to the filter, in which Escape
 * clears it and Down or Enter goes on to the custom groups.
 */
final class Shortcuts {

    private Shortcuts() {
    }

    static void install(Node view, TextField filter, GroupTables tables, Runnable newGroup, Runnable copySelected,
                        Runnable refresh) {
        filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                tables.enterCustoms();
                e.consume();
            }
        });
        view.sceneProperty().addListener((obs, old, scene) -> onScene(scene, filter, newGroup, refresh, copySelected));
    }

    private static void onScene(Scene scene, TextField filter, Runnable newGroup, Runnable refresh,
                                Runnable copySelected) {
        if (scene == null) {
            return;
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), newGroup);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> {
            if (shown(filter)) {
                copySelected.run();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (shown(filter)) { // not while another view (a tab) is in front
                filter.requestFocus();
                filter.selectAll();
            }
        });
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
