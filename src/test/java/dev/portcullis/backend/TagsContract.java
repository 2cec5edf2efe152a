package dev.portcullis.backend;

import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.portcullis.backend.BackendContract.await;
import static dev.portcullis.backend.BackendContract.refusal;
import static dev.portcullis.backend.BackendContract.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Backend#retag} does, the same in every place that keeps tags (the local workspace and the real
 * Neutron): tags of any text up to 255 characters, one of each whatever the letter case, written under the
 * group's revision, and read back by a load.
 */
public abstract class TagsContract {

    protected Backend backend;
    private final List<SecurityGroup> made = new ArrayList<>();

    /** A backend on a project of its own (or one where the groups this makes are deleted again). */
    protected abstract Backend newBackend() throws Exception;

    @BeforeEach
    void openBackend() throws Exception {
        backend = newBackend();
    }

    @AfterEach
    void deleteWhatWasMadeAndClose() throws Exception {
        try {
            for (SecurityGroup g : made) {
                await(backend.delete(g.ref()));
            }
        } finally {
            backend.close();
        }
    }

    private SecurityGroup newGroup() throws Exception {
        SecurityGroup group = await(backend.create(GroupDraft.newGroup(uniqueName("tags"), "")));
        made.add(group);
        return group;
    }

    private SecurityGroup loaded(String id) throws Exception {
        return await(backend.load(ProgressListener.NONE)).group(id).orElseThrow();
    }

    @Test
    void tagsOfAnyTextAreWrittenAndReadBack() throws Exception {
        SecurityGroup group = newGroup();
        String longest = "t".repeat(255);
        List<String> tags = List.of("web", "a,b", "x/y", "\u00e9t\u00e9", " spaced ", longest);

        SecurityGroup tagged = await(backend.retag(group.ref(), tags));

        assertThat(tagged.tags()).containsExactlyInAnyOrderElementsOf(tags);
        assertThat(tagged.revision()).isGreaterThan(group.revision());
        assertThat(loaded(group.id()).tags()).containsExactlyInAnyOrderElementsOf(tags);
        assertThat(loaded(group.id()).rules()).as("rules untouched").hasSameSizeAs(group.rules());
    }

    @Test
    void tagsAreRemovedByGivingTheListWithoutThem() throws Exception {
        SecurityGroup tagged = await(backend.retag(newGroup().ref(), List.of("red", "blue")));

        SecurityGroup fewer = await(backend.retag(tagged.ref(), List.of("blue")));
        SecurityGroup none = await(backend.retag(fewer.ref(), List.of()));

        assertThat(fewer.tags()).containsExactly("blue");
        assertThat(none.tags()).isEmpty();
        assertThat(loaded(tagged.id()).tags()).isEmpty();
    }

    @Test
    void theSameTagsAgainChangeNothing() throws Exception {
        SecurityGroup tagged = await(backend.retag(newGroup().ref(), List.of("red", "blue")));

        SecurityGroup again = await(backend.retag(tagged.ref(), List.of("blue", "red")));

        assertThat(again.revision()).isEqualTo(tagged.revision());
    }

    @Test
    void tagsThatDifferOnlyInLetterCaseOrAreTooLongAreRefusedAndNothingChanges() throws Exception {
        SecurityGroup group = newGroup();

        BackendException twice = refusal(backend.retag(group.ref(), List.of("Web", "web")));
        BackendException tooLong = refusal(backend.retag(group.ref(), List.of("ok", "t".repeat(256))));

        assertThat(twice.kind()).isEqualTo(Kind.INVALID);
        assertThat(twice.getMessage()).contains("\"web\" is there twice").contains("letter case");
        assertThat(tooLong.kind()).isEqualTo(Kind.INVALID);
        assertThat(tooLong.getMessage()).contains("256 characters long").contains("at most 255");
        SecurityGroup now = loaded(group.id());
        assertThat(now.tags()).isEmpty();
        assertThat(now.revision()).isEqualTo(group.revision());
    }

    @Test
    void tagsOfAGroupChangedSinceItWasReadAreRefusedAsStale() throws Exception {
        SecurityGroup opened = newGroup();
        ApplyReport renamed = await(backend.apply(ChangePlan.between(opened,
                new GroupDraft(opened.name() + "-x", "changed meanwhile", true, opened.rules()))));
        assertThat(renamed.complete()).isTrue();

        BackendException stale = refusal(backend.retag(opened.ref(), List.of("late")));

        assertThat(stale.kind()).isEqualTo(Kind.STALE);
        assertThat(loaded(opened.id()).tags()).isEmpty();
    }
}
