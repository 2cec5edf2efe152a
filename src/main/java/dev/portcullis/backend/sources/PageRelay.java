package dev.portcullis.backend.sources;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a load started before anyone listens (the console starts reading while its window is built):
 * kept until a listener comes, then told to it, in order, before every later page. Once the load has
 * {@link #ended}, neither the pages nor the listener are kept: a listener holds the groups it was told.
 */
public final class PageRelay implements ProgressListener {

    private record Page(List<SecurityGroup> groups, int loadedSoFar, boolean fromEnd) {
        void tell(ProgressListener to) {
            if (fromEnd) {
                to.pageFromEnd(groups, loadedSoFar);
            } else {
                to.page(groups, loadedSoFar);
            }
        }
    }

    /** Guarded by this: the pages received while nobody listened, then the listener. */
    private final List<Page> early = new ArrayList<>();
    private ProgressListener listener;
    private boolean ended;

    @Override
    public void page(List<SecurityGroup> groups, int loadedSoFar) {
        relay(new Page(groups, loadedSoFar, false));
    }

    @Override
    public void pageFromEnd(List<SecurityGroup> groups, int loadedSoFar) {
        relay(new Page(groups, loadedSoFar, true));
    }

    private synchronized void relay(Page page) {
        if (ended) {
            return;
        }
        if (listener == null) {
            early.add(page);
        } else {
            page.tell(listener);
        }
    }

    /**
     * From now on the pages go to {@code to}; those kept are told to it first, unless the load is {@code done}
     * (its whole answer is there: no use showing part of it).
     */
    public synchronized void listen(ProgressListener to, boolean done) {
        if (!done) {
            early.forEach(page -> page.tell(to));
        }
        early.clear();
        listener = ended ? null : to;
    }

    /** The load has answered: no more pages come, and none is kept. */
    public synchronized void ended() {
        ended = true;
        early.clear();
        listener = null;
    }
}
