package dev.portcullis.review;

import java.util.Map;

/** What listens on a well-known port, for the findings' words: {@code SSH (22)}, {@code port 4711}. */
final class Services {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(20, "FTP data"), Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "Telnet"),
            Map.entry(135, "RPC"), Map.entry(137, "NetBIOS"), Map.entry(138, "NetBIOS"), Map.entry(139, "NetBIOS"),
            Map.entry(445, "SMB"), Map.entry(1433, "MS SQL"), Map.entry(1434, "MS SQL"), Map.entry(1521, "Oracle"),
            Map.entry(2049, "NFS"), Map.entry(2483, "Oracle"), Map.entry(2484, "Oracle"), Map.entry(3306, "MySQL"),
            Map.entry(3389, "RDP"), Map.entry(5432, "PostgreSQL"), Map.entry(5601, "Kibana"), Map.entry(5900, "VNC"),
            Map.entry(5985, "WinRM"), Map.entry(5986, "WinRM"), Map.entry(6379, "Redis"), Map.entry(7000, "Cassandra"),
            Map.entry(7001, "Cassandra"), Map.entry(7199, "Cassandra JMX"), Map.entry(9042, "Cassandra"),
            Map.entry(9092, "Kafka"), Map.entry(9160, "Cassandra Thrift"), Map.entry(9200, "Elasticsearch"),
            Map.entry(9300, "Elasticsearch"), Map.entry(11211, "memcached"), Map.entry(27017, "MongoDB"),
            Map.entry(27018, "MongoDB"),
            Map.entry(25, "SMTP"), Map.entry(53, "DNS"), Map.entry(80, "HTTP"), Map.entry(88, "Kerberos"),
            Map.entry(110, "POP3"), Map.entry(143, "IMAP"), Map.entry(389, "LDAP"), Map.entry(443, "HTTPS"),
            Map.entry(464, "Kerberos"), Map.entry(636, "LDAPS"), Map.entry(749, "Kerberos admin"),
            Map.entry(750, "Kerberos"), Map.entry(2375, "Docker API"), Map.entry(2376, "Docker API"),
            Map.entry(2379, "etcd"), Map.entry(2380, "etcd"), Map.entry(3000, "development server"),
            Map.entry(4333, "mSQL"), Map.entry(5000, "development server"), Map.entry(5500, "VNC"),
            Map.entry(6443, "Kubernetes API"), Map.entry(8000, "development server"),
            Map.entry(8080, "HTTP proxy or application server"), Map.entry(8088, "HTTP alternate"),
            Map.entry(8443, "HTTPS alternate"), Map.entry(8888, "HTTP alternate (Jupyter)"),
            Map.entry(10250, "kubelet"));

    private Services() {
    }

    /** The service's name, or null. */
    static String name(int port) {
        return NAMES.get(port);
    }

    /** {@code SSH (22)}, or {@code port 4711} for a port without a well-known service. */
    static String label(int port) {
        String name = NAMES.get(port);
        return name == null ? "port " + port : name + " (" + port + ")";
    }
}
