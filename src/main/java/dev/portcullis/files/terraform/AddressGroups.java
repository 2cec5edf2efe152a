package dev.portcullis.files.terraform;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.terraform.Configuration.Located;
import dev.portcullis.files.terraform.Resources.Instance;
import dev.portcullis.files.terraform.Syntax.Attribute;
import dev.portcullis.files.terraform.Values.Unknown;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The address groups of a configuration: each instance of {@code openstack_networking_address_group_v2}
 * (arguments {@code name}, {@code description}, {@code addresses}, {@code project_id}, {@code region}, as the
 * provider documents them) becomes an address group under the id its rules name it by (its {@code import}
 * block's, else the draft id of its address; see {@link Resources#id}). Its addresses are checked as Neutron's
 * address-group API checks them ({@link AddressGroupDraft#check()}: each a prefix with its length, none listed
 * twice, host bits cleared): an address group with a bad address is a problem naming the file, line and entry,
 * and is not read, nor is one whose name, description or addresses cannot be known offline.
 */
final class AddressGroups {

    static final String TYPE = "openstack_networking_address_group_v2";

    private static final Set<String> ARGS = Set.of("name", "description", "addresses", "project_id", "region");

    private final SecurityGroups reader;
    private final Configuration config;
    private final List<AddressGroup> read = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    AddressGroups(Configuration config, SecurityGroups reader) {
        this.config = config;
        this.reader = reader;
    }

    /** The address groups read, in the order of the files. */
    List<AddressGroup> read() {
        return read;
    }

    /** What is wrong with the address groups that were not read, or with arguments of those that were. */
    List<Problem> problems() {
        return problems;
    }

    void instance(Instance i) {
        Located l = i.source();
        List<Problem> found = new ArrayList<>();
        String name = null;
        String description = null;
        String projectId = null;
        List<String> addresses = null;
        int addressesLine = l.block().line();
        Attribute addressesAttribute = null;
        for (Attribute a : l.block().body().attributes()) {
            if (Resources.META.contains(a.name()) || a.name().equals("region")) {
                continue;
            }
            String field = l.at(a.line()) + " " + i.address() + "." + a.name();
            if (!ARGS.contains(a.name())) {
                found.add(new Problem(Codes.NOT_READ, field, "\"" + a.name() + "\" is not an argument of " + TYPE
                        + " that Portcullis reads."));
                continue;
            }
            Object v = reader.value(a, i, field, found);
            if (v == SecurityGroups.NOT_EVALUATED) {
                continue;
            }
            if (v instanceof Unknown u) {
                found.add(new Problem(Codes.UNKNOWN, field, u.message() + "; the address group " + i.address()
                        + " is not read."));
                continue;
            }
            try {
                switch (a.name()) {
                    case "name" -> name = v == null ? null : Values.string(v, a.line(), "name");
                    case "description" -> description = v == null ? null : Values.string(v, a.line(), "description");
                    case "project_id" -> projectId = v == null ? null : Values.string(v, a.line(), "project_id");
                    default -> {
                        addresses = strings(v, a.line());
                        addressesLine = a.line();
                        addressesAttribute = a;
                    }
                }
            } catch (Values.EvalException e) {
                found.add(new Problem(Codes.NOT_READ, field, e.getMessage() + "; the address group " + i.address()
                        + " is not read."));
            }
        }
        if (addresses == null && found.isEmpty()) {
            found.add(new Problem(Codes.NOT_READ, l.at(l.block().line()) + " " + i.address(), "An address group needs "
                    + "its addresses (the provider requires \"addresses\"); " + i.address() + " is not read."));
        }
        if (!found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        AddressGroupDraft.Checked checked = new AddressGroupDraft(name, description, addresses).check();
        for (Problem p : checked.problems()) {
            int line = p.field().startsWith("addresses[") ? elementLine(addressesAttribute, p.field(), addressesLine)
                    : lineOf(l, p.field());
            problems.add(new Problem(p.code(), l.at(line) + " " + i.address() + "." + p.field(), p.message()
                    + " The address group " + i.address() + " is not read."));
        }
        String id = (String) config.resources().id(TYPE, i.address());
        if (checked.valid() && !ids.add(id)) {
            problems.add(new Problem(Codes.NOT_READ, l.at(l.block().line()) + " " + i.address(), "Another address "
                    + "group of the configuration is imported with the id " + id + "; " + i.address() + " is not read."));
        } else if (checked.valid()) {
            read.add(new AddressGroup(id, projectId, name, description, checked.addresses()));
        }
    }

    /** The addresses: a list (or set) of strings. */
    private static List<String> strings(Object v, int line) {
        if (!(v instanceof List<?> list)) {
            throw new Values.EvalException(line, "\"addresses\" must be a list of prefixes, not " + Values.typeName(v));
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            out.add(Values.string(item, line, "an address"));
        }
        return out;
    }

    /** The line of {@code addresses[k]} where the list is written out element by element, else the argument's. */
    private static int elementLine(Attribute a, String field, int fallback) {
        if (a != null && a.value() instanceof Syntax.Tuple t) {
            int k = Integer.parseInt(field.substring("addresses[".length(), field.indexOf(']')));
            if (k < t.items().size()) {
                return t.items().get(k).line();
            }
        }
        return fallback;
    }

    private static int lineOf(Located l, String argument) {
        Attribute a = l.block().body().attribute(argument);
        return a != null ? a.line() : l.block().line();
    }
}
