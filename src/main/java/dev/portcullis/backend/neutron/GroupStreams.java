package dev.portcullis.backend.neutron;

import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The project's groups in the console's order (by name, then id: {@link #ASCENDING}), read as two streams of
 * pages: one from the first group on and one from the last group back ({@link #DESCENDING}), meeting in the
 * middle. The first page is small and comes alone, so that the table's top rows are on screen at once and never
 * move. When the number of groups is known (the project's quota usage), each stream asks for its half and one
 * group more, so that the two overlap by a group and nothing is read twice; when it is not, pages grow fourfold.
 *
 * <p>Once a page of one stream holds a group the other has read, or a stream reaches its end of the list (a
 * short page), every group has been read: the two orders are exact reverses (the id breaks ties of names). A
 * stream that has read its half without meeting the other waits for it; if both wait, the count was wrong (a
 * group was added meanwhile, or the list holds other projects' groups) and the ascending one goes on. A stream
 * also stops on a page that repeats what it read itself (Neutron answers a marker it does not know with the
 * first page again). With {@code streams} 1 only the ascending stream runs. A server that serves one request at
 * a time still gains from the second stream: it works on one stream's page while the client reads the other's.
 */
final class GroupStreams {

    /** Neutron's sort: by name, then by id, each ascending. */
    static final String ASCENDING = "&sort_key=name&sort_dir=asc&sort_key=id&sort_dir=asc";
    /** The exact reverse of {@link #ASCENDING}. */
    static final String DESCENDING = "&sort_key=name&sort_dir=desc&sort_key=id&sort_dir=desc";

    /** Told each page's new groups: {@code ascending} from the start of the list, else from its end back. */
    @FunctionalInterface
    interface Told {
        void page(List<SecurityGroup> groups, boolean ascending);
    }

    /** One page of a stream: {@code limit} groups after the group {@code marker} (null: from the start). */
    @FunctionalInterface
    interface Pages {
        CompletableFuture<List<SecurityGroup>> page(boolean ascending, String marker, int limit);
    }

    private final Pages pages;
    private final int firstLimit;
    private final int largestLimit;
    private final int streams;

    /**
     * @param firstLimit   the first page's size (a screenful)
     * @param largestLimit the largest page
     * @param streams      1 (ascending only) or 2
     */
    GroupStreams(Pages pages, int firstLimit, int largestLimit, int streams) {
        if (streams < 1 || streams > 2) {
            throw new IllegalArgumentException("streams must be 1 or 2, not " + streams);
        }
        this.pages = pages;
        this.firstLimit = firstLimit;
        this.largestLimit = largestLimit;
        this.streams = streams;
    }

    /**
     * Every group, in the ascending order; each page's new groups are told to {@code onPage} as they come (the
     * ascending stream's in its order, the descending stream's in its own), and {@code firstPageIn} runs once
     * the first page is in, before any other request is sent (a caller starts its other reads then). {@code
     * total}: asked once the first page is in and more is to come, how many groups there are (negative or
     * failed: not known); it only shapes the pages, never what is read. Nothing is sent beside the first
     * page, which a server with one worker would serve after it.
     */
    CompletableFuture<List<SecurityGroup>> read(Told onPage, Runnable firstPageIn,
                                                java.util.function.Supplier<CompletableFuture<Integer>> total) {
        return new Read(onPage, firstPageIn, total).start();
    }

    private enum State { RUNNING, WAITING, DONE }

    /** One stream of one reading. */
    private static final class Stream {
        final boolean up;
        final List<SecurityGroup> read = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        State state = State.DONE;
        int limit;
        /** How many groups this stream reads before it waits for the other (its half, and one); -1: no plan. */
        int share = -1;
        /** Whether its next page has been asked for and not answered yet. */
        boolean sent;

        Stream(boolean up) {
            this.up = up;
        }

        String last() {
            return read.get(read.size() - 1).id();
        }
    }

    /** One reading. Guarded by itself; requests are sent, and pages told, outside its lock. */
    private final class Read {
        private final Told onPage;
        private final Runnable firstPageIn;
        private final java.util.function.Supplier<CompletableFuture<Integer>> total;
        private final CompletableFuture<List<SecurityGroup>> done = new CompletableFuture<>();
        private final Stream up = new Stream(true);
        private final Stream down = new Stream(false);
        /** Whether every group has been read: the streams met, or one reached its end of the list. */
        private boolean whole;

        Read(Told onPage, Runnable firstPageIn,
             java.util.function.Supplier<CompletableFuture<Integer>> total) {
            this.onPage = onPage;
            this.firstPageIn = firstPageIn;
            this.total = total;
        }

        CompletableFuture<List<SecurityGroup>> start() {
            synchronized (this) {
                up.state = State.RUNNING;
                up.limit = firstLimit;
                up.sent = true;
            }
            send(up, null, firstLimit, true);
            return done;
        }

        private void send(Stream stream, String marker, int limit, boolean first) {
            CompletableFuture<List<SecurityGroup>> page;
            try {
                page = pages.page(stream.up, marker, limit);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            page.whenComplete((items, failed) -> {
                if (failed != null) {
                    done.completeExceptionally(failed);
                } else if (!done.isDone()) { // else the other stream failed
                    try {
                        answered(stream, limit, first, items);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                }
            });
        }

        private void answered(Stream stream, int limit, boolean first, List<SecurityGroup> items) {
            List<SecurityGroup> fresh = take(stream, limit, items);
            if (!fresh.isEmpty()) {
                onPage.page(Collections.unmodifiableList(fresh), stream.up);
            }
            if (!first) {
                next();
                return;
            }
            firstPageIn.run();
            boolean more;
            synchronized (this) {
                more = up.state == State.RUNNING;
            }
            if (!more) {
                next();
                return;
            }
            CompletableFuture<Integer> counted;
            try {
                counted = total.get();
            } catch (RuntimeException e) {
                counted = CompletableFuture.completedFuture(-1);
            }
            counted.whenComplete((groups, failed) -> {
                try {
                    plan(failed == null && groups != null ? groups : -1);
                    next();
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        }

        /** Keeps a page's new groups, and says what the stream does next. */
        private synchronized List<SecurityGroup> take(Stream stream, int limit, List<SecurityGroup> items) {
            Stream other = stream == up ? down : up;
            stream.sent = false;
            List<SecurityGroup> fresh = new ArrayList<>();
            boolean repeated = false;
            for (SecurityGroup group : items) {
                if (other.ids.contains(group.id())) {
                    whole = true;
                    break;
                }
                if (!stream.ids.add(group.id())) {
                    repeated = true; // the server started over: a marker it did not know
                    break;
                }
                fresh.add(group);
            }
            stream.read.addAll(fresh);
            if (items.size() < limit && !repeated) {
                whole = true; // the end of the list in this stream's direction
            }
            if (whole || repeated || stream.read.isEmpty()) {
                stream.state = State.DONE;
            } else if (stream.share >= 0 && stream.read.size() >= stream.share) {
                stream.state = State.WAITING;
            } else {
                stream.state = State.RUNNING;
                stream.limit = Math.min(grown(stream.limit), stream.share < 0 ? largestLimit
                        : stream.share - stream.read.size());
            }
            return fresh;
        }

        /** After the first page: the second stream, and each stream's share when the number of groups is known. */
        private synchronized void plan(int groups) {
            int rest = groups - up.read.size();
            if (groups >= 0 && rest <= 0) {
                // the first page holds them all, if the count is right: one group more confirms the end
                up.share = up.read.size() + 1;
            } else if (rest > 0) {
                int upHalf = streams == 2 ? (rest + 1) / 2 : rest;
                up.share = up.read.size() + upHalf + 1;
                down.share = rest - upHalf + 1;
            }
            up.limit = Math.min(grown(firstLimit), up.share < 0 ? largestLimit : up.share - up.read.size());
            if (streams == 2 && (up.share < 0 || down.share > 1)) {
                down.state = State.RUNNING;
                down.limit = Math.min(grown(firstLimit), down.share < 0 ? largestLimit : down.share);
            }
        }

        /** Sends what each running stream asks for next, or ends the reading once nothing is left to ask. */
        private void next() {
            List<Runnable> sends = new ArrayList<>();
            List<SecurityGroup> all = null;
            synchronized (this) {
                for (Stream stream : List.of(up, down)) {
                    if (whole && stream.state == State.WAITING) {
                        stream.state = State.DONE;
                    }
                }
                boolean inFlight = false;
                for (Stream stream : List.of(up, down)) {
                    if (stream.state == State.RUNNING && !stream.sent) {
                        stream.sent = true;
                        String marker = stream.read.isEmpty() ? null : stream.last();
                        int limit = stream.limit;
                        sends.add(() -> send(stream, marker, limit, false));
                    }
                    inFlight |= stream.state == State.RUNNING;
                }
                if (!inFlight && !whole && up.state == State.WAITING) {
                    // both waited without meeting: more groups than counted; the ascending stream goes on alone
                    up.state = State.RUNNING;
                    up.share = -1;
                    up.limit = grown(up.limit);
                    up.sent = true;
                    String marker = up.last();
                    int limit = up.limit;
                    sends.add(() -> send(up, marker, limit, false));
                    down.state = State.DONE;
                    inFlight = true;
                }
                if (!inFlight) {
                    all = new ArrayList<>(up.read.size() + down.read.size());
                    all.addAll(up.read);
                    for (int i = down.read.size() - 1; i >= 0; i--) {
                        all.add(down.read.get(i));
                    }
                }
            }
            sends.forEach(Runnable::run);
            if (all != null) {
                done.complete(List.copyOf(all));
            }
        }
    }

    private int grown(int limit) {
        return (int) Math.min((long) limit * 4, largestLimit);
    }
}
