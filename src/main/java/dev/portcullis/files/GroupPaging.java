package dev.portcullis.files;

import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport.GroupReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups told to a {@link GroupPages} as they are read: the first page as soon as {@link #FIRST} groups are in,
 * then pages that grow with what was told (each as large as all before it, at least {@link #LATER}), the rest
 * when the read ends. A view that shows all it was told at each page then does work in proportion to the
 * file, not to its square (10,000 groups: pages at 50, 1,050, 2,100, 4,200, 8,400 and 10,000). Groups a quick look at
 * the start of the file has told already are not told again.
 */
final class GroupPaging {

    /** How many groups the first page holds: a screenful. */
    static final int FIRST = 50;
    /** How many groups a later page holds at least. */
    static final int LATER = 1_000;

    private final GroupPages pages;
    private final List<SecurityGroup> waiting = new ArrayList<>();
    /** How many groups have been read, those told by the quick look included. */
    private int read;
    private int told;

    GroupPaging(GroupPages pages) {
        this.pages = pages;
    }

    /** The groups a quick look at the start told before the read proper: those are not told again. */
    void toldAlready(int groups) {
        told = groups;
    }

    /** The next group read. */
    void add(GroupReport group) {
        read++;
        if (read <= told) {
            return;
        }
        waiting.add(group.readable());
        if (waiting.size() >= (told == 0 ? FIRST : Math.max(LATER, told))) {
            flush();
        }
    }

    /** What is still waiting: at the end of the groups. */
    void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        told += waiting.size();
        List<SecurityGroup> page = List.copyOf(waiting);
        waiting.clear();
        pages.page(page, told);
    }
}
