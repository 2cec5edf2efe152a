package dev.portcullis.bench;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.Definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated project in the shape large real ones have, the same for the same size: a default group, then
 * groups of {@code rules} rules each mixing TCP, UDP and ICMP, IPv4 and IPv6 prefixes, service ports and
 * ranges, admin ports from office ranges (a few open to the world, so the review has something to say), and
 * a tenth of the rules pointing at another group; half as many interfaces as groups, each using one to
 * three groups.
 */
public final class ScaleProject {

    private static final int[] SERVICES = {80, 443, 8080, 5432, 3306, 6379, 9200, 5672, 11211, 27017};
    private static final String[] OFFICES = {"198.51.100.0/24", "203.0.113.0/25", "192.0.2.128/26"};

    private ScaleProject() {
    }

    /**
     * Writes a project of {@code bench.groups} groups (default 10,000) as {@code groups-N.json}, and the copy
     * with a tenth changed as {@code groups-N-changed.json}, into {@code bench.out} (default: the current
     * folder), to open in the console or give to a command.
     */
    public static void main(String[] args) throws java.io.IOException {
        int groups = Integer.getInteger("bench.groups", 10_000);
        java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("bench.out", "."));
        java.nio.file.Files.createDirectories(out);
        Definitions project = of(groups, Integer.getInteger("bench.rules", 20));
        dev.portcullis.files.DefinitionWriter writer = new dev.portcullis.files.DefinitionWriter();
        writer.write(out.resolve("groups-" + groups + ".json"), project);
        writer.write(out.resolve("groups-" + groups + "-changed.json"), changed(project));
        System.out.println("wrote " + out.resolve("groups-" + groups + ".json") + " and its changed copy");
    }

    public static Definitions of(int groups, int rules) {
        List<SecurityGroup> project = new ArrayList<>(groups);
        project.add(new SecurityGroup(groupId(0), "project", "default", "Default security group", true, false, 1,
                List.of(rule(0, 0, Direction.EGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, null, null),
                        rule(0, 1, Direction.EGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY, null, null),
                        rule(0, 2, Direction.INGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY,
                                Remote.group(groupId(0)), null),
                        rule(0, 3, Direction.INGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY,
                                Remote.group(groupId(0)), null)),
                List.of(), null, null));
        for (int g = 1; g < groups; g++) {
            project.add(group(g, groups, rules));
        }
        List<Port> ports = new ArrayList<>(groups / 2);
        Random random = new Random(groups);
        for (int p = 0; p < groups / 2; p++) {
            List<String> uses = new ArrayList<>();
            for (int n = 0; n < 1 + p % 3; n++) {
                String id = groupId(1 + random.nextInt(Math.max(1, groups - 1)));
                if (!uses.contains(id)) {
                    uses.add(id);
                }
            }
            ports.add(new Port(String.format("20000000-0000-4000-8000-%012d", p), "port-" + p,
                    String.format("30000000-0000-4000-8000-%012d", p / 2), "compute:nova",
                    List.of("10." + (p / 65536 % 256) + "." + (p / 256 % 256) + "." + (p % 256)), uses));
        }
        return new Definitions(project, ports);
    }

    /**
     * The same project with a tenth of its groups changed: one rule gone, one added, one description
     * rewritten, as a second source for {@code diff}.
     */
    public static Definitions changed(Definitions project) {
        List<SecurityGroup> groups = new ArrayList<>(project.groups().size());
        for (int g = 0; g < project.groups().size(); g++) {
            SecurityGroup group = project.groups().get(g);
            if (g % 10 != 5 || group.rules().size() < 3) {
                groups.add(group);
                continue;
            }
            List<Rule> rules = new ArrayList<>(group.rules().subList(1, group.rules().size()));
            Rule first = rules.get(0);
            rules.set(0, new Rule(first.id(), first.direction(), first.etherType(), first.protocol(), first.ports(),
                    first.remote(), "changed: " + first.description()));
            rules.add(rule(g, 99, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(9443),
                    Remote.prefix("10.99." + (g % 250) + ".0/24"), "added"));
            groups.add(new SecurityGroup(group.id(), group.projectId(), group.name(), group.description(),
                    group.stateful(), group.shared(), group.revision() + 1, rules, group.tags(), null, null));
        }
        return new Definitions(groups, project.ports());
    }

    static String groupId(int g) {
        return String.format("00000000-0000-4000-8000-%012d", g);
    }

    private static SecurityGroup group(int g, int groups, int count) {
        Random random = new Random(g);
        List<Rule> rules = new ArrayList<>(count);
        rules.add(rule(g, 0, Direction.EGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, null, null));
        rules.add(rule(g, 1, Direction.EGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY, null, null));
        for (int r = 2; r < count; r++) {
            rules.add(switch (r % 10) {
                case 2 -> rule(g, r, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(r < 10 ? 22 : 3389),
                        Remote.prefix(g % 97 == 3 ? "0.0.0.0/0" : OFFICES[g % OFFICES.length]), "ssh from the office");
                case 3 -> rule(g, r, Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
                        PortRange.of(SERVICES[(g + r) % SERVICES.length]), Remote.prefix("10." + (g % 250) + "."
                                + r % 250 + ".0/24"), "service");
                case 4 -> rule(g, r, Direction.INGRESS, EtherType.IPV6, Protocol.TCP, PortRange.of(r < 10 ? 443 : 80),
                        Remote.prefix(g % 5 == 0 ? "::/0" : "2001:db8:" + Integer.toHexString(g % 65536) + "::/48"),
                        "https v6");
                case 5 -> rule(g, r, Direction.INGRESS, EtherType.IPV4, Protocol.UDP,
                        PortRange.of(r % 20 == 5 ? 53 : 123), Remote.prefix("10.0.0.0/8"), "udp service");
                case 6 -> rule(g, r, Direction.INGRESS, EtherType.IPV4, Protocol.ICMP, PortRange.icmp(8, 0),
                        Remote.prefix(r < 10 ? "10.0.0.0/8" : "172.16.0.0/12"), "ping");
                case 7 -> rule(g, r, Direction.INGRESS, EtherType.IPV6, Protocol.IPV6_ICMP, PortRange.ANY,
                        Remote.prefix(r < 10 ? "2001:db8::/32" : "fd00::/8"), null);
                case 8 -> {
                    int low = 8000 + random.nextInt(1000);
                    yield rule(g, r, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(low, low + 99),
                            Remote.prefix("172." + (16 + g % 16) + "." + r % 250 + ".0/24"), "application range");
                }
                case 9 -> rule(g, r, Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
                        PortRange.of(SERVICES[r % SERVICES.length]),
                        Remote.group(groupId(1 + (g + r) % Math.max(1, groups - 1))), "from peers");
                case 0 -> rule(g, r, Direction.EGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
                        Remote.prefix("10.20." + (g % 250) + ".0/24"), "to the database");
                default -> rule(g, r, Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
                        PortRange.of(1024 + random.nextInt(60000)),
                        Remote.prefix("10." + random.nextInt(250) + "." + random.nextInt(250) + ".0/24"), null);
            });
        }
        return new SecurityGroup(groupId(g), "project", "app-" + g, "application tier " + g, true, false, 1, rules,
                List.of(), null, null);
    }

    private static Rule rule(int g, int r, Direction direction, EtherType etherType, Protocol protocol,
                             PortRange ports, Remote remote, String description) {
        return new Rule(String.format("10000000-%04d-4000-8000-%012d", r, g), direction, etherType, protocol, ports,
                remote == null ? Remote.ANYWHERE : remote, description);
    }
}
