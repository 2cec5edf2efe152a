package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which rules of one group repeat or sit inside another, found through indexes instead of comparing every
 * pair, so a group of 20,000 rules costs about as much per rule as a group of 20.
 *
 * <p>A rule can only be covered by a rule of the same direction and IP version whose protocol is its own or
 * every protocol, and whose remote is everywhere, its own group, or a prefix holding its prefix. The rules are
 * therefore kept in buckets by that key, and a rule looks only into the few buckets that could cover it: for a
 * prefix, the prefixes of each length the group uses that hold its address. Inside a bucket, ports are
 * compared by lookup (any port, ICMP type and code) or, for port ranges, by a sweep over the ranges sorted by
 * their low port with the lowest rule index kept per high port.
 */
final class RuleOverlaps {

    /** The earlier rule a rule repeats ({@code duplicate}), or the first other rule covering it. */
    record Overlap(int other, boolean duplicate) {
    }

    private record Key(Direction direction, EtherType etherType, int protocol, Object remote) {
    }

    private record Family(Direction direction, EtherType etherType, int version) {
    }

    private record PrefixKey(int version, int length, BigInteger network) {
    }

    private record Ports(Integer min, Integer max) {
        static Ports of(Rule rule) {
            return new Ports(rule.ports().min(), rule.ports().max());
        }

        boolean any() {
            return min == null && max == null;
        }
    }

    private static final Ports ANY = new Ports(null, null);
    private static final String EVERYWHERE = "*";

    private final List<Rule> rules;
    private final Map<Key, Bucket> buckets = new HashMap<>();
    private final Map<Family, TreeSet<Integer>> prefixLengths = new HashMap<>();

