package dev.portcullis.ui.common;

import java.util.Objects;

/**
 * Somewhere the console can show security groups from: the local workspace, or a cloud by its name in
 * clouds.yaml.
 */
public record Place(String name, boolean cloud) {

    public static final Place WORKSPACE = new Place("Local workspace", false);

    public Place {
        Objects.requireNonNull(name, "name");
    }

    public static Place cloud(String name) {
        return new Place(name, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
