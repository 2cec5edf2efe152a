package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tag typed in the dialog's tag field and never added with Enter is not dropped: a save takes it. */
class DialogTagsTest {

    private static GroupEditorViewModel editWeb(List<String> tags) {
        SecurityGroup web = GroupEditorViewModelTest.WEB;
        SecurityGroup tagged = new SecurityGroup(web.id(), web.projectId(), web.name(), web.description(),
                web.stateful(), false, web.revision(), web.rules(), tags, null, null);
        return new GroupEditorViewModel(GroupEditRequest.edit(tagged, List.of(tagged)));
    }

    @Test
    void aTagLeftTypedIsAnEditAndTheSaveSetsIt() {
        GroupEditorViewModel vm = editWeb(List.of("team-a"));

        vm.tagTypedProperty().set("prod");

        assertThat(vm.hasEdits()).as("Cancel asks before it throws the tag away").isTrue();
        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(vm.changes()).contains("Set the tags to prod, team-a");
        assertThat(vm.toDraft().tags()).containsExactlyInAnyOrder("prod", "team-a");
        assertThat(vm.tags()).as("the chips are the tags added").containsExactly("team-a");
    }

    @Test
    void aTagNeutronWouldRefuseIsAProblemThatSaysWhyAndStopsTheSave() {
        GroupEditorViewModel vm = editWeb(List.of());

        vm.tagTypedProperty().set("x".repeat(256));

        assertThat(vm.problems()).anyMatch(line -> line.startsWith("Tags: ") && line.contains("256 characters long"));
        assertThat(vm.canApplyProperty().get()).isFalse();
        vm.tagTypedProperty().set("");
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void aTagTypedThatIsThereAlreadyInAnotherCaseChangesNothing() {
        GroupEditorViewModel vm = editWeb(List.of("Prod"));

        vm.tagTypedProperty().set("prod");

        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canApplyProperty().get()).as("nothing to save").isFalse();
    }
}
