package dev.portcullis.backend.workspace;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * What a new workspace holds: project "local" with its default group, two example groups made the way
 * Neutron would make them (so their revisions are Neutron's too), and two servers' interfaces using them.
 */
final class Seed {

    static final String PROJECT = "local";
    static final String WEB = "web-server-public";
    static final String WEB_DESCRIPTION =
            "Security group for a public web server. Allows SSH access and inbound HTTP/HTTPS traffic";
    static final String DB = "db-internal";
    static final String DB_DESCRIPTION = "PostgreSQL reachable only from the web servers";
    static final String NOVA = "compute:nova";

    private Seed() {
    }

    static Project project(Project.Stamp stamp) {
        Project project = Project.empty(PROJECT).withDefaultGroup(stamp);
        SecurityGroup defaultGroup = project.groups().get(0);

        List<Rule> web = new ArrayList<>(egress());
        for (String[] service : new String[][] {{"22", "SSH"}, {"80", "HTTP"}, {"443", "HTTPS"}}) {
            int port = Integer.parseInt(service[0]);
            web.add(tcpIn(EtherType.IPV4, port, Remote.prefix("0.0.0.0/0"), service[1]));
            web.add(tcpIn(EtherType.IPV6, port, Remote.prefix("::/0"), service[1]));
        }
        Project.Created webGroup = project.create(new GroupDraft(WEB, WEB_DESCRIPTION, true, web), stamp);
        project = webGroup.project();

        List<Rule> db = new ArrayList<>(egress());
        Remote webServers = Remote.group(webGroup.group().id());
        db.add(tcpIn(EtherType.IPV4, 5432, webServers, "PostgreSQL from the web servers"));
        db.add(tcpIn(EtherType.IPV6, 5432, webServers, "PostgreSQL from the web servers"));
        Project.Created dbGroup = project.create(new GroupDraft(DB, DB_DESCRIPTION, true, db), stamp);
        project = dbGroup.project();

        project = project.withPort(new Port(stamp.id(), "web-1 eth0", stamp.id(), NOVA, List.of("10.0.0.11"),
                List.of(defaultGroup.id(), webGroup.group().id())));
        project = project.withPort(new Port(stamp.id(), "db-1 eth0", stamp.id(), NOVA, List.of("10.0.0.21"),
                List.of(defaultGroup.id(), dbGroup.group().id())));
        return project;
    }

    private static List<Rule> egress() {
        return List.of(Rule.egressAnywhere(EtherType.IPV4), Rule.egressAnywhere(EtherType.IPV6));
    }

    private static Rule tcpIn(EtherType etherType, int port, Remote remote, String description) {
        return Rule.draft(Direction.INGRESS, etherType, Protocol.TCP, PortRange.of(port), remote, description);
    }
}
