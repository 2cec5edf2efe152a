package dev.portcullis.review;

import java.util.List;
import java.util.Set;

/**
 * What the review looks for. The defaults follow the usual auditors (Prowler, AWS Security Hub, ScoutSuite,
 * Checkov) and Neutron's own defaults; each port list says where it comes from.
 *
 * <p>A port reachable from every address is judged once, by the first list that holds it:
 * {@code adminPorts} ({@code world-open-admin-port}, high), {@code databasePorts}
 * ({@code world-open-database-port}, high), then {@code world-open-port}: info for {@code publicServicePorts},
 * high for {@code highRiskPorts}, medium for any other port.
 *
 * @param disabled             ids of checks not to run (see {@link Check#ids()})
 * @param adminPorts           ports that must not be open to every address: remote shells and desktops
 * @param databasePorts        the same for databases, caches, file shares and FTP
 * @param highRiskPorts        other services often attacked when open to every address: mail, development
 *                             servers, cluster control planes, directories ({@code world-open-port}, high)
 * @param publicServicePorts   services meant for the public, e.g. a web server's 80 and 443
 *                             ({@code world-open-port}, info); a port listed here and in
 *                             {@code highRiskPorts} counts as a public service
 * @param ruleQuota            the project's rule quota (Neutron's default 100); negative means unlimited
 * @param quotaWarningPercent  how full the quota may get before {@code rule-quota} speaks up
 * @param maxRulesPerDirection rules in one direction of one group before {@code too-many-rules} does
 * @param widePortRange        how many ports a range may span before {@code wide-port-range} speaks up
 * @param widePrefixV4         public IPv4 prefixes this short or shorter are "wide" (/1 to /23 by default)
 * @param widePrefixV6         the same for IPv6
 */
public record ReviewSettings(Set<String> disabled, Set<Integer> adminPorts, Set<Integer> databasePorts,
                             Set<Integer> highRiskPorts, Set<Integer> publicServicePorts, int ruleQuota,
                             int quotaWarningPercent, int maxRulesPerDirection, int widePortRange, int widePrefixV4,
                             int widePrefixV6) {

    /**
     * SSH 22, Telnet 23, RDP 3389 (Prowler, Security Hub EC2.13/EC2.14/EC2.19, Checkov CKV_OPENSTACK_2/3 and
     * CKV_AWS_24/25), VNC 5900, WinRM 5985/5986.
     */
    public static final List<Integer> ADMIN_PORTS = List.of(22, 23, 3389, 5900, 5985, 5986);
    /**
     * FTP 20/21, RPC 135, NetBIOS 137-139, SMB 445, MS SQL 1433/1434, Oracle 1521/2483/2484, NFS 2049,
     * MySQL 3306, PostgreSQL 5432, Kibana 5601, Redis 6379, Cassandra 7000/7001/7199/9042/9160, Kafka 9092,
     * Elasticsearch 9200/9300, memcached 11211, MongoDB 27017/27018. Prowler's per-service checks
     * ({@code ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_*}, {@code ec2_instance_port_*}:
     * Cassandra, Oracle, FTP, CIFS, ...), Security Hub EC2.19 (20, 21, 135, 445, 1433, 1434, 3306, 5432, 5601,
     * 9200, 9300) and ScoutSuite's known ports (NFS, MongoDB).
     */
    public static final List<Integer> DATABASE_PORTS = List.of(20, 21, 135, 137, 138, 139, 445, 1433, 1434, 1521,
            2049, 2483, 2484, 3306, 5432, 5601, 6379, 7000, 7001, 7199, 9042, 9092, 9160, 9200, 9300, 11211, 27017,
            27018);
    /**
     * <ul>
     *   <li>Prowler's {@code ec2_high_risk_ports} (its default list, which also holds 135 and 445, above):
     *       SMTP 25, POP3 110, IMAP 143, 3000, mSQL 4333, 5000, 5500, 8080, 8088;</li>
     *   <li>Security Hub EC2.19 adds 8888 (Prowler names it among Cassandra's ports too);</li>
     *   <li>Prowler's {@code ec2_instance_port_ldap/kerberos_exposed_to_internet}: LDAP 389/636, Kerberos
     *       88/464/749/750;</li>
     *   <li>ours, from the Kubernetes and Docker documentation (no peer lists them): Kubernetes API 6443,
     *       etcd 2379/2380, kubelet 10250, Docker API 2375/2376, and the development servers' 8000 and 8443.</li>
     * </ul>
     */
    public static final List<Integer> HIGH_RISK_PORTS = List.of(25, 88, 110, 143, 389, 464, 636, 749, 750, 2375,
            2376, 2379, 2380, 3000, 4333, 5000, 5500, 6443, 8000, 8080, 8088, 8443, 8888, 10250);
    /**
     * HTTP 80 and HTTPS 443: Security Hub EC2.18's default authorized ports. (Checkov's CKV_AWS_260 flags 80;
     * here a public web server is information, not a failure.)
     */
    public static final List<Integer> PUBLIC_SERVICE_PORTS = List.of(80, 443);

    public ReviewSettings {
        disabled = Set.copyOf(disabled);
        adminPorts = Set.copyOf(adminPorts);
        databasePorts = Set.copyOf(databasePorts);
        highRiskPorts = Set.copyOf(highRiskPorts);
        publicServicePorts = Set.copyOf(publicServicePorts);
    }

    public static ReviewSettings defaults() {
        return new ReviewSettings(Set.of(), Set.copyOf(ADMIN_PORTS), Set.copyOf(DATABASE_PORTS),
                Set.copyOf(HIGH_RISK_PORTS), Set.copyOf(PUBLIC_SERVICE_PORTS), 100, 80, 50, 100, 23, 48);
    }

    public boolean enabled(Check check) {
        return check.mandatory() || !disabled.contains(check.id());
    }

    public ReviewSettings withDisabled(Set<String> ids) {
        return new ReviewSettings(ids, adminPorts, databasePorts, highRiskPorts, publicServicePorts, ruleQuota,
                quotaWarningPercent, maxRulesPerDirection, widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withAdminPorts(Set<Integer> ports) {
        return new ReviewSettings(disabled, ports, databasePorts, highRiskPorts, publicServicePorts, ruleQuota,
                quotaWarningPercent, maxRulesPerDirection, widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withDatabasePorts(Set<Integer> ports) {
        return new ReviewSettings(disabled, adminPorts, ports, highRiskPorts, publicServicePorts, ruleQuota,
                quotaWarningPercent, maxRulesPerDirection, widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withHighRiskPorts(Set<Integer> ports) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, ports, publicServicePorts, ruleQuota,
                quotaWarningPercent, maxRulesPerDirection, widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withPublicServicePorts(Set<Integer> ports) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, highRiskPorts, ports, ruleQuota,
                quotaWarningPercent, maxRulesPerDirection, widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withRuleQuota(int quota, int warningPercent) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, highRiskPorts, publicServicePorts, quota,
                warningPercent, maxRulesPerDirection, widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withMaxRulesPerDirection(int max) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, highRiskPorts, publicServicePorts, ruleQuota,
                quotaWarningPercent, max, widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withWidePortRange(int ports) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, highRiskPorts, publicServicePorts, ruleQuota,
                quotaWarningPercent, maxRulesPerDirection, ports, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withWidePrefixes(int v4, int v6) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, highRiskPorts, publicServicePorts, ruleQuota,
                quotaWarningPercent, maxRulesPerDirection, widePortRange, v4, v6);
    }
}
