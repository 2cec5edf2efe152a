package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project of the real Neutron whose rule names an address group, exported as Terraform, Heat and Ansible the
 * way {@code portcullis export} and File > Export do ({@link DefinitionFileIo#write}): the Terraform file
 * declares the address group and reads back with the same address group, group and rules; Heat and Ansible
 * leave the rule out naming the address group by name. In a project of its own, emptied after the run.
 */
class AddressGroupExportNeutronIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "agexport" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static URI endpoint;
    private static NeutronBackend backend;

    @BeforeAll
    static void server() {
        endpoint = NeutronBackendIT.serverFor("AddressGroupExportNeutronIT");
        backend = new NeutronBackend(FixedSession.open("address-group-export-it", endpoint, Map.of(
                "X-User-Id", Secret.of("portcullis-it"), "X-Project-Id", Secret.of(PROJECT),
                "X-Roles", Secret.of("member"))), Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (JsonNode group : get("/v2.0/security-groups").path("security_groups")) {
            if (!group.path("name").asText().equals("default")) {
                delete("/v2.0/security-groups/" + group.path("id").asText());
            }
        }
        for (JsonNode group : get("/v2.0/address-groups").path("address_groups")) {
            delete("/v2.0/address-groups/" + group.path("id").asText());
        }
    }

    @Test
    void theCloudsAddressGroupComesBackFromTerraformAndIsNamedByNameInHeatAndAnsible(@TempDir Path dir)
            throws Exception {
        AddressGroup office = backend.createAddressGroup(new AddressGroupDraft("office", "head office",
                List.of("203.0.113.0/24", "192.0.2.17/32"))).get(10, TimeUnit.SECONDS);
        Rule ssh = new Rule(null, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                new Remote.AddressGroup(office.id()), "ssh from the office");
        backend.create(new GroupDraft("bastion", "", true, List.of(ssh))).get(10, TimeUnit.SECONDS);
        Snapshot cloud = backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);
        SecurityGroup bastion = cloud.groups().stream().filter(g -> g.name().equals("bastion")).findFirst()
                .orElseThrow();
        DefinitionFileIo files = new DefinitionFileIo();

        Path tf = dir.resolve("project.tf");
        List<String> notes = files.write(cloud, tf);
        dev.portcullis.backend.definitions.DefinitionFiles.Opened back = files.read(tf);

        assertThat(Files.readString(tf)).contains("resource \"openstack_networking_address_group_v2\" \"office\"",
                "remote_address_group_id = openstack_networking_address_group_v2.office.id",
                "id = \"" + office.id() + "\"");
        assertThat(notes).isEmpty();
        assertThat(back.problems()).isEmpty();
        assertThat(back.snapshot().addressGroups()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(office.id());
            assertThat(a.name()).isEqualTo("office");
            assertThat(a.description()).isEqualTo("head office");
            assertThat(a.addresses()).isEqualTo(office.addresses());
        });
        SecurityGroup read = back.snapshot().groups().stream().filter(g -> g.id().equals(bastion.id())).findFirst()
                .orElseThrow();
        assertThat(read.rules()).isEqualTo(bastion.rules());

        for (String name : List.of("project.yaml", "project.yml")) {
            List<String> said = files.write(cloud, dir.resolve(name));
            assertThat(said).as(name).anySatisfy(n -> assertThat(n).contains("address group office holds "
                    + "192.0.2.17/32, 203.0.113.0/24").doesNotContain(office.id()));
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("X-User-Id", "portcullis-it").header("X-Project-Id", PROJECT).header("X-Roles", "member");
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void delete(String path) throws Exception {
        CLIENT.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}
