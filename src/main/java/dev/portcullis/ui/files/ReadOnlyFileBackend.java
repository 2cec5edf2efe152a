package dev.portcullis.ui.files;

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

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A definition file shown as a place: loading reads the file again, every change is refused. To change
 * its groups, import them into the workspace.
 */
public final class ReadOnlyFileBackend implements Backend {

    /** What every change is refused with. */
    public static final String REFUSAL = "opened read-only; import it into the workspace to change it";

    private final Path file;
    private final DefinitionFiles files;

    public ReadOnlyFileBackend(Path file, DefinitionFiles files) {
        this.file = file;
        this.files = files;
    }

    @Override
    public String describe() {
        return String.valueOf(file.getFileName());
    }

    @Override
    public CompletableFuture<Snapshot> load(ProgressListener progress) {
        return files.open(file).thenApply(DefinitionFiles.Opened::snapshot);
    }

    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        return refused();
    }

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        return refused();
    }

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        return refused();
    }

    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        return refused();
    }

    @Override
    public Optional<String> warning() {
        return Optional.of("Showing " + file + " read-only: import it into the workspace (File > Import…) to "
                + "change it.");
    }

    @Override
    public Optional<String> readOnly() {
        return Optional.of(file.getFileName() + " is " + REFUSAL + ".");
    }

    private <T> CompletableFuture<T> refused() {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.FORBIDDEN, "ReadOnlyFile",
                file.getFileName() + " is " + REFUSAL + "."));
    }
}
