package dev.portcullis.backend.sources;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.openstack.CloudConfig;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.openstack.Sessions;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The clouds the user has configured (clouds.yaml), by name, and the live backend of each. */
public interface Clouds {

    /** No cloud configured: only the local workspace is offered. */
    Clouds NONE = new Clouds() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public Backend open(String name) {
            throw new IllegalArgumentException("No cloud is configured, so there is no cloud called \"" + name + "\".");
        }
    };

    List<String> names();

    /** What is wrong in clouds.yaml and the other places clouds come from, one sentence each. */
    default List<String> problems() {
        return List.of();
    }

    /** The live backend of a cloud; opening authenticates lazily, so this returns quickly. */
    Backend open(String name);

    /**
     * The clouds of clouds.yaml (and the {@code OS_*} variables), found the way the OpenStack tools find them:
     * {@code configs} is asked each time a name is needed. Opening one makes its session (no request yet: it
     * signs in on the first load) and a Neutron backend over it, after telling {@code opening} the cloud's
     * settings (to warn about them); a cloud whose settings cannot be used fails to open with the reason in words.
     */
    static Clouds configured(Supplier<CloudConfigs> configs, Consumer<CloudConfig> opening) {
        return new Clouds() {
            @Override
            public List<String> names() {
                return configs.get().names();
            }

            @Override
            public List<String> problems() {
                return configs.get().problems();
            }

            @Override
            public Backend open(String name) {
                CloudConfig cloud = configs.get().cloud(name);
                opening.accept(cloud);
                return new NeutronBackend(Sessions.open(cloud));
            }
        };
    }
}
