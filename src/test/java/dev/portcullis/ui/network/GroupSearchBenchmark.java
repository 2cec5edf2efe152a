package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.bench.ScaleProject;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.Definitions;
import dev.portcullis.review.RemoteAddresses;
import dev.portcullis.ui.traffic.TrafficCheckViewModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the filter costs per keystroke over a large project, and what Check traffic's set-up costs (on the
 * worker): {@code mvn -q -Pbench -Dbench.main=dev.portcullis.ui.network.GroupSearchBenchmark}
 * ({@code -Dbench.groups=10000}, {@code -Dbench.rules=20}, {@code -Dbench.runs=15}). Prints the median CPU time
 * of the runs after a warm-up: the index made once per load, each filter (parsed, then asked of every group's index,
 * as the view does at each keystroke) with the bytes one such pass allocates, and the traffic check's
 * preparation.
 */
public final class GroupSearchBenchmark {

    private static final List<String> FILTERS = List.of("22", "in:443", "out:443", "10.0.0.5", "198.51.100.7",
            "2001:db8::1", "10.0.0.0/8", "in:22 198.51.100.0/24", "group-123", "tag:prod");

    private GroupSearchBenchmark() {
    }

    public static void main(String[] args) {
        int groups = Integer.getInteger("bench.groups", 10_000);
        int rules = Integer.getInteger("bench.rules", 20);
        int runs = Integer.getInteger("bench.runs", 15);
        Definitions project = ScaleProject.of(groups, rules);
        int ruleCount = project.groups().stream().mapToInt(g -> g.rules().size()).sum();
        System.out.printf("Portcullis filter benchmark: %,d groups, %,d rules, %,d interfaces; median CPU time of %d runs"
                + " after a warm-up; Java %s, %d cores%n", project.groups().size(), ruleCount,
                project.ports().size(), runs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        List<GroupSearch.Index> indexes = new ArrayList<>();
        Runnable build = () -> {
            indexes.clear();
            RemoteAddresses remotes = RemoteAddresses.of(project.ports(), true, project.addressGroups());
            for (SecurityGroup group : project.groups()) {
                indexes.add(GroupSearch.index(group, remotes));
            }
        };
        double index = median(runs, build);
        long withIndexes = used();
        indexes.clear();
        long without = used();
        build.run();
        System.out.printf("  index, once per load          %8.2f ms  %,9d bytes held%n", index,
                withIndexes - without);
        for (String filter : FILTERS) {
            int[] found = new int[1];
            double keystroke = median(runs, () -> {
                Predicate<GroupSearch.Index> query = GroupSearch.parse(filter);
                int n = 0;
                for (GroupSearch.Index i : indexes) {
                    n += query.test(i) ? 1 : 0;
                }
                found[0] = n;
            });
            long allocated = allocated(() -> GroupSearch.parse(filter), indexes);
            System.out.printf("  filter %-24s %8.2f ms  %,9d bytes allocated  (%,d groups found)%n",
                    "\"" + filter + "\"", keystroke, allocated, found[0]);
        }
        Snapshot shown = new Snapshot(project.groups(), project.ports(), Instant.now());
        double prepare = median(runs, () -> new TrafficCheckViewModel(shown, true, null, Runnable::run, Runnable::run));
        System.out.printf("  Check traffic's preparation   %8.2f ms (on the worker)%n", prepare);
    }

    /** The heap in use after a collection. */
    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The bytes this thread allocates parsing the filter and asking every index, once. */
    private static long allocated(java.util.function.Supplier<Predicate<GroupSearch.Index>> parse,
                                  List<GroupSearch.Index> indexes) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        Predicate<GroupSearch.Index> query = parse.get();
        int n = 0;
        for (GroupSearch.Index i : indexes) {
            n += query.test(i) ? 1 : 0;
        }
        return threads.getThreadAllocatedBytes(id) - before - (n < 0 ? 1 : 0);
    }

    private static double median(int runs, Runnable work) {
        work.run();
        // this thread's CPU time: on a machine shared with other work, wall time mostly measures the others
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = threads.getCurrentThreadCpuTime();
            work.run();
            millis[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
