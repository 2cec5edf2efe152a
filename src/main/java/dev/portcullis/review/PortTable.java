package dev.portcullis.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How {@code world-open-port} weighs a port open to every address; the lists and where they come from are
 * in {@link ReviewSettings}. A port belongs to the first that holds it:
 *
 * <table>
 *   <caption>Severity of a port reachable from every address</caption>
 *   <tr><th>List</th><th>Check</th><th>Severity</th></tr>
 *   <tr><td>{@code adminPorts} (22, 23, 3389, 5900, 5985, 5986)</td><td>world-open-admin-port</td><td>high</td></tr>
 *   <tr><td>{@code databasePorts} (FTP, SMB, SQL, Redis, Cassandra, Elasticsearch...)</td>
 *       <td>world-open-database-port</td><td>high</td></tr>
 *   <tr><td>{@code publicServicePorts} (80, 443)</td><td>world-open-port</td><td>info</td></tr>
 *   <tr><td>{@code highRiskPorts} (mail 25/110/143, 3000, 5000, 8000, 8080, 8088, 8443, 8888, Kubernetes 6443,
 *       etcd 2379/2380, kubelet 10250, Docker 2375/2376, LDAP, Kerberos, 4333, 5500)</td>
 *       <td>world-open-port</td><td>high</td></tr>
 *   <tr><td>any other port</td><td>world-open-port</td><td>medium</td></tr>
 * </table>
 *
 * A rule's range takes the severity of the riskiest port inside it.
 */
final class PortTable {

    private static final Map<Integer, String> PROTOCOLS = Map.of(6, "TCP", 17, "UDP", 132, "SCTP", 33, "DCCP",
            136, "UDP-Lite");

    final TreeSet<Integer> admin;
    final TreeSet<Integer> database;
    /** The admin and database ports: their checks report them. */
    final TreeSet<Integer> judged;
    final TreeSet<Integer> publicService;
    final TreeSet<Integer> highRisk;

    PortTable(ReviewSettings settings) {
        admin = new TreeSet<>(settings.adminPorts());
        database = new TreeSet<>(settings.databasePorts());
        judged = new TreeSet<>(admin);
        judged.addAll(database);
        publicService = new TreeSet<>(settings.publicServicePorts());
        publicService.removeAll(judged);
        highRisk = new TreeSet<>(settings.highRiskPorts());
        highRisk.removeAll(judged);
        highRisk.removeAll(publicService);
    }

    /** Whether the protocol (its number) has ports: TCP, UDP, SCTP, DCCP, UDP-Lite. */
    static boolean hasPorts(int protocol) {
        return PROTOCOLS.containsKey(protocol);
    }

    /** How many ports of {@code low..high} the admin and database checks do not report. */
    long unjudged(int low, int high) {
        return (long) high - low + 1 - judged.subSet(low, true, high, true).size();
    }

    /** How many ports of {@code low..high} are on no list at all. */
    long other(int low, int high) {
        return unjudged(low, high) - publicService.subSet(low, true, high, true).size()
                - highRisk.subSet(low, true, high, true).size();
    }

    /**
     * {@code TCP 8000-8100, Kubernetes API (TCP 6443), UDP all ports}: the stretches by protocol, adjacent
     * ones joined, a single port with its service's name.
     */
    static String ranges(List<WorldExposure.Stretch> stretches) {
        List<int[]> joined = new ArrayList<>();
        stretches.stream().sorted(java.util.Comparator.comparingInt(WorldExposure.Stretch::protocol)
                .thenComparingInt(WorldExposure.Stretch::low)).forEach(s -> {
                    int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
                    if (last != null && last[0] == s.protocol() && last[2] + 1 >= s.low()) {
                        last[2] = Math.max(last[2], s.high());
                    } else {
                        joined.add(new int[] {s.protocol(), s.low(), s.high()});
                    }
                });
        List<String> words = new ArrayList<>();
        for (int[] r : joined.subList(0, Math.min(joined.size(), 6))) {
            String protocol = PROTOCOLS.getOrDefault(r[0], "protocol " + r[0]);
            String name = r[1] == r[2] ? Services.name(r[1]) : null;
            String range = r[1] == 0 && r[2] == WorldExposure.AXIS_MAX ? "all ports"
                    : r[1] == r[2] ? Integer.toString(r[1]) : r[1] + "-" + r[2];
            words.add(name == null ? protocol + " " + range : name + " (" + protocol + " " + range + ")");
        }
        if (joined.size() > 6) {
            words.add("and " + (joined.size() - 6) + " more ranges");
        }
        return String.join(", ", words);
    }
}
