package dev.portcullis.cli;

import dev.portcullis.review.Check;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each check of the review means and how its findings are fixed, in words for a pipeline's report
 * (SARIF rules: what GitHub code scanning shows beside an alert). A finding's own text says what is wrong
 * with one group or rule; this says what the check looks for in general.
 */
final class CheckHelp {

    /**
     * @param summary     one line: what the check finds
     * @param description what it means and why it matters
     * @param fix         how its findings are fixed
     */
    record Help(String summary, String description, String fix) {
    }

    private static final Map<String, Help> HELP = Map.ofEntries(
            help("invalid-definition", "A group or rule Neutron would refuse, or that could not be read.",
                    "The source holds something that is not a valid security group or rule; what it would let in "
                            + "cannot be said, so it is reported instead of being skipped.",
                    "Correct the group or rule as the finding says; portcullis validate lists every problem."),
            help("not-reviewed", "Something that cannot be known offline.",
                    "A part of the source depends on what only the cloud or the tool knows when it runs (a data "
                            + "source, a variable without a value, a resource that is not read), so the rules it "
                            + "makes cannot be reviewed.",
                    "Give the value in the source (a default, a -var), or review the result in the cloud."),
            help("world-open-all", "Every protocol and port open to the whole internet.",
                    "An ingress rule without protocol, port or remote restriction lets any address reach every "
                            + "service of every interface in the group.",
                    "Delete the rule and allow only the services needed, from the addresses that need them."),
            help("world-open-admin-port", "A remote administration port open to the whole internet.",
                    "SSH, RDP and other administration ports reachable from any address are scanned and "
                            + "brute-forced within minutes of being opened.",
                    "Allow the port only from a VPN, a bastion host or known addresses."),
            help("world-open-database-port", "A database, cache or file service port open to the whole internet.",
                    "Database and cache ports reachable from any address expose data to anyone who finds them.",
                    "Allow the port only from the application servers' group or addresses."),
            help("world-open-port", "A port other than the admin and database ones open to the whole internet.",
                    "Every address may reach the port; how much that matters depends on what listens there: mail, "
                            + "development servers, container and cluster APIs are high, a public web port is info.",
                    "Allow the port only from the networks that need it, or put the service behind a load balancer."),
            help("public-network", "A whole public network may connect, not a single host.",
                    "The rule lets in a public network rather than one address; often a host was meant.",
                    "Use the host's /32 (or /128) if one machine is meant; otherwise make sure the network is "
                            + "one you control."),
            help("wide-public-network", "A very wide public network may connect.",
                    "The rule reaches far more public addresses than one organisation uses.",
                    "Narrow the prefix to the addresses that really need the traffic."),
            help("wide-port-range", "A wide range of ports is open.",
                    "The rule opens more ports than a single service needs, so anything listening on them is "
                            + "reachable.",
                    "Open only the ports the service listens on, one rule per port or short range."),
            help("icmp-from-anywhere", "ICMP from any address.",
                    "Any address may send ICMP messages, which helps others map the network (answering pings "
                            + "alone is informational).",
                    "Limit the source addresses, or the ICMP types, to what is needed."),
            help("stateless-missing-egress", "A stateless group drops the replies to its traffic.",
                    "In a stateless group nothing lets replies out unless an egress rule does, so the traffic "
                            + "the rule allows in never gets an answer.",
                    "Add an egress rule for the same protocol and addresses, or make the group stateful."),
            help("missing-description", "A group or rule without a description.",
                    "Without a description nobody can tell what a rule is for or whether it is still needed.",
                    "Say what the group or rule is for and who owns it."),
            help("unused-group", "A group no interface uses.",
                    "No interface uses the group and no other group refers to it: clutter that may be attached "
                            + "by mistake later.",
                    "Delete it if nobody needs it any more."),
            help("default-group-extra-rules", "The default group allows more than Neutron's template.",
                    "Every new interface gets the default group, so a rule added to it applies everywhere.",
                    "Move the rule to a group of its own and attach that group where it is needed."),
            help("default-group-in-use", "Interfaces use the default group.",
                    "The default group's rules were chosen for nobody in particular.",
                    "Give each interface a group made for its role and take the default group off it."),
            help("host-bits", "A CIDR with host bits set.",
                    "Neutron keeps the prefix as written but matches the whole network, which may be more than "
                            + "was meant.",
                    "Write the network address, or a /32 (/128) if one host was meant."),
            help("semantic-duplicate", "Two rules let through the same traffic.",
                    "The rules are written differently but allow exactly the same packets.",
                    "Delete one of the two; keep the one with the better description."),
            help("shadowed-rule", "A rule whose traffic another rule already allows.",
                    "Everything the rule allows is allowed by a wider rule of the same group, so it has no effect.",
                    "Delete it, or narrow the wider rule if that one allows too much."),
            help("duplicate-group-name", "Several groups with one name.",
                    "Tools that look groups up by name pick one of them, or fail.",
                    "Rename all but one, or delete those not needed."),
            help("rule-quota", "The project's rules near or over the rule quota.",
                    "Rules beyond the quota, even those Neutron adds to a new group, are refused.",
                    "Remove duplicate, shadowed and unused rules, or ask for a larger quota."),
            help("too-many-rules", "A group with very many rules in one direction.",
                    "Long rule lists are hard to review and slow for some Neutron drivers.",
                    "Merge rules into wider ones where that is safe, or split the group by role."),
            help("ipv4-only", "A group that lets IPv4 in but no IPv6.",
                    "Interfaces with IPv6 addresses are reachable on IPv4 only.",
                    "If the network has IPv6, add the matching IPv6 rules; otherwise nothing to do."),
            help("referenced-group", "Other groups refer to this group.",
                    "Deleting the group also deletes the rules of other groups that name it as their remote.",
                    "Before deleting it, replace those rules or accept that they go with it."),
            help("remote-group-elsewhere", "A rule refers to a group outside these definitions.",
                    "The remote group is shared from another project or missing, and its owner can change who "
                            + "it lets in.",
                    "Check that the group exists and that its owner will keep it, or use a group of your own."));

    private CheckHelp() {
    }

    private static Map.Entry<String, Help> help(String id, String summary, String description, String fix) {
        return Map.entry(id, new Help(summary, description, fix));
    }

    /** The help of a check; a check added without help still gets a plain one rather than none. */
    static Help of(String checkId) {
        Help help = HELP.get(checkId);
        return help != null ? help : new Help("Check " + checkId + ".", "Findings of the check " + checkId + ".",
                "See each finding's fix.");
    }

    /** True when the check has help of its own. */
    static boolean has(String checkId) {
        return HELP.containsKey(checkId);
    }

    /** {@code world-open-admin-port} → {@code WorldOpenAdminPort}: SARIF's readable rule name. */
    static String name(String checkId) {
        return Arrays.stream(checkId.split("-")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
                .collect(Collectors.joining());
    }

    /** The checks in the order of {@link Check}: the order of SARIF's rules, so {@code ruleIndex} is stable. */
    static java.util.List<String> ids() {
        return Check.ids();
    }
}
