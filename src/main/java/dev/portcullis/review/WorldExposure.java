package dev.portcullis.review;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a group lets in from every address, judged on the union of its ingress rules: {@code 0.0.0.0/1}
 * and {@code 128.0.0.0/1} (or any prefixes that together cover the address space) are the internet as
 * much as {@code 0.0.0.0/0} is. No remote is every address of the rule's IP version; a remote group or
 * address group is never the world.
 *
 * <p>Per IP version and protocol, the protocol's values lie on one axis of 0-65535: the port for TCP, UDP,
 * SCTP, DCCP and UDP-Lite; {@code type * 256 + code} for ICMP (a type with any code is an interval too);
 * 0 for other protocols. A rule for every protocol covers the whole axis of each. The axis is cut at every
 * rule's bounds; in each piece the same rules apply, and the piece is open to the world when their address
 * intervals, sorted and merged, leave no gap. A protocol whose rules together do not cover the address
 * space (most groups) costs one sort; otherwise one sweep along the axis in which each piece looks at the
 * rules in force there, per group: nothing is compared across groups.
 */
final class WorldExposure {

    /** The protocol key of "every protocol" (a rule without protocol, or protocol 0). */
    static final int ALL = -1;
    static final int AXIS_MAX = 65535;

    /**
     * Traffic that every address may send: on one protocol ({@link #ALL} for every protocol at once), the
     * values {@code low..high} of its axis.
     *
     * @param rules the indices of the rules that let it in, ascending: each one by itself when
     *              {@code alone}, else together (the fewest that do, picked the same way every time)
     */
    record Stretch(EtherType etherType, int protocol, int low, int high, List<Integer> rules, boolean alone) {
    }

    /**
     * A rule as an interval of one protocol's axis ({@code low..high}) and of addresses, the addresses given as
     * ranks among the group's interval bounds: {@code from} the rank of its first address, {@code end} the rank
     * of the address after its last, so every comparison in the sweep is one of two ints.
     */
    private record Item(int rule, int protocol, int low, int high, int from, int end, boolean grouped) {
    }

    /**
     * A rule before its addresses are ranked: its first address and the address after its last; {@code grouped}
     * when it is one prefix of an address group.
     */
    private record Raw(int rule, int protocol, int low, int high, BigInteger from, BigInteger after,
                       boolean grouped) {
        Raw ofAddressGroup() {
            return new Raw(rule, protocol, low, high, from, after, true);
        }
    }

    /** Address intervals by start, the widest first, then by rule: the order every choice is made in. */
    private static final Comparator<Item> BY_ADDRESS = (a, b) -> a.from() != b.from()
            ? Integer.compare(a.from(), b.from()) : a.end() != b.end() ? Integer.compare(b.end(), a.end())
            : Integer.compare(a.rule(), b.rule());

    /** The group's stretches, its rules' address groups unknown (their rules let in nothing known). */
    static List<Stretch> of(SecurityGroup group) {
        return of(group, Map.of());
    }

    /**
     * The group's stretches, by IP version, then protocol ({@link #ALL} first), then axis. A rule whose remote
     * is an address group lets in each of the group's prefixes of the rule's IP version, found in
     * {@code addressGroups} by id; one it does not hold lets in nothing known here (the review says so apart).
     */
    static List<Stretch> of(SecurityGroup group, Map<String, AddressGroup> addressGroups) {
        List<Stretch> out = new ArrayList<>();
        for (EtherType etherType : EtherType.values()) {
            List<Raw> raws = new ArrayList<>();
            List<Rule> rules = group.rules();
            for (int r = 0; r < rules.size(); r++) {
                raws(r, rules.get(r), etherType, addressGroups, raws);
            }
            if (raws.stream().noneMatch(r -> r.from().signum() == 0)) {
                continue; // no rule starts at the first address: no protocol's rules can cover them all (most groups)
            }
            BigInteger[] bounds = bounds(raws, etherType);
            Map<Integer, List<Item>> byProtocol = new TreeMap<>();
            for (Raw raw : raws) {
                byProtocol.computeIfAbsent(raw.protocol(), p -> new ArrayList<>()).add(new Item(raw.rule(),
                        raw.protocol(), raw.low(), raw.high(), rank(bounds, raw.from()), rank(bounds, raw.after()),
                        raw.grouped()));
            }
            int full = bounds.length - 1;
            List<Item> every = byProtocol.getOrDefault(ALL, List.of());
            for (Map.Entry<Integer, List<Item>> e : byProtocol.entrySet()) {
                List<Item> items = new ArrayList<>(e.getValue());
                if (e.getKey() != ALL) {
                    items.addAll(every);
                }
                items.sort(BY_ADDRESS);
                if (covers(items, full)) {
                    stretches(etherType, e.getKey(), items, full, out);
                }
            }
        }
        return out;
    }

