package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Quotas;

import java.util.List;

/**
 * What the dialog knows of the project around the group: its address groups (to pick a remote by name) and
 * its quota usage (to say before a save what Neutron would refuse); none where the source has none.
 *
 * @param quotas null where the source has no quota or does not say
 */
public record ProjectFacts(List<AddressGroup> addressGroups, Quotas quotas) {

    public static final ProjectFacts NONE = new ProjectFacts(List.of(), null);

    public ProjectFacts {
        addressGroups = List.copyOf(addressGroups);
    }
}
