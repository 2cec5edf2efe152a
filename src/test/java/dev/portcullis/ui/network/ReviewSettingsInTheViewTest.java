package dev.portcullis.ui.network;

import dev.portcullis.review.Finding;
import dev.portcullis.review.ReviewSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The view reviews with the settings it is given (the user's review.json), not always the defaults. */
class ReviewSettingsInTheViewTest {

    private static List<String> checksFound(ReviewSettings settings) {
        NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(Fixtures.seededBackend(),
                Runnable::run, Runnable::run, settings);
        vm.refresh();
        return vm.findingsProperty().get().stream().map(Finding::check).distinct().toList();
    }

    @Test
    void aCheckTheSettingsTurnOffFindsNothing() {
        List<String> byDefault = checksFound(ReviewSettings.defaults());
        assertThat(byDefault).isNotEmpty();
        String turnedOff = byDefault.get(0);

        List<String> withSettings = checksFound(ReviewSettings.defaults().withDisabled(Set.of(turnedOff)));

        assertThat(withSettings).doesNotContain(turnedOff);
        assertThat(withSettings).containsAll(byDefault.subList(1, byDefault.size()));
    }
}
