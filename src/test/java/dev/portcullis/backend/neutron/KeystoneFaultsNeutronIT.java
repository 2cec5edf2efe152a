package dev.portcullis.backend.neutron;

import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.backend.openstack.Sessions;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.portcullis.backend.neutron.FaultRule.nth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "401 once" with the real Keystone: {@link FaultProxy} sits in front of the Neutron that checks tokens
 * (:9698, through {@code network_endpoint_override}) and replaces the token of one request with one that
 * is not valid, so that the server itself answers 401; the session signs in again at Keystone (:5000) and
 * the request goes once more with the new token. As admin in project admin (few groups), not demo (the
 * project the benchmarks fill).
 */
class KeystoneFaultsNeutronIT {

    @TempDir
    Path home;

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aTokenTheServerRefusesIsRenewedAtKeystoneAndTheRequestSentOnceMore() throws Exception {
        String keystone = System.getProperty("portcullis.keystone.url");
        assertThat(keystone).as("system property portcullis.keystone.url (run with -Pneutron)").isNotBlank();
        try (FaultProxy proxy = new FaultProxy(URI.create("http://127.0.0.1:9698"))) {
            Files.writeString(home.resolve("clouds.yaml"), """
                    clouds:
                      admin:
                        network_endpoint_override: %s
                        auth:
                          auth_url: %s
                          username: admin
                          password: admin
                          project_name: admin
                          user_domain_name: Default
                          project_domain_name: Default
                    """.formatted(proxy.uri(), keystone));
            CloudConfigs configs = CloudConfigs.load(Map.of(), home, home.resolve("no-home"), home.resolve("no-etc"));
            assertThat(configs.problems()).isEmpty();
            Session session = Sessions.open(configs.cloud("admin"));
            NeutronBackend backend = new NeutronBackend(session, Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(10)));
            proxy.inject(nth(1, "POST", FaultMatrixSetup.GROUPS, Fault.staleToken()))
                    .inject(nth(1, "GET", FaultMatrixSetup.GROUPS, Fault.staleToken()));
            String signedIn = await(session.access()).headers().get("X-Auth-Token").reveal();
            String name = "fault-401-" + UUID.randomUUID().toString().substring(0, 8);
            SecurityGroup made = null;
            try {
                made = await(backend.create(GroupDraft.newGroup(name, "")));

                List<FaultProxy.Seen> posts = proxy.seen("POST", FaultMatrixSetup.GROUPS);
                assertThat(posts).extracting(FaultProxy.Seen::forwarded).containsExactly(true, true);
                assertThat(posts.get(0).token()).isEqualTo("portcullis-stale-token");
                assertThat(posts.get(1).token()).as("a new token from Keystone").isNotBlank()
                        .isNotEqualTo("portcullis-stale-token").isNotEqualTo(signedIn);
                assertThat(await(backend.groups(Set.of(), Set.of(name)))).as("one group, not two").hasSize(1);

                List<SecurityGroup> read = await(backend.groups(Set.of(made.id()), Set.of()));
                assertThat(read).extracting(SecurityGroup::name).containsExactly(name);
                // the first GET (the lookup by name) was refused: the session signed in a second time, and the
                // requests after it kept that token
                List<String> gets = proxy.seen("GET", FaultMatrixSetup.GROUPS).stream().map(FaultProxy.Seen::token)
                        .toList();
                assertThat(gets).hasSize(3).first().isEqualTo("portcullis-stale-token");
                assertThat(gets.get(1)).isNotEqualTo(posts.get(1).token()).isNotEqualTo("portcullis-stale-token");
                assertThat(gets.get(2)).isEqualTo(gets.get(1));
            } finally {
                if (made != null) {
                    await(backend.delete(made.ref()));
                }
                backend.close();
            }
        }
    }
}
