package dev.portcullis.ui.network;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import dev.portcullis.review.Severity;
import dev.portcullis.ui.review.SeverityBadge;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The cells of the group tables: read-only values taken from the row (nothing here is edited in place),
 * counts in words, and the Actions column's edit and delete buttons.
 */
final class GroupColumns {

    /** The icon literals of the view (ikonli-material2-pack, outlined). */
    static final String EDIT_ICON = "mdoal-edit";
    /** The Used by column's tooltip while the first pages of a load are shown. */
    static final String INTERFACES_LATER = "The interfaces are read once every group is in";
    static final String DELETE_ICON = "mdoal-delete";
    static final String REMOVE_ICON = "mdoal-link_off";

    private GroupColumns() {
    }

    static final String CHANGED_ICON = "mdoal-fiber_manual_record";
    static final String CHANGED_TIP = "Changed on the server since you last looked";

    /** The name, with a mark when the group changed on the server since the user last looked at it. */
    static void name(TableColumn<GroupRow, String> column, java.util.Set<String> changedOnServer) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        column.setComparator(String.CASE_INSENSITIVE_ORDER);
        column.setCellFactory(c -> new TextCell<>(GroupRow::name, GroupRow::name, "group-name") {
            private final FontIcon mark = new FontIcon(CHANGED_ICON);

            {
                mark.getStyleClass().add("changed-mark");
                new HoverTip(mark).setText(CHANGED_TIP);
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                GroupRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                boolean changed = row != null && changedOnServer.contains(row.id());
                setGraphic(changed ? mark : null);
                if (changed) {
                    tip().setText(row.name() + " — " + CHANGED_TIP.toLowerCase(java.util.Locale.ROOT));
                }
                pseudoClassStateChanged(CHANGED, changed);
            }
        });
    }

    private static final javafx.css.PseudoClass CHANGED = javafx.css.PseudoClass.getPseudoClass("changed");

    /**
     * The review's verdict on the group: a badge in the colour of its most serious finding, with how many
     * findings it has; the tooltip lists them. Sorted by the most serious, then by how many.
     */
    static void findings(TableColumn<GroupRow, GroupRow> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(Comparator.comparing((GroupRow r) -> r.worst().orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> -r.findings().size()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label badge = SeverityBadge.of(Severity.INFO);
            private final HoverTip tip = new HoverTip(badge);

            {
                getStyleClass().add("group-findings");
            }

            @Override
            protected void updateItem(GroupRow row, boolean empty) {
                super.updateItem(row, empty);
                Severity worst = empty || row == null ? null : row.worst().orElse(null);
                if (worst == null) {
                    setGraphic(null);
                    return;
                }
                int count = row.findings().size();
                SeverityBadge.show(badge, worst, SeverityBadge.name(worst) + (count > 1 ? " · " + count : ""));
                tip.setText(Words.plural(count, "finding") + " about \"" + row.name() + "\":\n"
                        + row.findings().stream().map(f -> "• " + SeverityBadge.name(f.severity()) + ": "
                                + f.explanation() + (f.rule() == null ? "" : " (" + f.rule() + ")"))
                        .collect(java.util.stream.Collectors.joining("\n")));
                setGraphic(badge);
            }
        });
    }

    static void description(TableColumn<GroupRow, String> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().description()));
        column.setComparator(String.CASE_INSENSITIVE_ORDER);
        column.setCellFactory(c -> new TagChips.DescriptionCell());
    }

    static void rules(TableColumn<GroupRow, GroupRow> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(Comparator.comparingLong((GroupRow r) -> r.ingress() + r.egress())
                .thenComparingLong(GroupRow::ingress));
        column.setCellFactory(c -> new TextCell<>(GroupRow::rulesText,
                row -> Words.plural(row.ingress(), "ingress rule") + ", "
                        + Words.plural(row.egress(), "egress rule"), "group-rules"));
    }

    static void usedBy(TableColumn<GroupRow, Integer> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().usedBy()));
        column.setCellFactory(c -> new TextCell<>(GroupRow::usedByText,
                row -> !row.interfacesKnown() ? INTERFACES_LATER
                        : row.usedBy() == 0 ? "No interface uses this group" : "Used by " + row.interfaceLabels(),
                "group-used-by") {
            @Override
            protected void updateItem(Integer count, boolean empty) {
                super.updateItem(count, empty);
                boolean unused = !empty && count != null && count == 0;
                // only a change of style class restyles the cell, so leave it be when it stays
                if (unused != getStyleClass().contains("unused")) {
                    if (unused) {
                        getStyleClass().add("unused");
                    } else {
                        getStyleClass().remove("unused");
                    }
                }
            }
        });
        column.getStyleClass().add("count-column");
    }

    static void actions(TableColumn<GroupRow, GroupRow> column, Consumer<GroupRow> edit, Consumer<GroupRow> delete,
                        javafx.beans.value.ObservableStringValue readOnlyReason) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new ActionsCell(edit, delete, readOnlyReason));
    }

    static Button iconButton(String icon, String styleClass) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("button-icon", "flat", styleClass);
        return button;
    }

    static Tooltip tooltip() {
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setShowDuration(Duration.seconds(20));
        return tooltip;
    }

    /** A cell showing a value in words, with a tooltip from the row (the whole text, or more detail). */
    static class TextCell<T> extends TableCell<GroupRow, T> {
        private final Function<GroupRow, String> text;
        private final Function<GroupRow, String> tip;
        private final HoverTip tooltip = new HoverTip(this);

        TextCell(Function<GroupRow, String> text, Function<GroupRow, String> tip, String styleClass) {
            this.text = text;
            this.tip = tip;
            getStyleClass().add(styleClass);
        }

        @Override
        protected void updateItem(T value, boolean empty) {
            super.updateItem(value, empty);
            GroupRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || value == null) {
                setText(null);
                tooltip.setText(null);
                return;
            }
            setText(dev.portcullis.domain.SafeText.line(text.apply(row)));
            tooltip.setText(tip.apply(row));
        }

        /** The cell's tooltip, made on hover. */
        HoverTip tip() {
            return tooltip;
        }
    }

    /**
     * Edit and delete. A group that cannot be deleted gets a disabled delete button; its tooltip (on a
     * holder, since a disabled control shows none) says why and names the interfaces.
     */
    static final class ActionsCell extends TableCell<GroupRow, GroupRow> {
        private final Button edit = iconButton(EDIT_ICON, "edit-group");
        private final Label editHolder = new Label(null, edit);
        private final javafx.beans.value.ObservableStringValue readOnlyReason;
        private final Button delete = iconButton(DELETE_ICON, "delete-group");
        private final Label deleteHolder = new Label(null, delete);
        private final HoverTip editTip = new HoverTip(editHolder);
        private final HoverTip deleteTip = new HoverTip(deleteHolder);
        private final HBox box = new HBox(2, editHolder, deleteHolder);

        /** {@code readOnlyReason}: why nothing can be changed now, empty when it can. */
        ActionsCell(Consumer<GroupRow> onEdit, Consumer<GroupRow> onDelete,
                    javafx.beans.value.ObservableStringValue readOnlyReason) {
            this.readOnlyReason = readOnlyReason;
            editHolder.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            delete.getStyleClass().add("danger");
            deleteHolder.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            deleteHolder.getStyleClass().add("delete-holder");
            box.setAlignment(Pos.CENTER_LEFT);
            edit.setOnAction(e -> onEdit.accept(getItem()));
            delete.setOnAction(e -> onDelete.accept(getItem()));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(GroupRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            String readOnly = readOnlyReason.get() != null && !readOnlyReason.get().isEmpty() ? readOnlyReason.get()
                    : row.ownerNote() != null ? row.ownerNote() : "";
            editTip.setText(readOnly.isEmpty() ? "Edit \"" + row.name() + "\" (Enter)" : readOnly);
            edit.setDisable(!readOnly.isEmpty());
            edit.setAccessibleText("Edit " + row.name());
            delete.setDisable(!row.deletable() || !readOnly.isEmpty());
            delete.setAccessibleText("Delete " + row.name());
            deleteTip.setText(!readOnly.isEmpty() ? readOnly
                    : row.deletable() ? "Delete \"" + row.name() + "\" (Delete)" : row.deleteBlockedReason());
            setGraphic(box);
        }

        Button editButton() {
            return edit;
        }

        Button deleteButton() {
            return delete;
        }

        /** What the delete button's tooltip says (made when the pointer comes over it). */
        String deleteTooltip() {
            return deleteTip.text();
        }
    }
}
