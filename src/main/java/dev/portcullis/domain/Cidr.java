package dev.portcullis.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IP prefix as Neutron reads and stores {@code remote_ip_prefix}. Parsing follows the netaddr library
 * Neutron uses: strict dotted quads and IPv6 text first, then "partial" IPv4 ({@code 10}, {@code 192.168},
 * {@code 010.0.0.1}), a prefix length or a netmask/hostmask after the slash, and the full length when no
 * slash is given. Host bits are kept ({@code 10.1.2.3/16} stays so); {@link #network()} is Neutron's
 * {@code normalized_cidr}.
 */
public final class Cidr {

    private static final BigInteger MAX_V4 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger MAX_V6 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private final int version;
    private final BigInteger address;
    private final int prefixLength;
    /**
     * The address as two longs (IPv4 in the low 32 bits), so that {@link #contains} compares numbers: the
     * console's filter asks it of every rule of 10,000 groups at each keystroke.
     */
    private final long high;
    private final long low;

    private Cidr(int version, BigInteger address, int prefixLength) {
        this.version = version;
        this.address = address;
        this.prefixLength = prefixLength;
        this.high = address.shiftRight(64).longValue();
        this.low = address.longValue();
    }

    /** Parses like {@code netaddr.IPNetwork(text)}; empty where Neutron answers {@code InvalidCIDR}. */
    public static Optional<Cidr> parse(String text) {
        Optional<Cidr> v4 = parse(text, 4);
        return v4.isPresent() ? v4 : parse(text, 6);
    }

    /**
     * A prefix as Neutron's address groups take it (netaddr's strict subnet check): a whole address, IPv4 or
     * IPv6, then a slash and a length in digits; no partial IPv4 ({@code 10/8}), no mask, no bare address.
     * Host bits are kept here (Neutron clears them: see {@link #network()}).
     */
    public static Optional<Cidr> parseSubnet(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String length = text.substring(slash + 1);
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        String address = text.substring(0, slash);
        int prefix = Integer.parseInt(length);
        Optional<BigInteger> v4 = parseV4Strict(address);
        if (v4.isPresent()) {
            return prefix > 32 ? Optional.empty() : Optional.of(new Cidr(4, v4.get(), prefix));
        }
        return parseV6Strict(address).filter(a -> prefix <= 128).map(a -> new Cidr(6, a, prefix));
    }

    /** The prefix that covers one address: /32 or /128. */
    public static Optional<Cidr> host(String address) {
        return parse(address).filter(c -> c.prefixLength == c.width());
    }

    private static Optional<Cidr> parse(String text, int version) {
        String addressPart;
        String prefixPart;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            addressPart = text.substring(0, slash);
            prefixPart = text.substring(slash + 1);
        } else {
            addressPart = text;
            prefixPart = null;
        }
        Optional<BigInteger> address = version == 4 ? parseV4Strict(addressPart) : parseV6Strict(addressPart);
        if (address.isEmpty() && version == 4) {
            address = expandPartialV4(addressPart).flatMap(Cidr::parseV4Strict);
        }
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int width = version == 4 ? 32 : 128;
        int prefix;
        if (prefixPart == null) {
            prefix = width;
        } else {
            Optional<BigInteger> asInt = Python.toInt(new Raw.Text(prefixPart));
            if (asInt.isPresent()) {
                BigInteger p = asInt.get();
                if (p.signum() < 0 || p.compareTo(BigInteger.valueOf(width)) > 0) {
                    return Optional.empty();
                }
                prefix = p.intValueExact();
            } else {
                Optional<BigInteger> mask = version == 4 ? parseV4Strict(prefixPart) : parseV6Strict(prefixPart);
                if (mask.isEmpty()) {
                    return Optional.empty();
                }
                OptionalPrefix fromMask = maskToPrefix(mask.get(), width);
                if (fromMask.prefix < 0) {
                    return Optional.empty();
                }
                prefix = fromMask.prefix;
            }
        }
        return Optional.of(new Cidr(version, address.get(), prefix));
    }

    private record OptionalPrefix(int prefix) {
    }

    private static OptionalPrefix maskToPrefix(BigInteger mask, int width) {
        BigInteger max = width == 32 ? MAX_V4 : MAX_V6;
        BigInteger asNetmask = mask.xor(max).add(BigInteger.ONE);
        if (asNetmask.bitCount() == 1) {
            return new OptionalPrefix(width - (asNetmask.bitLength() - 1));
        }
        BigInteger asHostmask = mask.add(BigInteger.ONE);
        if (asHostmask.bitCount() == 1) {
            return new OptionalPrefix(width - (asHostmask.bitLength() - 1));
        }
        return new OptionalPrefix(-1);
    }

    /** inet_pton(AF_INET): four decimal octets, no leading zeros, nothing else. */
    private static Optional<BigInteger> parseV4Strict(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(BigInteger.valueOf(value));
    }

    /** netaddr's expand_partial_address: 1-4 integers separated by dots, missing ones are 0. */
    private static Optional<String> expandPartialV4(String s) {
        if (s.contains(":")) {
            return Optional.empty();
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        for (String part : parts) {
            Optional<BigInteger> n = Python.toInt(new Raw.Text(part));
            if (n.isEmpty()) {
                return Optional.empty();
            }
            tokens.add(n.get().toString());
        }
        while (tokens.size() < 4) {
            tokens.add("0");
        }
        return Optional.of(String.join(".", tokens));
    }

    /** inet_pton(AF_INET6): hex groups, one "::", an optional trailing dotted quad; no zone, no spaces. */
    private static Optional<BigInteger> parseV6Strict(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        if (doubleColon >= 0) {
            if (!groups(s.substring(0, doubleColon), head, false) || !groups(s.substring(doubleColon + 2), tail, true)) {
                return Optional.empty();
            }
            if (head.size() + tail.size() > 7) {
                return Optional.empty();
            }
        } else {
            if (!groups(s, head, true) || head.size() != 8) {
                return Optional.empty();
            }
        }
        BigInteger value = BigInteger.ZERO;
        List<Integer> words = new ArrayList<>(head);
        for (int i = head.size() + tail.size(); i < 8; i++) {
            words.add(0);
        }
        words.addAll(tail);
        for (int w : words) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(w));
        }
        return Optional.of(value);
    }

    private static boolean groups(String s, List<Integer> out, boolean allowV4Tail) {
        if (s.isEmpty()) {
            return true;
        }
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (allowV4Tail && i == parts.length - 1 && part.contains(".")) {
                Optional<BigInteger> v4 = parseV4Strict(part);
                if (v4.isEmpty()) {
                    return false;
                }
                long v = v4.get().longValue();
                out.add((int) (v >>> 16));
                out.add((int) (v & 0xffff));
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(Cidr::isHex)) {
                return false;
            }
            out.add(Integer.parseInt(part, 16));
        }
        return true;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public int version() {
        return version;
    }

    public EtherType etherType() {
        return EtherType.ofVersion(version);
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** The address as a number: 32 bits for IPv4, 128 for IPv6 (host bits included, as stored). */
    public BigInteger addressValue() {
        return address;
    }

    public int width() {
        return version == 4 ? 32 : 128;
    }

    /** The prefix with its host bits cleared: Neutron's {@code normalized_cidr}. */
    public Cidr network() {
        return new Cidr(version, address.and(mask()), prefixLength);
    }

    public boolean hasHostBits() {
        return !address.equals(address.and(mask()));
    }

    /** 0.0.0.0/0 or ::/0 as written: what Neutron treats as "no remote" when comparing rules. */
    public boolean isWholeInternet() {
        return prefixLength == 0 && address.signum() == 0;
    }

    /** Whether every address of {@code other} is in this prefix (host bits of both aside); allocates nothing. */
    public boolean contains(Cidr other) {
        if (other.version != version || other.prefixLength < prefixLength) {
            return false;
        }
        int length = version == 4 ? 96 + prefixLength : prefixLength; // IPv4 counted from bit 96 of 128
        long highMask = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long lowMask = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        return ((other.high ^ high) & highMask) == 0 && ((other.low ^ low) & lowMask) == 0;
    }

    /** Whether the two prefixes share an address: one of them contains the other. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** Whether this prefix covers the address (text, IPv4 or IPv6, no mask). */
    public boolean containsAddress(String text) {
        return host(text).map(this::contains).orElse(false);
    }

    private BigInteger mask() {
        BigInteger max = version == 4 ? MAX_V4 : MAX_V6;
        return max.shiftRight(prefixLength).xor(max);
    }

    /** The address part as Neutron prints it (inet_ntop). */
    public String addressText() {
        return version == 4 ? v4Text(address.longValue()) : v6Text(address);
    }

    private static String v4Text(long v) {
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    /** glibc inet_ntop6: lower-case hex, the first longest run of two or more zero words as "::". */
    private static String v6Text(BigInteger value) {
        int[] words = new int[8];
        for (int i = 7; i >= 0; i--) {
            words[i] = value.and(BigInteger.valueOf(0xffff)).intValue();
            value = value.shiftRight(16);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase >= 0) {
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && curLen > bestLen) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                long v4 = ((long) words[6] << 16) | words[7];
                out.append(v4Text(v4));
                break;
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append(':');
        }
        return out.toString();
    }

    /** The stored form: the address as Neutron prints it, a slash and the prefix length. */
    @Override
    public String toString() {
        return addressText() + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.version == version && c.prefixLength == prefixLength && c.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + prefixLength * 7 + version;
    }
}