    private RuleOverlaps(List<Rule> rules) {
        this.rules = rules;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            buckets.computeIfAbsent(key(rule, Coverage.protocolNumber(rule)), k -> new Bucket()).add(i, rule);
            if (rule.remote() instanceof Remote.Prefix p && !rule.remote().isEveryAddress()) {
                prefixLengths.computeIfAbsent(new Family(rule.direction(), rule.etherType(), p.cidr().version()),
                        f -> new TreeSet<>()).add(p.cidr().prefixLength());
            }
        }
    }

    /** For each rule, what it repeats or what covers it; null where neither. */
    static Overlap[] of(List<Rule> rules) {
        return new RuleOverlaps(rules).overlaps();
    }

    /** For each rule, whether an egress rule of the group lets its replies out (see GroupChecks). */
    static boolean[] repliesCarried(List<Rule> rules) {
        RuleOverlaps index = new RuleOverlaps(rules);
        boolean[] carried = new boolean[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            for (Key key : index.coveringKeys(rule, Direction.EGRESS)) {
                if (index.buckets.containsKey(key)) {
                    carried[i] = true;
                    break;
                }
            }
        }
        return carried;
    }

    private Overlap[] overlaps() {
        Overlap[] found = new Overlap[rules.size()];
        Map<Coverage.Meaning, Integer> firstMeaning = new HashMap<>();
        int[] cover = new int[rules.size()];
        Arrays.fill(cover, Integer.MAX_VALUE);
        for (int i = 0; i < rules.size(); i++) {
            Integer first = firstMeaning.putIfAbsent(Coverage.meaning(rules.get(i)), i);
            if (first != null) {
                found[i] = new Overlap(first, true);
                continue;
            }
            Rule rule = rules.get(i);
            Key own = key(rule, Coverage.protocolNumber(rule));
            for (Key key : coveringKeys(rule, rule.direction())) {
                Bucket bucket = buckets.get(key);
                if (bucket != null) {
                    cover[i] = Math.min(cover[i], bucket.cover(i, rule, key.equals(own), key.protocol() == -1));
                }
            }
        }
        buckets.values().forEach(b -> b.sweep(cover));
        for (int i = 0; i < rules.size(); i++) {
            if (found[i] == null && cover[i] != Integer.MAX_VALUE) {
                found[i] = new Overlap(cover[i], false);
            }
        }
        return found;
    }

    /** The keys of the buckets whose rules, in {@code direction}, could cover this rule's protocol and remote. */
    private List<Key> coveringKeys(Rule rule, Direction direction) {
        int protocol = Coverage.protocolNumber(rule);
        List<Key> keys = new ArrayList<>();
        for (int p : protocol == -1 ? new int[] {-1} : new int[] {-1, protocol}) {
            keys.add(new Key(direction, rule.etherType(), p, EVERYWHERE));
            if (rule.remote().isEveryAddress()) {
                continue;
            }
            if (rule.remote() instanceof Remote.Prefix prefix) {
                BigInteger address = prefix.cidr().addressValue();
                int width = prefix.cidr().width();
                for (int length : prefixLengths.getOrDefault(new Family(direction, rule.etherType(),
                        prefix.cidr().version()), new TreeSet<>()).headSet(prefix.cidr().prefixLength(), true)) {
                    keys.add(new Key(direction, rule.etherType(), p, new PrefixKey(prefix.cidr().version(), length,
                            address.and(mask(width, length)))));
                }
            } else {
                keys.add(new Key(direction, rule.etherType(), p, remoteKey(rule.remote())));
            }
        }
        return keys;
    }

    private static Key key(Rule rule, int protocol) {
        return new Key(rule.direction(), rule.etherType(), protocol, remoteKey(rule.remote()));
    }

    private static Object remoteKey(Remote remote) {
        if (remote.isEveryAddress()) {
            return EVERYWHERE;
        }
        if (remote instanceof Remote.Prefix p) {
            return new PrefixKey(p.cidr().version(), p.cidr().prefixLength(), p.cidr().network().addressValue());
        }
        if (remote instanceof Remote.Group g) {
            return "group " + g.groupId();
        }
        return "address group " + ((Remote.AddressGroup) remote).addressGroupId();
    }

    private static BigInteger mask(int width, int length) {
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        return all.shiftRight(length).xor(all);
    }

    /** The rules of one key: the first index of each port setting, and the port ranges for the sweep. */
    private static final class Bucket {
        private final Map<Ports, Integer> first = new HashMap<>();
        /** Port ranges as {low, high, index}, one per distinct range, the first rule's index. */
        private final Map<Ports, int[]> ranges = new HashMap<>();
        /** Rules asking whether a range of this bucket starts strictly lower and reaches as high: {low, high, rule}. */
        private final List<int[]> questions = new ArrayList<>();
        /** The ranges by low then high port; for each, the lowest index from it to the end of its low's run. */
        private int[][] sorted;
        private int[] runMinimum;
        /** The two first rules of different ports, for a bucket of every protocol where ports do not matter. */
        private List<Map.Entry<Ports, Integer>> earliest;

        void add(int index, Rule rule) {
            Ports ports = Ports.of(rule);
            first.putIfAbsent(ports, index);
            if (!ports.any() && !rule.protocol().isIcmp()) {
                ranges.putIfAbsent(ports, new int[] {rule.ports().low(), rule.ports().high(), index});
            }
        }

        /**
         * The first rule here covering rule {@code at}, found by lookup, or MAX_VALUE; ranges starting lower
         * are swept for later ({@link #sweep}). {@code own}: the bucket is the rule's own, where a rule with its
         * ports means the same and does not count.
         */
        int cover(int at, Rule rule, boolean own, boolean everyProtocol) {
            Ports ports = Ports.of(rule);
            Ports skip = own ? ports : null;
            if (everyProtocol) {
                return earliest().stream().filter(e -> !e.getKey().equals(skip)).mapToInt(Map.Entry::getValue)
                        .findFirst().orElse(Integer.MAX_VALUE);
            }
            int best = lookup(ANY, skip);
            if (ports.any()) {
                return best;
            }
            if (rule.protocol().isIcmp()) {
                best = Math.min(best, lookup(new Ports(ports.min(), null), skip));
                return Math.min(best, lookup(ports, skip));
            }
            int low = rule.ports().low();
            int high = rule.ports().high();
            questions.add(new int[] {low, high, at});
            return Math.min(best, sameLow(low, own ? high + 1 : high));
        }

        private int lookup(Ports ports, Ports skip) {
            return ports.equals(skip) ? Integer.MAX_VALUE : first.getOrDefault(ports, Integer.MAX_VALUE);
        }

        private List<Map.Entry<Ports, Integer>> earliest() {
            if (earliest == null) {
                earliest = first.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(2).toList();
            }
            return earliest;
        }

        /** The lowest index of a range starting at {@code low} and reaching {@code high} or beyond. */
        private int sameLow(int low, int high) {
            sort();
            int at = search(low, high);
            return at < sorted.length && sorted[at][0] == low ? runMinimum[at] : Integer.MAX_VALUE;
        }

        private void sort() {
            if (sorted != null) {
                return;
            }
            sorted = ranges.values().stream().sorted((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0])
                    : Integer.compare(a[1], b[1])).toArray(int[][]::new);
            runMinimum = new int[sorted.length];
            for (int k = sorted.length - 1; k >= 0; k--) {
                boolean runGoesOn = k + 1 < sorted.length && sorted[k + 1][0] == sorted[k][0];
                runMinimum[k] = runGoesOn ? Math.min(sorted[k][2], runMinimum[k + 1]) : sorted[k][2];
            }
        }

        /** The first range at or after (low, high) in the sorted order. */
        private int search(int low, int high) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int[] r = sorted[mid];
                if (r[0] < low || (r[0] == low && r[1] < high)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * Answers every question at once: questions by their low port, ranges entered as the sweep passes
         * their start, and for each question the lowest index among entered ranges reaching its high port (a
         * Fenwick tree over the high ports, keeping minima).
         */
        void sweep(int[] cover) {
            if (questions.isEmpty() || ranges.isEmpty()) {
                return;
            }
            sort();
            int[] highs = Arrays.stream(sorted).mapToInt(r -> r[1]).distinct().sorted().toArray();
            int[] tree = new int[highs.length + 1];
            Arrays.fill(tree, Integer.MAX_VALUE);
            questions.sort((a, b) -> Integer.compare(a[0], b[0]));
            int entered = 0;
            for (int[] q : questions) {
                while (entered < sorted.length && sorted[entered][0] < q[0]) {
                    // reversed rank: a prefix of the tree is every high port at or above a value
                    for (int k = highs.length - Arrays.binarySearch(highs, sorted[entered][1]); k <= highs.length;
                         k += k & -k) {
                        tree[k] = Math.min(tree[k], sorted[entered][2]);
                    }
                    entered++;
                }
                int best = Integer.MAX_VALUE;
                for (int k = highs.length - atOrAbove(highs, q[1]); k > 0; k -= k & -k) {
                    best = Math.min(best, tree[k]);
                }
                cover[q[2]] = Math.min(cover[q[2]], best);
            }
        }

        private static int atOrAbove(int[] values, int value) {
            int at = Arrays.binarySearch(values, value);
            return at >= 0 ? at : -at - 1;
        }
    }
}
