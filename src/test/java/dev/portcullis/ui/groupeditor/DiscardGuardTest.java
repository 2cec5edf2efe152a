package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.common.FakeDialogService;
import dev.portcullis.ui.groupeditor.DiscardGuard.DiscardQuestion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing the group dialog asks before what was typed is lost: only then, and once. */
class DiscardGuardTest {

    private final FakeDialogService dialogs = new FakeDialogService();
    private final GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.create(List.of())
            .withDraft(new GroupDraft("web", "", true, List.of())));
    private final DiscardGuard guard = new DiscardGuard(vm, dialogs);

    @Test
    void nothingTypedClosesWithoutAQuestion() {
        assertThat(guard.mayDiscard()).isTrue();
        assertThat(dialogs.said()).isEmpty();
    }

    @Test
    void somethingTypedAsksAndKeepEditingKeepsTheDialogOpen() {
        vm.nameProperty().set("web-2");
        dialogs.answering(DiscardQuestion.class, false);

        assertThat(guard.mayDiscard()).isFalse();
        assertThat(((DiscardQuestion) dialogs.requests().get(0)).subject()).isEqualTo("the new group");
    }

    @Test
    void discardIsAskedOnceAndThenClosesForGood() {
        vm.nameProperty().set("web-2");
        dialogs.answering(DiscardQuestion.class, true);

        assertThat(guard.mayDiscard()).isTrue();
        assertThat(guard.mayDiscard()).as("the close that follows the answer").isTrue();
        assertThat(dialogs.requests()).hasSize(1);
    }
}
