package dev.portcullis.review;

import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The world exposure by its definition, for the rules {@code WorldExposureProperties} makes (ingress, TCP,
 * UDP or every protocol, IPv4 or IPv6 prefixes or a group): the axis is cut at every rule's bounds and each
 * piece asks every rule whether it applies there, as the review did before its sweep. Written apart from
 * {@link WorldExposure}, so that the sweep is held to an answer it did not compute.
 */
final class NaiveWorldExposure {

    private record Span(int rule, int protocol, int low, int high, BigInteger from, BigInteger to) {
        boolean everywhere(BigInteger last) {
            return from.signum() == 0 && to.equals(last);
        }
    }

    private NaiveWorldExposure() {
    }

    static List<WorldExposure.Stretch> of(SecurityGroup group) {
        List<WorldExposure.Stretch> found = new ArrayList<>();
        for (EtherType version : EtherType.values()) {
            int bits = version == EtherType.IPV4 ? 32 : 128;
            BigInteger last = BigInteger.TWO.pow(bits).subtract(BigInteger.ONE);
            List<Span> spans = new ArrayList<>();
            for (int r = 0; r < group.rules().size(); r++) {
                Rule rule = group.rules().get(r);
                if (rule.etherType() == version && rule.remote() instanceof Remote.Prefix p && p.cidr().width() == bits) {
                    BigInteger from = p.cidr().network().addressValue();
                    BigInteger to = from.add(BigInteger.TWO.pow(bits - p.cidr().prefixLength())).subtract(BigInteger.ONE);
                    int protocol = Coverage.protocolNumber(rule);
                    boolean every = protocol == WorldExposure.ALL;
                    spans.add(new Span(r, protocol, every ? 0 : rule.ports().low(),
                            every ? WorldExposure.AXIS_MAX : rule.ports().high(), from, to));
                }
            }
            new TreeSet<>(spans.stream().map(Span::protocol).toList()).forEach(protocol ->
                    axis(version, protocol, spans.stream().filter(s -> s.protocol() == protocol
                            || protocol != WorldExposure.ALL && s.protocol() == WorldExposure.ALL).toList(), last, found));
        }
        return found;
    }

    private static void axis(EtherType version, int protocol, List<Span> spans, BigInteger last,
                             List<WorldExposure.Stretch> found) {
        if (gap(spans, last)) {
            return;
        }
        TreeSet<Integer> bounds = new TreeSet<>();
        spans.forEach(s -> bounds.addAll(List.of(s.low(), s.high() + 1)));
        List<Integer> cuts = new ArrayList<>(bounds);
        WorldExposure.Stretch pending = null;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            int at = cuts.get(i);
            List<Span> here = spans.stream().filter(s -> s.low() <= at && at <= s.high()).toList();
            WorldExposure.Stretch piece = gap(here, last) ? null : blame(version, protocol, at, cuts.get(i + 1) - 1,
                    here, last);
            boolean joins = piece != null && pending != null && pending.high() + 1 == piece.low()
                    && pending.alone() == piece.alone() && pending.rules().equals(piece.rules());
            if (joins) {
                pending = new WorldExposure.Stretch(version, protocol, pending.low(), piece.high(), pending.rules(),
                        pending.alone());
                continue;
            }
            if (pending != null) {
                found.add(pending);
            }
            pending = piece;
        }
        if (pending != null) {
            found.add(pending);
        }
    }

    private static WorldExposure.Stretch blame(EtherType version, int protocol, int low, int high, List<Span> here,
                                               BigInteger last) {
        List<Span> own = here.stream().filter(s -> s.protocol() == protocol).toList();
        List<List<Span>> tries = protocol == WorldExposure.ALL ? List.of(here) : List.of(own, here);
        for (List<Span> candidates : tries) {
            List<Integer> alone = candidates.stream().filter(s -> s.everywhere(last)).map(Span::rule).sorted().toList();
            if (!alone.isEmpty()) {
                return new WorldExposure.Stretch(version, protocol, low, high, alone, true);
            }
            if (!gap(candidates, last)) {
                return new WorldExposure.Stretch(version, protocol, low, high, greedy(candidates, last), false);
            }
        }
        throw new AssertionError("no rules to blame");
    }

    /** From the lowest address not yet covered, the span starting there that ends furthest (ties: widest, lowest rule). */
    private static List<Integer> greedy(List<Span> spans, BigInteger last) {
        List<Span> byStart = spans.stream().sorted(Comparator.comparing(Span::from)
                .thenComparing(Span::to, Comparator.reverseOrder()).thenComparingInt(Span::rule)).toList();
        List<Integer> picked = new ArrayList<>();
        BigInteger need = BigInteger.ZERO;
        while (need.compareTo(last) <= 0) {
            BigInteger from = need;
            Span best = byStart.stream().filter(s -> s.from().compareTo(from) <= 0)
                    .reduce(null, (a, b) -> a == null || b.to().compareTo(a.to()) > 0 ? b : a);
            picked.add(best.rule());
            need = best.to().add(BigInteger.ONE);
        }
        return picked.stream().sorted().toList();
    }

    /** Whether some address is in none of the spans. */
    private static boolean gap(List<Span> spans, BigInteger last) {
        BigInteger need = BigInteger.ZERO;
        for (Span s : spans.stream().sorted(Comparator.comparing(Span::from)).toList()) {
            if (s.from().compareTo(need) > 0) {
                return true;
            }
            need = need.max(s.to().add(BigInteger.ONE));
        }
        return need.compareTo(last) <= 0;
    }
}
