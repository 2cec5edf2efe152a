package dev.portcullis.ui.network;

import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps a table's selected group where the user saw it when its rows are replaced (a refresh, the next pages of a
 * load, a change shown): if the selected group's row was on screen, it stays on the same line of the screen, though
 * rows came or went above it; if it was not, the table stays where it was scrolled.
 */
final class ScrollAnchor {

    private final TableView<GroupRow> table;
    private final Supplier<String> selectedId;
    /** The flow whose layouts are followed. */
    private VirtualFlow<?> followed;
    /** The line of the screen the selected row was on at the last layout; -1: not on screen. */
    private int line = -1;
    /** The group selected at the last layout. */
    private String anchored;
    /** True from a group's reselection until its row is put back on its line: the layouts between do not count. */
    private boolean restoring;

    /** @param selectedId the id of the group selected, kept while the rows are replaced and none is */
    ScrollAnchor(TableView<GroupRow> table, Supplier<String> selectedId) {
        this.table = table;
        this.selectedId = selectedId;
        table.skinProperty().addListener((obs, old, skin) -> follow());
        follow();
    }

    /** After each layout of the table's rows: where the selected row is on screen, as the user sees it. */
    private void follow() {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow == followed) {
            return;
        }
        followed = flow;
        flow.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                // once the pulse's layout is done: the flow's cells may be placed after it says it needs none
                Platform.runLater(() -> {
                    if (!restoring) {
                        remember(flow);
                    }
                });
            }
        });
    }

    private void remember(VirtualFlow<?> flow) {
        line = -1;
        anchored = selectedId.get();
        if (anchored == null || flow.getFirstVisibleCell() == null) {
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        for (int i = first; i <= last; i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null && cell.getItem() instanceof GroupRow row && row.id().equals(anchored)) {
                line = i - first;
                return;
            }
        }
    }

    /**
     * The same group is selected again in new rows: when its row was on screen, it is put back on the line it was
     * on, once the table has taken in its new rows.
     */
    void reselected(GroupRow row) {
        if (restoring || line < 0 || !row.id().equals(anchored)) {
            return; // a restore already waits for the table (it finds the group's row by id), or nothing to restore
        }
        int keep = line;
        String id = anchored;
        restoring = true;
        Platform.runLater(() -> {
            restoring = false;
            List<GroupRow> rows = table.getItems();
            for (int at = 0; at < rows.size(); at++) {
                if (rows.get(at).id().equals(id)) {
                    table.scrollTo(Math.max(0, at - keep));
                    return;
                }
            }
        });
    }

    private VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }
}
