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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes groups as an Ansible playbook for the {@code openstack.cloud} collection (2.0.0 or later): one
 * {@code openstack.cloud.security_group} task per group with every rule in {@code security_group_rules}, which
 * makes the group's rules exactly that list (the module deletes every rule not listed, Neutron's default
 * egress rules too, and keeps a rule the group has that a listed one matches). The group named
 * {@code default} is the project's own group, which the task updates. Where a listed rule without description
 * would match one of Neutron's rules that is not the same rule (the module compares only the options given:
 * "ingress IPv4" matches the default group's "ingress IPv4 from itself"), it is written with an empty
 * description, so that the module creates it.
 * <p>
 * Remote groups of the export are named by their names (the module requires unique names), others by id
 * (never a draft id: a draft is named by its key); a group referred to before its own task is created first
 * by a task of its own. Text that looks like a template is written {@code !unsafe}. Rules with a remote
 * address group are left out, with a comment and a note naming the address group and its prefixes: neither
 * {@code security_group} nor {@code security_group_rule} has such an option, and the collection has no address
 * group module (openstack.cloud as of May 2026).
 */
public final class AnsibleWriter {

    public byte[] toAnsible(List<SecurityGroup> groups) {
        return write(groups).text().getBytes(StandardCharsets.UTF_8);
    }

    public WrittenText write(List<SecurityGroup> groups) {
        return write(groups, List.of());
    }

