package dev.portcullis.backend.workspace;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.TagsContract;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The tag contract on the local workspace, and tags kept in its file across a reopen. */
class WorkspaceTagsTest extends TagsContract {

    @TempDir
    Path dir;

    @Override
    protected Backend newBackend() {
        return WorkspaceBackend.open(dir.resolve("workspace.json"));
    }

    @Test
    void tagsAreKeptInTheWorkspaceFile() throws Exception {
        SecurityGroup group = backend.create(GroupDraft.newGroup("kept", "")).get(5, TimeUnit.SECONDS);
        backend.retag(group.ref(), List.of("prod", "Team/A")).get(5, TimeUnit.SECONDS);
        backend.close();

        try (Backend reopened = newBackend()) {
            SecurityGroup read = reopened.load(ProgressListener.NONE).get(5, TimeUnit.SECONDS).group(group.id())
                    .orElseThrow();
            assertThat(read.tags()).containsExactly("prod", "Team/A");
        }
        backend = newBackend();
        backend.delete(group.ref()).get(5, TimeUnit.SECONDS); // the group the contract would not know of
    }
}
