package dev.portcullis.ui.network;

import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The filter of the Network Configuration view. A group's {@link Index} is made once per load, so that
 * typing in the filter only runs cheap comparisons, even over 10,000 groups.
 *
 * <p>The filter text is read as words, and a group must match every word. A word matches the group's
 * name, description or the descriptions of its rules (ignoring case); in addition
 * <ul>
 *   <li>a port ({@code 22}) matches a rule that lets traffic to that port through: a TCP, UDP, SCTP,
 *       DCCP or UDP-Lite rule whose range contains it, or a rule for any protocol (ICMP type and code
 *       are not ports);</li>
 *   <li>an address ({@code 10.0.0.5}, {@code 2001:db8::1}) matches a rule whose CIDR contains it, a rule
 *       of its IP version with no remote, or a rule whose remote group is used by an interface that has
 *       this address; a CIDR ({@code 10.0.0.0/24}) matches a rule whose CIDR overlaps it.</li>
 * </ul>
 * Ports and addresses are looked for in ingress rules, as the question is usually "what can reach my
 * servers"; {@code out:443} or {@code out:10.0.0.0/8} looks at egress rules, {@code in:22} says ingress
 * explicitly. Every group Neutron makes lets all traffic out, so a bare port looking at egress rules
 * would match nearly every group. {@code tag:NAME} matches a group with that tag (the whole tag, any letter
 * case, as Neutron's {@code ?tags=NAME}); a plain word also finds a group by a tag's text.
 */
final class GroupSearch {

    private GroupSearch() {
    }

    /** What the filter compares, made once per group. */
    static final class Index {
        private final String text;
        /** The group's tags as Neutron tells them apart ({@link Tags#key}); empty for most groups. */
        private final java.util.Set<String> tags;
        private final Facts ingress;
        private final Facts egress;

        private Index(String text, java.util.Set<String> tags, Facts ingress, Facts egress) {
            this.text = text;
            this.tags = tags;
            this.ingress = ingress;
            this.egress = egress;
        }

        Facts facts(Direction direction) {
            return direction == Direction.INGRESS ? ingress : egress;
        }
    }

    /** The ports and addresses the rules of one direction let through. */
    static final class Facts {
        private boolean everyPort;
        private boolean everyV4;
        private boolean everyV6;
        private final List<int[]> portRanges = new ArrayList<>();
        private final List<Block> prefixes = new ArrayList<>();
        /** The addresses of the interfaces in the remote groups of these rules, each a /32 or /128. */
        private final List<Block> memberAddresses = new ArrayList<>();

        boolean letsPort(int port) {
            if (everyPort) {
                return true;
            }
            for (int[] range : portRanges) {
                if (range[0] <= port && port <= range[1]) {
                    return true;
                }
            }
            return false;
        }

        boolean letsAddress(Block wanted) {
            if (wanted.version == 4 ? everyV4 : everyV6) {
                return true;
            }
            for (Block prefix : prefixes) {
                if (prefix.contains(wanted) || wanted.contains(prefix)) {
                    return true;
                }
            }
            for (Block member : memberAddresses) {
                if (wanted.contains(member)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A prefix as two longs, so that a filter over thousands of rules compares numbers instead of making
     * big integers. IPv4 sits in the last 32 bits, its prefix length counted from bit 96.
     */
    static final class Block {
        private final int version;
        private final long high;
        private final long low;
        private final int length;

        private Block(int version, long high, long low, int length) {
            this.version = version;
            this.high = high;
            this.low = low;
            this.length = length;
        }

        /** The block of a CIDR, from the address {@link Cidr} has already read. */
        static Block of(Cidr cidr) {
            java.math.BigInteger address = cidr.addressValue();
            long high = address.shiftRight(64).longValue();
            long low = address.longValue();
            int length = cidr.version() == 4 ? 96 + cidr.prefixLength() : cidr.prefixLength();
            return new Block(cidr.version(), high, low, length);
        }

        boolean contains(Block other) {
            if (other.version != version || other.length < length) {
                return false;
            }
            long highMask = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
            long lowMask = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
            return ((other.high ^ high) & highMask) == 0 && ((other.low ^ low) & lowMask) == 0;
        }
    }

    /**
     * The index of a group. {@code addressesOfGroup} gives, for a group id, the addresses of the
     * interfaces that use that group (for rules whose remote is a group).
     */
    static Index index(SecurityGroup group, Map<String, List<Cidr>> addressesOfGroup) {
        StringBuilder text = new StringBuilder(group.name()).append('\n');
        if (group.description() != null) {
            text.append(group.description()).append('\n');
        }
        Facts ingress = new Facts();
        Facts egress = new Facts();
        for (Rule rule : group.rules()) {
            if (rule.description() != null && !rule.description().isEmpty()) {
                text.append(rule.description()).append('\n');
            }
            Facts facts = rule.direction() == Direction.INGRESS ? ingress : egress;
            if (rule.protocol().isAny()) {
                facts.everyPort = true;
            } else if (rule.protocol().supportsPorts()) {
                if (rule.ports().isAny()) {
                    facts.everyPort = true;
                } else {
                    facts.portRanges.add(new int[] {rule.ports().low(), rule.ports().high()});
                }
            }
            Remote remote = rule.remote();
            if (remote instanceof Remote.Anywhere) {
                if (rule.etherType() == EtherType.IPV4) {
                    facts.everyV4 = true;
                } else {
                    facts.everyV6 = true;
                }
            } else if (remote instanceof Remote.Prefix prefix) {
                facts.prefixes.add(Block.of(prefix.cidr()));
            } else if (remote instanceof Remote.Group other) {
                for (Cidr address : addressesOfGroup.getOrDefault(other.groupId(), List.of())) {
                    if (address.etherType() == rule.etherType()) {
                        facts.memberAddresses.add(Block.of(address));
                    }
                }
            }
        }
        java.util.Set<String> tags = java.util.Set.of();
        if (!group.tags().isEmpty()) {
            tags = new java.util.HashSet<>();
            for (String tag : group.tags()) {
                text.append(tag).append('\n');
                tags.add(Tags.key(tag));
            }
        }
        return new Index(text.toString().toLowerCase(Locale.ROOT), tags, ingress, egress);
    }


    /** The filter text, read once per change of the text. */
    static Predicate<Index> parse(String filter) {
        List<Predicate<Index>> words = new ArrayList<>();
        if (filter != null) {
            for (String word : filter.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word(word));
                }
            }
        }
        if (words.isEmpty()) {
            return index -> true;
        }
        return index -> {
            for (Predicate<Index> word : words) {
                if (!word.test(index)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<Index> word(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Predicate<Index> text = index -> index.text.contains(lower);
        Direction direction = Direction.INGRESS;
        String term = lower;
        int colon = lower.indexOf(':');
        if (colon > 0) {
            String qualifier = lower.substring(0, colon);
            if (qualifier.equals("in") || qualifier.equals("ingress")) {
                term = lower.substring(colon + 1);
            } else if (qualifier.equals("out") || qualifier.equals("egress")) {
                direction = Direction.EGRESS;
                term = lower.substring(colon + 1);
            } else if (qualifier.equals("tag")) {
                // As Neutron's ?tags=NAME: the whole tag, whatever its letter case.
                String tag = Tags.key(word.substring(colon + 1));
                return index -> index.tags.contains(tag);
            }
        }
        Direction side = direction;
        int port = port(term);
        // A port or an address is a question about traffic, not text: "22" must not find every group
        // whose name or description happens to contain those digits.
        if (port >= 0) {
            return index -> index.facts(side).letsPort(port);
        }
        Cidr address = address(term);
        if (address != null) {
            Block block = Block.of(address);
            return index -> index.facts(side).letsAddress(block);
        }
        return text;
    }

    /** A port number 0-65535 written as digits, or -1. */
    static int port(String term) {
        if (term.isEmpty() || term.length() > 5 || !term.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int value = Integer.parseInt(term);
        return value <= 65535 ? value : -1;
    }

    /**
     * An address or a CIDR written in full, or null. Without a slash, IPv4 needs all four numbers, so that
     * "10.0" while typing "10.0.0.5" does not already mean 10.0.0.0.
     */
    static Cidr address(String term) {
        boolean slash = term.indexOf('/') >= 0;
        boolean v6 = term.indexOf(':') >= 0;
        long dots = term.chars().filter(c -> c == '.').count();
        if (!slash && !v6 && dots != 3) {
            return null;
        }
        if (!v6 && dots == 0) {
            return null;
        }
        return Cidr.parse(term).orElse(null);
    }
}