    /** Every interval bound of the rules, sorted and distinct, from the first address to the one after the last. */
    private static BigInteger[] bounds(List<Raw> raws, EtherType etherType) {
        TreeSet<BigInteger> bounds = new TreeSet<>();
        bounds.add(BigInteger.ZERO);
        bounds.add(BigInteger.ONE.shiftLeft(etherType.version() == 4 ? 32 : 128));
        for (Raw raw : raws) {
            bounds.add(raw.from());
            bounds.add(raw.after());
        }
        return bounds.toArray(BigInteger[]::new);
    }

    private static int rank(BigInteger[] bounds, BigInteger address) {
        return Arrays.binarySearch(bounds, address);
    }

    /**
     * The rule's intervals of this IP version (one per prefix of an address group), none when it is not
     * ingress, not this version or lets in no address known here.
     */
    private static void raws(int index, Rule rule, EtherType etherType, Map<String, AddressGroup> addressGroups,
                             List<Raw> out) {
        if (rule.direction() != Direction.INGRESS || rule.etherType() != etherType) {
            return;
        }
        int width = etherType.version() == 4 ? 32 : 128;
        if (rule.remote().isEveryAddress()) {
            add(out, raw(index, rule, BigInteger.ZERO, BigInteger.ONE.shiftLeft(width)));
        } else if (rule.remote() instanceof Remote.Prefix p && p.cidr().width() == width) {
            add(out, raw(index, rule, p.cidr()));
        } else if (rule.remote() instanceof Remote.AddressGroup a && addressGroups.containsKey(a.addressGroupId())) {
            for (Cidr cidr : addressGroups.get(a.addressGroupId()).addresses(etherType)) {
                Raw raw = raw(index, rule, cidr);
                add(out, raw == null ? null : raw.ofAddressGroup());
            }
        }
    }

    private static void add(List<Raw> out, Raw raw) {
        if (raw != null) {
            out.add(raw);
        }
    }

    private static Raw raw(int index, Rule rule, Cidr cidr) {
        BigInteger from = cidr.network().addressValue();
        return raw(index, rule, from, from.add(BigInteger.ONE.shiftLeft(cidr.width() - cidr.prefixLength())));
    }

    /** The rule as an interval of its protocol's axis and of addresses {@code from} up to {@code to} (excluded). */
    private static Raw raw(int index, Rule rule, BigInteger from, BigInteger to) {
        int protocol = Coverage.protocolNumber(rule);
        if (protocol == ALL) {
            return new Raw(index, ALL, 0, AXIS_MAX, from, to, false);
        }
        if (protocol < 0) {
            return null;
        }
        if (rule.protocol().supportsPorts()) {
            return rule.ports().low() > rule.ports().high() ? null
                    : new Raw(index, protocol, rule.ports().low(), rule.ports().high(), from, to, false);
        }
        if (rule.protocol().isIcmp()) {
            Integer type = rule.ports().min();
            Integer code = rule.ports().max();
            if (type == null) {
                return new Raw(index, protocol, 0, AXIS_MAX, from, to, false);
            }
            if (type < 0 || type > 255 || (code != null && (code < 0 || code > 255))) {
                return null;
            }
            return code == null ? new Raw(index, protocol, type * 256, type * 256 + 255, from, to, false)
                    : new Raw(index, protocol, type * 256 + code, type * 256 + code, from, to, false);
        }
        return new Raw(index, protocol, 0, 0, from, to, false);
    }

