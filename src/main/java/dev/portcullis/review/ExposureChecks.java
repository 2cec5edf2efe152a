package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

/**
 * What a single rule opens to whom: public networks, wide port ranges. What every address may send is
 * judged on all the group's rules together, in {@link WorldChecks}.
 */
final class ExposureChecks {

    private ExposureChecks() {
    }

    static void run(Context c, SecurityGroup group, Rule rule) {
        if (rule.remote() instanceof Remote.Prefix p && !p.isEveryAddress()
                && p.cidr().prefixLength() < p.cidr().width() && PublicAddresses.isPublic(p.cidr())) {
            publicNetwork(c, group, rule, p);
        }
        if (rule.direction() == Direction.INGRESS && rule.protocol().supportsPorts() && !rule.ports().isAny()) {
            int span = rule.ports().high() - rule.ports().low() + 1;
            if (span > c.settings.widePortRange()) {
                c.rule(Check.WIDE_PORT_RANGE, group, rule, "It opens " + span + " ports ("
                                + rule.ports().portLabel() + "), more than the " + c.settings.widePortRange()
                                + " a single service needs.",
                        "Open only the ports the service listens on, one rule per port or short range.");
            }
        }
    }

    private static void publicNetwork(Context c, SecurityGroup group, Rule rule, Remote.Prefix p) {
        int wide = p.cidr().version() == 4 ? c.settings.widePrefixV4() : c.settings.widePrefixV6();
        String cidr = p.cidr().network().toString();
        if (p.cidr().prefixLength() <= wide) {
            c.rule(Check.WIDE_PUBLIC_NETWORK, group, rule, "The rule reaches a wide public network, " + cidr
                            + " (a /" + p.cidr().prefixLength() + "): far more addresses than one organisation uses.",
                    "Narrow the prefix to the addresses that really need the traffic.");
        } else if (rule.direction() == Direction.INGRESS) {
            c.rule(Check.PUBLIC_NETWORK, group, rule, "A whole public network, " + cidr
                            + ", may connect, not a single host.",
                    "If one machine is meant, use its /" + p.cidr().width()
                            + "; otherwise make sure the network is one you control.");
        }
    }
}
