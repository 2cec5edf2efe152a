package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Raw;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.Validation;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a definition file: the JSON Neutron answers to {@code GET /v2.0/security-groups} (or one group
 * from {@code GET /v2.0/security-groups/ID}), optionally with {@code ports}. Reading is as lenient as
 * Neutron ({@code "22"} is a port, {@code "TCP"} a protocol) and as strict: every problem is reported with
 * its JSON path, and a member it does not know is reported, never dropped in silence. What
 * {@code openstack security group show -f json} and {@code list -f json} print is read too.
 */
public final class DefinitionReader {

    /** Files larger than this are refused before reading. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** How deeply JSON may nest; a Neutron document needs 5 levels. */
    public static final int MAX_DEPTH = 64;
    /** The marker of files Portcullis wrote. */
    public static final String FORMAT = "portcullis/1";

    private static final Set<String> ROOT_MEMBERS = Set.of("security_groups", "security_group", "ports", "format",
            "security_groups_links");
    static final Set<String> GROUP_MEMBERS = Set.of("id", "name", "description", "stateful", "shared",
            "tenant_id", "project_id", "security_group_rules", "tags", "created_at", "updated_at", "revision_number");
    private static final Set<String> PORT_MEMBERS = Set.of("id", "name", "network_id", "tenant_id", "project_id",
            "mac_address", "admin_state_up", "status", "device_id", "device_owner", "fixed_ips",
            "allowed_address_pairs", "extra_dhcp_opts", "security_groups", "description", "port_security_enabled",
            "binding:host_id", "binding:vif_type", "binding:vif_details", "binding:vnic_type", "binding:profile",
            "dns_name", "dns_assignment", "dns_domain", "qos_policy_id", "qos_network_policy_id", "tags",
            "created_at", "updated_at", "revision_number", "standard_attr_id", "ip_allocation", "data_plane_status",
            "propagate_uplink_status", "resource_request", "mac_learning_enabled", "numa_affinity_policy",
            "device_profile", "hints", "trunk_details");

    private final ObjectMapper mapper;
    /** For the pass that finds lines: the document has been parsed whole by then, so no duplicate detection. */
    private final JsonFactory lines = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

