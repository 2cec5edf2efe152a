package dev.portcullis.backend.neutron;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.TagsContract;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The tag contract against the real Neutron (the server with trusted headers, {@code portcullis.neutron.url}),
 * in a project of this run's own; every group a test makes is deleted after it.
 */
class TagsNeutronIT extends TagsContract {

    private static final String PROJECT = "tags" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    @Override
    protected Backend newBackend() {
        String url = System.getProperty(NeutronBackendIT.URL_PROPERTY, "http://127.0.0.1:9697");
        Map<String, Secret> headers = Map.of("X-User-Id", Secret.of("portcullis-it"),
                "X-Project-Id", Secret.of(PROJECT), "X-Roles", Secret.of("member"));
        return new NeutronBackend(FixedSession.open("tags-it", URI.create(url), headers),
                Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(10)));
    }
}
