package dev.portcullis.review;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
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
        if (rule.remote() instanceof Remote.Prefix p) {
            publicNetwork(c, group, rule, p.cidr(), "");
        }
        if (rule.remote() instanceof Remote.AddressGroup a && c.addressGroups != null) {
            AddressGroup known = c.addressGroups.get(a.addressGroupId());
            if (known == null) {
                c.rule(Check.NOT_REVIEWED, group, rule, "The rule lets in the addresses of address group "
                                + a.addressGroupId() + ", which the source does not hold: what it lets in is unknown.",
                        "Review the address group where it is defined, or give its addresses in the source.");
            } else {
                for (Cidr cidr : known.addresses(rule.etherType())) {
                    publicNetwork(c, group, rule, cidr, " (in address group " + known.label() + ")");
                }
            }
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

    /** A public network wider than one host, but not every address (which the world checks judge). */
    private static void publicNetwork(Context c, SecurityGroup group, Rule rule, Cidr prefix, String where) {
        if (prefix.prefixLength() == 0 || prefix.prefixLength() >= prefix.width() || !PublicAddresses.isPublic(prefix)) {
            return;
        }
        int wide = prefix.version() == 4 ? c.settings.widePrefixV4() : c.settings.widePrefixV6();
        String cidr = prefix.network().toString();
        if (prefix.prefixLength() <= wide) {
            c.rule(Check.WIDE_PUBLIC_NETWORK, group, rule, "The rule reaches a wide public network, " + cidr
                            + " (a /" + prefix.prefixLength() + ")" + where
                            + ": far more addresses than one organisation uses.",
                    "Narrow the prefix to the addresses that really need the traffic.");
        } else if (rule.direction() == Direction.INGRESS) {
            c.rule(Check.PUBLIC_NETWORK, group, rule, "A whole public network, " + cidr + where
                            + ", may connect, not a single host.",
                    "If one machine is meant, use its /" + prefix.width()
                            + "; otherwise make sure the network is one you control.");
        }
    }
}
