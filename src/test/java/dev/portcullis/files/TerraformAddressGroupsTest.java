package dev.portcullis.files;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Address groups in Terraform: written as the provider's resources, read back, and the rules that name them. */
class TerraformAddressGroupsTest {

    static final String OFFICE_ID = "5f0c8a3e-7c1d-4b52-9e0f-2d6a1b3c4e5f";
    static final String TYPE = "openstack_networking_address_group_v2";

    static AddressGroup addressGroup(String id, String name, String description, String... prefixes) {
        return new AddressGroup(id, null, name, description,
                java.util.Arrays.stream(prefixes).map(p -> Cidr.parse(p).orElseThrow()).toList());
    }

    static Rule rule(String id, int port, Remote remote) {
        return new Rule(id, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(port), remote, null);
    }

    static SecurityGroup group(String id, String name, Rule... rules) {
        return new SecurityGroup(id, "p", name, "", true, false, 1, List.of(rules), List.of(), null, null);
    }

    /** What Terraform carries of an address group: everything but its project (as for groups). */
    record Carried(String id, String name, String description, List<Cidr> addresses) {
        static Carried of(AddressGroup a) {
            return new Carried(a.id(), a.name(), a.description(), a.addresses());
        }
    }

    @Test
    void anAddressGroupARuleNamesIsWrittenAsAResourceWithItsImportAndTheRulePointsAtIt() {
        AddressGroup office = addressGroup(OFFICE_ID, "office", "Head office", "192.0.2.17/32", "203.0.113.0/24");
        SecurityGroup bastion = group("g-1", "bastion", rule("r-1", 22, new Remote.AddressGroup(OFFICE_ID)));

        String tf = new TerraformWriter().write(List.of(bastion), List.of(office));

        assertThat(tf).contains("""

                resource "openstack_networking_address_group_v2" "office" {
                  name        = "office"
                  description = "Head office"
                  addresses   = [
                    "192.0.2.17/32",
                    "203.0.113.0/24",
                  ]
                }

                import {
                  to = openstack_networking_address_group_v2.office
                  id = "5f0c8a3e-7c1d-4b52-9e0f-2d6a1b3c4e5f"
                }
                """, "  remote_address_group_id = openstack_networking_address_group_v2.office.id\n");
        assertThat(tf.indexOf(TYPE)).as("address groups come before the rules that name them")
                .isLessThan(tf.indexOf("openstack_networking_secgroup_v2"));
        assertThat(new TerraformWriter(false).write(List.of(bastion), List.of(office))).doesNotContain("import");
    }

    @Test
    void onlyTheAddressGroupsTheRulesNameAreWrittenAndTheOthersAreCountedInTheNotes() {
        AddressGroup office = addressGroup(OFFICE_ID, "office", "", "203.0.113.0/24");
        AddressGroup unused = addressGroup("ag-unused", "lab", "", "10.9.0.0/16");
        SecurityGroup bastion = group("g-1", "bastion", rule("r-1", 22, new Remote.AddressGroup(OFFICE_ID)));
        TerraformWriter writer = new TerraformWriter();

        String tf = writer.write(List.of(bastion), List.of(office, unused));

        assertThat(tf).contains("\"office\" {").doesNotContain("lab", "10.9.0.0/16");
        assertThat(writer.notes(List.of(bastion), List.of(office, unused)))
                .containsExactly("1 address group that no rule names is not written.");
    }

    @Test
    void anAddressGroupTheProjectDoesNotKnowStaysItsIdWithACommentAndANote() {
        SecurityGroup bastion = group("g-1", "bastion", rule("r-1", 22, new Remote.AddressGroup("ag-gone")),
                rule("r-2", 80, new Remote.AddressGroup("ag\nresource \"x\" \"y\" {}")));
        TerraformWriter writer = new TerraformWriter();

        String tf = writer.write(List.of(bastion), List.of());

        assertThat(tf).contains("# Portcullis: address group \"ag-gone\" is not known here: the rule names it by its "
                        + "id, and it must exist where this is applied.\nresource \"openstack_networking_secgroup_rule_v2\"",
                "  remote_address_group_id = \"ag-gone\"\n", "# Portcullis: address group \"ag\\nresource")
                .doesNotContain("resource \"" + TYPE);
        assertThat(writer.notes(List.of(bastion), List.of())).first().asString()
                .startsWith("group bastion: Ingress IPv4 TCP 22 from address group ag-gone: address group \"ag-gone\" is "
                        + "not known here");
        DefinitionReport back = new TerraformReader().read(tf);
        assertThat(back.allProblems()).isEmpty();
        assertThat(back.definitions().groups().get(0).rules()).extracting(Rule::remote)
                .containsExactlyElementsOf(bastion.rules().stream().map(Rule::remote).toList());
    }

