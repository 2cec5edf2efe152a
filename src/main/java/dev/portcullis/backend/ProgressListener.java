package dev.portcullis.backend;

import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/**
 * Told of each page of groups as a load receives it, so a view can show the first page at once. Pages come in
 * the list's order from its start ({@link #page}); a load that also reads the list from its end back tells those
 * pages apart ({@link #pageFromEnd}), so that a view can place them below everything else it was told.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (page, loadedSoFar) -> { };

    /** Groups that follow those told before by this method, in the list's order. */
    void page(List<SecurityGroup> page, int loadedSoFar);

    /**
     * Groups read from the end of the list back, in that (descending) order: they come before those told
     * before by this method, and after every group {@link #page} tells. A listener that does not place groups
     * takes them as any page.
     */
    default void pageFromEnd(List<SecurityGroup> page, int loadedSoFar) {
        page(page, loadedSoFar);
    }
}
