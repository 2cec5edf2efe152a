package dev.portcullis.ui.network;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setback is counted once, stays until the view handles it, and then is cleared. */
class SetbacksTest {

    private final Setbacks setbacks = new Setbacks();

    @Test
    void eachKindIsCountedAndClearedWhenHandled() {
        GroupEditRequest request = GroupEditRequest.create(List.of())
                .withDraft(new GroupDraft("web", "", true, List.of()))
                .retry(Optional.empty(), "Quota exceeded");

        setbacks.reopen(request);
        setbacks.fail("Could not delete \"web\"", "In use");
        assertThat(setbacks.count()).isEqualTo(2);
        assertThat(setbacks.reopenRequestProperty().get()).isSameAs(request);
        assertThat(setbacks.failureProperty().get())
                .isEqualTo(new NetworkConfigurationViewModel.Failure("Could not delete \"web\"", "In use"));

        setbacks.reopenHandled();
        setbacks.failureShown();
        assertThat(setbacks.reopenRequestProperty().get()).isNull();
        assertThat(setbacks.failureProperty().get()).isNull();
        assertThat(setbacks.count()).isEqualTo(2);
    }

    @Test
    void theSameFailureAgainAfterItWasShownCountsAgain() {
        setbacks.fail("Could not delete \"web\"", "In use");
        setbacks.failureShown();
        setbacks.fail("Could not delete \"web\"", "In use");

        assertThat(setbacks.count()).isEqualTo(2);
    }
}