    @Test
    void resourceNamesAreUniqueAndStableAndADraftKeepsTheNameItWasReadUnder() {
        AddressGroup a = addressGroup("ag-1", "Office", "", "10.1.0.0/16");
        AddressGroup b = addressGroup("ag-2", "office", "", "10.2.0.0/16");
        AddressGroup unnamed = addressGroup("ag-3", "", "", "10.3.0.0/16");
        AddressGroup draft = addressGroup(DraftIds.group(TYPE + ".vpn_exits"), "VPN", "", "10.4.0.0/16");
        SecurityGroup g = group("g-1", "office", rule("r-1", 1, new Remote.AddressGroup("ag-1")),
                rule("r-2", 2, new Remote.AddressGroup("ag-2")), rule("r-3", 3, new Remote.AddressGroup("ag-3")),
                rule("r-4", 4, new Remote.AddressGroup(draft.id())), rule("r-5", 5, new Remote.AddressGroup("ag-1")));

        String tf = new TerraformWriter().write(List.of(g), List.of(a, b, unnamed, draft));

        assertThat(tf).contains("resource \"" + TYPE + "\" \"office\" {", "resource \"" + TYPE + "\" \"office_2\" {",
                "resource \"" + TYPE + "\" \"address_group\" {", "resource \"" + TYPE + "\" \"vpn_exits\" {",
                "resource \"openstack_networking_secgroup_v2\" \"office\" {");
        assertThat(tf).as("the same input gives the same file")
                .isEqualTo(new TerraformWriter().write(List.of(g), List.of(a, b, unnamed, draft)));
        assertThat(tf.split(TYPE + "\\.office\\.id", -1)).as("both rules naming ag-1 point at one resource")
                .hasSize(3);
    }

    @Test
    void groupsRulesAndAddressGroupsComeBackTheSameWithAndWithoutImports() {
        AddressGroup office = addressGroup(OFFICE_ID, "office", "Head office", "192.0.2.17/32", "203.0.113.0/24");
        AddressGroup monitoring = addressGroup(DraftIds.group(TYPE + ".monitoring"), "monitoring", "",
                "198.51.100.7/32", "2001:db8:10::/48");
        SecurityGroup bastion = group("g-1", "bastion", rule("r-1", 22, new Remote.AddressGroup(OFFICE_ID)),
                new Rule("r-2", Direction.INGRESS, EtherType.IPV6, Protocol.of("ipv6-icmp"), PortRange.ANY,
                        new Remote.AddressGroup(monitoring.id()), "monitoring"),
                rule("r-3", 443, Remote.prefix("0.0.0.0/0")));
        List<AddressGroup> addressGroups = List.of(office, monitoring);

        String tf = new TerraformWriter().write(List.of(bastion), addressGroups);
        DefinitionReport back = new TerraformReader().read(tf);

        assertThat(back.allProblems()).as(tf).isEmpty();
        assertThat(back.addressGroups()).extracting(Carried::of)
                .containsExactlyElementsOf(addressGroups.stream().map(Carried::of).toList());
        SecurityGroup read = back.definitions().groups().get(0);
        assertThat(read.name()).isEqualTo("bastion");
        assertThat(read.rules()).isEqualTo(bastion.rules());

        DefinitionReport fresh = new TerraformReader().read(new TerraformWriter(false).write(List.of(bastion),
                addressGroups));
        assertThat(fresh.allProblems()).isEmpty();
        String officeDraft = DraftIds.group(TYPE + ".office");
        assertThat(fresh.addressGroups()).extracting(AddressGroup::id).containsExactly(officeDraft, monitoring.id());
        assertThat(fresh.groups().get(0).rules()).extracting(r -> r.rule().remote()).containsExactly(
                new Remote.AddressGroup(officeDraft), new Remote.AddressGroup(monitoring.id()),
                Remote.prefix("0.0.0.0/0"));
    }

    @Test
    void theExportOfAProjectWritesTheAddressGroupsOfItsDefinitions() {
        AddressGroup office = addressGroup(OFFICE_ID, "office", "", "203.0.113.0/24");
        SecurityGroup bastion = group("g-1", "bastion", rule("r-1", 22, new Remote.AddressGroup(OFFICE_ID)));

        ExportFormat.Exported exported = ExportFormat.TERRAFORM.write(new Definitions(List.of(bastion), List.of(),
                List.of(office)), true);

        DefinitionReport back = new TerraformReader().read(new String(exported.content(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(exported.notes()).isEmpty();
        assertThat(back.addressGroups()).extracting(Carried::of).containsExactly(Carried.of(office));
    }

    @Test
    void anAddressGroupOfAnotherProjectIsNamedByIdSoThatTheConfigurationNeverManagesIt() {
        AddressGroup shared = new AddressGroup("ag-shared", "other-project", "corporate", "",
                List.of(Cidr.parse("10.0.0.0/8").orElseThrow()));
        SecurityGroup bastion = group("g-1", "bastion", rule("r-1", 22, new Remote.AddressGroup("ag-shared")));
        TerraformWriter writer = new TerraformWriter();

        String tf = writer.write(List.of(bastion), List.of(shared));

        assertThat(tf).doesNotContain("resource \"" + TYPE).contains("# Portcullis: address group \"corporate\" "
                + "belongs to project \"other-project\": the rule names it by its id \"ag-shared\", and this "
                + "configuration does not manage it.\n", "  remote_address_group_id = \"ag-shared\"\n");
        assertThat(writer.notes(List.of(bastion), List.of(shared))).singleElement().asString()
                .startsWith("group bastion: Ingress IPv4 TCP 22 from address group corporate: address group "
                        + "\"corporate\" belongs to project");
    }
}
