package dev.portcullis.review;

import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What every address on the internet may send the group, judged on the union of its rules
 * ({@link WorldExposure}): every protocol, admin and database ports, any other port, ICMP. Each rule that
 * lets the traffic in gets the finding; where it does so only together with others (two halves of the
 * address space), the finding names them, and each of them has a finding of its own.
 */
final class WorldChecks {

    private static final int ICMP_ECHO_REQUEST = 8;
    private static final int ICMPV6_ECHO_REQUEST = 128;

    /** The most partners a finding names; beyond, it says how many more (16,384 prefixes may tile the world). */
    static final int NAMED = 10;

    /**
     * What one rule lets in from every address, and the rules it does so together with: the rule lists of
     * the stretches it shares, each list once (the same list serves every rule in it, so a cover of many
     * rules costs each of them one entry, not one per partner).
     */
    private static final class Share {
        final List<WorldExposure.Stretch> ports = new ArrayList<>();
        final List<WorldExposure.Stretch> icmp = new ArrayList<>();
        final Set<List<Integer>> together = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private final int rule;
        private List<Integer> named;
        private int partners;

        Share(int rule) {
            this.rule = rule;
        }

        /** The first {@link #NAMED} partners, ascending. */
        List<Integer> named() {
            count();
            return named;
        }

        /** How many other rules it shares a stretch with. */
        int partners() {
            count();
            return partners;
        }

        private void count() {
            if (named != null) {
                return;
            }
            if (together.size() == 1) {
                List<Integer> only = together.iterator().next();
                partners = only.size() - (java.util.Collections.binarySearch(only, rule) >= 0 ? 1 : 0);
                named = only.stream().filter(r -> r != rule).limit(NAMED).toList();
                return;
            }
            TreeSet<Integer> all = new TreeSet<>();
            together.forEach(all::addAll);
            all.remove(rule);
            partners = all.size();
            named = all.stream().limit(NAMED).toList();
        }
    }

    private WorldChecks() {
    }

    static void run(Context c, SecurityGroup group) {
        List<WorldExposure.Stretch> stretches = WorldExposure.of(group,
                c.addressGroups == null ? Map.of() : c.addressGroups);
        if (stretches.isEmpty()) {
            return;
        }
        List<Rule> rules = group.rules();
        Set<Integer> everything = new TreeSet<>();
        Map<Integer, Share> shares = new TreeMap<>();
        Map<List<Integer>, List<Integer>> lists = new java.util.HashMap<>();
        for (WorldExposure.Stretch s : stretches) {
            if (s.protocol() == WorldExposure.ALL) {
                everything.addAll(s.rules());
                List<Integer> with = with(lists, s);
                for (int r : s.rules()) {
                    share(shares, r, with);
                }
            }
        }
        for (int r : everything) {
            boolean knownUnused = c.portsKnown() && !c.inUse(group);
            c.rule(Check.WORLD_OPEN_ALL, knownUnused ? Severity.HIGH : Severity.CRITICAL, group, rules.get(r),
                    "Every protocol and port is open to any address on the internet"
                            + (knownUnused ? " (no interface uses the group yet)." : ".")
                            + together(c, rules, shares.get(r)),
                    "Delete the rule and allow only the services needed, from the addresses that need them.");
        }
        shares.clear();
        for (WorldExposure.Stretch s : stretches) {
            if (s.protocol() != WorldExposure.ALL) {
                List<Integer> with = with(lists, s);
                for (int r : s.rules()) {
                    if (!everything.contains(r) && (isIcmp(s.protocol()) || PortTable.hasPorts(s.protocol()))) {
                        Share share = share(shares, r, with);
                        (isIcmp(s.protocol()) ? share.icmp : share.ports).add(s);
                    }
                }
            }
        }
        PortTable ports = new PortTable(c.settings);
        shares.forEach((r, share) -> {
            Rule rule = rules.get(r);
            if (!share.ports.isEmpty()) {
                watched(c, group, rule, share, Check.WORLD_OPEN_ADMIN_PORT, ports.admin,
                        "Remote administration", "through a VPN, a bastion host or your office's addresses");
                watched(c, group, rule, share, Check.WORLD_OPEN_DATABASE_PORT, ports.database,
                        "A database, cache or file service", "from the application servers' group or addresses");
                otherPorts(c, group, rule, share, ports);
            }
            if (!share.icmp.isEmpty()) {
                icmp(c, group, rule, share, rules);
            }
        });
    }

    /** The stretch's rules when they cover the world together, one list for equal lists; null when alone. */
    private static List<Integer> with(Map<List<Integer>, List<Integer>> lists, WorldExposure.Stretch s) {
        return s.alone() || s.rules().size() < 2 ? null : lists.computeIfAbsent(s.rules(), l -> l);
    }

    private static Share share(Map<Integer, Share> shares, int rule, List<Integer> with) {
        Share share = shares.computeIfAbsent(rule, Share::new);
        if (with != null) {
            share.together.add(with);
        }
        return share;
    }

    static boolean isIcmp(int protocol) {
        return protocol == 1 || protocol == 58;
    }

    /** " This rule and the rule "..." together cover every address.", or "" when the rule does so alone. */
    static String together(Context c, List<Rule> rules, Share share) {
        if (share == null || share.partners() == 0) {
            return "";
        }
        int more = share.partners() - share.named().size();
        return " This rule and " + (share.partners() == 1 ? "the rule " : "the rules ")
                + share.named().stream().map(p -> "\"" + c.summary(rules.get(p)) + "\"")
                .collect(Collectors.joining(" and ")) + (more == 0 ? "" : " and " + more + " more")
                + " together cover every address.";
    }

