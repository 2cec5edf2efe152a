package dev.portcullis.ui;

import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.beans.value.ObservableValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real local workspace (its example project) in a directory of its own, with the Network Configuration view
 * model the other views follow, loaded: what the views' tests run on.
 */
public final class WorkspaceProject implements AutoCloseable {

    public final Path dir;
    public final WorkspaceBackend backend;
    public final NetworkConfigurationViewModel network;

    private WorkspaceProject(Path dir, Executor fx, Executor worker) {
        this.dir = dir;
        this.backend = WorkspaceBackend.open(dir.resolve("workspace.json"));
        this.network = new NetworkConfigurationViewModel(backend, fx, worker);
    }

    /** The project in a new temporary directory, its load started (the views follow it once it is in). */
    public static WorkspaceProject open(Executor fx, Executor worker) throws IOException {
        WorkspaceProject project = new WorkspaceProject(Files.createTempDirectory("portcullis-view"), fx, worker);
        project.network.refresh();
        return project;
    }

    /** Waits, without sleeping, until the value satisfies the test (the workspace answers on its own thread). */
    public static <T> void until(ObservableValue<T> value, Predicate<T> test) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        value.addListener((obs, old, now) -> {
            if (test.test(now)) {
                reached.complete(null);
            }
        });
        if (test.test(value.getValue())) {
            reached.complete(null);
        }
        reached.get(10, TimeUnit.SECONDS);
    }

    /** Closes the workspace and deletes its directory. */
    @Override
    public void close() throws IOException {
        backend.close();
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
