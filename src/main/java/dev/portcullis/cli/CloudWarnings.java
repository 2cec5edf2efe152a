package dev.portcullis.cli;

import dev.portcullis.backend.openstack.CloudConfig;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says on standard error, once per run, what in a cloud's settings exposes the password, the token or the
 * groups ({@link CloudConfig#warnings()}, the same words the console's strip shows): a command that opens the
 * same cloud twice (a diff of it with itself, a plan read then applied) says each warning once.
 */
final class CloudWarnings {

    /** The run under way: one per {@link PortcullisCommand#commandLine}, the process's stderr until then. */
    private static volatile CloudWarnings run = new CloudWarnings(new PrintWriter(System.err, true));

    private final PrintWriter err;
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    private CloudWarnings(PrintWriter err) {
        this.err = err;
    }

    /** A new run writing to {@code err}: nothing said yet. */
    static void startRun(PrintWriter err) {
        run = new CloudWarnings(err);
    }

    /** The cloud's warnings not yet said in this run, each as one line on standard error. */
    static void say(CloudConfig cloud) {
        run.sayOnce(cloud);
    }

    private void sayOnce(CloudConfig cloud) {
        boolean any = false;
        for (String warning : cloud.warnings()) {
            if (said.add(warning)) {
                synchronized (err) {
                    err.println("portcullis: warning: " + warning);
                }
                any = true;
            }
        }
        if (any) {
            err.flush();
        }
    }
}
