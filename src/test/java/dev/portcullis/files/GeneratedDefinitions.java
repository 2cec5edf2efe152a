package dev.portcullis.files;

/** Definition files made up for tests of how a file is read and shown while it is read. */
public final class GeneratedDefinitions {

    private GeneratedDefinitions() {
    }

    /** A definition file of {@code groups} groups of two rules, the second of which points at the next group. */
    public static String json(int groups) {
        StringBuilder json = new StringBuilder("{\"security_groups\": [\n");
        for (int i = 0; i < groups; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"id\": \"g").append(i).append("\", \"name\": \"group-").append(i)
                    .append("\", \"security_group_rules\": [{\"direction\": \"ingress\", \"ethertype\": \"IPv4\", ")
                    .append("\"protocol\": \"tcp\", \"port_range_min\": 22, \"port_range_max\": 22, ")
                    .append("\"remote_ip_prefix\": \"10.0.0.0/8\"}, {\"direction\": \"ingress\", \"ethertype\": ")
                    .append("\"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": 443, \"port_range_max\": 443, ")
                    .append("\"remote_group_id\": \"g").append((i + 1) % groups).append("\"}]}");
        }
        return json.append("\n]}\n").toString();
    }
}
