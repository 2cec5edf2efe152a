package dev.portcullis.review;

import java.util.List;
import java.util.Set;

/**
 * What the review looks for. The defaults follow the usual auditors (Prowler, ScoutSuite, Checkov) and
 * Neutron's own defaults.
 *
 * @param disabled             ids of checks not to run (see {@link Check#ids()})
 * @param adminPorts           ports that must not be open to every address: remote shells and desktops
 * @param databasePorts        the same for databases, caches, file shares and FTP
 * @param ruleQuota            the project's rule quota (Neutron's default 100); negative means unlimited
 * @param quotaWarningPercent  how full the quota may get before {@code rule-quota} speaks up
 * @param maxRulesPerDirection rules in one direction of one group before {@code too-many-rules} does
 * @param widePortRange        how many ports a range may span before {@code wide-port-range} speaks up
 * @param widePrefixV4         public IPv4 prefixes this short or shorter are "wide" (/1 to /23 by default)
 * @param widePrefixV6         the same for IPv6
 */
public record ReviewSettings(Set<String> disabled, Set<Integer> adminPorts, Set<Integer> databasePorts, int ruleQuota,
                             int quotaWarningPercent, int maxRulesPerDirection, int widePortRange, int widePrefixV4,
                             int widePrefixV6) {

    /** SSH, Telnet, RDP, VNC, WinRM. */
    public static final List<Integer> ADMIN_PORTS = List.of(22, 23, 3389, 5900, 5985, 5986);
    /** FTP, SMB/NetBIOS, MSSQL, Oracle, NFS, MySQL, PostgreSQL, Kibana, Redis, Kafka, Elasticsearch, memcached, MongoDB. */
    public static final List<Integer> DATABASE_PORTS = List.of(20, 21, 135, 137, 138, 139, 445, 1433, 1434, 1521, 2049,
            2483, 3306, 5432, 5601, 6379, 9092, 9200, 9300, 11211, 27017, 27018);

    public ReviewSettings {
        disabled = Set.copyOf(disabled);
        adminPorts = Set.copyOf(adminPorts);
        databasePorts = Set.copyOf(databasePorts);
    }

    public static ReviewSettings defaults() {
        return new ReviewSettings(Set.of(), Set.copyOf(ADMIN_PORTS), Set.copyOf(DATABASE_PORTS), 100, 80, 50, 100, 23,
                48);
    }

    public boolean enabled(Check check) {
        return !disabled.contains(check.id());
    }

    public ReviewSettings withDisabled(Set<String> ids) {
        return new ReviewSettings(ids, adminPorts, databasePorts, ruleQuota, quotaWarningPercent, maxRulesPerDirection,
                widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withAdminPorts(Set<Integer> ports) {
        return new ReviewSettings(disabled, ports, databasePorts, ruleQuota, quotaWarningPercent, maxRulesPerDirection,
                widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withDatabasePorts(Set<Integer> ports) {
        return new ReviewSettings(disabled, adminPorts, ports, ruleQuota, quotaWarningPercent, maxRulesPerDirection,
                widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withRuleQuota(int quota, int warningPercent) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, quota, warningPercent, maxRulesPerDirection,
                widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withMaxRulesPerDirection(int max) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, ruleQuota, quotaWarningPercent, max,
                widePortRange, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withWidePortRange(int ports) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, ruleQuota, quotaWarningPercent,
                maxRulesPerDirection, ports, widePrefixV4, widePrefixV6);
    }

    public ReviewSettings withWidePrefixes(int v4, int v6) {
        return new ReviewSettings(disabled, adminPorts, databasePorts, ruleQuota, quotaWarningPercent,
                maxRulesPerDirection, widePortRange, v4, v6);
    }
}
