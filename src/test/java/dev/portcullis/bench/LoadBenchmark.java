package dev.portcullis.bench;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.openstack.Access;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.backend.openstack.Sessions;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How long a cloud's security groups take to load: through the Neutron backend (time to the first page,
 * time to every group and interface) next to one plain GET of the whole collection, the way curl or the
 * OpenStack CLI asks for it. Prints figures; asserts nothing.
 *
 * <pre>mvn -q -Pbench -Dbench.cloud=NAME [-Dbench.runs=5] [-Dbench.streams=1|2] [-Dbench.firstPage=N]</pre>
 * reads clouds.yaml as the console does. Each run signs in afresh (timed on its own), then loads through a
 * new backend; the plain GET is sent with a token already in hand, as curl would be.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String cloud = System.getProperty("bench.cloud", args.length > 0 ? args[0] : "");
        int runs = Integer.getInteger("bench.runs", 5);
        if (cloud.isBlank()) {
            System.err.println("usage: -Dbench.cloud=NAME (a cloud of clouds.yaml) [-Dbench.runs=5]");
            System.exit(2);
        }
        CloudConfigs configs = CloudConfigs.forUser();
        List<Double> firstPage = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> signIn = new ArrayList<>();
        int groups = 0;
        int ports = 0;
        for (int run = 1; run <= runs; run++) {
            Session signedIn = Sessions.open(configs.cloud(cloud));
            long signInStart = System.nanoTime();
            signedIn.access().get(1, TimeUnit.MINUTES);
            signIn.add(seconds(signInStart));
            try (NeutronBackend backend = new NeutronBackend(signedIn, options(signedIn))) {
                long start = System.nanoTime();
                CompletableFuture<Double> first = new CompletableFuture<>();
                ProgressListener progress = (page, soFar) -> first.complete(seconds(start));
                Snapshot snapshot = backend.load(progress).get(5, TimeUnit.MINUTES);
                all.add(seconds(start));
                firstPage.add(first.getNow(Double.NaN));
                groups = snapshot.groups().size();
                ports = snapshot.ports().size();
            }
            try (Session session = Sessions.open(configs.cloud(cloud))) {
                Access access = session.access().get(1, TimeUnit.MINUTES); // sign in first, as curl is given a token
                HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(access.networkEndpoint() + "/v2.0/security-groups"));
                access.headers().forEach((name, value) -> request.header(name, value.reveal()));
                long start = System.nanoTime();
                session.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                plain.add(seconds(start));
            }
            System.out.printf("run %d: sign-in %.2f s, then first page %.2f s, all %d groups and %d interfaces %.2f s;"
                    + " one plain GET %.2f s%n", run, signIn.get(run - 1), firstPage.get(run - 1), groups, ports,
                    all.get(run - 1), plain.get(run - 1));
        }
        System.out.printf("median of %d runs: sign-in %.2f s; after it, first page %.2f s, everything %.2f s;"
                + " one plain GET of the collection %.2f s%n",
                runs, median(signIn), median(firstPage), median(all), median(plain));
    }

    /**
     * The backend's options as the console has them, but for {@code -Dbench.streams=1|2} (how many streams of
     * pages read the groups) and {@code -Dbench.firstPage=N} (the first page's size), to compare them.
     */
    private static dev.portcullis.backend.neutron.Options options(Session session) {
        dev.portcullis.backend.neutron.Options options = dev.portcullis.backend.neutron.Options.DEFAULTS
                .withRequestTimeout(session.requestTimeout());
        int first = Integer.getInteger("bench.firstPage", options.pageSize());
        return options.withPageSizes(first, options.maxPageSize())
                .withGroupStreams(Integer.getInteger("bench.streams", options.groupStreams()));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
