package dev.portcullis.backend.sources;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** A backend opened ahead of the window: its first load runs from the start, the rest is the backend's own. */
class FirstLoadAheadTest {

    /** Records what it is asked; each load answers when the test completes it. */
    private static final class Recording implements Backend {
        final List<String> calls = new ArrayList<>();
        final List<CompletableFuture<Snapshot>> loads = new ArrayList<>();

        @Override
        public String describe() {
            return "recorded";
        }

        @Override
        public CompletableFuture<Snapshot> load(ProgressListener progress) {
            calls.add("load");
            CompletableFuture<Snapshot> load = new CompletableFuture<>();
            loads.add(load);
            return load;
        }

        @Override
        public CompletableFuture<Optional<Snapshot>> savedCopy() {
            calls.add("savedCopy");
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
            calls.add("create");
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
            calls.add("apply");
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> delete(GroupRef group) {
            calls.add("delete " + group.name());
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
            calls.add("detach");
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private final Recording backend = new Recording();

    @Test
    void theSavedCopyAndTheFirstLoadStartAtOnceAndTheFirstLoadIsHandedToTheFirstAsking() {
        FirstLoadAhead ahead = FirstLoadAhead.start(backend);

        assertThat(backend.calls).containsExactly("savedCopy", "load");
        assertThat(ahead.answered()).isFalse();
        backend.loads.get(0).complete(new Snapshot(List.of(), List.of(), java.time.Instant.EPOCH));
        assertThat(ahead.answered()).isTrue();

        assertThat(ahead.backend().load(ProgressListener.NONE)).isSameAs(backend.loads.get(0));
        assertThat(ahead.backend().load(ProgressListener.NONE)).isSameAs(backend.loads.get(1));
    }

    @Test
    void everythingElseIsTheBackendsOwn() {
        Backend ahead = FirstLoadAhead.start(backend).backend();

        ahead.delete(new GroupRef("id", "web", 1));
        ahead.close();

        assertThat(ahead.describe()).isEqualTo("recorded");
        assertThat(backend.calls).endsWith("delete web", "close");
    }
}
