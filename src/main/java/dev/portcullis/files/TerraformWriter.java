package dev.portcullis.files;

import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * underscores, unique in the file, stable for the same input.
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
        return write(groups).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the written configuration does not say exactly as the groups have it, one line each: rules the
     * provider cannot express (left out, commented) or expresses only in a narrower form.
     */
    public List<String> notes(List<SecurityGroup> groups) {
        List<String> notes = new ArrayList<>();
        for (SecurityGroup g : groups) {
            for (Rule r : g.rules()) {
                String note = express(r).note();
                if (note != null) {
                    notes.add("group " + g.name() + ": " + r.summary(id -> null) + ": " + note);
                }
            }
        }
        return notes;
    }

    public String write(List<SecurityGroup> groups) {
        Names names = new Names();
        Map<String, String> groupResources = new HashMap<>();
        List<String> groupNames = new ArrayList<>();
        for (SecurityGroup g : groups) {
            String name = names.unique(draftResourceName(g.id()).orElse(g.name().isEmpty() ? "group" : g.name()));
            groupNames.add(name);
            groupResources.putIfAbsent(g.id(), name);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Security groups written by Portcullis for the OpenStack provider.\n")
                .append("# Terraform owns every rule: delete_default_rules removes the egress rules Neutron adds to\n")
                .append("# a new group, and the rules each group has (its egress rules too) are the resources below.\n");
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
                attrs.put("tags", g.tags().stream().map(TerraformWriter::string).toList().toString());
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
                    block(block, header, ruleAttributes(r, reference, groupResources));
                    out.append("\n# Portcullis: ").append(e.note()).append('\n');
                    block.toString().strip().lines().forEach(line -> out.append("# ").append(line).append('\n'));
                    continue;
                }
                if (e.note() != null) {
                    out.append("\n# Portcullis: ").append(e.note());
                }
                block(out, header, ruleAttributes(e.rule(), reference, groupResources));
                importBlock(out, RULE_TYPE + "." + ruleResource, e.rule() == r ? r.id() : null);
            }
        }
        return out.toString();
    }

    private static Map<String, String> ruleAttributes(Rule r, String groupReference, Map<String, String> groups) {
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
            attrs.put("remote_address_group_id", string(a.addressGroupId()));
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
     * The resource name a group read from Terraform had ({@code web} for the draft id of
     * {@code openstack_networking_secgroup_v2.web}), so that the group keeps its id when the file is read
     * back; nothing for other ids, or for instances of count/for_each.
     */
    private static java.util.Optional<String> draftResourceName(String id) {
        String prefix = dev.portcullis.domain.DraftIds.group(GROUP_TYPE + ".");
        if (id == null || !id.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String name = id.substring(prefix.length());
        return name.equals(Names.identifier(name)) ? java.util.Optional.of(name) : java.util.Optional.empty();
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
        if (imports && id != null && !dev.portcullis.domain.DraftIds.isDraft(id)) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("to", address);
            attrs.put("id", string(id));
            block(out, "import", attrs);
        }
    }

    /** A block with its attributes aligned on the equals sign, as {@code terraform fmt} leaves them. */
    private static void block(StringBuilder out, String header, Map<String, String> attrs) {
        int width = attrs.keySet().stream().mapToInt(String::length).max().orElse(0);
        out.append('\n').append(header).append(" {\n");
        attrs.forEach((k, v) -> out.append("  ").append(k).append(" ".repeat(width - k.length()))
                .append(" = ").append(v).append('\n'));
        out.append("}\n");
    }

    /**
     * An HCL string literal: quotes, backslashes and control characters escaped, and the template
     * sequences {@code ${} and {@code %{} doubled so they are taken as text.
     */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> {
                    out.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        out.append(c);
                    }
                }
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Resource names: an HCL identifier made of lower case letters, digits and underscores, unique. */
    private static final class Names {
        private final Set<String> used = new HashSet<>();

        String unique(String wanted) {
            String base = identifier(wanted);
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            return name;
        }

        static String identifier(String s) {
            StringBuilder out = new StringBuilder();
            for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (ok) {
                    out.append(c);
                } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
                out.setLength(out.length() - 1);
            }
            if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
                out.insert(0, "sg_");
            }
            return out.toString();
        }
    }
}