    public DefinitionReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads a file; never throws for what is in it or for a file that cannot be read. */
    public DefinitionReport read(Path file) {
        if (Files.isDirectory(file)) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "",
                    file + " is a folder, not a definition file."));
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                return tooLarge(file + " is " + (Files.size(file) / (1024 * 1024)) + " MiB");
            }
            // Pipes and devices have no size to check first: read at most one byte past the limit.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                return tooLarge(file + " is larger than that");
            }
            return read(bytes, file);
        } catch (NoSuchFileException e) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", file + " does not exist."));
        } catch (AccessDeniedException e) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "",
                    file + " cannot be read: you do not have permission to read it."));
        } catch (IOException e) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "",
                    file + " cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage())));
        }
    }

    private static DefinitionReport tooLarge(String what) {
        return DefinitionReport.unusable(new Problem(FileErrorCode.TOO_LARGE, "",
                what + "; definition files of up to " + (MAX_BYTES / (1024 * 1024)) + " MiB are read."));
    }

    /** Reads definitions that come from no file: the lines of its groups and rules have a null file. */
    public DefinitionReport read(byte[] json) {
        return read(json, null);
    }

    /**
     * Reads the bytes of {@code file}: the report's {@link DefinitionReport#locations() locations} give the
     * line of each group and rule in that file (a null file when the bytes come from none).
     */
    public DefinitionReport read(byte[] json, Path file) {
        if (json.length > MAX_BYTES) {
            return tooLarge("The definitions are " + (json.length / (1024 * 1024)) + " MiB");
        }
        if (new String(json, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.EMPTY, "",
                    "The file is empty: a definition file holds Neutron's answer to GET /v2.0/security-groups."));
        }
        JsonNode root;
        try (JsonParser parser = mapper.createParser(json)) {
            root = mapper.readTree(parser);
        } catch (StreamConstraintsException e) {
            return DefinitionReport.unusable(limit(e));
        } catch (JsonProcessingException e) {
            return DefinitionReport.unusable(new Problem(duplicate(e) ? FileErrorCode.DUPLICATE_MEMBER
                    : FileErrorCode.MALFORMED_JSON, "", describe(e)));
        } catch (IOException e) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", e.getMessage()));
        }
        List<Problem> cliNotices = List.of();
        JsonSourceLines.Shape shape = JsonSourceLines.Shape.NEUTRON;
        if (root != null) {
            java.util.Optional<OpenStackCliJson.Converted> cli = OpenStackCliJson.convert(root);
            if (cli.isPresent()) {
                shape = root.isArray() ? JsonSourceLines.Shape.CLI_LIST : JsonSourceLines.Shape.CLI_SHOW;
                root = cli.get().root();
                cliNotices = cli.get().notices();
            }
        }
        if (root == null || !root.isObject()) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.WRONG_SHAPE, "",
                    "The file must hold a JSON object with \"security_groups\", as Neutron answers "
                            + "GET /v2.0/security-groups (or what openstack security group show/list -f json prints)."));
        }
        Parse parse = new Parse();
        parse.notices.addAll(cliNotices);
        return parse.root(root).withLocations(JsonSourceLines.of(lines, json, shape, file));
    }

    /** Which of the parser's limits was hit, in words. */
    private static Problem limit(StreamConstraintsException e) {
        String what = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        if (what.contains("nesting")) {
            return new Problem(FileErrorCode.TOO_DEEP, "", "The JSON nests deeper than " + MAX_DEPTH
                    + " levels" + where + "; a definition file needs about 5.");
        }
        if (what.contains("number")) {
            return new Problem(FileErrorCode.VALUE_TOO_LONG, "", "A number in the file is written with more digits "
                    + "than any definition needs" + where + ".");
        }
        return new Problem(FileErrorCode.VALUE_TOO_LONG, "", "A value in the file is longer than the reader takes"
                + where + ": " + e.getOriginalMessage());
    }

    private static boolean duplicate(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    }

    private static String describe(JsonProcessingException e) {
        String what = String.valueOf(e.getOriginalMessage());
        if (what.startsWith("Duplicate field")) {
            what = "the member " + what.substring("Duplicate field ".length()) + " appears twice in one object";
        }
        // Jackson adds where it started reading and its own settings; the line and column say enough.
        what = what.replaceAll("\\s*\\(start marker at .*", "").replaceAll("\\s*\\n.*", "").strip();
        if (e.getLocation() != null) {
            return "The file is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + what;
        }
        return "The file is not valid JSON: " + what;
    }

    /** One reading of one document. */
    private static final class Parse {
        private final List<Problem> fileProblems = new ArrayList<>();
        private final List<Problem> portProblems = new ArrayList<>();
        private final List<Problem> notices = new ArrayList<>();
        private final Originals.Builder originals = new Originals.Builder();

        DefinitionReport root(JsonNode root) {
            unknownMembers(root, ROOT_MEMBERS, "", fileProblems);
            JsonNode format = root.get("format");
            if (format != null && !FORMAT.equals(format.asText(null))) {
                fileProblems.add(new Problem(FileErrorCode.UNSUPPORTED_FORMAT, "format",
                        "The format " + format + " is not one this version reads (it reads " + FORMAT + ")."));
            }
            List<JsonNode> groupNodes = new ArrayList<>();
            String groupsPath;
            if (root.has("security_groups")) {
                groupsPath = "security_groups";
                JsonNode groups = root.get("security_groups");
                if (groups.isArray()) {
                    groups.forEach(groupNodes::add);
                } else {
                    fileProblems.add(new Problem(FileErrorCode.WRONG_SHAPE, "security_groups",
                            "\"security_groups\" must be a list of groups."));
                }
                if (root.has("security_group")) {
                    fileProblems.add(new Problem(FileErrorCode.WRONG_SHAPE, "security_group",
                            "Give either \"security_groups\" (a list) or \"security_group\" (one group), not both."));
                }
            } else if (root.has("security_group")) {
                groupsPath = "security_group";
                groupNodes.add(root.get("security_group"));
            } else {
                groupsPath = "security_groups";
                fileProblems.add(new Problem(FileErrorCode.WRONG_SHAPE, "security_groups",
                        "The file has no \"security_groups\": it should look like Neutron's answer to "
                                + "GET /v2.0/security-groups."));
            }

            Set<String> knownIds = new HashSet<>();
            for (JsonNode g : groupNodes) {
                JsonNode id = g.get("id");
                if (id != null && id.isTextual()) {
                    knownIds.add(id.textValue());
                }
            }
            GroupReferences references = new GroupReferences(groupNodes, knownIds);
            List<GroupReport> groups = new ArrayList<>();
            Set<String> seenIds = new HashSet<>();
            for (int i = 0; i < groupNodes.size(); i++) {
                String path = groupsPath.equals("security_group") ? "security_group" : groupsPath + "[" + i + "]";
                groups.add(group(i, path, groupNodes.get(i), references, seenIds));
            }
            List<Port> ports = ports(root.get("ports"), knownIds);
            DefinitionReport report = new DefinitionReport(fileProblems, groups, ports, portProblems, notices,
                    Originals.NONE);
            keepOriginals(report, groupNodes, root.get("ports"));
            return new DefinitionReport(fileProblems, groups, ports, portProblems, notices, originals.build());
        }

        /** Records each valid entity's object with its projection, so a rewrite keeps what it does not model. */
        private void keepOriginals(DefinitionReport report, List<JsonNode> groupNodes, JsonNode portNodes) {
            for (GroupReport g : report.groups()) {
                g.group().ifPresent(group -> {
                    JsonNode node = groupNodes.get(g.index());
                    originals.group(group.id(), node, NeutronJson.group(group));
                    JsonNode ruleNodes = node.get("security_group_rules");
                    for (RuleReport r : g.rules()) {
                        if (r.id() != null) {
                            originals.rule(r.id(), ruleNodes.get(r.index()),
                                    NeutronJson.rule(r.rule().withId(r.id()), group));
                        }
                    }
                });
            }
            if (portNodes != null && portNodes.isArray()) {
                for (Port port : report.ports()) {
                    for (JsonNode node : portNodes) {
                        if (port.id().equals(node.path("id").asText(null))) {
                            originals.port(port.id(), node, NeutronJson.port(port));
                        }
                    }
                }
            }
        }

        private GroupReport group(int index, String path, JsonNode node, GroupReferences references, Set<String> seenIds) {
            Set<String> knownIds = references.known;
            List<Problem> problems = new ArrayList<>();
            if (!node.isObject()) {
                problems.add(new Problem(FileErrorCode.WRONG_SHAPE, path, "A group must be a JSON object."));
                return new GroupReport(index, path, null, null, null, true, false, null, 0, List.of(), null, null,
                        problems, List.of());
            }
            String prefix = path + ".";
            unknownMembers(node, GROUP_MEMBERS, prefix, problems);
            String givenId = text(node, "id", prefix, problems);
            String id = givenId != null ? givenId : references.draftIds.get(index);
            if (givenId != null && !seenIds.add(id)) {
                problems.add(new Problem(FileErrorCode.DUPLICATE_ID, prefix + "id",
                        "Another group in this file has the id " + id + "."));
            }
            Map<String, Raw> members = JsonValues.members(node);
            Validation.GroupFields fields = Validation.groupFields(members, givenId == null);
            fields.problems().forEach(p -> problems.add(p.under(prefix)));
            String projectId = text(node, "project_id", prefix, problems);
            if (projectId == null) {
                projectId = text(node, "tenant_id", prefix, problems);
            }
            boolean shared = bool(node, "shared", prefix, problems);
            long revision = integer(node, "revision_number", prefix, problems);
            List<String> tags = strings(node, "tags", prefix, problems);
            Instant created = instant(node, "created_at", prefix, problems);
            Instant updated = instant(node, "updated_at", prefix, problems);

            List<RuleReport> rules = new ArrayList<>();
            JsonNode ruleNodes = node.get("security_group_rules");
            if (ruleNodes != null && !ruleNodes.isNull()) {
                if (!ruleNodes.isArray()) {
                    problems.add(new Problem(FileErrorCode.WRONG_SHAPE, prefix + "security_group_rules",
                            "\"security_group_rules\" must be a list of rules."));
                } else {
                    for (int j = 0; j < ruleNodes.size(); j++) {
                        rules.add(rule(j, prefix + "security_group_rules[" + j + "]",
                                references.resolve(ruleNodes.get(j)), givenId));
                    }
                }
            }
            List<Rule> valid = rules.stream().map(r -> r.valid() ? r.rule().withId(r.id()) : null).toList();
            for (RuleReport r : rules) {
                String remote = r.valid() ? r.rule().remoteGroupId() : null;
                if (r.id() != null && remote != null && !remote.equals(id) && !knownIds.contains(remote)) {
                    notices.add(new Problem(ErrorCode.GROUP_NOT_FOUND, r.path() + ".remote_group_id",
                            "This rule allows traffic from the members of group " + remote + ", which is not "
                                    + "in this file (shared from another project, or left out of the list)."));
                }
            }
            Map<Integer, List<Problem>> setProblems = Validation.ruleSet(valid, id, knownIds);
            if (!setProblems.isEmpty()) {
                List<RuleReport> withSet = new ArrayList<>();
                for (RuleReport r : rules) {
                    List<Problem> extra = setProblems.get(r.index());
                    if (extra == null) {
                        withSet.add(r);
                    } else {
                        List<Problem> all = new ArrayList<>(r.problems());
                        extra.forEach(p -> all.add(p.under(r.path() + ".")));
                        // The rule itself could be read; only its place among the others is refused.
                        withSet.add(new RuleReport(r.index(), r.path(), r.id(), r.rule(), all));
                    }
                }
                rules = withSet;
            }
            return new GroupReport(index, path, id, fields.name(), fields.description(), fields.stateful(), shared,
                    projectId, revision, tags, created, updated, problems, rules);
        }

        private RuleReport rule(int index, String path, JsonNode node, String groupId) {
            List<Problem> problems = new ArrayList<>();
            if (!node.isObject()) {
                problems.add(new Problem(FileErrorCode.WRONG_SHAPE, path, "A rule must be a JSON object."));
                return new RuleReport(index, path, null, null, problems);
            }
            String prefix = path + ".";
            unknownMembers(node, Validation.knownRuleMembers(), prefix, problems);
            String id = text(node, "id", prefix, problems);
            String ownerId = text(node, "security_group_id", prefix, problems);
            if (ownerId != null && groupId != null && !ownerId.equals(groupId)) {
                problems.add(new Problem(FileErrorCode.RULE_IN_WRONG_GROUP, prefix + "security_group_id",
                        "This rule says it belongs to group " + ownerId + " but it is listed in group "
                                + groupId + "."));
            }
            Validation.RuleResult result = Validation.rule(JsonValues.members(node));
            result.problems().forEach(p -> problems.add(p.under(prefix)));
            return new RuleReport(index, path, id, problems.isEmpty() ? result.rule() : null, problems);
        }

        private List<Port> ports(JsonNode node, Set<String> knownGroupIds) {
            List<Port> ports = new ArrayList<>();
            if (node == null || node.isNull()) {
                return ports;
            }
            if (!node.isArray()) {
                portProblems.add(new Problem(FileErrorCode.WRONG_SHAPE, "ports", "\"ports\" must be a list."));
                return ports;
            }
            for (int i = 0; i < node.size(); i++) {
                String prefix = "ports[" + i + "].";
                JsonNode p = node.get(i);
                if (!p.isObject()) {
                    portProblems.add(new Problem(FileErrorCode.WRONG_SHAPE, "ports[" + i + "]",
                            "An interface must be a JSON object."));
                    continue;
                }
                List<Problem> problems = new ArrayList<>();
                // Neutron ports carry many attributes we do not use; they are reported, not refused.
                unknownMembers(p, PORT_MEMBERS, prefix, notices);
                String id = text(p, "id", prefix, problems);
                if (id == null) {
                    problems.add(new Problem(FileErrorCode.WRONG_SHAPE, prefix + "id", "An interface needs an id."));
                }
                List<String> groups = strings(p, "security_groups", prefix, problems);
                for (int k = 0; k < groups.size(); k++) {
                    if (!knownGroupIds.contains(groups.get(k))) {
                        problems.add(new Problem(ErrorCode.GROUP_NOT_FOUND, prefix + "security_groups[" + k + "]",
                                "The interface uses group " + groups.get(k) + ", which is not in this file."));
                    }
                }
                List<String> ips = new ArrayList<>();
                JsonNode fixed = p.get("fixed_ips");
                if (fixed != null && fixed.isArray()) {
                    for (JsonNode ip : fixed) {
                        JsonNode address = ip.get("ip_address");
                        if (address != null && address.isTextual()) {
                            ips.add(address.textValue());
                        }
                    }
                }
                String name = text(p, "name", prefix, problems);
                String deviceId = text(p, "device_id", prefix, problems);
                String deviceOwner = text(p, "device_owner", prefix, problems);
                if (problems.isEmpty()) {
                    ports.add(new Port(id, name, deviceId, deviceOwner, ips, groups));
                }
                portProblems.addAll(problems);
            }
            return ports;
        }

        private static void unknownMembers(JsonNode node, Set<String> known, String prefix, List<Problem> out) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    out.add(new Problem(ErrorCode.UNRECOGNIZED_ATTRIBUTE, prefix + name,
                            "\"" + name + "\" is not a member Neutron knows here; it was not read."));
                }
            });
        }

        private static String text(JsonNode node, String name, String prefix, List<Problem> problems) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name, "\"" + name + "\" must be text."));
                return null;
            }
            return v.textValue();
        }

        private static boolean bool(JsonNode node, String name, String prefix, List<Problem> problems) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name,
                        "\"" + name + "\" must be true or false."));
                return false;
            }
            return v.booleanValue();
        }

        private static long integer(JsonNode node, String name, String prefix, List<Problem> problems) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return 0;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name,
                        "\"" + name + "\" must be a whole number from 0 up."));
                return 0;
            }
            return v.longValue();
        }

        private static List<String> strings(JsonNode node, String name, String prefix, List<Problem> problems) {
            JsonNode v = node.get(name);
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isArray()) {
                problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name, "\"" + name + "\" must be a list."));
                return out;
            }
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isTextual()) {
                    out.add(v.get(i).textValue());
                } else {
                    problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name + "[" + i + "]",
                            "Each entry of \"" + name + "\" must be text."));
                }
            }
            return out;
        }

        private static Instant instant(JsonNode node, String name, String prefix, List<Problem> problems) {
            String text = text(node, name, prefix, problems);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(ErrorCode.INVALID_TYPE, prefix + name,
                        "\"" + name + "\" must be a time like 2026-11-26T14:28:09Z, not " + text + "."));
                return null;
            }
        }
    }
}
