package dev.portcullis.ui.addressgroups;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;
import dev.portcullis.ui.common.DialogRequest;

import java.util.Optional;

/**
 * What the address-group dialog opens on: the group to change (none for a new one), what to show in its
 * fields (what the user typed, when a save failed and the dialog opens again), and why it opens again.
 */
public record AddressGroupEditRequest(Optional<AddressGroup> original, AddressGroupDraft typed, String error)
        implements DialogRequest<AddressGroupDraft> {

    public static AddressGroupEditRequest create() {
        return new AddressGroupEditRequest(Optional.empty(), new AddressGroupDraft("", "", java.util.List.of()), null);
    }

    public static AddressGroupEditRequest edit(AddressGroup group) {
        return new AddressGroupEditRequest(Optional.of(group), new AddressGroupDraft(group.name(), group.description(),
                group.addresses().stream().map(Cidr::toString).toList()), null);
    }

    /** The same request with what the user typed and why it did not work. */
    public AddressGroupEditRequest retry(AddressGroupDraft draft, String why) {
        return new AddressGroupEditRequest(original, draft, why);
    }

    public String title() {
        return original.map(a -> "Edit address group " + a.label()).orElse("New address group");
    }
}
