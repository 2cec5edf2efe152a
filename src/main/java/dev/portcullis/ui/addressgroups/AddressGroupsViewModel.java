package dev.portcullis.ui.addressgroups;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.common.DialogService;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Address Groups view of a place: the project's address groups with their prefixes and how many rules
 * name each, kept up to date with what the Network Configuration view shows; new, edit and delete go through
 * it, and a save that fails opens the dialog again on what the user typed, with the reason.
 */
public final class AddressGroupsViewModel {

    private final NetworkConfigurationViewModel network;
    private final DialogService dialogs;
    private final ObservableList<AddressGroupRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AddressGroupRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<AddressGroupEditRequest> reopen =
            new ReadOnlyObjectWrapper<>(this, "reopen");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** The id to select once the rows show it (a group just made). */
    private String toSelect;

    /** @param dialogs the address-group dialog and the delete question; a failed save opens the dialog again */
    public AddressGroupsViewModel(NetworkConfigurationViewModel network, DialogService dialogs) {
        this.network = network;
        this.dialogs = dialogs;
        show(network.snapshotProperty().get());
        network.snapshotProperty().addListener((obs, old, now) -> show(now));
        reopen.addListener((obs, old, request) -> {
            if (request != null) {
                reopened();
                open(request);
            }
        });
    }

    /** New…: the dialog on an empty address group; what it returns is created. */
    public void create() {
        if (editableProperty().get()) {
            open(newRequest());
        }
    }

    /** Edit…: the dialog on the selected address group; what it returns is saved. */
    public void editSelected() {
        AddressGroupRow row = selected.get();
        if (row != null && editableProperty().get()) {
            open(editRequest(row));
        }
    }

    /** Delete: asks first, saying when rules still name the group. */
    public void deleteSelected() {
        AddressGroupRow row = selected.get();
        if (row != null && editableProperty().get() && dialogs.confirm("Delete address group", deleteQuestion(row))) {
            delete(row);
        }
    }

    private void open(AddressGroupEditRequest request) {
        dialogs.show(request).ifPresent(draft -> save(request, draft));
    }

    /** The rows, by name; the selection follows a group across a change by its id. */
    private void show(Snapshot snapshot) {
        String keep = toSelect != null ? toSelect : selected.get() == null ? null : selected.get().group().id();
        if (snapshot == null) {
            rows.clear();
            return;
        }
        Map<String, Integer> naming = new HashMap<>();
        for (SecurityGroup group : snapshot.groups()) {
            for (Rule rule : group.rules()) {
                if (rule.remoteAddressGroupId() != null) {
                    naming.merge(rule.remoteAddressGroupId(), 1, Integer::sum);
                }
            }
        }
        List<AddressGroupRow> next = new ArrayList<>();
        for (AddressGroup a : snapshot.addressGroups()) {
            next.add(new AddressGroupRow(a, naming.getOrDefault(a.id(), 0)));
        }
        next.sort(Comparator.comparing(AddressGroupRow::name, String.CASE_INSENSITIVE_ORDER));
        rows.setAll(next);
        selected.set(keep == null ? null : next.stream().filter(r -> r.group().id().equals(keep)).findFirst()
                .orElse(null));
        if (selected.get() != null) {
            toSelect = null;
        }
    }

    public ObservableList<AddressGroupRow> rows() {
        return rows;
    }

    public ObjectProperty<AddressGroupRow> selectedProperty() {
        return selected;
    }

    /** False where nothing can be changed (an offline copy, a file opened to read). */
    public ReadOnlyBooleanProperty editableProperty() {
        return network.editableProperty();
    }

    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return network.readOnlyReasonProperty();
    }

    /** What the last delete could not do, in words; empty when it worked. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A request the dialog must open on again (a save failed); the view clears it with {@link #reopened()}. */
    public ReadOnlyObjectProperty<AddressGroupEditRequest> reopenProperty() {
        return reopen.getReadOnlyProperty();
    }

    public void reopened() {
        reopen.set(null);
    }

    public AddressGroupEditRequest newRequest() {
        return AddressGroupEditRequest.create();
    }

    public AddressGroupEditRequest editRequest(AddressGroupRow row) {
        return AddressGroupEditRequest.edit(row.group());
    }

    /** Creates or changes the group; what does not work opens the dialog again with the reason. */
    public CompletableFuture<AddressGroup> save(AddressGroupEditRequest request, AddressGroupDraft draft) {
        problem.set("");
        CompletableFuture<AddressGroup> saved = request.original()
                .map(before -> network.actions().updateAddressGroup(before, draft))
                .orElseGet(() -> network.actions().createAddressGroup(draft));
        return saved.whenComplete((group, failed) -> {
            if (failed != null) {
                reopen.set(request.retry(draft, failed.getMessage()));
            } else {
                toSelect = group.id();
                rows.stream().filter(r -> r.group().id().equals(group.id())).findFirst().ifPresent(selected::set);
            }
        });
    }

    /** The question to ask before deleting, or why it cannot be deleted. */
    public String deleteQuestion(AddressGroupRow row) {
        return row.rules() > 0 ? "Rules still name " + row.name() + " (" + row.usedBy() + "): Neutron will refuse to"
                + " delete it until they are changed or deleted. Try anyway?"
                : "Delete address group " + row.name() + " (" + row.prefixes() + ")? Rules can no longer name it.";
    }

    public CompletableFuture<Void> delete(AddressGroupRow row) {
        problem.set("");
        return network.actions().deleteAddressGroup(row.group()).whenComplete((done, failed) -> {
            if (failed != null) {
                problem.set(failed.getMessage());
            }
        });
    }
}
