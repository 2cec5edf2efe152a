package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;

import java.util.List;

/** The clouds the user has configured (clouds.yaml), by name, and the live backend of each. */
public interface CloudDirectory {

    /** No cloud configured: the chooser offers only the local workspace. */
    CloudDirectory NONE = new CloudDirectory() {
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
}
