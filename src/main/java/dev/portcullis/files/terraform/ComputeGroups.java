package dev.portcullis.files.terraform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.terraform.Configuration.Located;
import dev.portcullis.files.terraform.Resources.Instance;
import dev.portcullis.files.terraform.SecurityGroups.GroupOut;
import dev.portcullis.files.terraform.SecurityGroups.RuleOut;
import dev.portcullis.files.terraform.Syntax.Attribute;
import dev.portcullis.files.terraform.Syntax.Block;
import dev.portcullis.files.terraform.Values.EvalException;
import dev.portcullis.files.terraform.Values.Unknown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code openstack_compute_secgroup_v2}, the older resource (Nova's security group API, kept on Neutron):
 * {@code name}, {@code description} and inline {@code rule} blocks (also made by {@code dynamic "rule"}),
 * each {@code ip_protocol}, {@code from_port}, {@code to_port} and one of {@code cidr},
 * {@code from_group_id} or {@code self}. As Nova creates them on Neutron: every rule is ingress; its
 * ethertype is the CIDR's IP version (IPv4 for a group); ICMP's -1 is "any type" / "any code"; a rule with
 * neither a CIDR nor a group is from 0.0.0.0/0 (Nova's default). The group keeps Neutron's two egress rules.
 */
final class ComputeGroups {

    private static final Set<String> GROUP_ARGS = Set.of("name", "description", "region");
    private static final Set<String> RULE_ARGS = Set.of("ip_protocol", "from_port", "to_port", "cidr",
            "from_group_id", "self");

    private final Configuration config;
    private final SecurityGroups groups;

    ComputeGroups(Configuration config, SecurityGroups groups) {
        this.config = config;
        this.groups = groups;
    }

    GroupOut group(Instance i) {
        Located l = i.source();
        String type = SecurityGroups.COMPUTE_GROUP;
        ObjectNode json = SecurityGroups.JSON.objectNode();
        String id = (String) config.resources().id(type, i.address());
        json.put("id", id);
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Attribute a : l.block().body().attributes()) {
            lines.put(a.name(), a.line());
            if (Resources.META.contains(a.name()) || a.name().equals("region")) {
                continue;
            }
            String field = l.at(a.line()) + " " + i.address() + "." + a.name();
            if (!GROUP_ARGS.contains(a.name())) {
                problems.add(new Problem(Codes.NOT_READ, field, "\"" + a.name() + "\" is not an argument of " + type
                        + " that Portcullis reads."));
                continue;
            }
            Object v = groups.value(a, i, field, problems);
            if (v instanceof Unknown u) {
                problems.add(new Problem(Codes.UNKNOWN, field, u.message()
                        + (a.name().equals("name") ? "; the group is read as \"(unknown)\"." : ".")));
                if (a.name().equals("name")) {
                    json.put("name", "(unknown)");
                }
            } else if (v != SecurityGroups.NOT_EVALUATED && v != null) {
                json.set(a.name(), SecurityGroups.node(v));
            }
        }
        ArrayNode rules = json.putArray("security_group_rules");
        GroupOut g = new GroupOut(i.address(), l, l.block().line(), lines, json, new ArrayList<>(), problems);
        int n = 0;
        for (Block b : l.block().body().blocks()) {
            if (b.type().equals("rule")) {
                rule(g, i.address() + ".rule[" + n++ + "]", l, b.body().attributes(), i.bound(), b.line(), rules);
            } else if (b.type().equals("dynamic") && b.labels().equals(List.of("rule"))) {
                for (Map<String, Object> bound : dynamic(g, i, b)) {
                    Block content = b.body().blocks().stream().filter(c -> c.type().equals("content")).findFirst()
                            .orElse(null);
                    if (content != null) {
                        rule(g, i.address() + ".rule[" + n++ + "]", l, content.body().attributes(), bound,
                                content.line(), rules);
                    }
                }
            } else if (!b.type().equals("timeouts") && !b.type().equals("lifecycle")) {
                problems.add(new Problem(Codes.NOT_READ, l.at(b.line()) + " " + i.address() + "." + b.type(),
                        "\"" + b.type() + "\" blocks are not read in " + type + "."));
            }
        }
        return g;
    }

    /** The bindings of each rule a {@code dynamic "rule"} block makes ({@code rule.key}, {@code rule.value}). */
    private List<Map<String, Object>> dynamic(GroupOut g, Instance i, Block b) {
        Located l = i.source();
        Attribute forEach = b.body().attribute("for_each");
        Attribute iterator = b.body().attribute("iterator");
        String name = iterator != null && iterator.value() instanceof Syntax.Variable v ? v.name() : "rule";
        String field = l.at(b.line()) + " " + i.address() + ".dynamic.rule";
        List<Map<String, Object>> out = new ArrayList<>();
        if (forEach == null) {
            g.problems().add(new Problem(Codes.NOT_READ, field, "A dynamic block needs for_each."));
            return out;
        }
        try {
            Object coll = config.evaluator().eval(forEach.value(), i.bound());
            Unknown u = Values.unknownIn(coll);
            if (u != null) {
                g.problems().add(new Problem(Codes.UNKNOWN, field, "The rules of the dynamic block depend on "
                        + u.message() + "; they are left out."));
                return out;
            }
            for (Map.Entry<Object, Object> e : Evaluator.entries(coll, forEach.line())) {
                Map<String, Object> bound = new HashMap<>(i.bound());
                Map<String, Object> it = new HashMap<>();
                it.put("key", coll instanceof List<?> ? e.getValue() : e.getKey());
                it.put("value", e.getValue());
                bound.put(name, it);
                out.add(bound);
            }
        } catch (EvalException e) {
            g.problems().add(new Problem(Codes.NOT_READ, field, e.getMessage() + "; its rules are left out."));
        }
        return out;
    }

    private void rule(GroupOut g, String address, Located l, List<Attribute> attributes, Map<String, Object> bound,
                      int line, ArrayNode rules) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        boolean unknown = false;
        for (Attribute a : attributes) {
            String field = l.at(a.line()) + " " + address + "." + a.name();
            if (!RULE_ARGS.contains(a.name())) {
                problems.add(new Problem(Codes.NOT_READ, field, "\"" + a.name() + "\" is not an argument of a rule of "
                        + SecurityGroups.COMPUTE_GROUP + " that Portcullis reads."));
                continue;
            }
            Object v = groups.value(a, bound, field, problems);
            if (v instanceof Unknown u) {
                g.problems().add(new Problem(Codes.UNKNOWN, field, u.message() + "; the rule " + address
                        + " is left out."));
                unknown = true;
            } else if (v != SecurityGroups.NOT_EVALUATED && v != null) {
                values.put(a.name(), v);
                lines.put(a.name(), a.line());
            }
        }
        if (unknown) {
            g.problems().addAll(problems);
            return;
        }
        ObjectNode json = SecurityGroups.JSON.objectNode();
        json.put("direction", "ingress");
        String cidr = values.get("cidr") instanceof String s && !s.isEmpty() ? s : null;
        boolean self = Boolean.TRUE.equals(values.get("self")) || "true".equals(values.get("self"));
        Object fromGroup = values.get("from_group_id");
        json.put("ethertype", cidr != null && cidr.contains(":") ? "IPv6" : "IPv4");
        Object protocol = values.get("ip_protocol");
        String proto = protocol == null ? null : Values.asString(protocol);
        if (proto != null && !proto.isEmpty()) {
            json.put("protocol", proto.toLowerCase(Locale.ROOT));
        }
        boolean icmp = proto != null && proto.equalsIgnoreCase("icmp");
        port(json, "port_range_min", values.get("from_port"), icmp);
        port(json, "port_range_max", values.get("to_port"), icmp);
        if (lines.containsKey("from_port")) {
            lines.put("port_range_min", lines.get("from_port"));
        }
        if (lines.containsKey("to_port")) {
            lines.put("port_range_max", lines.get("to_port"));
        }
        if (cidr != null) {
            json.put("remote_ip_prefix", cidr);
        }
        if (self) {
            json.put("remote_group_id", g.json().path("id").asText());
        }
        if (fromGroup != null && !"".equals(fromGroup)) {
            json.set("remote_group_id", SecurityGroups.node(fromGroup));
        }
        if (cidr == null && !self && (fromGroup == null || "".equals(fromGroup))) {
            json.put("remote_ip_prefix", "0.0.0.0/0");
        }
        json.putNull("description");
        rules.add(json);
        g.rules().add(new RuleOut(address, l, line, lines, json, problems));
    }

    /** Nova's -1 for ICMP is "any type" or "any code": no value. */
    private static void port(ObjectNode json, String member, Object value, boolean icmp) {
        if (value == null || icmp && value instanceof BigDecimal n && n.intValue() == -1 || icmp && "-1".equals(value)) {
            return;
        }
        json.set(member, SecurityGroups.node(value));
    }
}
