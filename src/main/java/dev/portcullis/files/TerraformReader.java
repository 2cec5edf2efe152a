package dev.portcullis.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;
import dev.portcullis.files.terraform.Codes;
import dev.portcullis.files.terraform.Configuration;
import dev.portcullis.files.terraform.SecurityGroups;
import dev.portcullis.files.terraform.SecurityGroups.GroupOut;
import dev.portcullis.files.terraform.SecurityGroups.RuleOut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Terraform configuration for the OpenStack provider into definitions, as Terraform would create
 * them: a {@code .tf} file or a module folder (all its {@code .tf} files), with its variables
 * ({@link ReadOptions}: {@code -var}, {@code -var-file}), locals, expressions, functions, {@code count} and
 * {@code for_each} evaluated where they are statically knowable (see {@code files.terraform}).
 * {@code openstack_networking_secgroup_v2} and {@code openstack_compute_secgroup_v2} instances are groups
 * (their id: the {@code import} block's, else the draft id of their address), {@code
 * openstack_networking_secgroup_rule_v2} instances their rules, {@code openstack_networking_address_group_v2}
 * instances the address groups the rules may name (checked as Neutron checks them). What cannot be known offline (a data source,
 * remote state, a module output, a variable without value) is a {@link #UNKNOWN} problem naming the file,
 * line and reason, and everything else is still read: a group's report carries its own problems, a rule with
 * an unknown value is left out and its problem says so. Groups and rules are checked exactly as a definition
 * file is; report paths are resource addresses, and {@link DefinitionReport#locations()} says where each is.
 */
public final class TerraformReader {

    /** A file that is not HCL. */
    public static final String SYNTAX = Codes.SYNTAX;
    /** Something in the configuration this reader does not take (an unknown argument, a module, a firewall rule). */
    public static final String NOT_READ = Codes.NOT_READ;
    /** A value that cannot be known offline: a data source, remote state, a module output, an unset variable. */
    public static final String UNKNOWN = Codes.UNKNOWN;

    /** A file or a module folder, with no variable values given. */
    public DefinitionReport read(Path fileOrFolder) {
        return read(fileOrFolder, ReadOptions.NONE);
    }

    /** A {@code .tf} file or a module folder, with {@code -var}/{@code -var-file} values. */
    public DefinitionReport read(Path fileOrFolder, ReadOptions options) {
        if (!Files.exists(fileOrFolder)) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", fileOrFolder + " does not exist."));
        }
        if (!Files.isReadable(fileOrFolder)) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", fileOrFolder
                    + " cannot be read: you do not have permission to read it."));
        }
        return report(Configuration.load(fileOrFolder, options.variables(), options.variableFiles()), true);
    }

    /** The text of one {@code .tf} file (named {@code <text>} in problems). */
    public DefinitionReport read(String text) {
        return report(Configuration.of(text, "<text>"), false);
    }

    private static DefinitionReport report(Configuration config, boolean located) {
        SecurityGroups.Result result = SecurityGroups.read(config);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("security_groups");
        result.groups().forEach(g -> list.add(g.json()));
        DefinitionReport read = new DefinitionReader().read(root);
        List<Problem> fileProblems = new ArrayList<>(config.problems());
        fileProblems.addAll(result.fileProblems());
        fileProblems.addAll(read.fileProblems());
        List<Problem> notices = new ArrayList<>(config.notices());
        notices.addAll(result.notices());
        notices.addAll(read.notices());
        Map<String, SourceLocations.Location> where = new HashMap<>();
        List<GroupReport> groups = new ArrayList<>();
        for (GroupReport g : read.groups()) {
            GroupOut out = result.groups().get(g.index());
            where.put(out.address(), new SourceLocations.Location(out.source().file(), out.line()));
            List<RuleReport> rules = new ArrayList<>();
            for (RuleReport r : g.rules()) {
                RuleOut rule = out.rules().get(r.index());
                where.put(rule.address(), new SourceLocations.Location(rule.source().file(), rule.line()));
                List<Problem> problems = new ArrayList<>(locate(r.problems(), r.path(), rule.source(), rule.address(),
                        rule.line(), rule.lines()));
                problems.addAll(rule.problems());
                rules.add(new RuleReport(r.index(), rule.address(), r.id(), r.rule(), problems));
            }
            List<Problem> problems = new ArrayList<>(locate(g.problems(), g.path(), out.source(), out.address(),
                    out.line(), out.lines()));
            problems.addAll(out.problems());
            groups.add(new GroupReport(g.index(), out.address(), g.id(), g.name(), g.description(), g.stateful(),
                    g.shared(), g.projectId(), g.revision(), g.tags(), g.tagsGiven(), g.createdAt(), g.updatedAt(), problems, rules));
        }
        DefinitionReport report = new DefinitionReport(fileProblems, groups, read.ports(), read.portProblems(), notices,
                Originals.NONE, SourceLocations.NONE, result.addressGroups());
        return located ? report.withLocations(new SourceLocations(where)) : report;
    }

    /** Problems found on the JSON, with their field as {@code main.tf:12 ADDRESS.ARGUMENT}. */
    private static List<Problem> locate(List<Problem> problems, String path, Configuration.Located source,
                                        String address, int line, Map<String, Integer> lines) {
        return problems.stream().map(p -> {
            String member = p.field().startsWith(path) ? p.field().substring(path.length()) : p.field();
            member = member.startsWith(".") ? member.substring(1) : member;
            String arg = member.equals("security_group_rules") ? "" : member.equals("project_id") ? "tenant_id" : member;
            int at = lines.getOrDefault(arg, line);
            return new Problem(p.code(), source.at(at) + " " + address + (arg.isEmpty() ? "" : "." + arg), p.message());
        }).toList();
    }
}
