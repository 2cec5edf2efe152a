package dev.portcullis.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Printing and parsing agree, and containment is a matter of networks. */
class CidrProperties {

    @Provide
    Arbitrary<Cidr> cidrs() {
        return Arbitraries.oneOf(AcceptedRules.v4Prefix(), AcceptedRules.v6Prefix()).map(p -> p.stored());
    }

    @Property(tries = 2000)
    void whatIsPrintedParsesBackToTheSamePrefix(@ForAll("cidrs") Cidr cidr) {
        assertThat(Cidr.parse(cidr.toString())).contains(cidr);
        assertThat(Cidr.parse(cidr.network().toString())).contains(cidr.network());
        assertThat(Cidr.parse(cidr.toString()).orElseThrow().toString()).isEqualTo(cidr.toString());
    }

    @Property(tries = 2000)
    void theNetworkIsThePrefixWithoutHostBits(@ForAll("cidrs") Cidr cidr) {
        Cidr network = cidr.network();

        assertThat(network.network()).isEqualTo(network);
        assertThat(network.hasHostBits()).isFalse();
        assertThat(network.prefixLength()).isEqualTo(cidr.prefixLength());
        assertThat(network.version()).isEqualTo(cidr.version());
        assertThat(cidr.hasHostBits()).isEqualTo(!cidr.equals(network));
        assertThat(cidr.contains(network)).isTrue();
        assertThat(network.contains(cidr)).isTrue();
        assertThat(cidr.contains(cidr)).isTrue();
    }

    @Property(tries = 3000)
    void containmentDependsOnlyOnTheNetworks(@ForAll("cidrs") Cidr a, @ForAll("cidrs") Cidr b) {
        assertThat(a.contains(b)).isEqualTo(a.network().contains(b.network()));
        assertThat(a.contains(b) && b.contains(a)).isEqualTo(a.network().equals(b.network()));
        if (a.version() != b.version()) {
            assertThat(a.contains(b)).isFalse();
        }
    }

    /** An IPv4 prefix and a longer one that shares its first bits: contained, and not the other way round. */
    @Property(tries = 2000)
    void aLongerPrefixWithTheSameLeadingBitsIsInside(@ForAll long seed, @ForAll @IntRange(max = 32) int outer,
                                                      @ForAll @IntRange(max = 32) int extra, @ForAll long hostBits) {
        int inner = Math.min(32, outer + extra);
        long address = seed & 0xffffffffL;
        long innerAddress = keepLeadingBits(address, hostBits, outer, 32).longValue();
        Cidr a = v4(address, outer);
        Cidr b = v4(innerAddress, inner);

        assertThat(a.contains(b)).as("%s contains %s", a, b).isTrue();
        assertThat(b.contains(a)).isEqualTo(inner == outer);
        assertThat(a.containsAddress(AcceptedRules.dotted(innerAddress))).isTrue();
        if (outer > 0) {
            long outside = innerAddress ^ (1L << (32 - outer)); // flip the last bit of a's network part
            assertThat(a.contains(v4(outside, inner))).isFalse();
            assertThat(a.containsAddress(AcceptedRules.dotted(outside))).isFalse();
        }
    }

    @Property(tries = 2000)
    void theSameHoldsForIpv6(@ForAll("v6Addresses") BigInteger address, @ForAll @IntRange(max = 128) int outer,
                             @ForAll @IntRange(max = 128) int extra, @ForAll("v6Addresses") BigInteger hostBits) {
        int inner = Math.min(128, outer + extra);
        BigInteger innerAddress = keepLeadingBits(address, hostBits, outer, 128);
        Cidr a = v6(address, outer);
        Cidr b = v6(innerAddress, inner);

        assertThat(a.contains(b)).as("%s contains %s", a, b).isTrue();
        assertThat(b.contains(a)).isEqualTo(inner == outer);
        if (outer > 0) {
            BigInteger outside = innerAddress.flipBit(128 - outer);
            assertThat(a.contains(v6(outside, inner))).isFalse();
        }
    }

    @Property
    void onlyAZeroAddressWithAZeroLengthIsTheWholeInternet(@ForAll("cidrs") Cidr cidr) {
        assertThat(cidr.isWholeInternet()).isEqualTo(cidr.toString().equals("0.0.0.0/0")
                || cidr.toString().equals("::/0"));
    }

    @Provide
    Arbitrary<BigInteger> v6Addresses() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as((high, low) -> new BigInteger(Long.toUnsignedString(high)).shiftLeft(64)
                        .or(new BigInteger(Long.toUnsignedString(low))));
    }

    /** {@code address}'s first {@code keep} bits, then {@code other}'s. */
    private static BigInteger keepLeadingBits(Object address, Object other, int keep, int width) {
        BigInteger a = toBig(address, width);
        BigInteger o = toBig(other, width);
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger hostMask = all.shiftRight(keep);
        return a.andNot(hostMask).or(o.and(hostMask));
    }

    private static BigInteger toBig(Object value, int width) {
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        if (value instanceof Long l) {
            return new BigInteger(Long.toUnsignedString(l)).and(all);
        }
        return ((BigInteger) value).and(all);
    }

    private static Cidr v4(long address, int length) {
        return Cidr.parse(AcceptedRules.dotted(address) + "/" + length).orElseThrow();
    }

    private static Cidr v6(BigInteger address, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            text.append(Integer.toHexString(address.shiftRight(16 * i).intValue() & 0xffff)).append(i == 0 ? "" : ":");
        }
        return Cidr.parse(text + "/" + length).orElseThrow();
    }
}
