package dev.portcullis.ui.addressgroups;

import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Problem;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The address-group dialog's fields and what they say as the user types: the prefixes, one per line or
 * separated by commas or spaces, checked as Neutron will check them, and what they become (host bits cleared,
 * each once), so nothing surprises the user after the save.
 */
public final class AddressGroupEditorViewModel {

    private final AddressGroupEditRequest request;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    public AddressGroupEditorViewModel(AddressGroupEditRequest request) {
        this.request = request;
        name.set(request.typed().name());
        description.set(request.typed().description());
        addresses.set(String.join("\n", request.typed().addresses()));
        name.addListener((obs, old, now) -> check());
        description.addListener((obs, old, now) -> check());
        addresses.addListener((obs, old, now) -> check());
        check();
    }

    public AddressGroupEditRequest request() {
        return request;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty addressesProperty() {
        return addresses;
    }

    /** What is wrong, one line each, naming the entry; empty when nothing is. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** What the prefixes become, when that differs from what was typed or to say how many there are. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The draft the fields make. */
    public AddressGroupDraft draft() {
        List<String> entries = Arrays.stream(addresses.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        return new AddressGroupDraft(name.get().strip(), description.get(), entries);
    }

    private void check() {
        AddressGroupDraft draft = draft();
        AddressGroupDraft.Checked checked = draft.check();
        List<String> lines = new ArrayList<>();
        for (Problem p : checked.problems()) {
            lines.add(p.message());
        }
        problems.set(String.join("\n", lines));
        valid.set(checked.valid());
        if (!checked.valid()) {
            outcome.set("");
            return;
        }
        int count = checked.addresses().size();
        String kept = checked.addresses().stream().map(Cidr::toString).collect(Collectors.joining(", "));
        boolean same = count == draft.addresses().size() && checked.addresses().stream().map(Cidr::toString)
                .collect(Collectors.toSet()).containsAll(draft.addresses());
        outcome.set(count == 0 ? "No prefixes: rules naming this group let nothing in until some are added."
                : same ? count + (count == 1 ? " prefix." : " prefixes.")
                : "Neutron keeps " + count + (count == 1 ? " prefix" : " prefixes") + " (host bits cleared, each"
                        + " once): " + kept + ".");
    }
}
