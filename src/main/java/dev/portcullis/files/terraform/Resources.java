package dev.portcullis.files.terraform;

import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.terraform.Configuration.Located;
import dev.portcullis.files.terraform.Syntax.Attribute;
import dev.portcullis.files.terraform.Syntax.Block;
import dev.portcullis.files.terraform.Syntax.Expr;
import dev.portcullis.files.terraform.Values.EvalException;
import dev.portcullis.files.terraform.Values.Unknown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources of a {@link Configuration}: their instances as Terraform makes them ({@code count} gives
 * {@code type.name[0]}, {@code for_each} gives {@code type.name["key"]}), the ids the {@code import} blocks
 * give them, and their values when another expression refers to them: the arguments set in the
 * configuration, and an {@code id} (the imported id, else the draft id of a group; the ids of anything
 * else are known only once Terraform has created it).
 */
public final class Resources {

    /** Resource types whose instances are security groups, named by their draft id when not imported. */
    public static final Set<String> GROUP_TYPES = Set.of("openstack_networking_secgroup_v2",
            "openstack_compute_secgroup_v2");
    /** Resource types whose instances the rules name by their draft id when not imported: groups, address groups. */
    private static final Set<String> DRAFT_TYPES = Set.of("openstack_networking_secgroup_v2",
            "openstack_compute_secgroup_v2", AddressGroups.TYPE);
    /** Arguments that are Terraform's, not the resource's. */
    public static final Set<String> META = Set.of("count", "for_each", "depends_on", "provider", "lifecycle");

    /** One instance of a resource: its address and what {@code count.index} or {@code each} is in it. */
    public record Instance(String address, Located source, Map<String, Object> bound) {
    }

    /** The instances of a resource, or the unknown value that its count or for_each depends on. */
    public record Expansion(List<Instance> instances, Unknown unknown, int line) {
    }

    private final Configuration config;
    private final Map<String, Located> declared = new LinkedHashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private Map<String, String> importIds;

    Resources(Configuration config) {
        this.config = config;
    }

    void declare(Located l) {
        Block b = l.block();
        if (b.labels().size() != 2) {
            config.problems().add(new Problem(Codes.SYNTAX, l.at(b.line()), "A resource block needs two labels: its "
                    + "type and its name."));
            return;
        }
        String address = b.labels().get(0) + "." + b.labels().get(1);
        if (declared.putIfAbsent(address, l) != null) {
            config.problems().add(new Problem(Codes.NOT_READ, l.at(b.line()) + " " + address, address
                    + " is declared twice."));
        }
    }

    /** Every resource block, by address, in the order of the files. */
    public Map<String, Located> declared() {
        return declared;
    }

