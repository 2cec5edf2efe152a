package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;
import dev.portcullis.files.Hcl.Attribute;
import dev.portcullis.files.Hcl.Block;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Terraform configuration for the OpenStack provider back into definitions: what
 * {@link TerraformWriter} writes, and hand-written files in the same subset of HCL (see {@link Hcl}).
 * {@code openstack_networking_secgroup_v2} resources are groups, {@code openstack_networking_secgroup_rule_v2}
 * resources their rules, and {@code import} blocks give them their ids; a group without one is given its
 * resource address ({@code openstack_networking_secgroup_v2.web}) as id, a rule without one is a draft.
 * A group without {@code delete_default_rules = true} has the two egress rules Neutron adds, as Terraform
 * would leave it. {@code terraform} and {@code provider} blocks are skipped; other resources are noted
 * and skipped. A rule's description left out is null, as a null one is written by
 * leaving it out (a group's is empty, as Neutron has it). Groups and rules are then checked exactly as a definition file is, and every problem names
 * the resource and line it is about.
 */
public final class TerraformReader {

    /** A file that is not in the subset of HCL this reader takes. */
    public static final String SYNTAX = "TerraformSyntax";
    /** Something in the file this reader does not take (an unknown argument, a reference it cannot follow). */
    public static final String NOT_READ = "TerraformNotRead";

    private static final Set<String> GROUP_ARGS = Set.of("name", "description", "stateful", "delete_default_rules",
            "tags", "tenant_id", "region");
    private static final Set<String> RULE_ARGS = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "remote_address_group_id",
            "description", "tenant_id", "region");
    private static final Set<String> SKIPPED_BLOCKS = Set.of("terraform", "provider");

    public DefinitionReport read(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > DefinitionReader.MAX_BYTES) {
                return unusable(FileErrorCode.TOO_LARGE, file + " is larger than the "
                        + DefinitionReader.MAX_BYTES / (1024 * 1024) + " MiB a definition file may be.");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return read(text);
        } catch (NoSuchFileException e) {
            return unusable(FileErrorCode.UNREADABLE, file + " does not exist.");
        } catch (CharacterCodingException e) {
            return unusable(SYNTAX, file + " is not UTF-8 text, as Terraform files are.");
        } catch (IOException e) {
            return unusable(FileErrorCode.UNREADABLE, file + " cannot be read: " + e.getMessage());
        }
    }

    public DefinitionReport read(String text) {
        List<Block> blocks;
        try {
            blocks = Hcl.parse(text);
        } catch (Hcl.SyntaxException e) {
            return unusable(SYNTAX, "The Terraform file cannot be read at " + e.getMessage() + ".");
        }
        return new Reading().read(blocks);
    }

    private static DefinitionReport unusable(String code, String message) {
        return DefinitionReport.unusable(new Problem(code, "", message));
    }

    /** Where a group or rule came from: its resource address and the lines of its block and arguments. */
    private record Origin(String address, int line, Map<String, Integer> lines) {
        String field(String member) {
            String arg = member.equals("security_group_rules") ? "" : member;
            int at = lines.getOrDefault(arg, line);
            return address + (arg.isEmpty() ? "" : "." + arg) + " (line " + at + ")";
        }
    }

    private static final class Reading {
        private final JsonNodeFactory json = JsonNodeFactory.instance;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> notices = new ArrayList<>();
        private final Map<String, String> imports = new HashMap<>();
        private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
        private final Map<String, String> groupIds = new HashMap<>();
        private final List<Origin> groupOrigins = new ArrayList<>();
        private final Map<String, List<Origin>> ruleOrigins = new HashMap<>();

        DefinitionReport read(List<Block> blocks) {
            for (Block b : blocks) {
                if (b.type().equals("import")) {
                    importBlock(b);
                }
            }
            List<Block> rules = new ArrayList<>();
            for (Block b : blocks) {
                if (b.type().equals("resource") && b.labels().size() == 2) {
                    switch (b.labels().get(0)) {
                        case TerraformWriter.GROUP_TYPE -> group(b);
                        case TerraformWriter.RULE_TYPE -> rules.add(b);
                        default -> notices.add(new Problem(NOT_READ, "line " + b.line(), "The resource "
                                + b.labels().get(0) + "." + b.labels().get(1) + " is not a security group or rule; "
                                + "it was not read."));
                    }
                } else if (b.type().equals("resource")) {
                    problems.add(new Problem(SYNTAX, "line " + b.line(), "A resource block needs two labels: "
                            + "its type and its name."));
                } else if (!b.type().equals("import") && !SKIPPED_BLOCKS.contains(b.type())) {
                    problems.add(new Problem(NOT_READ, "line " + b.line(), "\"" + b.type() + "\" blocks are not "
                            + "read; the file may hold resource, import, terraform and provider blocks."));
                }
            }
            rules.forEach(this::rule);
            groups.forEach((address, group) -> {
                if (!group.path("delete_default_rules").asBoolean(false)) {
                    addDefaultEgress(address, group);
                }
                group.remove("delete_default_rules");
            });
            if (!problems.isEmpty()) {
                return new DefinitionReport(problems, List.of(), List.of(), List.of(), notices, Originals.NONE);
            }
            ObjectNode root = json.objectNode();
            ArrayNode list = root.putArray("security_groups");
            groups.values().forEach(list::add);
            byte[] bytes;
            try {
                bytes = new ObjectMapper().writeValueAsBytes(root);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return located(new DefinitionReader().read(bytes));
        }

        private void importBlock(Block b) {
            Hcl.Value to = argument(b, "to");
            Hcl.Value id = argument(b, "id");
            if (to instanceof Hcl.Reference r && id instanceof Hcl.Text t) {
                imports.put(r.text(), t.value());
            } else {
                problems.add(new Problem(NOT_READ, "line " + b.line(), "An import block needs \"to\" (a resource "
                        + "address) and \"id\" (a string)."));
            }
        }

        private static Hcl.Value argument(Block b, String name) {
            return b.attributes().stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst()
                    .orElse(null);
        }

        private void group(Block b) {
            String address = TerraformWriter.GROUP_TYPE + "." + b.labels().get(1);
            if (groups.containsKey(address)) {
                problems.add(new Problem(NOT_READ, "line " + b.line(), address + " is defined twice."));
                return;
            }
            String id = imports.getOrDefault(address, address);
            ObjectNode group = json.objectNode();
            group.put("id", id);
            Map<String, Integer> lines = new HashMap<>();
            for (Attribute a : b.attributes()) {
                lines.put(a.name(), a.line());
                if (!GROUP_ARGS.contains(a.name())) {
                    unknown(address, a);
                } else if (a.name().equals("tenant_id")) {
                    group.set("project_id", node(address, a));
                } else if (!a.name().equals("region")) {
                    group.set(a.name(), node(address, a));
                }
            }
            group.putArray("security_group_rules");
            groups.put(address, group);
            groupIds.put(address, id);
            groupOrigins.add(new Origin(address, b.line(), lines));
        }

        private void rule(Block b) {
            String address = TerraformWriter.RULE_TYPE + "." + b.labels().get(1);
            ObjectNode rule = json.objectNode();
            if (imports.containsKey(address)) {
                rule.put("id", imports.get(address));
            }
            Map<String, Integer> lines = new HashMap<>();
            String owner = null;
            for (Attribute a : b.attributes()) {
                lines.put(a.name(), a.line());
                if (!RULE_ARGS.contains(a.name())) {
                    unknown(address, a);
                } else if (a.name().equals("security_group_id")) {
                    owner = groupAddress(address, a);
                } else if (a.name().equals("remote_group_id") && a.value() instanceof Hcl.Reference) {
                    String target = groupAddress(address, a);
                    if (target != null) {
                        rule.put("remote_group_id", groupIds.get(target));
                    }
                } else if (!a.name().equals("tenant_id") && !a.name().equals("region")) {
                    rule.set(a.name(), node(address, a));
                }
            }
            if (!rule.has("description")) {
                rule.putNull("description");
            }
            if (owner == null) {
                if (!lines.containsKey("security_group_id")) {
                    problems.add(new Problem(NOT_READ, address + " (line " + b.line() + ")",
                            "The rule has no security_group_id: which group is it in?"));
                }
                return;
            }
            ArrayNode list = (ArrayNode) groups.get(owner).get("security_group_rules");
            ruleOrigins.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Origin(address, b.line(), lines));
            list.add(rule);
        }

        /** The group a reference or an id names, or null (with a problem) when it is not in the file. */
        private String groupAddress(String address, Attribute a) {
            if (a.value() instanceof Hcl.Reference r) {
                List<String> parts = r.parts();
                String target = parts.size() == 3 ? parts.get(0) + "." + parts.get(1) : null;
                if (target != null && parts.get(2).equals("id") && groups.containsKey(target)) {
                    return target;
                }
                problems.add(new Problem(NOT_READ, address + "." + a.name() + " (line " + a.line() + ")",
                        r.text() + " is not the id of a group in this file (write "
                                + TerraformWriter.GROUP_TYPE + ".NAME.id)."));
                return null;
            }
            if (a.value() instanceof Hcl.Text t) {
                for (Map.Entry<String, String> e : groupIds.entrySet()) {
                    if (e.getValue().equals(t.value())) {
                        return e.getKey();
                    }
                }
                problems.add(new Problem(NOT_READ, address + "." + a.name() + " (line " + a.line() + ")",
                        "No group in this file has the id " + t.value() + "."));
                return null;
            }
            problems.add(new Problem(NOT_READ, address + "." + a.name() + " (line " + a.line() + ")",
                    "The group must be a reference such as " + TerraformWriter.GROUP_TYPE + ".NAME.id."));
            return null;
        }

        private void unknown(String address, Attribute a) {
            problems.add(new Problem(NOT_READ, address + "." + a.name() + " (line " + a.line() + ")",
                    "\"" + a.name() + "\" is not an argument of this resource that Portcullis reads."));
        }

        private JsonNode node(String address, Attribute a) {
            Hcl.Value v = a.value();
            if (v instanceof Hcl.Text t) {
                return json.textNode(t.value());
            }
            if (v instanceof Hcl.Number n) {
                return json.numberNode(n.value());
            }
            if (v instanceof Hcl.Bool b) {
                return json.booleanNode(b.value());
            }
            if (v instanceof Hcl.Null) {
                return json.nullNode();
            }
            if (v instanceof Hcl.ListValue l) {
                ArrayNode items = json.arrayNode();
                l.items().forEach(item -> items.add(node(address, new Attribute(a.name(), item, item.line()))));
                return items;
            }
            problems.add(new Problem(NOT_READ, address + "." + a.name() + " (line " + a.line() + ")",
                    "References are not read here: write the value itself."));
            return json.nullNode();
        }

        /** Neutron's two egress rules, which stay on a group Terraform creates without delete_default_rules. */
        private void addDefaultEgress(String address, ObjectNode group) {
            ArrayNode rules = (ArrayNode) group.get("security_group_rules");
            for (String etherType : List.of("IPv4", "IPv6")) {
                boolean present = false;
                for (JsonNode r : rules) {
                    present |= "egress".equals(r.path("direction").asText()) && etherType.equals(r.path("ethertype")
                            .asText()) && r.path("protocol").isMissingNode() && r.path("port_range_min").isMissingNode()
                            && r.path("remote_ip_prefix").isMissingNode() && r.path("remote_group_id").isMissingNode();
                }
                if (!present) {
                    ObjectNode egress = rules.addObject();
                    egress.put("direction", "egress");
                    egress.put("ethertype", etherType);
                    egress.putNull("description");
                    Origin origin = groupOrigins.stream().filter(o -> o.address().equals(address)).findFirst()
                            .orElseThrow();
                    ruleOrigins.computeIfAbsent(address, k -> new ArrayList<>()).add(new Origin(
                            address + " (Neutron's default " + etherType + " egress rule)", origin.line(), Map.of()));
                }
            }
        }

        /** The report with every JSON path replaced by the resource and line it came from. */
        private DefinitionReport located(DefinitionReport report) {
            List<GroupReport> located = new ArrayList<>();
            List<String> addresses = new ArrayList<>(groups.keySet());
            for (GroupReport g : report.groups()) {
                Origin origin = groupOrigins.get(g.index());
                List<Origin> rules = ruleOrigins.getOrDefault(addresses.get(g.index()), List.of());
                List<RuleReport> ruleReports = g.rules().stream().map(r -> new RuleReport(r.index(),
                        rules.get(r.index()).address(), r.id(), r.rule(),
                        locate(r.problems(), r.path(), rules.get(r.index())))).toList();
                located.add(new GroupReport(g.index(), origin.address(), g.id(), g.name(), g.description(),
                        g.stateful(), g.shared(), g.projectId(), g.revision(), g.tags(), g.createdAt(), g.updatedAt(),
                        locate(g.problems(), g.path(), origin), ruleReports));
            }
            List<Problem> notes = new ArrayList<>(notices);
            report.notices().forEach(n -> notes.add(new Problem(n.code(), locateField(n.field(), addresses), n.message())));
            return new DefinitionReport(report.fileProblems(), located, report.ports(), report.portProblems(), notes,
                    Originals.NONE);
        }

        private String locateField(String field, List<String> addresses) {
            for (int i = 0; i < addresses.size(); i++) {
                String prefix = "security_groups[" + i + "].";
                List<Origin> rules = ruleOrigins.getOrDefault(addresses.get(i), List.of());
                for (int j = 0; j < rules.size(); j++) {
                    String rulePrefix = prefix + "security_group_rules[" + j + "]";
                    if (field.startsWith(rulePrefix)) {
                        return rules.get(j).field(field.substring(rulePrefix.length()).replaceFirst("^\\.", ""));
                    }
                }
                if (field.startsWith(prefix)) {
                    return groupOrigins.get(i).field(field.substring(prefix.length()));
                }
            }
            return field;
        }

        private static List<Problem> locate(List<Problem> problems, String path, Origin origin) {
            return problems.stream().map(p -> {
                String member = p.field().startsWith(path) ? p.field().substring(path.length()) : p.field();
                member = member.startsWith(".") ? member.substring(1) : member;
                return new Problem(p.code(), origin.field(member), p.message());
            }).toList();
        }
    }
}
