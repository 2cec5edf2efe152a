package dev.portcullis.backend;

import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/** Told of each page of groups as a load receives it, so a view can show the first page at once. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (page, loadedSoFar) -> { };

    void page(List<SecurityGroup> page, int loadedSoFar);
}
