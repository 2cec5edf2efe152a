package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/** The rules of one group seen together: duplicates, shadowed rules, stateless gaps, hygiene. */
final class GroupChecks {

    private GroupChecks() {
    }

    static void run(Context c, SecurityGroup group) {
        List<Rule> rules = group.rules();
        if (group.description() == null || group.description().isBlank()) {
            c.group(Check.MISSING_DESCRIPTION, group, "The group has no description.",
                    "Say what the group is for and who owns it.");
        }
        RuleOverlaps.Overlap[] overlaps = RuleOverlaps.of(rules);
        boolean[] repliesCarried = group.stateful() ? null : RuleOverlaps.repliesCarried(rules);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            hostBits(c, group, rule);
            overlap(c, group, rule, overlaps[i], rules);
            if (!isTemplate(group, rule)) {
                if (rule.description() == null || rule.description().isBlank()) {
                    c.rule(Check.MISSING_DESCRIPTION, group, rule, "The rule has no description.",
                            "Say what the rule is for, so the next person knows whether it is still needed.");
                }
                if (group.isDefault()) {
                    c.rule(Check.DEFAULT_GROUP_EXTRA_RULES, group, rule, "The default group allows more than "
                                    + "Neutron's template, and every new interface gets the default group.",
                            "Move the rule to a group of its own and attach that group where it is needed.");
                }
            }
            if (!group.stateful() && rule.direction() == Direction.INGRESS && !repliesCarried[i]) {
                c.rule(Check.STATELESS_MISSING_EGRESS, group, rule, "The group is stateless and no egress rule "
                                + "lets the replies to this traffic out, so they are dropped.",
                        "Add an egress rule for the same protocol to " + rule.remoteLabel(id -> id)
                                + ", or make the group stateful.");
            }
        }
        countsAndFamilies(c, group);
    }

    private static void hostBits(Context c, SecurityGroup group, Rule rule) {
        if (rule.remote() instanceof Remote.Prefix p && p.cidr().hasHostBits()) {
            c.rule(Check.HOST_BITS, group, rule, p.cidr() + " has host bits set: Neutron keeps it as written "
                            + "but matches " + p.cidr().network() + ".",
                    "Write " + p.cidr().network() + ", or " + p.cidr().addressText() + "/" + p.cidr().width()
                            + " if one host was meant.");
        }
    }

    /** The first earlier rule meaning the same (a duplicate), else the first other rule covering it (shadowed). */
    private static void overlap(Context c, SecurityGroup group, Rule rule, RuleOverlaps.Overlap overlap,
                                List<Rule> rules) {
        if (overlap == null) {
            return;
        }
        Rule other = rules.get(overlap.other());
        if (overlap.duplicate()) {
            c.rule(Check.SEMANTIC_DUPLICATE, group, rule, "It lets through the same traffic as " + label(c, other)
                    + ".", "Delete one of the two; keep the one with the better description.");
        } else {
            c.rule(Check.SHADOWED_RULE, group, rule, "Everything it allows is already allowed by " + label(c, other)
                    + ".", "Delete it, or narrow the wider rule if that one allows too much.");
        }
    }

    /** The other rule in words, as a person finds it in the group; its id is in the finding's own rule id. */
    private static String label(Context c, Rule rule) {
        return "the rule \"" + c.summary(rule) + "\"";
    }

    /** What Neutron itself puts into groups: egress to anywhere, and the default group's ingress from itself. */
    private static boolean isTemplate(SecurityGroup group, Rule rule) {
        boolean everything = rule.protocol().isAny() && rule.ports().isAny();
        if (rule.direction() == Direction.EGRESS) {
            return everything && rule.remote().isEveryAddress();
        }
        return group.isDefault() && everything && rule.remote().equals(Remote.group(group.id()));
    }

    private static void countsAndFamilies(Context c, SecurityGroup group) {
        for (Direction d : Direction.values()) {
            long count = group.rules().stream().filter(r -> r.direction() == d).count();
            if (count > c.settings.maxRulesPerDirection()) {
                c.group(Check.TOO_MANY_RULES, group, "The group has " + count + " " + d.neutronValue()
                                + " rules, more than " + c.settings.maxRulesPerDirection()
                                + ": hard to review, and slow for some Neutron drivers.",
                        "Merge rules into wider ones where that is safe, or split the group by role.");
            }
        }
        boolean v4 = hasIngress(group, EtherType.IPV4);
        if (v4 && !hasIngress(group, EtherType.IPV6)) {
            c.group(Check.IPV4_ONLY, group, "The group lets IPv4 traffic in but no IPv6 traffic; interfaces with "
                            + "IPv6 addresses are reachable on IPv4 only.",
                    "If the network has IPv6, add the matching IPv6 rules; otherwise nothing to do.");
        }
    }

    private static boolean hasIngress(SecurityGroup group, EtherType etherType) {
        return group.rules().stream().anyMatch(r -> r.direction() == Direction.INGRESS && r.etherType() == etherType);
    }
}
