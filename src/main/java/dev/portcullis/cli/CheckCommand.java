package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.TrafficCheck;
import dev.portcullis.review.TrafficCheckAnswer;
import dev.portcullis.review.TrafficCheckAnswer.Found;
import dev.portcullis.review.TrafficCheckPacket;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.SourceGap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code portcullis check SOURCE --group NAME ...}: would this packet pass the group, or the groups of an
 * interface? Answers allowed (naming the rules), denied, or unknown (saying why).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Would a packet pass a security group, or an interface (all its groups together)?",
            "Exit 0 when it is allowed, 1 when it is denied, 2 when the input cannot be used, a name is unknown, "
                + "or the answer cannot be known (a rule allows a remote group and the source lists no "
                + "interfaces)."})
final class CheckCommand implements Callable<Integer> {

    static final class Target {
        @Option(names = "--group", paramLabel = "NAME", required = true,
                description = "The group (its name, or its id).")
        String group;

        @Option(names = "--interface", paramLabel = "NAME", required = true,
                description = "The interface (Neutron port: its name, or its id).")
        String port;
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    PortcullisCommand parent;

    @Parameters(paramLabel = "SOURCE", description = "FILE, cloud:NAME or workspace.")
    String source;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--direction", paramLabel = "DIRECTION", required = true,
            description = "ingress (to the interface) or egress (from it).")
    String direction;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", required = true,
            description = "A protocol name (tcp, udp, icmp, ...) or number 0-255.")
    String protocol;

    @Option(names = "--port", paramLabel = "N", description = "The port, for TCP, UDP, SCTP, DCCP and UDP-Lite.")
    Integer port;

    @Option(names = "--icmp-type", paramLabel = "T", description = "The ICMP type, for ICMP (8: echo request).")
    Integer icmpType;

    @Option(names = "--icmp-code", paramLabel = "C", description = "The ICMP code (default 0).")
    Integer icmpCode;

    @Option(names = "--remote", paramLabel = "ADDRESS", required = true,
            description = "The address at the other end: the source of ingress traffic, the destination of egress.")
    String remote;

    @Mixin
    TextOrJson output;

    @Mixin
    SourceOptions sourceOptions;

    @Override
    public Integer call() {
        Direction d = Direction.fromNeutron(direction).orElse(null);
        if (d == null) {
            return unusable("--direction must be ingress or egress, not \"" + SafeText.line(direction) + "\"");
        }
        TrafficCheckPacket packet;
        try {
            packet = TrafficCheckPacket.parse(d, protocol, port, icmpType, icmpCode, remote);
        } catch (IllegalArgumentException e) {
            return unusable(SafeText.message(e.getMessage()));
        }
        Sources.Reading reading = Sources.forUser(parent.workspace, sourceOptions.read()).reading(source);
        Snapshot snapshot = reading.snapshot();
        boolean portsKnown = !snapshot.ports().isEmpty() || source.startsWith("cloud:") || source.equals("workspace");
        TrafficCheck check = new TrafficCheck(snapshot.groups(), snapshot.ports(), portsKnown,
                snapshot.addressGroups());
        TrafficCheckAnswer answer;
        String subject;
        ObjectNode targetJson = DiffCommand.object();
        if (target.group != null) {
            List<SecurityGroup> found = find(snapshot.groups(), target.group, SecurityGroup::name, SecurityGroup::id);
            if (found.size() != 1) {
                return notOne(found.size(), "group", target.group, found.stream().map(SecurityGroup::id).toList());
            }
            SecurityGroup group = found.get(0);
            answer = check.check(group, packet);
            subject = "group " + DiffCommand.label(group);
            targetJson.put("group_id", group.id()).put("group_name", group.name());
        } else {
            List<Port> found = find(snapshot.ports(), target.port, Port::name, Port::id);
            if (found.size() != 1) {
                return notOne(found.size(), "interface", target.port, found.stream().map(Port::id).toList());
            }
            Port p = found.get(0);
            answer = check.check(p, packet);
            subject = "interface " + SafeText.line(p.label()) + " (" + SafeText.line(p.id()) + ")";
            targetJson.put("interface_id", p.id()).put("interface_name", p.name());
        }
        List<SourceGap> gaps = gaps(reading, target.group != null ? List.of(targetJson.path("group_id").asText())
                : snapshot.ports().stream().filter(p -> p.id().equals(targetJson.path("interface_id").asText()))
                        .flatMap(p -> p.securityGroupIds().stream()).toList());
        if (answer.verdict() != TrafficCheckAnswer.Verdict.ALLOWED && !gaps.isEmpty()) {
            // Rules only ever allow: what could not be read may allow this packet, so "denied" would fail open.
            List<String> lines = new ArrayList<>();
            lines.add(SafeText.line(source) + " cannot be used to answer for " + subject + ": no rule that could be "
                    + "read allows it, but " + gaps.size() + (gaps.size() == 1 ? " part" : " parts")
                    + " of it could not be read and might:");
            gaps.stream().limit(10).forEach(u -> lines.add("  " + SafeText.line(u.text())));
            return unusable(String.join(System.lineSeparator(), lines));
        }
        Function<String, String> names = DiffCommand.names(snapshot, snapshot);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            DiffCommand.print(out, json(answer, packet, targetJson, names));
        } else {
            text(answer, packet, subject, names, out);
        }
        out.flush();
        return switch (answer.verdict()) {
            case ALLOWED -> PortcullisCommand.EXIT_OK;
            case DENIED -> PortcullisCommand.EXIT_FINDINGS;
            case UNKNOWN -> PortcullisCommand.EXIT_UNUSABLE;
        };
    }

    /** Those named so; only when none is, those with that id. */
    private static <T> List<T> find(List<T> all, String wanted, Function<T, String> name, Function<T, String> id) {
        Predicate<T> named = t -> wanted.equals(name.apply(t));
        List<T> byName = all.stream().filter(named).toList();
        return byName.isEmpty() ? all.stream().filter(t -> wanted.equals(id.apply(t))).toList() : byName;
    }

    /** What of the source could not be read that concerns these groups, or the source as a whole. */
    private static List<SourceGap> gaps(Sources.Reading reading, List<String> groupIds) {
        Set<String> ids = new HashSet<>(groupIds);
        return reading.gaps().stream().filter(u -> u.groupId() == null || ids.contains(u.groupId())).toList();
    }

    private int notOne(int count, String what, String wanted, List<String> ids) {
        if (count == 0) {
            return unusable(SafeText.line(source) + " has no " + what + " named (or with the id) \"" + SafeText.line(wanted)
                    + "\"");
        }
        return unusable(SafeText.line(source) + " has " + count + " " + what + "s named \"" + SafeText.line(wanted)
                + "\": give the id of the one you mean (" + SafeText.line(String.join(", ", ids)) + ")");
    }

    private int unusable(String message) {
        spec.commandLine().getErr().println("portcullis check: " + message);
        spec.commandLine().getErr().flush();
        return PortcullisCommand.EXIT_UNUSABLE;
    }

    private static void text(TrafficCheckAnswer answer, TrafficCheckPacket packet, String subject,
                             Function<String, String> names, PrintWriter out) {
        String question = packet.summary() + ", " + subject;
        switch (answer.verdict()) {
            case ALLOWED -> out.println("allowed: " + question);
            case DENIED -> out.println("denied: " + question + ": no rule allows it");
            case UNKNOWN -> out.println("unknown: " + question + ": no rule surely allows it");
        }
        for (Found f : answer.allowing()) {
            out.println("  by " + found(f, names));
        }
        for (Found f : answer.undecided()) {
            out.println("  maybe by " + found(f, names));
            out.println("    " + SafeText.line(f.reason()));
        }
        answer.unknowns().forEach(u -> out.println("  " + SafeText.line(u)));
    }

    private static String found(Found f, Function<String, String> names) {
        String description = f.rule().description() == null || f.rule().description().isEmpty() ? ""
                : " \"" + SafeText.line(f.rule().description()) + "\"";
        return "group " + SafeText.line(f.group().name()) + ": " + SafeText.line(f.rule().summary(names)) + description
                + (f.rule().id() == null || DraftIds.isDraft(f.rule().id()) ? ""
                : " (rule " + SafeText.line(f.rule().id()) + ")");
    }

    private ObjectNode json(TrafficCheckAnswer answer, TrafficCheckPacket packet, ObjectNode target,
                            Function<String, String> names) {
        ObjectNode root = DiffCommand.object();
        root.put("source", source);
        root.set("target", target);
        ObjectNode p = root.putObject("packet");
        p.put("direction", packet.direction().neutronValue());
        p.put("ethertype", packet.etherType().neutronValue());
        p.put("protocol", packet.protocol().value());
        p.put("port", packet.port());
        p.put("icmp_type", packet.icmpType());
        p.put("icmp_code", packet.icmpCode());
        p.put("remote", packet.remote().addressText());
        root.put("verdict", answer.verdict().label());
        found(root.putArray("allowing"), answer.allowing(), names);
        found(root.putArray("undecided"), answer.undecided(), names);
        ArrayNode unknowns = root.putArray("unknowns");
        answer.unknowns().forEach(unknowns::add);
        return root;
    }

    private static void found(ArrayNode out, List<Found> found, Function<String, String> names) {
        for (Found f : found) {
            ObjectNode o = DiffCommand.rule(f.rule(), names);
            o.put("group_id", f.group().id());
            o.put("group_name", f.group().name());
            if (f.reason() != null) {
                o.put("reason", f.reason());
            }
            out.add(o);
        }
    }
}
