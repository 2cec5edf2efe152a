package dev.portcullis.files;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes groups as a Heat Orchestration Template: one {@code OS::Neutron::SecurityGroup} per group with its
 * rules inline, so that the stack's group has exactly the group's rules. Heat deletes the two egress rules
 * Neutron adds to a new group only when the rules list an egress rule ({@code _create_rules} in Heat's
 * {@code security_group.py}); for a group without any egress rule the template adds one egress rule that
 * reaches no one (IPv4 to {@code 0.0.0.0/32}), so that Heat removes Neutron's egress rules and the stack's
 * group does not allow more than the group does. It is said in a comment and in {@link WrittenText#notes()}.
 * <p>
 * A remote group of the export is {@code get_resource}; another group is named by its id (Heat also takes a
 * name), never by a draft id. What Heat cannot create is left out with a comment and a note: the group named
 * "default" (Heat refuses that name; the project's default group exists already) and rules with a remote
 * address group (Heat's rules have no such property, and Heat has no address group resource type, as of Heat's
 * master of 2026; the note names the address group and its prefixes). Rule descriptions and {@code stateful} (written only
 * when false) need Heat 27.0.0 or later.
 */
public final class HeatWriter {

    /** The protocol names Heat allows ({@code neutron.py}: _ALLOWED_SECURITY_GROUP_PROTOCOL_NAMES); numbers 0-255 too. */
    static final List<String> PROTOCOLS = List.of("ah", "dccp", "egp", "esp", "gre", "icmp", "icmpv6", "igmp",
            "ipv6-encap", "ipv6-frag", "ipv6-icmp", "ipv6-nonxt", "ipv6-opts", "ipv6-route", "ospf", "pgm", "rsvp",
            "sctp", "tcp", "udp", "udplite", "vrrp");
    /** Names Neutron takes that Heat does not, as the numbers Heat takes for them. */
    private static final Map<String, String> AS_NUMBER = Map.of("hopopt", "0", "ip", "0", "ipip", "4");
    static final String NO_EGRESS_PREFIX = "0.0.0.0/32";
    static final String NO_EGRESS_DESCRIPTION = "Reaches no one: makes Heat remove Neutron's default egress rules";

    public byte[] toHeat(List<SecurityGroup> groups) {
        return write(groups).text().getBytes(StandardCharsets.UTF_8);
    }

    public WrittenText write(List<SecurityGroup> groups) {
        return write(groups, List.of());
    }

    /** @param addressGroups the project's address groups, to name those of the rules left out by name */
    public WrittenText write(List<SecurityGroup> groups, List<AddressGroup> addressGroups) {
        Map<String, AddressGroup> known = WrittenText.byId(addressGroups);
        YamlText.Names names = new YamlText.Names();
        Map<String, String> resources = new HashMap<>();
        List<String> resourceNames = new ArrayList<>();
        for (SecurityGroup g : groups) {
            String name = g.isDefault() ? null : names.unique(g.name().isEmpty() ? "group" : g.name());
            resourceNames.add(name);
            if (name != null) {
                resources.putIfAbsent(g.id(), name);
            }
        }
        List<String> notes = new ArrayList<>();
        StringBuilder out = new StringBuilder("heat_template_version: 2018-08-31\n");
        out.append("description: Security groups written by Portcullis\n");
        out.append(YamlText.comment("", """
                Each group's rules are exactly the rules listed: Heat deletes Neutron's default egress rules
                from a group whose rules list an egress rule. Rule descriptions and stateful need Heat 27.0.0
                or later."""));
        StringBuilder header = out;
        out = new StringBuilder();
        boolean any = false;
        for (int i = 0; i < groups.size(); i++) {
            SecurityGroup g = groups.get(i);
            if (resourceNames.get(i) == null) {
                String why = "The group \"default\" is not written: Heat refuses that name, and the project's "
                        + "default group exists already.";
                notes.add(why);
                out.append('\n').append(YamlText.comment("  ", why));
                continue;
            }
            any = true;
            out.append("\n  ").append(resourceNames.get(i)).append(":\n");
            out.append("    type: ").append(HeatReader.GROUP_TYPE).append('\n');
            out.append("    properties:\n");
            out.append("      name: ").append(YamlText.scalar(g.name())).append('\n');
            if (g.description() != null) {
                out.append("      description: ").append(YamlText.scalar(g.description())).append('\n');
            }
            if (!g.stateful()) {
                out.append("      stateful: false\n");
            }
            String untagged = WrittenText.tagsLeftOut(g, HeatReader.GROUP_TYPE);
            if (untagged != null) {
                notes.add(untagged);
                out.append(YamlText.comment("      ", untagged));
            }
            List<String> rules = new ArrayList<>();
            for (Rule r : g.rules()) {
                String rule = rule(g, r, resources, known, notes);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            if (g.rules().stream().noneMatch(r -> r.direction() == Direction.EGRESS)) {
                String why = "The group " + g.name() + " has no egress rule: Heat would keep Neutron's two egress "
                        + "rules (all outbound traffic), so the template adds an egress rule to " + NO_EGRESS_PREFIX
                        + ", which reaches no one.";
                notes.add(why);
                out.append(YamlText.comment("      ", why));
                rules.add("        - direction: egress\n          ethertype: IPv4\n          remote_ip_prefix: "
                        + YamlText.scalar(NO_EGRESS_PREFIX) + "\n          description: "
                        + YamlText.scalar(NO_EGRESS_DESCRIPTION) + "\n");
            }
            out.append("      rules:").append(rules.isEmpty() ? " []\n" : "\n");
            rules.forEach(out::append);
        }
        header.append(any ? "resources:" : "resources: {}").append(out.length() == 0 ? "\n" : "").append(out);
        return new WrittenText(header.toString(), notes);
    }

    /** One inline rule, or null (with a comment and a note) for a rule Heat cannot create. */
    private static String rule(SecurityGroup g, Rule r, Map<String, String> resources, Map<String, AddressGroup> known,
                               List<String> notes) {
        StringBuilder s = new StringBuilder();
        s.append("        - direction: ").append(r.direction().neutronValue()).append('\n');
        s.append("          ethertype: ").append(r.etherType() == EtherType.IPV4 ? "IPv4" : "IPv6").append('\n');
        if (!r.protocol().isAny()) {
            String p = AS_NUMBER.getOrDefault(r.protocol().value(), r.protocol().value());
            s.append("          protocol: ").append(YamlText.quoted(p)).append('\n');
        }
        if (r.ports().min() != null) {
            s.append("          port_range_min: ").append(r.ports().min()).append('\n');
        }
        if (r.ports().max() != null) {
            s.append("          port_range_max: ").append(r.ports().max()).append('\n');
        }
        if (r.remote() instanceof Remote.Prefix p) {
            s.append("          remote_ip_prefix: ").append(YamlText.quoted(p.cidr().toString())).append('\n');
        } else if (r.remote() instanceof Remote.Group rg) {
            s.append("          remote_mode: remote_group_id\n");
            if (!rg.groupId().equals(g.id())) {
                String resource = resources.get(rg.groupId());
                if (resource != null) {
                    s.append("          remote_group_id: {get_resource: ").append(resource).append("}\n");
                } else {
                    if (DraftIds.isDraft(rg.groupId())) {
                        s.append(YamlText.comment("          ", "A group that is not in this template: by name."));
                    }
                    s.append("          remote_group_id: ").append(YamlText.quoted(DraftIds.shown(rg.groupId())))
                            .append('\n');
                }
            }
        } else if (r.remote() instanceof Remote.AddressGroup) {
            String why = WrittenText.addressGroupLeftOut(g, r, known, "Heat's rules");
            notes.add(why);
            return YamlText.comment("        ", why);
        }
        if (r.description() != null) {
            s.append("          description: ").append(YamlText.scalar(r.description())).append('\n');
        }
        return s.toString();
    }

    /** Whether Heat's schema allows the protocol: a name of {@link #PROTOCOLS} or a number 0-255 as Heat writes it. */
    static boolean allowedProtocol(String p) {
        return PROTOCOLS.contains(p) || (p.matches("0|[1-9]\\d{0,2}") && Integer.parseInt(p) <= 255);
    }
}
