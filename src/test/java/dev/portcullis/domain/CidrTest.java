package dev.portcullis.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cidr reads what netaddr reads and prints what Neutron stores (the probes' remote_ip_prefix). */
class CidrTest {

    @ParameterizedTest(name = "\"{0}\" is stored as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10                        | 10.0.0.0/32
            10.1                      | 10.1.0.0/32
            10.1/16                   | 10.1.0.0/16
            192.168/16                | 192.168.0.0/16
            0/0                       | 0.0.0.0/0
            010.0.0.1/8               | 10.0.0.1/8
            10.0.0.0/08               | 10.0.0.0/8
            10.0.0.0/255.0.0.0        | 10.0.0.0/8
            10.0.0.0/0.255.255.255    | 10.0.0.0/8
            10.1.2.3/255.255.0.0      | 10.1.2.3/16
            10.0.0.1                  | 10.0.0.1/32
            10.0.0.1/24               | 10.0.0.1/24
            1.2.3.4/0                 | 1.2.3.4/0
            '10.0.0.0/8 '             | 10.0.0.0/8
            ' 10.0.0.0/8'             | 10.0.0.0/8
            """)
    void ipv4InEveryFormNetaddrReads(String text, String stored) {
        Cidr cidr = Cidr.parse(text).orElseThrow();

        assertThat(cidr.toString()).isEqualTo(stored);
        assertThat(cidr.version()).isEqualTo(4);
        assertThat(cidr.etherType()).isEqualTo(EtherType.IPV4);
    }

    @ParameterizedTest(name = "\"{0}\" is stored as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2001:db8::1                               | 2001:db8::1/128
            2001:DB8::/32                             | 2001:db8::/32
            2001:db8::1/32                            | 2001:db8::1/32
            2001:0db8:0000:0000:0000:0000:0000:0001   | 2001:db8::1/128
            2001:db8:0:0:1:0:0:1                      | 2001:db8::1:0:0:1/128
            1:0:0:2:0:0:3:4                           | 1::2:0:0:3:4/128
            fe80:0:0:1:0:0:0:1                        | fe80:0:0:1::1/128
            2001:db8:0:1:1:1:1:1                      | 2001:db8:0:1:1:1:1:1/128
            ::                                        | ::/128
            ::/0                                      | ::/0
            ::0/0                                     | ::/0
            1::                                       | 1::/128
            ::1                                       | ::1/128
            ::ffff                                    | ::ffff/128
            ::ffff:10.0.0.1                           | ::ffff:10.0.0.1/128
            ::ffff:10.0.0.1/128                       | ::ffff:10.0.0.1/128
            ::ffff:a00:1                              | ::ffff:10.0.0.1/128
            ::10.0.0.1                                | ::10.0.0.1/128
            ::2:3                                     | ::0.2.0.3/128
            2001:db8::/ffff:ffff::                    | 2001:db8::/32
            """)
    void ipv6PrintedAsInetNtopPrintsIt(String text, String stored) {
        Cidr cidr = Cidr.parse(text).orElseThrow();

        assertThat(cidr.toString()).isEqualTo(stored);
        assertThat(cidr.version()).isEqualTo(6);
        assertThat(cidr.etherType()).isEqualTo(EtherType.IPV6);
    }

    @ParameterizedTest(name = "\"{0}\" is not a CIDR")
    @ValueSource(strings = {"10.0.0.300/24", "not-a-cidr", "bad", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/",
            "1.2.3.4.5", "fe80::1%eth0", "", "/8", "::/129", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::",
            "10.0.0.0/255.0.255.0", "10.0.0.0/8/8", "10.0.0.0/0x8", "gggg::", ":1:2:3:4:5:6:7",
            "::ffff:10.0.0.256"})
    void whatNetaddrRefusesIsRefused(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void aMappedIpv4AddressIsIpv6() {
        // probe remote-v4-mapped-ipv4: Neutron called it a conflict with IPv4
        assertThat(Cidr.parse("::ffff:10.0.0.1/128").orElseThrow().etherType()).isEqualTo(EtherType.IPV6);
    }

    @Test
    void hostBitsAreKeptAndTheNetworkClearsThem() {
        Cidr cidr = Cidr.parse("10.1.2.3/16").orElseThrow();

        assertThat(cidr.toString()).isEqualTo("10.1.2.3/16");
        assertThat(cidr.hasHostBits()).isTrue();
        assertThat(cidr.network().toString()).isEqualTo("10.1.0.0/16");
        assertThat(cidr.network().hasHostBits()).isFalse();
        assertThat(Cidr.parse("2001:db8::1/32").orElseThrow().network().toString()).isEqualTo("2001:db8::/32");
        assertThat(Cidr.parse("1.2.3.4/0").orElseThrow().network().toString()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void aHostIsAnAddressWithoutAMask() {
        assertThat(Cidr.host("10.0.0.1")).map(Cidr::toString).contains("10.0.0.1/32");
        assertThat(Cidr.host("2001:db8::1")).map(Cidr::toString).contains("2001:db8::1/128");
        assertThat(Cidr.host("10.0.0.1/32")).isPresent();
        assertThat(Cidr.host("10.0.0.0/24")).isEmpty();
        assertThat(Cidr.host("nonsense")).isEmpty();
    }

    @Test
    void containment() {
        Cidr net = Cidr.parse("10.0.0.0/8").orElseThrow();

        assertThat(net.contains(Cidr.parse("10.1.0.0/16").orElseThrow())).isTrue();
        assertThat(net.contains(Cidr.parse("10.0.0.0/7").orElseThrow())).isFalse();
        assertThat(net.contains(Cidr.parse("11.0.0.0/16").orElseThrow())).isFalse();
        assertThat(net.contains(Cidr.parse("::/0").orElseThrow())).isFalse();
        assertThat(Cidr.parse("10.9.9.9/8").orElseThrow().contains(net)).isTrue();
        assertThat(net.containsAddress("10.255.255.255")).isTrue();
        assertThat(net.containsAddress("11.0.0.0")).isFalse();
        assertThat(net.containsAddress("::1")).isFalse();
        assertThat(net.containsAddress("garbage")).isFalse();
        assertThat(Cidr.parse("::/0").orElseThrow().containsAddress("2001:db8::1")).isTrue();
    }

    @Test
    void onlyZeroOverZeroIsTheWholeInternet() {
        assertThat(Cidr.parse("0.0.0.0/0").orElseThrow().isWholeInternet()).isTrue();
        assertThat(Cidr.parse("0/0").orElseThrow().isWholeInternet()).isTrue();
        assertThat(Cidr.parse("::/0").orElseThrow().isWholeInternet()).isTrue();
        assertThat(Cidr.parse("1.2.3.4/0").orElseThrow().isWholeInternet()).isFalse();
        assertThat(Cidr.parse("0.0.0.0/1").orElseThrow().isWholeInternet()).isFalse();
    }

    @Test
    void equalityIsAddressAndLength() {
        assertThat(Cidr.parse("10.0.0.1/24")).isNotEqualTo(Cidr.parse("10.0.0.0/24"));
        assertThat(Cidr.parse("010.0.0.1/8")).isEqualTo(Cidr.parse("10.0.0.1/8"));
        assertThat(Cidr.parse("2001:DB8::/32")).isEqualTo(Cidr.parse("2001:db8:0::/32"));
        assertThat(Cidr.parse("2001:DB8::/32").orElseThrow().hashCode())
                .isEqualTo(Cidr.parse("2001:db8:0::/32").orElseThrow().hashCode());
        assertThat(Cidr.parse("0.0.0.0/0")).isNotEqualTo(Cidr.parse("::/0"));
    }

    /** Containment compares the addresses as two longs: the edges of each half, IPv4 inside IPv6's 128 bits. */
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.200.3.4/32, true",
            "10.0.0.0/8, 11.0.0.0/32, false",
            "0.0.0.0/0, 203.0.113.9/32, true",
            "10.0.0.4/31, 10.0.0.5/32, true",
            "10.0.0.4/31, 10.0.0.6/32, false",
            "10.1.2.3/16, 10.1.200.1/32, true",
            "2001:db8::/32, 2001:db8:ffff::1/128, true",
            "2001:db8::/32, 2001:db9::1/128, false",
            "2001:db8:0:1::/64, 2001:db8:0:1:ffff::1/128, true",
            "2001:db8:0:1::/64, 2001:db8:0:2::1/128, false",
            "2001:db8:0:1::/63, 2001:db8:0:1::/64, true",
            "2001:db8:0:2::/63, 2001:db8:0:1::/64, false",
            "2001:db8::1:0/112, 2001:db8::1:ffff/128, true",
            "::/0, ::1/128, true",
            "::/0, 10.0.0.1/32, false",
            "0.0.0.0/0, ::1/128, false",
            "::ffff:10.0.0.0/104, ::ffff:10.9.9.9/128, true",
            "::/96, 10.0.0.1/32, false",
            "10.0.0.5/32, 10.0.0.5/32, true",
    })
    void aPrefixContainsTheAddressesOfItsNetwork(String outer, String inner, boolean contained) {
        Cidr a = Cidr.parse(outer).orElseThrow();
        Cidr b = Cidr.parse(inner).orElseThrow();

        assertThat(a.contains(b)).isEqualTo(contained);
        assertThat(a.overlaps(b)).isEqualTo(contained || b.contains(a));
        assertThat(b.overlaps(a)).isEqualTo(a.overlaps(b));
    }
}