    /** "0.0.0.0/1 and 128.0.0.0/1": where the rule and its partners let the traffic in from. */
    static String sources(Rule rule, List<Rule> rules, Share share) {
        List<String> labels = new ArrayList<>();
        labels.add(rule.remoteLabel(id -> id));
        share.named().forEach(p -> labels.add(rules.get(p).remoteLabel(id -> id)));
        int more = share.partners() - share.named().size();
        return String.join(" and ", labels.stream().distinct().toList())
                + (more == 0 ? "" : " and the addresses of " + more + " more rules");
    }

    /** The watched ports that the rule's stretches reach, ascending. */
    static TreeSet<Integer> reached(List<WorldExposure.Stretch> stretches, TreeSet<Integer> watched) {
        TreeSet<Integer> open = new TreeSet<>();
        for (WorldExposure.Stretch s : stretches) {
            open.addAll(watched.subSet(s.low(), true, s.high(), true));
        }
        return open;
    }

    private static void watched(Context c, SecurityGroup group, Rule rule, Share share, Check check,
                                TreeSet<Integer> watched, String what, String instead) {
        TreeSet<Integer> open = reached(share.ports, watched);
        if (open.isEmpty()) {
            return;
        }
        String ports = open.stream().map(Services::label).collect(Collectors.joining(", "));
        List<Rule> rules = group.rules();
        c.rule(check, group, rule, what + " is open to any address on the internet: " + ports + "."
                        + together(c, rules, share),
                "Allow it only " + instead + ", not from " + sources(rule, rules, share) + ".");
    }

    /** {@code world-open-port}: the ports the admin and database checks leave, by the riskiest inside. */
    private static void otherPorts(Context c, SecurityGroup group, Rule rule, Share share, PortTable table) {
        if (share.ports.stream().noneMatch(s -> table.unjudged(s.low(), s.high()) > 0)) {
            return;
        }
        TreeSet<Integer> risky = reached(share.ports, table.highRisk);
        TreeSet<Integer> common = reached(share.ports, table.publicService);
        boolean other = share.ports.stream().anyMatch(s -> table.other(s.low(), s.high()) > 0);
        Severity severity = !risky.isEmpty() ? Severity.HIGH : other ? Severity.MEDIUM : Severity.INFO;
        Set<Integer> single = share.ports.stream().filter(s -> s.low() == s.high()).map(s -> s.low())
                .collect(Collectors.toSet());
        List<String> named = new ArrayList<>();
        risky.stream().filter(p -> !single.contains(p)).forEach(p -> named.add(Services.label(p)));
        common.stream().filter(p -> !single.contains(p)).forEach(p -> named.add(Services.label(p)));
        String lead = switch (severity) {
            case HIGH -> "Services that attackers look for are open to any address on the internet: ";
            case INFO -> "A public service is open to any address on the internet: ";
            default -> "Ports are open to any address on the internet: ";
        };
        String among = named.isEmpty() ? "" : ", among them " + (named.size() <= 8 ? String.join(", ", named)
                : String.join(", ", named.subList(0, 8)) + " and " + (named.size() - 8) + " more");
        List<Rule> rules = group.rules();
        c.rule(Check.WORLD_OPEN_PORT, severity, group, rule, lead + PortTable.ranges(share.ports) + among + "."
                        + together(c, rules, share),
                severity == Severity.INFO
                        ? "Nothing to do if the interfaces serve it to everyone; otherwise limit the source addresses."
                        : "Unless the service is meant for everyone, allow it only from the addresses or groups that"
                        + " need it, not from " + sources(rule, rules, share) + ".");
    }

    /** Whether the stretches, joined, span the whole axis (a rule's share may be cut where other rules start). */
    static boolean whole(List<WorldExposure.Stretch> stretches) {
        int next = 0;
        for (WorldExposure.Stretch s : stretches.stream()
                .sorted(java.util.Comparator.comparingInt(WorldExposure.Stretch::low)).toList()) {
            if (s.low() > next) {
                return false;
            }
            next = Math.max(next, s.high() + 1);
        }
        return next > WorldExposure.AXIS_MAX;
    }

    private static void icmp(Context c, SecurityGroup group, Rule rule, Share share, List<Rule> rules) {
        int echo = (rule.etherType() == EtherType.IPV4 ? ICMP_ECHO_REQUEST : ICMPV6_ECHO_REQUEST) * 256;
        boolean pingOnly = share.icmp.stream().allMatch(s -> s.low() >= echo && s.high() <= echo + 255);
        boolean every = whole(share.icmp);
        String with = together(c, rules, share);
        c.rule(Check.ICMP_FROM_ANYWHERE, pingOnly ? Severity.INFO : Severity.MEDIUM, group, rule,
                (pingOnly ? "Any address on the internet may ping the interfaces."
                        : "Any address on the internet may send " + (every ? "every kind of" : "this kind of")
                        + " ICMP message, which helps others map the network.") + with,
                pingOnly ? "Nothing to do if answering pings is wanted; otherwise limit the source addresses."
                        : "Allow only the ICMP types needed (echo request, or type 3 for path MTU discovery).");
    }
}
