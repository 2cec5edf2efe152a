package dev.portcullis.files;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the formats that cannot name an address group (Heat, Ansible): a rule naming one is left out, and its
 * note and comment name the address group by name with its prefixes (ten, then how many more), not by id.
 */
final class LeftOutAddressGroups {

    private LeftOutAddressGroups() {
    }

    /**
     * @param writer the format's writer, given groups and address groups
     * @param what   how the notes name what cannot hold an address group ("Heat's rules", "the module")
     */
    static void checkNamedByNameWithPrefixes(BiFunction<List<SecurityGroup>, List<AddressGroup>, WrittenText> writer,
                                             String what) {
        List<Cidr> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(Cidr.parse("10.0." + i + ".0/24").orElseThrow());
        }
        AddressGroup office = new AddressGroup("ag-1", "p", "office", "", List.of(Cidr.parse("203.0.113.0/24")
                .orElseThrow()));
        AddressGroup branches = new AddressGroup("ag-2", "p", "branches", "", many);
        SecurityGroup g = new SecurityGroup("draft:a", "p", "a", "", true, false, 0, List.of(
                Rule.egressAnywhere(EtherType.IPV4),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443),
                        new Remote.AddressGroup("ag-1"), null),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                        new Remote.AddressGroup("ag-2"), null)), List.of(), null, null);

        WrittenText export = writer.apply(List.of(g), List.of(office, branches));

        assertThat(export.notes()).containsExactly("A rule of a (Ingress IPv4 TCP 443 from address group office) is "
                        + "not written: " + what + " cannot name a remote address group (address group office holds "
                        + "203.0.113.0/24).",
                "A rule of a (Ingress IPv4 TCP 22 from address group branches) is not written: " + what + " cannot "
                        + "name a remote address group (address group branches holds 10.0.0.0/24, 10.0.1.0/24, "
                        + "10.0.2.0/24, 10.0.3.0/24, 10.0.4.0/24, 10.0.5.0/24, 10.0.6.0/24, 10.0.7.0/24, 10.0.8.0/24, "
                        + "10.0.9.0/24 and 2 more).");
        assertThat(export.text()).contains("# A rule of a (Ingress IPv4 TCP 443 from address group office)")
                .doesNotContain("ag-1", "ag-2", "port_range_min: 443");
    }
}
