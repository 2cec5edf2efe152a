package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule editor's remote cell names address groups as it names groups: by name, picked from the list. */
class RemoteNamesTest {

    private static final SecurityGroup WEB = new SecurityGroup("g-web", "p", "web", "", true, false, 1, List.of(),
            List.of(), null, null);

    private static AddressGroup addressGroup(String id, String name) {
        return new AddressGroup(id, "p", name, "", List.of(Cidr.parse("192.0.2.0/24").orElseThrow()));
    }

    private final RemoteNames names = new RemoteNames(List.of(WEB), List.of(addressGroup("ag-1", "office"),
            addressGroup("ag-2", "partners"), addressGroup("ag-3", "partners")));

    @Test
    void theListOffersTheAddressGroupsByNameAfterTheGroupsTwinsWithTheStartOfTheirIds() {
        assertThat(names.choices()).containsExactly("Anywhere", "Group web", "Address group office",
                "Address group partners (ag-2)", "Address group partners (ag-3)");
    }

    @Test
    void aPickedOrTypedNameIsTheAddressGroupsIdAndItIsShownByName() {
        assertThat(names.parse("Address group office")).isEqualTo(new RemoteNames.AddressGroup("ag-1"));
        assertThat(names.parse("address group PARTNERS (ag-3)")).isEqualTo(new RemoteNames.AddressGroup("ag-3"));
        assertThat(names.label(new Remote.AddressGroup("ag-2"))).isEqualTo("Address group partners (ag-2)");
        assertThat(names.groupName("ag-1")).isEqualTo("office");
    }

    @Test
    void anAddressGroupTheProjectDoesNotHaveIsSaidInWords() {
        assertThat(names.parse("Address group officee")).isInstanceOfSatisfying(RemoteNames.Unknown.class,
                u -> assertThat(u.message()).contains("no address group called \"officee\""));
        assertThat(names.parse("Address group ag-2")).isEqualTo(new RemoteNames.AddressGroup("ag-2"));
    }

    @Test
    void whereTheProjectsAddressGroupsAreNotListedAnIdIsTakenAsTyped() {
        RemoteNames unlisted = new RemoteNames(List.of(WEB));

        assertThat(unlisted.parse("Address group 9d440b92")).isEqualTo(new RemoteNames.AddressGroup("9d440b92"));
        assertThat(unlisted.label(new Remote.AddressGroup("9d440b92"))).isEqualTo("Address group 9d440b92");
    }

    @Test
    void partOfANameOffersTheNamesContainingItAndNothingForAnAddressOrAWholeName() {
        assertThat(names.suggestions("off")).containsExactly("Address group office");
        assertThat(names.suggestions("WE")).contains("Group web");
        assertThat(names.suggestions("Group web")).isEmpty();
        assertThat(names.suggestions("10.0")).isEmpty();
        assertThat(names.suggestions("2001:db8::/32")).isEmpty();
        assertThat(names.suggestions("")).isEmpty();
    }

    /**
     * "Web" and "web" are the same name to whoever reads or types them: both show the start of their id, and
     * each label picks its own group (with one label for both, the second overwrote the first, and a rule of
     * "Web" was saved pointing at "web").
     */
    @Test
    void namesThatDifferOnlyInCaseShowTheirIdsAndEachPicksItsOwnGroup() {
        SecurityGroup upper = new SecurityGroup("g-upper-1", "p", "Web", "", true, false, 1, List.of(), List.of(),
                null, null);
        RemoteNames twins = new RemoteNames(List.of(WEB, upper), List.of(addressGroup("ag-1", "Office"),
                addressGroup("ag-2", "office")));

        assertThat(twins.choices()).containsExactly("Anywhere", "Group Web (g-upper-)", "Group web (g-web)",
                "Address group Office (ag-1)", "Address group office (ag-2)");
        assertThat(twins.parse("Group Web (g-upper-)")).isEqualTo(new RemoteNames.Group("g-upper-1"));
        assertThat(twins.parse("Group web (g-web)")).isEqualTo(new RemoteNames.Group("g-web"));
        assertThat(twins.label(new Remote.Group("g-upper-1"))).isEqualTo("Group Web (g-upper-)");
        assertThat(twins.parse("Address group Office (ag-1)")).isEqualTo(new RemoteNames.AddressGroup("ag-1"));
        assertThat(twins.parse("web")).isInstanceOfSatisfying(RemoteNames.Unknown.class,
                u -> assertThat(u.message()).contains("2 security groups are called \"web\""));
    }
}