    /** Whether the items (sorted by address) leave no gap from the first address (rank 0) to rank {@code full}. */
    private static boolean covers(Iterable<Item> sorted, int full) {
        int next = 0;
        for (Item item : sorted) {
            if (item.from() > next) {
                return false;
            }
            next = Math.max(next, item.end());
            if (next >= full) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cuts the axis at every item's bounds and keeps the pieces open to every address, merged where alike.
     * One sweep along the axis: an item joins the rules in force at its low bound and leaves after its high
     * one; a count of the rules over each stretch of addresses tells at once whether a piece is covered, and
     * only a covered piece looks at the rules in force there, kept in address order.
     */
    private static void stretches(EtherType etherType, int protocol, List<Item> items, int full, List<Stretch> out) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (Item item : items) {
            cuts.add(item.low());
            cuts.add(item.high() + 1);
        }
        List<Item> byLow = items.stream().sorted(Comparator.comparingInt(Item::low)).toList();
        List<Item> byEnd = items.stream().sorted(Comparator.comparingInt(Item::high)).toList();
        TreeSet<Item> inForce = new TreeSet<>(BY_ADDRESS);
        AddressCount count = new AddressCount(full);
        int joined = 0;
        int left = 0;
        Stretch open = null;
        Integer start = cuts.first();
        for (Integer end = cuts.higher(start); end != null; start = end, end = cuts.higher(start)) {
            while (left < byEnd.size() && byEnd.get(left).high() < start) {
                Item item = byEnd.get(left++);
                if (inForce.remove(item)) {
                    count.add(item.from(), item.end(), -1);
                }
            }
            while (joined < byLow.size() && byLow.get(joined).low() <= start) {
                Item item = byLow.get(joined++);
                if (item.high() >= start) {
                    inForce.add(item);
                    count.add(item.from(), item.end(), 1);
                }
            }
            // most pieces leave a gap: only a covered one is copied and blamed
            Stretch piece = count.everywhere()
                    ? piece(etherType, protocol, start, end - 1, new ArrayList<>(inForce), full) : null;
            if (piece != null && open != null && open.high() + 1 == piece.low() && open.alone() == piece.alone()
                    && open.rules().equals(piece.rules())) {
                open = new Stretch(etherType, protocol, open.low(), piece.high(), open.rules(), open.alone());
            } else {
                if (open != null) {
                    out.add(open);
                }
                open = piece;
            }
        }
        if (open != null) {
            out.add(open);
        }
    }

    /**
     * The piece, whose rules cover every address, with the rules to blame: those of the protocol itself
     * before rules for every protocol (which {@code world-open-all} already names), and among them the rules
     * that are open to the world by themselves, else the fewest that are together.
     */
    private static Stretch piece(EtherType etherType, int protocol, int low, int high, List<Item> active, int full) {
        List<Item> own = active.stream().filter(i -> i.protocol() == protocol).toList();
        for (List<Item> candidates : protocol == ALL ? List.of(active) : List.of(own, active)) {
            List<Integer> alone = alone(candidates, full);
            if (!alone.isEmpty()) {
                return new Stretch(etherType, protocol, low, high, alone, true);
            }
            if (covers(candidates, full)) {
                return new Stretch(etherType, protocol, low, high, fewest(candidates, full), false);
            }
        }
        throw new IllegalStateException("covered, yet no rules cover");
    }

    /**
     * The rules that cover every address by themselves: with one prefix, or with the prefixes of an address
     * group (the items of one rule, in address order like every list here).
     */
    private static List<Integer> alone(List<Item> sorted, int full) {
        TreeSet<Integer> alone = new TreeSet<>();
        Map<Integer, List<Item>> grouped = null;
        for (Item item : sorted) {
            if (item.from() == 0 && item.end() == full) {
                alone.add(item.rule());
            } else if (item.grouped()) {
                if (grouped == null) {
                    grouped = new TreeMap<>();
                }
                grouped.computeIfAbsent(item.rule(), r -> new ArrayList<>()).add(item);
            }
        }
        if (grouped != null) {
            grouped.forEach((rule, items) -> {
                if (covers(items, full)) {
                    alone.add(rule);
                }
            });
        }
        return List.copyOf(alone);
    }

    /** The classic greedy cover: from the first uncovered address, the interval that reaches furthest. */
    private static List<Integer> fewest(List<Item> sorted, int full) {
        List<Integer> chosen = new ArrayList<>();
        int next = 0;
        int i = 0;
        while (next < full) {
            Item best = null;
            while (i < sorted.size() && sorted.get(i).from() <= next) {
                if (best == null || sorted.get(i).end() > best.end()) {
                    best = sorted.get(i);
                }
                i++;
            }
            if (best == null || best.end() <= next) {
                throw new IllegalStateException("not covered");
            }
            chosen.add(best.rule());
            next = best.end();
        }
        return chosen.stream().distinct().sorted().toList();
    }

    /**
     * How many rules in force hold each stretch between two neighbouring address ranks, as a tree of range
     * additions keeping each node's smallest count: every address is covered when the smallest count is above 0.
     */
    private static final class AddressCount {
        private final int size;
        private final int[] least;
        private final int[] added;

        AddressCount(int size) {
            this.size = size;
            this.least = new int[4 * size];
            this.added = new int[4 * size];
        }

        /** Adds {@code delta} to the stretches from rank {@code from} up to, not including, rank {@code end}. */
        void add(int from, int end, int delta) {
            add(1, 0, size, from, end, delta);
        }

        boolean everywhere() {
            return least[1] > 0;
        }

        private void add(int node, int lo, int hi, int from, int end, int delta) {
            if (end <= lo || hi <= from) {
                return;
            }
            if (from <= lo && hi <= end) {
                added[node] += delta;
                least[node] += delta;
                return;
            }
            int mid = (lo + hi) >>> 1;
            add(2 * node, lo, mid, from, end, delta);
            add(2 * node + 1, mid, hi, from, end, delta);
            least[node] = added[node] + Math.min(least[2 * node], least[2 * node + 1]);
        }
    }
}
