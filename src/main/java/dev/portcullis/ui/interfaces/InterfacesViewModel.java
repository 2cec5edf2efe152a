package dev.portcullis.ui.interfaces;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.common.DialogService;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Interfaces view of a place: the project's interfaces (ports) with their addresses and groups, and for the
 * one selected the rules in force on it, the union of its groups' rules, each with the group it comes from;
 * groups are put on or taken off it here, guarded by the port's revision.
 */
public final class InterfacesViewModel {

    private final NetworkConfigurationViewModel network;
    private final ObservableList<InterfaceRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<InterfaceRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<SecurityGroup> groupsOnIt = FXCollections.observableArrayList();
    private final ObservableList<SecurityGroup> groupsToAdd = FXCollections.observableArrayList();
    private final ObservableList<EffectiveRule> ingress = FXCollections.observableArrayList();
    private final ObservableList<EffectiveRule> egress = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private static final String QUESTION = "Change interface";

    private final DialogService dialogs;
    private Map<String, SecurityGroup> groups = Map.of();
    private Map<String, String> names = Map.of();

    /** @param dialogs where a change to an interface is asked about before it is made */
    public InterfacesViewModel(NetworkConfigurationViewModel network, DialogService dialogs) {
        this.network = network;
        this.dialogs = dialogs;
        selected.addListener((obs, old, now) -> showSelected());
        show(network.snapshotProperty().get());
        network.snapshotProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(Snapshot snapshot) {
        String keep = selected.get() == null ? null : selected.get().port().id();
        if (snapshot == null) {
            rows.clear();
            return;
        }
        Map<String, SecurityGroup> byId = new HashMap<>();
        Map<String, String> byIdNames = new HashMap<>();
        snapshot.addressGroups().forEach(a -> byIdNames.put(a.id(), a.label()));
        for (SecurityGroup g : snapshot.groups()) {
            byId.putIfAbsent(g.id(), g);
            byIdNames.put(g.id(), g.name());
        }
        groups = byId;
        names = byIdNames;
        List<InterfaceRow> next = new ArrayList<>();
        for (Port port : snapshot.ports()) {
            next.add(new InterfaceRow(port, port.securityGroupIds().stream()
                    .map(id -> byIdNames.getOrDefault(id, id)).toList()));
        }
        next.sort(Comparator.comparing(InterfaceRow::name, String.CASE_INSENSITIVE_ORDER));
        rows.setAll(next);
        InterfaceRow again = keep == null ? null : next.stream().filter(r -> r.port().id().equals(keep)).findFirst()
                .orElse(null);
        if (again == selected.get()) {
            showSelected();
        } else {
            selected.set(again);
        }
    }

    /** The selected interface's groups, the groups it could get, and the rules in force on it. */
    private void showSelected() {
        InterfaceRow row = selected.get();
        List<EffectiveRule> in = new ArrayList<>();
        List<EffectiveRule> out = new ArrayList<>();
        List<SecurityGroup> on = new ArrayList<>();
        if (row != null) {
            for (String id : row.port().securityGroupIds()) {
                SecurityGroup group = groups.get(id);
                if (group == null) {
                    continue;
                }
                on.add(group);
                for (Rule rule : group.rules()) {
                    EffectiveRule line = new EffectiveRule(rule.summary(names::get), group.name(),
                            rule.description() == null ? "" : rule.description());
                    (rule.direction() == Direction.INGRESS ? in : out).add(line);
                }
            }
        }
        groupsOnIt.setAll(on);
        ingress.setAll(in);
        egress.setAll(out);
        List<SecurityGroup> others = row == null ? List.of() : groups.values().stream()
                .filter(g -> !row.port().uses(g.id()))
                .sorted(Comparator.comparing(SecurityGroup::name, String.CASE_INSENSITIVE_ORDER)).toList();
        groupsToAdd.setAll(others);
        summary.set(row == null ? "" : in.size() + " inbound and " + out.size() + " outbound rules from "
                + on.size() + (on.size() == 1 ? " group" : " groups") + (row.port().securityGroupIds().size() > on.size()
                ? "; " + (row.port().securityGroupIds().size() - on.size()) + " of its groups are not in the source,"
                + " so more may be allowed" : ""));
    }

    public ObservableList<InterfaceRow> rows() {
        return rows;
    }

    public ObjectProperty<InterfaceRow> selectedProperty() {
        return selected;
    }

    public ObservableList<SecurityGroup> groupsOnIt() {
        return groupsOnIt;
    }

    public ObservableList<SecurityGroup> groupsToAdd() {
        return groupsToAdd;
    }

    /** The inbound rules in force on the selected interface, with their groups. */
    public ObservableList<EffectiveRule> ingress() {
        return ingress;
    }

    public ObservableList<EffectiveRule> egress() {
        return egress;
    }

    /** How many rules from how many groups, and whether some of its groups are unknown here. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return network.editableProperty();
    }

    /** What the last change could not do, in words; empty when it worked. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What putting the group on the selected interface does, to say before it is done. */
    public String addQuestion(SecurityGroup group) {
        return "Put " + group.name() + " on " + selected.get().name() + "? Its " + group.rules().size()
                + (group.rules().size() == 1 ? " rule applies" : " rules apply") + " to the interface at once.";
    }

    public String removeQuestion(SecurityGroup group) {
        InterfaceRow row = selected.get();
        boolean last = row.port().securityGroupIds().size() == 1;
        return "Take " + group.name() + " off " + row.name() + "? Its rules stop applying to the interface at once"
                + (last ? "; with no group left, no traffic may reach it." : ".");
    }

    /** "Put on": asks first; empty when the user said no, else the change under way. */
    public Optional<CompletableFuture<Port>> putOn(SecurityGroup group) {
        return dialogs.confirm(QUESTION, addQuestion(group)) ? Optional.of(add(group)) : Optional.empty();
    }

    /** Takes a group off the selected interface after the user said yes. */
    public Optional<CompletableFuture<Port>> takeOff(SecurityGroup group) {
        return dialogs.confirm(QUESTION, removeQuestion(group)) ? Optional.of(remove(group)) : Optional.empty();
    }

    public CompletableFuture<Port> add(SecurityGroup group) {
        return change(group, true);
    }

    public CompletableFuture<Port> remove(SecurityGroup group) {
        return change(group, false);
    }

    private CompletableFuture<Port> change(SecurityGroup group, boolean adding) {
        problem.set("");
        return network.actions().changeInterface(selected.get().port(), group, adding).whenComplete((port, failed) -> {
            if (failed != null) {
                problem.set(failed.getMessage());
            }
        });
    }
}
