package dev.portcullis.files.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.terraform.Configuration.Located;
import dev.portcullis.files.terraform.Resources.Expansion;
import dev.portcullis.files.terraform.Resources.Instance;
import dev.portcullis.files.terraform.Syntax.Attribute;
import dev.portcullis.files.terraform.Syntax.Block;
import dev.portcullis.files.terraform.Values.EvalException;
import dev.portcullis.files.terraform.Values.Unknown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security groups a {@link Configuration} makes, as Neutron definitions (the JSON of a definition file)
 * with the address, file and line of each group and rule, by the provider's semantics:
 * {@code openstack_networking_secgroup_v2} (Neutron's two egress rules unless {@code delete_default_rules}),
 * {@code openstack_networking_secgroup_rule_v2} ({@code port_range_min}/{@code _max} 0 or unset mean no range),
 * {@code openstack_compute_secgroup_v2} ({@link ComputeGroups}), and the address groups rules may name,
 * {@code openstack_networking_address_group_v2} ({@link AddressGroups}). What cannot be evaluated is a problem
 * where it belongs; a rule with an unknown value is left out, and its problem says so.
 */
public final class SecurityGroups {

    public static final String GROUP = "openstack_networking_secgroup_v2";
    public static final String RULE = "openstack_networking_secgroup_rule_v2";
    public static final String COMPUTE_GROUP = "openstack_compute_secgroup_v2";

    private static final Set<String> GROUP_ARGS = Set.of("name", "description", "stateful", "delete_default_rules",
            "tags", "tenant_id", "region");
    private static final Set<String> RULE_ARGS = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "remote_address_group_id",
            "description", "tenant_id", "region");
    /** Resources that carry or decide security rules and are not read: a problem, so nothing is silently missing. */
    private static final Set<String> NOT_READ_RULES = Set.of("openstack_fw_rule_v1", "openstack_fw_rule_v2",
            "openstack_fw_policy_v1", "openstack_fw_policy_v2", "openstack_fw_firewall_v1", "openstack_fw_group_v2",
            "openstack_compute_secgrouprule_v2", "openstack_networking_qos_policy_v2");
    private static final Set<String> SKIPPED_BLOCKS = Set.of("variable", "locals", "output", "terraform", "provider",
            "import", "moved", "removed", "check", "resource");

    /** A rule: its address, where it is written, its Neutron JSON, and problems of its own. */
    public record RuleOut(String address, Located source, int line, Map<String, Integer> lines, ObjectNode json,
                          List<Problem> problems) {
    }

    /** A group with its rules and the problems about it that are not about one rule Neutron checks. */
    public record GroupOut(String address, Located source, int line, Map<String, Integer> lines, ObjectNode json,
                           List<RuleOut> rules, List<Problem> problems) {
    }

    /** The groups, the address groups ({@link AddressGroups}), and what is wrong in the file or worth saying. */
    public record Result(List<GroupOut> groups, List<AddressGroup> addressGroups, List<Problem> fileProblems,
                         List<Problem> notices) {
    }

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Configuration config;
    private final Map<String, GroupOut> byId = new LinkedHashMap<>();
    private final List<Problem> fileProblems = new ArrayList<>();
    private final List<Problem> notices = new ArrayList<>();
    private final AddressGroups addressGroups;

    private SecurityGroups(Configuration config) {
        this.config = config;
        this.addressGroups = new AddressGroups(config, this);
    }

    public static Result read(Configuration config) {
        return new SecurityGroups(config).read();
    }

    private Result read() {
        for (Located l : config.blocks()) {
            otherBlock(l);
        }
        List<Runnable> rules = new ArrayList<>();
        config.resources().declared().forEach((address, l) -> {
            String type = l.block().labels().get(0);
            switch (type) {
                case GROUP -> instances(address, l).forEach(this::group);
                case COMPUTE_GROUP -> instances(address, l).forEach(i -> {
                    GroupOut g = new ComputeGroups(config, this).group(i);
                    byId.put(g.json().path("id").asText(), g);
                });
                case RULE -> rules.add(() -> instances(address, l).forEach(this::rule));
                case AddressGroups.TYPE -> instances(address, l).forEach(addressGroups::instance);
                default -> other(type, address, l);
            }
        });
        rules.forEach(Runnable::run);
        List<GroupOut> groups = new ArrayList<>(byId.values());
        groups.forEach(DefaultRules::addUnlessDeleted);
        fileProblems.addAll(addressGroups.problems());
        return new Result(groups, addressGroups.read(), fileProblems, notices);
    }

    private void otherBlock(Located l) {
        Block b = l.block();
        String at = l.at(b.line());
        switch (b.type()) {
            case "data" -> {
                if (b.labels().size() == 2 && b.labels().get(0).startsWith("openstack_networking_secgroup")) {
                    notices.add(new Problem(Codes.NOT_READ, at + " data." + String.join(".", b.labels()), "A data "
                            + "source looks up a group that exists in the cloud; its rules are not in this "
                            + "configuration, and what refers to it cannot be known offline."));
                }
            }
            case "module" -> fileProblems.add(new Problem(Codes.NOT_READ, at + " module." + String.join(".", b.labels()),
                    "Modules are not read: security groups made by this module are not in what was read."));
            default -> {
                if (!SKIPPED_BLOCKS.contains(b.type())) {
                    fileProblems.add(new Problem(Codes.NOT_READ, at, "\"" + b.type() + "\" blocks are not read."));
                }
            }
        }
    }

    private void other(String type, String address, Located l) {
        String at = l.at(l.block().line()) + " " + address;
        if (NOT_READ_RULES.contains(type)) {
            fileProblems.add(new Problem(Codes.NOT_READ, at, type + " decides what traffic passes, but Portcullis "
                    + "reads security groups only: it is not reviewed."));
        } else if (type.equals("openstack_networking_port_v2") || type.equals("openstack_compute_instance_v2")
                || type.equals("openstack_networking_port_secgroup_associate_v2")) {
            notices.add(new Problem(Codes.NOT_READ, at, "The interfaces " + address + " makes, and the groups it "
                    + "attaches to them, are not read."));
        } else {
            notices.add(new Problem(Codes.NOT_READ, at, "The resource " + address
                    + " is not a security group or rule; it was not read."));
        }
    }

    /** A resource's instances; a count or for_each that cannot be evaluated is a problem and gives none. */
    List<Instance> instances(String address, Located l) {
        try {
            Expansion x = config.resources().expand(address, l);
            if (x.unknown() != null) {
                fileProblems.add(new Problem(Codes.UNKNOWN, l.at(x.line()) + " " + address, "How many instances "
                        + address + " has depends on " + x.unknown().message() + "; it is not read."));
            }
            return x.instances();
        } catch (EvalException e) {
            fileProblems.add(new Problem(Codes.NOT_READ, l.at(e.line()) + " " + address, e.getMessage()
                    + "; it is not read."));
            return List.of();
        }
    }

    private void group(Instance i) {
        Located l = i.source();
        ObjectNode json = JSON.objectNode();
        String type = l.block().labels().get(0);
        json.put("id", (String) config.resources().id(type, i.address()));
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Attribute a : l.block().body().attributes()) {
            lines.put(a.name(), a.line());
            if (Resources.META.contains(a.name()) || a.name().equals("region")) {
                continue;
            }
            String field = l.at(a.line()) + " " + i.address() + "." + a.name();
            if (!GROUP_ARGS.contains(a.name())) {
                problems.add(new Problem(Codes.NOT_READ, field, "\"" + a.name() + "\" is not an argument of "
                        + type + " that Portcullis reads."));
                continue;
            }
            Object v = value(a, i, field, problems);
            if (v instanceof Unknown u) {
                String fallback = a.name().equals("name") ? "; the group is read as \"(unknown)\""
                        : a.name().equals("delete_default_rules") ? "; Neutron's default egress rules are kept" : "";
                problems.add(new Problem(Codes.UNKNOWN, field, u.message() + fallback + "."));
                if (a.name().equals("name")) {
                    json.put("name", "(unknown)");
                }
            } else if (v != NOT_EVALUATED && v != null) {
                json.set(a.name().equals("tenant_id") ? "project_id" : a.name(), node(v));
            }
        }
        nestedBlocks(i, problems);
        json.putArray("security_group_rules");
        GroupOut g = new GroupOut(i.address(), l, l.block().line(), lines, json, new ArrayList<>(), problems);
        byId.put(json.path("id").asText(), g);
    }

    private void rule(Instance i) {
        Located l = i.source();
        ObjectNode json = JSON.objectNode();
        String imported = config.resources().importId(i.address());
        if (imported != null) {
            json.put("id", imported);
        }
        List<Problem> problems = new ArrayList<>();
        List<Problem> unknowns = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        Object owner = null;
        String ownerField = l.at(l.block().line()) + " " + i.address();
        for (Attribute a : l.block().body().attributes()) {
            lines.put(a.name(), a.line());
            if (Resources.META.contains(a.name()) || a.name().equals("region") || a.name().equals("tenant_id")) {
                continue;
            }
            String field = l.at(a.line()) + " " + i.address() + "." + a.name();
            if (!RULE_ARGS.contains(a.name())) {
                problems.add(new Problem(Codes.NOT_READ, field, "\"" + a.name() + "\" is not an argument of " + RULE
                        + " that Portcullis reads."));
                continue;
            }
            Object v = value(a, i, field, problems);
            if (v instanceof Unknown u) {
                unknowns.add(new Problem(Codes.UNKNOWN, field, u.message() + "; the rule " + i.address()
                        + " is left out."));
            } else if (a.name().equals("security_group_id")) {
                owner = v;
                ownerField = field;
            } else if (v != NOT_EVALUATED && v != null && !isUnsetPort(a.name(), v)
                    && !("".equals(v) && OMITTED_WHEN_EMPTY.contains(a.name()))) {
                json.set(a.name(), node(v));
            }
        }
        if (!json.has("description")) {
            json.putNull("description");
        }
        nestedBlocks(i, problems);
        GroupOut group = owner instanceof String id ? byId.get(id) : null;
        if (group == null) {
            if (!unknowns.isEmpty() && (owner == null || owner == NOT_EVALUATED)) {
                fileProblems.addAll(unknowns);
            } else if (owner == null) {
                fileProblems.add(new Problem(Codes.NOT_READ, ownerField, lines.containsKey("security_group_id")
                        ? "The group of the rule is null: it is left out." : "The rule has no security_group_id: "
                        + "which group is it in? It is left out."));
            } else if (owner != NOT_EVALUATED) {
                fileProblems.add(new Problem(Codes.NOT_READ, ownerField, Values.show(owner) + " is not the id of a "
                        + "group in this configuration (write " + GROUP + ".NAME.id): the rule is left out."));
            }
            problems.forEach(p -> fileProblems.add(!p.field().endsWith(".security_group_id") ? p
                    : new Problem(p.code(), p.field(), p.message() + " The rule is left out: its group is not known.")));
            return;
        }
        if (!unknowns.isEmpty()) {
            group.problems().addAll(unknowns);
            group.problems().addAll(problems);
            return;
        }
        ((ArrayNode) group.json().get("security_group_rules")).add(json);
        group.rules().add(new RuleOut(i.address(), l, l.block().line(), lines, json, problems));
    }

    /**
     * A problem for each block in a group or rule resource other than the meta blocks Terraform gives every
     * resource: neither resource has a nested block of its own, so Terraform refuses any other, and a
     * {@code dynamic} block makes ones that are not read. Never passed over in silence.
     */
    private void nestedBlocks(Instance i, List<Problem> problems) {
        Located l = i.source();
        String type = l.block().labels().get(0);
        for (Block nested : l.block().body().blocks()) {
            if (META_BLOCKS.contains(nested.type())) {
                continue;
            }
            String name = nested.type().equals("dynamic") && !nested.labels().isEmpty()
                    ? "dynamic \"" + nested.labels().get(0) + "\"" : nested.type();
            problems.add(new Problem(Codes.NOT_READ, l.at(nested.line()) + " " + i.address() + "." + nested.type(),
                    "The " + name + " block is not read: " + type + " has no such block (Terraform refuses it), and "
                    + "what it would set is not reviewed."));
        }
    }

    /** Blocks every resource may have; they change nothing a rule lets in. */
    private static final Set<String> META_BLOCKS = Set.of("lifecycle", "timeouts", "provisioner", "connection");

    /** The provider sends no port range for 0 (the documented way to say "all ports", or "all ICMP"). */
    private static boolean isUnsetPort(String arg, Object v) {
        return (arg.equals("port_range_min") || arg.equals("port_range_max"))
                && (v instanceof BigDecimal n && n.signum() == 0 || "0".equals(v));
    }

    /** Arguments the provider does not send when empty (the API's omitempty): "" is unset. */
    private static final Set<String> OMITTED_WHEN_EMPTY = Set.of("protocol", "remote_ip_prefix", "remote_group_id",
            "remote_address_group_id");

    /** Marks an argument whose evaluation failed (its problem is already reported). */
    static final Object NOT_EVALUATED = new Object();

    Object value(Attribute a, Instance i, String field, List<Problem> problems) {
        return value(a, i.bound(), field, problems);
    }

    Object value(Attribute a, Map<String, Object> bound, String field, List<Problem> problems) {
        try {
            Object v = config.evaluator().eval(a.value(), bound);
            Unknown u = Values.unknownIn(v);
            return u != null ? u : v;
        } catch (EvalException e) {
            problems.add(new Problem(Codes.NOT_READ, field, e.getMessage() + " (in " + a.text() + ")."));
            return NOT_EVALUATED;
        }
    }

    static JsonNode node(Object v) {
        if (v instanceof String s) {
            return JSON.textNode(s);
        }
        if (v instanceof BigDecimal n) {
            try {
                return JSON.numberNode(n.longValueExact());
            } catch (ArithmeticException e) {
                return JSON.numberNode(n);
            }
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (v instanceof List<?> list) {
            ArrayNode out = JSON.arrayNode();
            list.forEach(x -> out.add(node(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode out = JSON.objectNode();
            m.forEach((k, x) -> out.set((String) k, node(x)));
            return out;
        }
        return JSON.nullNode();
    }

    GroupOut groupById(String id) {
        return byId.get(id);
    }

    void fileProblem(Problem p) {
        fileProblems.add(p);
    }
}
