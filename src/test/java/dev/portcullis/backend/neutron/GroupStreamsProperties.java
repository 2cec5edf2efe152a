package dev.portcullis.backend.neutron;

import dev.portcullis.domain.SecurityGroup;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two streams of pages, from each end of a sorted list, whose answers come back in any order: every group is
 * read once, the whole comes out in the list's order, the first page is told first and alone, and the reading
 * costs about the requests the list's size asks for; the number of groups, when it is known, makes each group
 * come from the server about once, and when it is wrong (off by a few, either way) nothing is missed. Against a server stand-in that sorts by name (letter
 * case aside, as MariaDB does) and then by id, and pages after a marker as Neutron does.
 */
class GroupStreamsProperties {

    private static final Comparator<SecurityGroup> ORDER = Comparator
            .comparing(SecurityGroup::name, String.CASE_INSENSITIVE_ORDER).thenComparing(SecurityGroup::id);

    /** The server stand-in: answers are kept until the test completes them, in an order of its choosing. */
    private static final class Server implements GroupStreams.Pages {
        private final List<SecurityGroup> sorted;
        private final List<SecurityGroup> reversed;
        private final List<Runnable> waiting = new ArrayList<>();
        int requests;
        int returned;

        Server(List<SecurityGroup> groups) {
            sorted = groups.stream().sorted(ORDER).toList();
            reversed = groups.stream().sorted(ORDER.reversed()).toList();
        }

        @Override
        public synchronized CompletableFuture<List<SecurityGroup>> page(boolean ascending, String marker, int limit) {
            requests++;
            List<SecurityGroup> order = ascending ? sorted : reversed;
            int from = 0;
            if (marker != null) {
                for (int i = 0; i < order.size(); i++) {
                    if (order.get(i).id().equals(marker)) {
                        from = i + 1;
                    }
                }
            }
            List<SecurityGroup> page = List.copyOf(order.subList(Math.min(from, order.size()),
                    Math.min(from + limit, order.size())));
            returned += page.size();
            CompletableFuture<List<SecurityGroup>> answer = new CompletableFuture<>();
            waiting.add(() -> answer.complete(page));
            return answer;
        }

        /** Completes the waiting answers one at a time, in an order the random source picks. */
        void answerAll(Random random) {
            while (true) {
                Runnable next;
                synchronized (this) {
                    if (waiting.isEmpty()) {
                        return;
                    }
                    next = waiting.remove(random.nextInt(waiting.size()));
                }
                next.run();
            }
        }
    }

    private static List<SecurityGroup> groups(int count, Random random) {
        List<SecurityGroup> groups = new ArrayList<>();
        String[] names = {"web", "Web", "db", "app", "app-", "app_1", "Zeta", "alpha", "m"};
        for (int i = 0; i < count; i++) {
            String name = names[random.nextInt(names.length)] + (random.nextBoolean() ? "" : random.nextInt(50));
            groups.add(new SecurityGroup(String.format("id-%04d", random.nextInt(100_000)) + "-" + i, "p", name, "",
                    true, false, 1, List.of(), List.of(), Instant.EPOCH, Instant.EPOCH));
        }
        return groups;
    }

    /** Pages of {@code first}, then fourfold up to {@code largest}, until a short (or empty) one. */
    private static int oneStreamRequests(int count, int first, int largest) {
        int requests = 0;
        long read = 0;
        for (long limit = first; ; limit = Math.min(limit * 4, largest)) {
            requests++;
            if (count - read < limit) {
                return requests;
            }
            read += limit;
        }
    }

    @Property(tries = 500)
    void everyGroupIsReadOnceInTheListsOrder(@ForAll @IntRange(max = 400) int count,
                                             @ForAll @IntRange(min = 1, max = 20) int first,
                                             @ForAll @IntRange(min = 0, max = 60) int more,
                                             @ForAll @IntRange(min = 1, max = 2) int streams,
                                             @ForAll @IntRange(min = -3, max = 3) int countOff,
                                             @ForAll boolean counted,
                                             @ForAll long seed) {
        Random random = new Random(seed);
        List<SecurityGroup> groups = groups(count, random);
        Server server = new Server(groups);
        List<List<SecurityGroup>> told = new ArrayList<>();
        List<Integer> toldBeforeFirstPageIn = new ArrayList<>();
        List<SecurityGroup> fromStart = new ArrayList<>();
        List<SecurityGroup> fromEnd = new ArrayList<>();

        CompletableFuture<List<SecurityGroup>> read = new GroupStreams(server, first, first + more, streams)
                .read((page, ascending) -> {
                    synchronized (told) {
                        told.add(page);
                        if (ascending) {
                            fromStart.addAll(page);
                        } else {
                            List<SecurityGroup> back = new ArrayList<>(page);
                            Collections.reverse(back);
                            fromEnd.addAll(0, back);
                        }
                    }
                }, () -> toldBeforeFirstPageIn.add(told.size()),
                () -> counted ? CompletableFuture.completedFuture(count + countOff)
                        : CompletableFuture.failedFuture(new IllegalStateException("no quota details")));
        server.answerAll(random);

        assertThat(read).isDone();
        List<SecurityGroup> all = read.join();
        assertThat(all).isEqualTo(groups.stream().sorted(ORDER).toList());
        assertThat(told.stream().mapToInt(List::size).sum()).isEqualTo(count);
        List<SecurityGroup> placed = new ArrayList<>(fromStart);
        placed.addAll(fromEnd);
        assertThat(placed).as("the pages from the start, then those from the end, each where it belongs")
                .isEqualTo(all);
        Set<String> ids = new HashSet<>();
        told.forEach(page -> page.forEach(g -> assertThat(ids.add(g.id())).isTrue()));
        assertThat(toldBeforeFirstPageIn).as("the first page alone, before any other request")
                .containsExactly(count == 0 ? 0 : 1);
        if (count > 0) {
            assertThat(told.get(0)).isEqualTo(all.subList(0, Math.min(first, count)));
        }
        // the streams stop where they meet: past it, only the page that met and one more already asked for; with
        // the right count, the two halves overlap by a group each
        assertThat(server.returned).isLessThanOrEqualTo(count + 2 * (first + more));
        if (counted && countOff == 0) {
            assertThat(server.returned).isLessThanOrEqualTo(count + 2);
        }
        // the requests one stream would make, and a few more for the second stream's first and meeting pages
        assertThat(server.requests).isLessThanOrEqualTo(oneStreamRequests(count, first, first + more) + 4);
    }

    /** Found by CI: a first page exactly as long as the project, with the count known, read everything twice. */
    @Example
    void aFirstPageHoldingTheWholeCountedProjectIsNotReadAgainFromTheOtherEnd() {
        for (long seed = 0; seed < 20; seed++) {
            everyGroupIsReadOnceInTheListsOrder(7, 7, 10, 2, 0, true, seed);
        }
    }
}
