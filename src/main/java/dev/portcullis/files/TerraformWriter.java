package dev.portcullis.files;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.portcullis.files.TerraformText.block;
import static dev.portcullis.files.TerraformText.string;

/**
 * Writes groups as Terraform configuration for the OpenStack provider: one
 * {@code openstack_networking_secgroup_v2} per group and one {@code openstack_networking_secgroup_rule_v2}
 * per rule. Every group has {@code delete_default_rules = true}, so Terraform owns every rule: the egress
 * rules Neutron adds to a new group are removed, and the egress rules the group has are written as rules of
 * their own, like any other. What is written is exactly what the group has, and reads back the same.
 * <p>
 * Groups and rules that exist (they have an id) get an {@code import} block (Terraform 1.5 and later), so
 * applying the configuration to the same project adopts them instead of creating copies; the reader takes
 * the ids back from these blocks. Resource names are made from group names: lower case letters, digits and
 * underscores, unique in the file, stable for the same input. The address groups the rules name are written
 * as resources of their own, and the rules point at them ({@link TerraformAddressGroups}).
 */
public final class TerraformWriter {

    static final String GROUP_TYPE = "openstack_networking_secgroup_v2";
    static final String RULE_TYPE = "openstack_networking_secgroup_rule_v2";

    private final boolean imports;

    /** A writer that adds import blocks for groups and rules that have ids. */
    public TerraformWriter() {
        this(true);
    }

    /** @param imports whether to write import blocks (none for a project Terraform should create afresh) */
    public TerraformWriter(boolean imports) {
        this.imports = imports;
    }

    public byte[] toTerraform(List<SecurityGroup> groups) {
        return toTerraform(groups, List.of());
    }

