package dev.portcullis.ui.network;

import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a create cannot carry is saved next, as an edit of the group made: the tags, and in "Copy to new…" of a
 * group whose rules point at itself ("default": ingress from default) those rules, which must point at the copy.
 * Once the group exists, a failure of that second step is a save's failure on it: never "Created" with rules
 * or tags missing, and never a second group.
 */
class CreateFollowUpsTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Runnable::run,
            Runnable::run);

    private GroupEditRequest copyOfDefault() {
        vm.refresh();
        GroupRow row = vm.defaultGroups().stream().filter(r -> r.name().equals("default")).findFirst().orElseThrow();
        return vm.copyRequest(row);
    }

    private static long pointingAt(GroupDraft draft, String id) {
        return draft.rules().stream().map(Rule::remote).filter(r -> r instanceof Remote.Group g
                && g.groupId().equals(id)).count();
    }

    @Test
    void theCopyIsMadeThenItsRulesPointAtItAndItCountsAsOneChangeThroughout() {
        GroupEditRequest request = copyOfDefault();
        List<Boolean> changing = new ArrayList<>();
        vm.changingProperty().addListener((obs, was, now) -> changing.add(now));

        vm.save(request, request.draft());

        assertThat(backend.created).hasSize(1);
        String copy = backend.groups.get(backend.groups.size() - 1).id();
        assertThat(pointingAt(GroupDraft.of(backend.groups.get(backend.groups.size() - 1)), copy))
                .as("the rules that pointed at default point at the copy").isEqualTo(2);
        assertThat(vm.statusProperty().get()).isEqualTo("Saved \"default (copy)\"");
        assertThat(vm.reopenRequestProperty().get()).isNull();
        assertThat(changing).as("no pause between the create and its rules: a closing window waits for both")
                .containsExactly(true, false);
    }

    @Test
    void aRefusedSecondStepOpensTheDialogOnTheCopyMadeWithWhatIsMissing() {
        GroupEditRequest request = copyOfDefault();
        backend.failApplyAtStep = 0;
        backend.stepFailure = FakeBackend.refusal(BackendException.Kind.QUOTA, "OverQuota",
                "The project may have at most 10 rules.");

        vm.save(request, request.draft());

        assertThat(vm.statusProperty().get()).isEqualTo("Could not save \"default (copy)\"");
        GroupEditRequest again = vm.reopenRequestProperty().get();
        assertThat(again).as("the dialog opens again").isNotNull();
        assertThat(again.isNew()).as("on the copy made, not as a new group").isFalse();
        String copy = again.original().orElseThrow().id();
        assertThat(again.copyOf()).isEmpty();
        assertThat(again.error().orElseThrow()).contains("Nothing was saved.")
                .contains("The project may have at most 10 rules.");
        assertThat(pointingAt(again.draft(), copy)).as("what is still to save, pointing at the copy").isEqualTo(2);
        assertThat(again.groups()).anyMatch(g -> g.id().equals(copy));
    }

    @Test
    void aFailedSecondStepThenSavedAgainAddsTheRulesToTheSameCopy() {
        GroupEditRequest request = copyOfDefault();
        int before = backend.groups.size();
        backend.failNextApply = FakeBackend.refusal(BackendException.Kind.UNAVAILABLE, "Timeout",
                "Neutron did not answer within 30 s.");

        vm.save(request, request.draft());
        GroupEditRequest again = vm.reopenRequestProperty().get();
        vm.reopenHandled();
        vm.save(again, again.draft());

        assertThat(backend.created).as("made once").hasSize(1);
        assertThat(backend.groups).hasSize(before + 1);
        String copy = again.original().orElseThrow().id();
        assertThat(pointingAt(GroupDraft.of(backend.groups.get(before)), copy)).isEqualTo(2);
        assertThat(vm.statusProperty().get()).isEqualTo("Saved \"default (copy)\"");
    }

    @Test
    void tagsTheServerRefusesAfterTheCreateOpenTheDialogOnTheGroupMadeWithTheTagsTyped() {
        vm.refresh();
        GroupDraft typed = GroupDraft.newGroup("app-tier", "").withTags(List.of("prod"));

        vm.save(vm.newGroupRequest(), typed); // the fake backend keeps no tags, as a workspace file of old

        assertThat(backend.created).hasSize(1);
        GroupEditRequest again = vm.reopenRequestProperty().get();
        assertThat(again.isNew()).isFalse();
        assertThat(again.original().orElseThrow().name()).isEqualTo("app-tier");
        assertThat(again.draft().tags()).containsExactly("prod");
        assertThat(again.error().orElseThrow()).contains("cannot keep tags");
        assertThat(vm.statusProperty().get()).isEqualTo("Could not save \"app-tier\"");
    }
}
