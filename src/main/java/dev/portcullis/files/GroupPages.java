package dev.portcullis.files;

import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/**
 * Hears a definition file's groups while it is being read, a page at a time, so that a view can show the first
 * ones before the whole file is read. Pages are provisional: the groups as read so far, each under its id (a
 * draft id for a group without one), with every rule that could be read; the file's report, when the read
 * ends, is what counts (it may find the file unusable after all). Called on the reading thread.
 */
@FunctionalInterface
public interface GroupPages {

    GroupPages NONE = (page, readSoFar) -> { };

    /** The next groups in file order; {@code readSoFar}: how many groups the pages have held so far, these included. */
    void page(List<SecurityGroup> page, int readSoFar);
}