    /** @param addressGroups the project's address groups: those the rules name are written as resources */
    public byte[] toTerraform(List<SecurityGroup> groups, List<AddressGroup> addressGroups) {
        return write(groups, addressGroups).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the written configuration does not say exactly as the groups have it, one line each: rules the
     * provider cannot express (left out, commented) or expresses only in a narrower form.
     */
    public List<String> notes(List<SecurityGroup> groups) {
        return notes(groups, List.of());
    }

    /** The notes of {@link #write(List, List)}: also each rule naming an address group the project does not know. */
    public List<String> notes(List<SecurityGroup> groups, List<AddressGroup> addressGroups) {
        TerraformAddressGroups written = new TerraformAddressGroups(groups, addressGroups);
        Map<String, String> names = new HashMap<>();
        addressGroups.forEach(a -> names.putIfAbsent(a.id(), a.label()));
        List<String> notes = new ArrayList<>();
        for (SecurityGroup g : groups) {
            for (Rule r : g.rules()) {
                String note = express(r).note();
                if (note != null) {
                    notes.add("group " + g.name() + ": " + r.summary(names::get) + ": " + note);
                } else if (written.byIdNote(r) != null) {
                    notes.add("group " + g.name() + ": " + r.summary(names::get) + ": " + written.byIdNote(r));
                }
            }
        }
        String unused = written.unusedNote();
        if (unused != null) {
            notes.add(unused);
        }
        return notes;
    }

    public String write(List<SecurityGroup> groups) {
        return write(groups, List.of());
    }

    /**
     * The configuration for the groups, with the address groups of {@code addressGroups} that their rules name
     * ({@link TerraformAddressGroups}).
     */
    public String write(List<SecurityGroup> groups, List<AddressGroup> addressGroups) {
        TerraformAddressGroups written = new TerraformAddressGroups(groups, addressGroups);
        TerraformText.Names names = new TerraformText.Names();
        Map<String, String> groupResources = new HashMap<>();
        List<String> groupNames = new ArrayList<>();
        for (SecurityGroup g : groups) {
            String name = names.unique(TerraformText.draftResourceName(GROUP_TYPE, g.id()).orElse(g.name().isEmpty() ? "group" : g.name()));
            groupNames.add(name);
            groupResources.putIfAbsent(g.id(), name);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Security groups written by Portcullis for the OpenStack provider.\n")
                .append("# Terraform owns every rule: delete_default_rules removes the egress rules Neutron adds to\n")
                .append("# a new group, and the rules each group has (its egress rules too) are the resources below.\n");
        written.write(out, imports);
        for (int i = 0; i < groups.size(); i++) {
            SecurityGroup g = groups.get(i);
            String resource = groupNames.get(i);
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("name", string(g.name()));
            if (g.description() != null) {
                attrs.put("description", string(g.description()));
            }
            attrs.put("stateful", Boolean.toString(g.stateful()));
            attrs.put("delete_default_rules", "true");
            if (!g.tags().isEmpty()) {
                attrs.put("tags", g.tags().stream().map(TerraformText::string).toList().toString());
            }
            block(out, "resource \"" + GROUP_TYPE + "\" \"" + resource + "\"", attrs);
            importBlock(out, GROUP_TYPE + "." + resource, g.id());
            String reference = GROUP_TYPE + "." + resource + ".id";
            for (Rule r : g.rules()) {
                Expressed e = express(r);
                String ruleResource = names.unique(resource + "_" + ruleSuffix(e.rule() == null ? r : e.rule()));
                String header = "resource \"" + RULE_TYPE + "\" \"" + ruleResource + "\"";
                if (e.rule() == null) {
                    StringBuilder block = new StringBuilder();
                    block(block, header, ruleAttributes(r, reference, groupResources, written));
                    out.append("\n# Portcullis: ").append(e.note()).append('\n');
                    block.toString().strip().lines().forEach(line -> out.append("# ").append(line).append('\n'));
                    continue;
                }
                if (e.note() != null) {
                    out.append("\n# Portcullis: ").append(e.note());
                } else if (written.byIdNote(r) != null) {
                    out.append("\n# Portcullis: ").append(written.byIdNote(r));
                }
                block(out, header, ruleAttributes(e.rule(), reference, groupResources, written));
                importBlock(out, RULE_TYPE + "." + ruleResource, e.rule() == r ? r.id() : null);
            }
        }
        return out.toString();
    }

    private static Map<String, String> ruleAttributes(Rule r, String groupReference, Map<String, String> groups,
                                                      TerraformAddressGroups addressGroups) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("security_group_id", groupReference);
        attrs.put("direction", string(r.direction().neutronValue()));
        attrs.put("ethertype", string(r.etherType().neutronValue()));
        if (!r.protocol().isAny()) {
            attrs.put("protocol", string(r.protocol().value()));
        }
        if (r.ports().min() != null) {
            attrs.put("port_range_min", r.ports().min().toString());
        }
        if (r.ports().max() != null) {
            attrs.put("port_range_max", r.ports().max().toString());
        }
        if (r.remote() instanceof Remote.Prefix p) {
            attrs.put("remote_ip_prefix", string(p.cidr().toString()));
        } else if (r.remote() instanceof Remote.Group g) {
            String resource = groups.get(g.groupId());
            attrs.put("remote_group_id", resource != null ? GROUP_TYPE + "." + resource + ".id" : string(g.groupId()));
        } else if (r.remote() instanceof Remote.AddressGroup a) {
            String resource = addressGroups.reference(a.addressGroupId());
            attrs.put("remote_address_group_id", resource != null ? resource : string(a.addressGroupId()));
        }
        if (r.description() != null) {
            attrs.put("description", string(r.description()));
        }
        return attrs;
    }

    /** {@code ingress_tcp_22}, {@code egress_any}, {@code ingress_icmp_8}: what the rule is about, for its name. */
    private static String ruleSuffix(Rule r) {
        StringBuilder s = new StringBuilder(r.direction().neutronValue());
        if (r.etherType().version() == 6) {
            s.append("_v6");
        }
        s.append('_').append(r.protocol().isAny() ? "any" : r.protocol().value());
        if (r.ports().min() != null) {
            s.append('_').append(r.ports().min());
            if (r.ports().max() != null && !r.ports().max().equals(r.ports().min())) {
                s.append('_').append(r.ports().max());
            }
        }
        return s.toString();
    }

    /**
     * What the provider can create of a rule: it sends no {@code port_range_min}/{@code _max} when they are 0
     * (0 is its "unset"), so a 0 would widen the rule. ICMP type 0 (echo reply) or code 0 cannot be written at
     * all (0/0 would be every ICMP type, type T with max 0 every code of T), and nothing narrower is the
     * same traffic: such a rule is not written (rule null) and the note says why. A port range starting at 0
     * is written from port 1 (port 0 is no service's port), never wider.
     *
     * @param rule the rule to write, or null when none can be written safely
     * @param note why the rule written differs from the group's, or null when it is the same
     */
    record Expressed(Rule rule, String note) {
    }

    static Expressed express(Rule r) {
        Integer min = r.ports().min();
        Integer max = r.ports().max();
        if (r.protocol().isIcmp()) {
            if (min != null && min == 0 || max != null && max == 0) {
                return new Expressed(null, "not written: the provider sends 0 as \"unset\", so ICMP "
                        + r.ports().icmpLabel() + " would become " + (min != null && min == 0 ? "every ICMP type"
                        : "every code of type " + min) + ". Allow it in Neutron directly, or write a wider rule on purpose.");
            }
            return new Expressed(r, null);
        }
        if (min != null && min == 0) {
            if (max == null || max == 0) {
                return new Expressed(null, "not written: port 0 cannot be written for the provider, which sends 0 as "
                        + "\"unset\" (every port).");
            }
            return new Expressed(new Rule(null, r.direction(), r.etherType(), r.protocol(),
                    dev.portcullis.domain.PortRange.of(1, max), r.remote(), r.description()),
                    "ports " + min + "-" + max + " written as 1-" + max + ": the provider sends 0 as \"unset\" "
                            + "(every port), and port 0 is no service's port.");
        }
        return new Expressed(r, null);
    }

    private void importBlock(StringBuilder out, String address, String id) {
        if (imports) {
            TerraformText.importBlock(out, address, id);
        }
    }
}
