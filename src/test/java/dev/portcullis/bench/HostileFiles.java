package dev.portcullis.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Definition files an attacker writes, the same for the same seed: names, descriptions, member names and
 * addresses full of terminal escapes (CSI, OSC window titles), C0 and C1 controls, carriage returns,
 * bidirectional overrides and isolates, zero-width characters and line separators, sometimes very long;
 * in each format the project reads (Neutron's JSON, a Heat template, Terraform), and sometimes cut short or
 * with bytes changed.
 */
public final class HostileFiles {

    /** What a hostile text is made of. */
    static final List<String> PIECES = List.of("\u001b[2J", "\u001b]0;pwned\u0007", "\u001b]8;;http://x\u001b\\",
            "\r", "\u0000", "\u0007", "\u0008", "\u007f", "\u0085", "\u009b31m", "\u202a", "\u202b", "\u202c",
            "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200c", "\u200d", "\u200e",
            "\u200f", "\u2028", "\u2029", "\ufeff", "\u061c", "\n", "\t", "web", "ssh", "rel-", "é", "\"", "\\", "/",
            "10.0.0.0/8", "-", " ", "\udb40\udc01");

    /** The formats a hostile file is written in, and the name it is given (the name tells the format too). */
    public enum Format {
        JSON("groups.json"), HEAT("stack.yaml"), TERRAFORM("main.tf");

        public final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }
    }

    private HostileFiles() {
    }

    /** A hostile text: a few pieces, now and then repeated past any limit. */
    public static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int pieces = 1 + random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            s.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        if (random.nextInt(20) == 0) {
            s.append(s.toString().repeat(6_000 / s.length() + 1));
        }
        return s.toString();
    }

    /** A file of the format with hostile values; one in {@code damage} is cut short or has bytes changed. */
    public static byte[] file(Format format, Random random, int damage) {
        String text = switch (format) {
            case JSON -> json(random);
            case HEAT -> heat(random);
            case TERRAFORM -> terraform(random);
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (damage > 0 && random.nextInt(damage) == 0 && bytes.length > 1) {
            if (random.nextBoolean()) {
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }

    /** A quoted string, JSON's escapes (which YAML's double quotes and HCL's quotes read too). */
    static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static String address(Random random) {
        return random.nextInt(3) == 0 ? text(random) : random.nextBoolean() ? "0.0.0.0/0" : "10.1.2.0/24";
    }

    private static String json(Random random) {
        StringBuilder s = new StringBuilder("{\"security_groups\": [");
        int groups = 1 + random.nextInt(3);
        for (int g = 0; g < groups; g++) {
            s.append(g == 0 ? "" : ",").append("{\"id\": ").append(quoted(random.nextInt(4) == 0 ? text(random)
                    : "g" + g)).append(", \"name\": ").append(quoted(text(random))).append(", \"description\": ")
                    .append(quoted(text(random)));
            if (random.nextInt(3) == 0) {
                s.append(", ").append(quoted(text(random))).append(": 1");
            }
            s.append(", \"security_group_rules\": [");
            int rules = random.nextInt(4);
            for (int r = 0; r < rules; r++) {
                s.append(r == 0 ? "" : ",").append("{\"id\": \"r").append(g).append('-').append(r)
                        .append("\", \"direction\": ").append(quoted(random.nextInt(5) == 0 ? text(random) : "ingress"))
                        .append(", \"ethertype\": \"IPv4\", \"protocol\": ")
                        .append(quoted(random.nextInt(5) == 0 ? text(random) : "tcp"))
                        .append(", \"port_range_min\": 22, \"port_range_max\": 22, \"remote_ip_prefix\": ")
                        .append(quoted(address(random))).append(", \"description\": ").append(quoted(text(random)))
                        .append(random.nextInt(4) == 0 ? ", " + quoted(text(random)) + ": true" : "").append('}');
            }
            s.append("]}");
        }
        return s.append("]}").toString();
    }

    private static String heat(Random random) {
        return "heat_template_version: 2018-08-31\ndescription: " + quoted(text(random)) + "\nresources:\n"
                + "  web:\n    type: OS::Neutron::SecurityGroup\n    properties:\n"
                + "      name: " + quoted(text(random)) + "\n      description: " + quoted(text(random)) + "\n"
                + "      rules:\n        - protocol: tcp\n          port_range_min: 22\n          port_range_max: 22\n"
                + "          remote_ip_prefix: " + quoted(address(random)) + "\n"
                + "          description: " + quoted(text(random)) + "\n"
                + "  " + (random.nextBoolean() ? "other" : "\"" + text(random).replace("\"", "") + "\"")
                + ":\n    type: " + quoted(random.nextBoolean() ? "OS::Neutron::SecurityGroupRule" : text(random))
                + "\n    properties:\n      security_group: {get_resource: web}\n      protocol: "
                + quoted(random.nextInt(3) == 0 ? text(random) : "udp") + "\n";
    }

    private static String terraform(Random random) {
        return "resource \"openstack_networking_secgroup_v2\" \"web\" {\n  name        = " + quoted(text(random))
                + "\n  description = " + quoted(text(random)) + "\n}\n\n"
                + "resource \"openstack_networking_secgroup_rule_v2\" \"ssh\" {\n  direction         = \"ingress\"\n"
                + "  ethertype         = \"IPv4\"\n  protocol          = " + quoted(random.nextInt(4) == 0 ? text(random)
                : "tcp") + "\n  port_range_min    = 22\n  port_range_max    = 22\n  remote_ip_prefix  = "
                + quoted(address(random)) + "\n  description       = " + quoted(text(random)) + "\n"
                + "  security_group_id = openstack_networking_secgroup_v2.web.id\n}\n";
    }
}
