package dev.portcullis.ui.network;

import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Tags;
import dev.portcullis.review.RemoteAddresses;
import dev.portcullis.review.RuleMatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filter of the Network Configuration view. A group's {@link Index} is made once per load, so that
 * typing in the filter only runs cheap comparisons, even over 10,000 groups. Whether a rule lets a port or an
 * address through is {@link RuleMatch}'s answer, the same Check traffic gives.
 *
 * <p>The filter text is read as words, and a group must match every word. A word matches the group's
 * name, description or the descriptions of its rules (ignoring case); in addition
 * <ul>
 *   <li>a port ({@code 22}) matches a rule that lets traffic to that port through: a TCP, UDP, SCTP,
 *       DCCP or UDP-Lite rule whose range contains it, or a rule for every protocol (no protocol, or
 *       protocol 0, {@code ip}, {@code hopopt}); ICMP type and code are not ports;</li>
 *   <li>an address ({@code 10.0.0.5}, {@code 2001:db8::1}) matches a rule whose CIDR contains it, a rule
 *       of its IP version with no remote, a rule whose remote group is used by an interface that has
 *       this address, or whose address group holds it; a CIDR ({@code 10.0.0.0/24}) matches a rule that lets
 *       some address of it through.</li>
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
        private static final RuleMatch[] NO_RULES = new RuleMatch[0];

        private final String text;
        /** The group's tags as Neutron tells them apart ({@link Tags#key}); empty for most groups. */
        private final Set<String> tags;
        /** The group's rules of each direction, read once for the matcher Check traffic uses too. */
        private final RuleMatch[] ingress;
        private final RuleMatch[] egress;

        private Index(String text, Set<String> tags, RuleMatch[] ingress, RuleMatch[] egress) {
            this.text = text;
            this.tags = tags;
            this.ingress = ingress;
            this.egress = egress;
        }

        boolean letsPort(Direction direction, int port) {
            for (RuleMatch rule : direction == Direction.INGRESS ? ingress : egress) {
                if (rule.letsPort(port)) {
                    return true;
                }
            }
            return false;
        }

        boolean letsAddress(Direction direction, Cidr wanted) {
            for (RuleMatch rule : direction == Direction.INGRESS ? ingress : egress) {
                if (rule.letsAddressIn(wanted) == RuleMatch.Match.MATCHES) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The index of a group. {@code remotes} tells the addresses of the interfaces in a remote group and the
     * prefixes of an address group (a rule whose remote's addresses are unknown matches no address).
     */
    static Index index(SecurityGroup group, RemoteAddresses remotes) {
        StringBuilder text = new StringBuilder(group.name()).append('\n');
        if (group.description() != null) {
            text.append(group.description()).append('\n');
        }
        List<RuleMatch> ingress = new ArrayList<>();
        List<RuleMatch> egress = new ArrayList<>();
        for (Rule rule : group.rules()) {
            if (rule.description() != null && !rule.description().isEmpty()) {
                text.append(rule.description()).append('\n');
            }
            (rule.direction() == Direction.INGRESS ? ingress : egress).add(RuleMatch.of(rule, remotes));
        }
        Set<String> tags = Set.of();
        if (!group.tags().isEmpty()) {
            tags = new HashSet<>();
            for (String tag : group.tags()) {
                text.append(tag).append('\n');
                tags.add(Tags.key(tag));
            }
        }
        return new Index(text.toString().toLowerCase(Locale.ROOT), tags, ingress.toArray(Index.NO_RULES),
                egress.toArray(Index.NO_RULES));
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
        @SuppressWarnings("unchecked")
        Predicate<Index>[] all = words.toArray(new Predicate[0]); // no iterator per group and keystroke
        return index -> {
            for (Predicate<Index> word : all) {
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
            return index -> index.letsPort(side, port);
        }
        Cidr address = address(term);
        if (address != null) {
            return index -> index.letsAddress(side, address);
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
