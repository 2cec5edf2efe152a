package dev.portcullis.ui.network;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.TrafficCheckAnswer.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter's ports and addresses are Check traffic's answer (issue 17: for a rule of protocol 0, Check
 * traffic allowed tcp/22 and the filter {@code 22} did not find the group).
 */
class FilterMatchesAsTrafficCheckTest {

    private static final FilterWorld KNOWN = new FilterWorld(true);

    private static Rule ingress(String protocol, PortRange ports, Remote remote) {
        return Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.of(protocol), ports, remote, null);
    }

    /** No protocol, 0, and the names of 0: every protocol, to Neutron and to both. */
    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(strings = {"any", "0", "ip", "hopopt"})
    void aPortFindsARuleOfEveryProtocolHoweverItIsSpelled(String spelled) {
        SecurityGroup group = FilterWorld.group(ingress(spelled.equals("any") ? null : spelled, PortRange.ANY,
                Remote.ANYWHERE));

        assertThat(KNOWN.verdict(group, Direction.INGRESS, "tcp", 22, "203.0.113.5")).isEqualTo(Verdict.ALLOWED);
        assertThat(KNOWN.filterFinds("22", group)).isTrue();
        assertThat(KNOWN.filterFinds("in:22 203.0.113.5", group)).isTrue();
        assertThat(KNOWN.filterFinds("out:22", group)).as("an ingress rule").isFalse();
    }

    /**
     * One ingress rule, a port and an address: the filter finds the group exactly when Check traffic allows
     * traffic of some protocol with ports.
     */
    @ParameterizedTest(name = "{0} {1}-{2} from {3}: {4} from {5} is {6}")
    @CsvSource(nullValues = "-", textBlock = """
            -       | -    | -    | -                | 22   | 203.0.113.5   | true
            0       | -    | -    | 10.0.0.0/8       | 22   | 10.9.9.9      | true
            0       | -    | -    | 10.0.0.0/8       | 22   | 11.0.0.1      | false
            ip      | -    | -    | -                | 65535| 198.51.100.1  | true
            tcp     | 22   | 22   | -                | 22   | 203.0.113.5   | true
            tcp     | 22   | 22   | -                | 23   | 203.0.113.5   | false
            6       | 20   | 30   | 10.1.2.3/16      | 25   | 10.1.200.1    | true
            6       | 20   | 30   | 10.1.2.3/16      | 25   | 10.2.0.1      | false
            udp     | -    | -    | -                | 53   | 203.0.113.5   | true
            sctp    | 9000 | 9100 | -                | 9050 | 203.0.113.5   | true
            udplite | 5    | 5    | -                | 5    | 203.0.113.5   | true
            icmp    | 8    | 0    | -                | 8    | 203.0.113.5   | false
            gre     | -    | -    | -                | 22   | 203.0.113.5   | false
            47      | -    | -    | -                | 22   | 203.0.113.5   | false
            tcp     | -    | -    | group:g-members  | 22   | 10.0.0.7      | true
            tcp     | -    | -    | group:g-members  | 22   | 10.0.0.8      | false
            0       | -    | -    | ag:ag-office     | 443  | 10.0.1.77     | true
            0       | -    | -    | ag:ag-office     | 443  | 10.0.2.77     | false
            tcp     | -    | -    | ag:ag-missing    | 443  | 10.0.1.77     | false
            tcp     | 22   | 22   | -                | 22   | 2001:db8::5   | false
            """, delimiter = '|')
    void aPortAndAnAddressFindWhatCheckTrafficAllows(String protocol, Integer min, Integer max, String remote,
                                                      int port, String address, boolean allowed) {
        SecurityGroup group = FilterWorld.group(ingress(protocol, PortRange.between(min, max), remote(remote)));

        assertThat(KNOWN.someProtocolAllowed(group, Direction.INGRESS, port, address)).isEqualTo(allowed);
        assertThat(KNOWN.filterFinds(FilterWorld.words(Direction.INGRESS, port, address), group)).isEqualTo(allowed);
    }

    static Remote remote(String text) {
        if (text == null) {
            return Remote.ANYWHERE;
        }
        if (text.startsWith("group:")) {
            return Remote.group(text.substring(6));
        }
        if (text.startsWith("ag:")) {
            return new Remote.AddressGroup(text.substring(3));
        }
        return Remote.prefix(text);
    }

    /** Where Check traffic cannot tell (a file that lists no interfaces), the filter does not find the group. */
    @ParameterizedTest(name = "remote {0}")
    @ValueSource(strings = {"group:g-members", "ag:ag-missing"})
    void aRemoteWhoseAddressesAreUnknownFindsNoAddress(String remote) {
        FilterWorld unknown = new FilterWorld(false);
        SecurityGroup group = FilterWorld.group(ingress("tcp", PortRange.of(22), remote(remote)));

        assertThat(unknown.verdict(group, Direction.INGRESS, "tcp", 22, "10.0.0.7")).isEqualTo(Verdict.UNKNOWN);
        assertThat(unknown.filterFinds("10.0.0.7", group)).isFalse();
        assertThat(unknown.filterFinds("22", group)).as("the port is not in doubt").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.1.0/28", "10.0.0.0/16", "10.0.0.7/32"})
    void aCidrFindsARuleThatLetsSomeOfItsAddressesThrough(String cidr) {
        SecurityGroup office = FilterWorld.group(ingress("tcp", PortRange.of(22), remote("ag:ag-office")));
        SecurityGroup members = FilterWorld.group(ingress("tcp", PortRange.of(22), remote("group:g-members")));

        assertThat(KNOWN.filterFinds(cidr, office)).isEqualTo(!cidr.equals("10.0.0.7/32"));
        assertThat(KNOWN.filterFinds(cidr, members)).isEqualTo(!cidr.equals("10.0.1.0/28"));
    }
}