    /** @param addressGroups the project's address groups, to name those of the rules left out by name */
    public WrittenText write(List<SecurityGroup> groups, List<AddressGroup> addressGroups) {
        Map<String, AddressGroup> known = WrittenText.byId(addressGroups);
        List<String> notes = new ArrayList<>();
        Map<String, SecurityGroup> byId = new HashMap<>();
        Map<String, Integer> nameUses = new HashMap<>();
        for (SecurityGroup g : groups) {
            byId.putIfAbsent(g.id(), g);
            nameUses.merge(g.name(), 1, Integer::sum);
        }
        nameUses.forEach((name, uses) -> {
            if (uses > 1) {
                notes.add("Several groups are named \"" + name + "\": the module finds groups by name and needs "
                        + "unique names.");
            }
        });
        StringBuilder out = new StringBuilder("---\n");
        out.append(YamlText.comment("", """
                Security groups written by Portcullis, for the openstack.cloud collection 2.0.0 or later.
                Each task makes its group's rules exactly the rules listed (security_group_rules). Give the
                cloud with OS_CLOUD=NAME (or add cloud: NAME to each task)."""));
        out.append("- name: Security groups\n  hosts: localhost\n  gather_facts: false\n  tasks:");
        if (groups.isEmpty()) {
            out.append(" []\n");
            return new WrittenText(out.toString(), notes);
        }
        out.append('\n');
        Set<String> defined = new HashSet<>();
        Set<String> early = new HashSet<>();
        for (SecurityGroup g : groups) {
            defined.add(g.id());
            for (Rule r : g.rules()) {
                if (r.remote() instanceof Remote.Group rg && byId.containsKey(rg.groupId())
                        && !defined.contains(rg.groupId()) && early.add(rg.groupId())) {
                    SecurityGroup target = byId.get(rg.groupId());
                    out.append("    - name: ").append(text("Create security group " + target.name()
                            + " (rules of an earlier group refer to it)")).append('\n');
                    out.append("      openstack.cloud.security_group:\n");
                    fields(out, target, true);
                }
            }
        }
        for (SecurityGroup g : groups) {
            out.append("    - name: ").append(text("Security group " + g.name())).append('\n');
            out.append("      openstack.cloud.security_group:\n");
            // stateful is set when the group is created: by the earlier task, for a group referred to early.
            fields(out, g, !early.contains(g.id()));
            String untagged = WrittenText.tagsLeftOut(g, "openstack.cloud.security_group");
            if (untagged != null) {
                notes.add(untagged);
                out.append(YamlText.comment("        ", untagged));
            }
            List<Rule> existing = neutrons(g);
            List<String> rules = new ArrayList<>();
            for (Rule r : g.rules()) {
                String rule = r.remote() instanceof Remote.AddressGroup ? addressGroupLeftOut(g, r, known, notes)
                        : rule(g, r, byId, existing);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            out.append("        security_group_rules:").append(rules.isEmpty() ? " []\n" : "\n");
            rules.forEach(out::append);
        }
        return new WrittenText(out.toString(), notes);
    }

    private static void fields(StringBuilder out, SecurityGroup g, boolean stateful) {
        out.append("        name: ").append(text(g.name())).append('\n');
        if (g.description() != null) {
            out.append("        description: ").append(text(g.description())).append('\n');
        }
        if (stateful && !g.stateful()) {
            out.append("        stateful: false\n");
        }
    }

    /** The rules Neutron gives the group before the task lists its own: the default group's four, else two. */
    private static List<Rule> neutrons(SecurityGroup g) {
        List<Rule> rules = new ArrayList<>(List.of(Rule.egressAnywhere(EtherType.IPV4),
                Rule.egressAnywhere(EtherType.IPV6)));
        if (g.isDefault()) {
            for (EtherType e : EtherType.values()) {
                rules.add(Rule.draft(Direction.INGRESS, e, dev.portcullis.domain.Protocol.ANY,
                        dev.portcullis.domain.PortRange.ANY, Remote.group(g.id()), null));
            }
        }
        return rules;
    }

    /** Text for the playbook: {@code !unsafe} where Ansible would take it for a template. */
    static String text(String s) {
        return AnsibleTemplates.isTemplate(s) ? "!unsafe " + YamlText.quoted(s) : YamlText.scalar(s);
    }

    /** The comment for a rule naming an address group, which the module cannot name; its note goes to {@code notes}. */
    private static String addressGroupLeftOut(SecurityGroup g, Rule r, Map<String, AddressGroup> known,
                                              List<String> notes) {
        String why = WrittenText.addressGroupLeftOut(g, r, known, "the module");
        notes.add(why);
        return YamlText.comment("          ", why);
    }

    private static String rule(SecurityGroup g, Rule r, Map<String, SecurityGroup> groups, List<Rule> existing) {
        StringBuilder s = new StringBuilder();
        s.append("          - direction: ").append(r.direction().neutronValue()).append('\n');
        s.append("            ether_type: ").append(r.etherType() == EtherType.IPV4 ? "IPv4" : "IPv6").append('\n');
        if (!r.protocol().isAny()) {
            // The module takes "0" for every protocol; Neutron's protocol 0 is the name "ip".
            String p = r.protocol().value().equals("0") ? "ip" : r.protocol().value();
            s.append("            protocol: ").append(YamlText.quoted(p)).append('\n');
        }
        if (r.ports().min() != null) {
            s.append("            port_range_min: ").append(r.ports().min()).append('\n');
        }
        if (r.ports().max() != null) {
            s.append("            port_range_max: ").append(r.ports().max()).append('\n');
        }
        if (r.remote() instanceof Remote.Prefix p) {
            s.append("            remote_ip_prefix: ").append(YamlText.quoted(p.cidr().toString())).append('\n');
        } else if (r.remote() instanceof Remote.Group rg) {
            SecurityGroup target = rg.groupId().equals(g.id()) ? g : groups.get(rg.groupId());
            String name = target != null ? target.name() : DraftIds.shown(rg.groupId());
            s.append("            remote_group: ").append(text(name)).append('\n');
        }
        String description = r.description();
        if (description == null && matchesAnother(r, existing)) {
            description = "";
        }
        if (description != null) {
            s.append("            description: ").append(text(description)).append('\n');
        }
        return s.toString();
    }

    /**
     * Whether the module would take a rule Neutron gave the group for this one though they differ: it compares
     * only the options given, and a rule without protocol, ports, remote and description gives none of those.
     */
    private static boolean matchesAnother(Rule r, List<Rule> existing) {
        for (Rule e : existing) {
            boolean match = e.direction() == r.direction() && e.etherType() == r.etherType() && r.protocol().isAny()
                    && r.ports().isAny() && (r.remote() instanceof Remote.Anywhere || r.remote().equals(e.remote()));
            if (match && !e.key().equals(r.key())) {
                return true;
            }
        }
        return false;
    }
}
