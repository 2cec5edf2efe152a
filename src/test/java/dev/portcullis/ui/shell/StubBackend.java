package dev.portcullis.ui.shell;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;

import java.util.concurrent.CompletableFuture;

/** A backend for view tests whose load answers what the test says, when the test says. */
final class StubBackend implements Backend {

    CompletableFuture<Snapshot> nextLoad = new CompletableFuture<>();
    int loads;
    /** Where the running load reports its pages. */
    ProgressListener progress = ProgressListener.NONE;
    /** The future the last load returned. */
    CompletableFuture<Snapshot> running;

    @Override
    public String describe() {
        return "Test project";
    }

    @Override
    public CompletableFuture<Snapshot> load(ProgressListener progress) {
        loads++;
        this.progress = progress;
        CompletableFuture<Snapshot> answer = nextLoad;
        nextLoad = new CompletableFuture<>();
        running = answer;
        return answer;
    }

    private static <T> CompletableFuture<T> unsupported() {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.UNAVAILABLE, "NotInTest",
                "not part of this test"));
    }

    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        return unsupported();
    }

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        return unsupported();
    }

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        return unsupported();
    }

    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        return unsupported();
    }
}
