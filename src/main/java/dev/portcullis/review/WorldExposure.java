package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.math.BigInteger;
import java.util.ArrayList;
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

    private record Item(int rule, int protocol, int low, int high, BigInteger from, BigInteger to) {
    }

    /** Address intervals by start, the widest first, then by rule: the order every choice is made in. */
    private static final Comparator<Item> BY_ADDRESS = Comparator.comparing(Item::from)
            .thenComparing(Item::to, Comparator.reverseOrder()).thenComparingInt(Item::rule);

    private WorldExposure() {
    }

    /** The group's stretches, by IP version, then protocol ({@link #ALL} first), then axis. */
    static List<Stretch> of(SecurityGroup group) {
        List<Stretch> out = new ArrayList<>();
        for (EtherType etherType : EtherType.values()) {
            Map<Integer, List<Item>> byProtocol = new TreeMap<>();
            List<Rule> rules = group.rules();
            for (int r = 0; r < rules.size(); r++) {
                Item item = item(r, rules.get(r), etherType);
                if (item != null) {
                    byProtocol.computeIfAbsent(item.protocol(), p -> new ArrayList<>()).add(item);
                }
            }
            List<Item> every = byProtocol.getOrDefault(ALL, List.of());
            BigInteger max = BigInteger.ONE.shiftLeft(etherType.version() == 4 ? 32 : 128).subtract(BigInteger.ONE);
            for (Map.Entry<Integer, List<Item>> e : byProtocol.entrySet()) {
                List<Item> own = e.getValue();
                List<Item> items = new ArrayList<>(own);
                if (e.getKey() != ALL) {
                    items.addAll(every);
                }
                items.sort(BY_ADDRESS);
                if (covers(items, max)) {
                    stretches(etherType, e.getKey(), items, max, out);
                }
            }
        }
        return out;
    }

    /** The rule as an item of this IP version, or null when it is not ingress, not this version or no address. */
    private static Item item(int index, Rule rule, EtherType etherType) {
        if (rule.direction() != Direction.INGRESS || rule.etherType() != etherType) {
            return null;
        }
        int width = etherType.version() == 4 ? 32 : 128;
        BigInteger from;
        BigInteger to;
        if (rule.remote().isEveryAddress()) {
            from = BigInteger.ZERO;
            to = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        } else if (rule.remote() instanceof Remote.Prefix p && p.cidr().width() == width) {
            from = p.cidr().network().addressValue();
            to = from.add(BigInteger.ONE.shiftLeft(width - p.cidr().prefixLength())).subtract(BigInteger.ONE);
        } else {
            return null;
        }
        int protocol = Coverage.protocolNumber(rule);
        if (protocol == ALL) {
            return new Item(index, ALL, 0, AXIS_MAX, from, to);
        }
        if (protocol < 0) {
            return null;
        }
        if (rule.protocol().supportsPorts()) {
            return rule.ports().low() > rule.ports().high() ? null
                    : new Item(index, protocol, rule.ports().low(), rule.ports().high(), from, to);
        }
        if (rule.protocol().isIcmp()) {
            Integer type = rule.ports().min();
            Integer code = rule.ports().max();
            if (type == null) {
                return new Item(index, protocol, 0, AXIS_MAX, from, to);
            }
            if (type < 0 || type > 255 || (code != null && (code < 0 || code > 255))) {
                return null;
            }
            return code == null ? new Item(index, protocol, type * 256, type * 256 + 255, from, to)
                    : new Item(index, protocol, type * 256 + code, type * 256 + code, from, to);
        }
        return new Item(index, protocol, 0, 0, from, to);
    }

    /** Whether the items (sorted by address) leave no gap from 0 to {@code max}. */
    private static boolean covers(Iterable<Item> sorted, BigInteger max) {
        BigInteger next = BigInteger.ZERO;
        for (Item item : sorted) {
            if (item.from().compareTo(next) > 0) {
                return false;
            }
            if (item.to().compareTo(next) >= 0) {
                next = item.to().add(BigInteger.ONE);
                if (next.compareTo(max) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Cuts the axis at every item's bounds and keeps the pieces open to every address, merged where alike.
     * One sweep along the axis: an item joins the rules in force at its low bound and leaves after its high
     * one, so each piece looks only at the rules in force there, kept in address order.
     */
    private static void stretches(EtherType etherType, int protocol, List<Item> items, BigInteger max,
                                  List<Stretch> out) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (Item item : items) {
            cuts.add(item.low());
            cuts.add(item.high() + 1);
        }
        List<Item> byLow = items.stream().sorted(Comparator.comparingInt(Item::low)).toList();
        List<Item> byEnd = items.stream().sorted(Comparator.comparingInt(Item::high)).toList();
        TreeSet<Item> inForce = new TreeSet<>(BY_ADDRESS);
        int joined = 0;
        int left = 0;
        Stretch open = null;
        Integer start = cuts.first();
        for (Integer end = cuts.higher(start); end != null; start = end, end = cuts.higher(start)) {
            while (left < byEnd.size() && byEnd.get(left).high() < start) {
                inForce.remove(byEnd.get(left++));
            }
            while (joined < byLow.size() && byLow.get(joined).low() <= start) {
                Item item = byLow.get(joined++);
                if (item.high() >= start) {
                    inForce.add(item);
                }
            }
            // most pieces leave a gap: only a covered one is copied and blamed
            Stretch piece = covers(inForce, max)
                    ? piece(etherType, protocol, start, end - 1, new ArrayList<>(inForce), max) : null;
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
     * The piece, if its rules cover every address, with the rules to blame: those of the protocol itself
     * before rules for every protocol (which {@code world-open-all} already names), and among them the rules
     * that are open to the world by themselves, else the fewest that are together.
     */
    private static Stretch piece(EtherType etherType, int protocol, int low, int high, List<Item> active,
                                 BigInteger max) {
        if (!covers(active, max)) {
            return null;
        }
        List<Item> own = active.stream().filter(i -> i.protocol() == protocol).toList();
        for (List<Item> candidates : protocol == ALL ? List.of(active) : List.of(own, active)) {
            List<Integer> alone = candidates.stream()
                    .filter(i -> i.from().signum() == 0 && i.to().equals(max)).map(Item::rule).sorted().toList();
            if (!alone.isEmpty()) {
                return new Stretch(etherType, protocol, low, high, alone, true);
            }
            if (covers(candidates, max)) {
                return new Stretch(etherType, protocol, low, high, fewest(candidates, max), false);
            }
        }
        throw new IllegalStateException("covered, yet no rules cover");
    }

    /** The classic greedy cover: from the first uncovered address, the interval that reaches furthest. */
    private static List<Integer> fewest(List<Item> sorted, BigInteger max) {
        List<Integer> chosen = new ArrayList<>();
        BigInteger next = BigInteger.ZERO;
        int i = 0;
        while (next.compareTo(max) <= 0) {
            Item best = null;
            while (i < sorted.size() && sorted.get(i).from().compareTo(next) <= 0) {
                if (best == null || sorted.get(i).to().compareTo(best.to()) > 0) {
                    best = sorted.get(i);
                }
                i++;
            }
            if (best == null || best.to().compareTo(next) < 0) {
                throw new IllegalStateException("not covered");
            }
            chosen.add(best.rule());
            next = best.to().add(BigInteger.ONE);
        }
        return chosen.stream().sorted().toList();
    }
}
