package dev.portcullis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A definition file may hold the address groups its rules name ({@code address_groups}, as Neutron lists
 * them): lint and check look inside them, validate refuses a prefix Neutron would refuse, and export keeps them.
 */
class AddressGroupFileCommandsTest {

    private static final String GROUP = """
            {"id": "5d1c6a4e-0000-4000-8000-00000000000a", "name": "web", "description": "web servers",
             "security_group_rules": [{"id": "a0000000-0000-4000-8000-00000000000a", "direction": "ingress",
               "ethertype": "IPv4", "protocol": "tcp", "port_range_min": 22, "port_range_max": 22,
               "remote_address_group_id": "ag-office"}]}""";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private Path file(String addresses) throws IOException {
        return Files.writeString(dir.resolve("web.json"), "{\"security_groups\": [" + GROUP + "],"
                + " \"address_groups\": [{\"id\": \"ag-office\", \"name\": \"office\", \"addresses\": [" + addresses
                + "]}]}");
    }

    @Test
    void lintFindsSshFromAnAddressGroupWhoseHalvesAreTheWholeInternet() throws IOException {
        int exit = run("lint", file("\"0.0.0.0/1\", \"128.0.0.0/1\"").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("HIGH [world-open-admin-port] Ingress IPv4 TCP 22 from address group office");
    }

    @Test
    void lintReportsARuleNamingAnAddressGroupTheFileDoesNotHold() throws IOException {
        Path file = Files.writeString(dir.resolve("web.json"), "{\"security_groups\": [" + GROUP + "]}");

        run("lint", file.toString());

        assertThat(out.toString()).contains("[not-reviewed]", "address group ag-office, which the source does not hold");
    }

    @Test
    void checkAnswersFromTheAddressGroupsPrefixes() throws IOException {
        Path file = file("\"192.0.2.5/24\"");

        run("check", file.toString(), "--group", "web", "--direction", "ingress", "--protocol", "tcp", "--port", "22",
                "--remote", "192.0.2.9");
        String inside = out.toString();
        out.getBuffer().setLength(0);
        run("check", file.toString(), "--group", "web", "--direction", "ingress", "--protocol", "tcp", "--port", "22",
                "--remote", "198.51.100.9");

        assertThat(inside).containsIgnoringCase("allowed");
        assertThat(out.toString()).containsIgnoringCase("denied");
    }

    @Test
    void validateRefusesAnAddressWithoutItsLengthAsNeutronDoes() throws IOException {
        int exit = run("validate", file("\"10.0.0.1\"").toString());

        assertThat(exit).isNotZero();
        assertThat(out + err.toString()).contains("address_groups[0].addresses[0]",
                "\"10.0.0.1\" is not a prefix", "10.0.0.1/32");
    }

    @Test
    void diffNamesTheAddressGroupARuleLetsIn() throws IOException {
        Path before = Files.writeString(dir.resolve("before.json"), "{\"security_groups\": [{\"id\":"
                + " \"5d1c6a4e-0000-4000-8000-00000000000a\", \"name\": \"web\", \"security_group_rules\": []}]}");

        run("diff", before.toString(), file("\"192.0.2.0/24\"").toString());

        assertThat(out.toString()).contains("Ingress IPv4 TCP 22 from address group office");
    }

    @Test
    void exportKeepsTheAddressGroupsAsNeutronKeepsThem() throws IOException {
        Path copy = dir.resolve("copy.json");

        int exit = run("export", file("\"192.0.2.5/24\"").toString(), "--output", copy.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(copy)).contains("\"address_groups\"", "\"192.0.2.0/24\"", "\"office\"");
    }
}