    /** The instances of a resource. */
    public Expansion expand(String address, Located l) {
        Block b = l.block();
        Attribute count = b.body().attribute("count");
        Attribute forEach = b.body().attribute("for_each");
        Evaluator ev = config.evaluator();
        List<Instance> out = new ArrayList<>();
        if (count != null && forEach != null) {
            throw new EvalException(count.line(), "a resource cannot have both count and for_each");
        }
        if (count != null) {
            Object n = ev.eval(count.value(), Map.of());
            if (n instanceof Unknown u) {
                return new Expansion(List.of(), u, count.line());
            }
            int times = Values.integer(n, count.line(), "count");
            for (int i = 0; i < times; i++) {
                out.add(new Instance(address + "[" + i + "]", l, Map.of("count", Map.of("index", BigDecimal.valueOf(i)))));
            }
        } else if (forEach != null) {
            Object each = ev.eval(forEach.value(), Map.of());
            Unknown u = each instanceof Unknown x ? x : each instanceof List<?> ? Values.unknownIn(each) : null;
            if (u != null) {
                return new Expansion(List.of(), u, forEach.line());
            }
            if (each instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.add(instance(address, l, (String) k, v)));
            } else if (each instanceof List<?> list) {
                for (Object item : Values.set(new ArrayList<>(list))) {
                    String key = Values.string(item, forEach.line(), "an element of a for_each set");
                    out.add(instance(address, l, key, key));
                }
            } else {
                throw new EvalException(forEach.line(), "for_each needs a map or a set of strings, not "
                        + Values.typeName(each));
            }
        } else {
            out.add(new Instance(address, l, Map.of()));
        }
        return new Expansion(out, null, b.line());
    }

    private static Instance instance(String address, Located l, String key, Object value) {
        Map<String, Object> each = new HashMap<>();
        each.put("key", key);
        each.put("value", value);
        return new Instance(address + "[\"" + key + "\"]", l, Map.of("each", each));
    }

    /** {@code type.name}: the resource's value (an object, a list of them for count, a map for for_each). */
    Object reference(String type, String name, int line) {
        String address = type + "." + name;
        Located l = declared.get(address);
        if (l == null) {
            throw new EvalException(line, type.contains("_") ? "there is no resource " + address
                    + " in this configuration" : "\"" + type + "\" is not defined here");
        }
        if (values.containsKey(address)) {
            return values.get(address);
        }
        if (!inProgress.add(address)) {
            throw new EvalException(line, address + " refers to itself");
        }
        try {
            Expansion x = expand(address, l);
            Object value;
            if (x.unknown() != null) {
                value = new Unknown(address, "depends on " + x.unknown().what() + ", which " + x.unknown().why());
            } else if (l.block().body().attribute("count") != null) {
                List<Object> list = new ArrayList<>();
                x.instances().forEach(i -> list.add(object(i)));
                value = list;
            } else if (l.block().body().attribute("for_each") != null) {
                Map<String, Object> map = Values.newMap();
                x.instances().forEach(i -> map.put((String) ((Map<?, ?>) i.bound().get("each")).get("key"), object(i)));
                value = map;
            } else {
                value = object(x.instances().get(0));
            }
            values.put(address, value);
            return value;
        } finally {
            inProgress.remove(address);
        }
    }

    /** An instance as other resources see it: the arguments the configuration sets, and its id. */
    private Map<String, Object> object(Instance i) {
        Map<String, Object> out = Values.newMap();
        for (Attribute a : i.source().block().body().attributes()) {
            if (META.contains(a.name())) {
                continue;
            }
            try {
                out.put(a.name(), config.evaluator().eval(a.value(), i.bound()));
            } catch (EvalException e) {
                out.put(a.name(), new Unknown(i.address() + "." + a.name(), "cannot be evaluated: " + e.getMessage()));
            }
        }
        out.putIfAbsent("id", id(i.source().block().labels().get(0), i.address()));
        return out;
    }

    /**
     * The id of an instance: its import block's, else a group's or address group's draft id (so that rules can
     * point at them before they exist), else known only after apply.
     */
    public Object id(String type, String address) {
        String imported = importIds().get(address);
        if (imported != null) {
            return imported;
        }
        if (DRAFT_TYPES.contains(type)) {
            return DraftIds.group(address);
        }
        return new Unknown(address + ".id", "is made when Terraform creates the resource: it cannot be known offline");
    }

    /** The id an import block gives an address, or null. */
    public String importId(String address) {
        return importIds().get(address);
    }

    private Map<String, String> importIds() {
        if (importIds != null) {
            return importIds;
        }
        importIds = new HashMap<>();
        for (Located l : config.blocks()) {
            Block b = l.block();
            if (!b.type().equals("import")) {
                continue;
            }
            Attribute to = b.body().attribute("to");
            Attribute id = b.body().attribute("id");
            try {
                if (to == null || id == null) {
                    throw new EvalException(b.line(), "an import block needs \"to\" (a resource address) and \"id\"");
                }
                Object value = config.evaluator().eval(id.value(), Map.of());
                if (value instanceof Unknown u) {
                    config.problems().add(new Problem(Codes.UNKNOWN, l.at(id.line()) + " import.id", u.message()));
                    continue;
                }
                importIds.put(address(to.value()), Values.string(value, id.line(), "an import id"));
            } catch (EvalException e) {
                config.problems().add(new Problem(Codes.NOT_READ, l.at(e.line()) + " import", e.getMessage() + "."));
            }
        }
        return importIds;
    }

    /** The address an import's {@code to} names: {@code type.name}, {@code type.name[0]}, {@code type.name["k"]}. */
    private String address(Expr e) {
        if (e instanceof Syntax.GetAttr g && g.object() instanceof Syntax.Variable v) {
            return v.name() + "." + g.name();
        }
        if (e instanceof Syntax.Index i) {
            Object key = config.evaluator().eval(i.key(), Map.of());
            return address(i.object()) + "[" + (key instanceof String s ? "\"" + s + "\"" : Values.show(key)) + "]";
        }
        throw new EvalException(e.line(), "\"to\" must be a resource address");
    }
}
