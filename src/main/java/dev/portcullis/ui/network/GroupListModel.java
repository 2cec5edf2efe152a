package dev.portcullis.ui.network;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the Network Configuration view lists: the default and the custom groups of the catalog shown,
 * in the table's order, narrowed by the filter, and the selected group with its details. The selection
 * survives a new catalog by id.
 */
final class GroupListModel {

    private GroupCatalog catalog = GroupCatalog.EMPTY;
    private final ObservableList<GroupRow> allDefaults = FXCollections.observableArrayList();
    private final ObservableList<GroupRow> allCustoms = FXCollections.observableArrayList();
    private final FilteredList<GroupRow> defaults = new FilteredList<>(allDefaults);
    private final ObjectProperty<Comparator<? super GroupRow>> customOrder =
            new SimpleObjectProperty<>(this, "customOrder", null);
    private final SortedList<GroupRow> sortedCustoms = new SortedList<>(allCustoms);
    /** Counts the reviews shown: the rows' findings changed, so an order by them must be made again. */
    private final IntegerProperty reviews = new SimpleIntegerProperty(this, "reviews", 0);
    private final FilteredList<GroupRow> customs = new FilteredList<>(sortedCustoms);
    private final ReadOnlyIntegerWrapper customTotal = new ReadOnlyIntegerWrapper(this, "customTotal", 0);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper filterSummary = new ReadOnlyStringWrapper(this, "filterSummary", "");
    private final ObjectProperty<GroupRow> selected = new SimpleObjectProperty<>(this, "selected", null);
    private final ReadOnlyObjectWrapper<GroupDetails> details = new ReadOnlyObjectWrapper<>(this, "details", null);
    /** The rule of the selected group to point out in its details (a finding led here); null for none. */
    private final ReadOnlyObjectWrapper<String> shownRule = new ReadOnlyObjectWrapper<>(this, "shownRule", null);

    GroupListModel() {
        // a new comparator for each review: the list sorts again (a permutation, which keeps the selection)
        sortedCustoms.comparatorProperty().bind(Bindings.createObjectBinding(() -> {
            Comparator<? super GroupRow> order = customOrder.get();
            return order == null ? null : (Comparator<GroupRow>) order::compare;
        }, customOrder, reviews));
        filterText.addListener((obs, old, text) -> applyFilter(text));
        customs.addListener((ListChangeListener<GroupRow>) change -> summarizeFilter());
        selected.addListener((obs, old, row) -> {
            if (row == null || old == null || !row.id().equals(old.id())) {
                shownRule.set(null);
            }
            details.set(row == null ? null : catalog.details(row));
        });
    }

    /** Shows a catalog's rows, keeping the selected group (by id) where it is still there. */
    void show(GroupCatalog next) {
        String keep = selected.get() == null ? null : selected.get().id();
        catalog = next;
        allDefaults.setAll(next.defaults());
        allCustoms.setAll(next.customs());
        customTotal.set(allCustoms.size());
        selected.set(keep == null ? null : next.row(keep).orElse(null));
        details.set(selected.get() == null ? null : next.details(selected.get()));
        summarizeFilter();
    }

    /** On the FX thread: the rows' findings are in; what depends on them (order, details) is made again. */
    void reviewed() {
        if (customOrder.get() != null) {
            reviews.set(reviews.get() + 1);
        }
        details.set(selected.get() == null ? null : catalog.details(selected.get()));
    }

    void select(String groupId) {
        selected.set(catalog.row(groupId).orElse(null));
    }

    /**
     * Shows a group, and one of its rules (null: none) in its details: the filter is cleared first, so the
     * group is in the table whatever was typed. False when the group is not loaded.
     */
    boolean reveal(String groupId, String ruleId) {
        Optional<GroupRow> row = catalog.row(groupId);
        if (row.isEmpty()) {
            return false;
        }
        filterText.set("");
        selected.set(row.get());
        shownRule.set(ruleId);
        return true;
    }

    /** The row shown after a group (or before it, for the last), to select once the group is gone. */
    Optional<String> neighbourOf(String groupId) {
        for (int i = 0; i < customs.size(); i++) {
            if (customs.get(i).id().equals(groupId)) {
                int next = i + 1 < customs.size() ? i + 1 : i - 1;
                return next < 0 ? Optional.empty() : Optional.of(customs.get(next).id());
            }
        }
        return Optional.empty();
    }

    private void applyFilter(String text) {
        Predicate<GroupSearch.Index> query = GroupSearch.parse(text);
        Predicate<GroupRow> rows = row -> query.test(row.index());
        defaults.setPredicate(rows);
        customs.setPredicate(rows);
        summarizeFilter();
    }

    private void summarizeFilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim();
        if (text.isEmpty()) {
            filterSummary.set("");
            return;
        }
        int matching = customs.size() + defaults.size();
        int all = allCustoms.size() + allDefaults.size();
        filterSummary.set(matching + " of " + all);
    }

    ObservableList<GroupRow> defaults() {
        return defaults;
    }

    ObservableList<GroupRow> customs() {
        return customs;
    }

    ObjectProperty<Comparator<? super GroupRow>> customOrderProperty() {
        return customOrder;
    }

    ReadOnlyIntegerProperty customTotalProperty() {
        return customTotal.getReadOnlyProperty();
    }

    StringProperty filterTextProperty() {
        return filterText;
    }

    ReadOnlyStringProperty filterSummaryProperty() {
        return filterSummary.getReadOnlyProperty();
    }

    ObjectProperty<GroupRow> selectedProperty() {
        return selected;
    }

    ReadOnlyObjectProperty<String> shownRuleProperty() {
        return shownRule.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<GroupDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
