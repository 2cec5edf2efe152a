package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Quotas;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The quota line follows the project shown: asked again after each load or save, the latest answer kept. */
class QuotaWatchTest {

    private final List<CompletableFuture<Optional<Quotas>>> asked = new ArrayList<>();
    private final FakeBackend backend = new FakeBackend(List.of(), List.of()) {
        @Override
        public CompletableFuture<Optional<Quotas>> quotas() {
            CompletableFuture<Optional<Quotas>> answer = new CompletableFuture<>();
            asked.add(answer);
            return answer;
        }
    };
    private final SimpleObjectProperty<Snapshot> shown = new SimpleObjectProperty<>();
    private final QuotaWatch watch = new QuotaWatch(backend, Runnable::run, shown);

    private static Quotas usage(int groups, int rules) {
        return new Quotas(new Quotas.Usage(groups, 10), new Quotas.Usage(rules, 100));
    }

    @Test
    void eachProjectShownAsksAgainAndAnOlderAnswerThatComesLastIsNotShown() {
        shown.set(new Snapshot(List.of(), List.of(), Instant.EPOCH));
        shown.set(new Snapshot(List.of(), List.of(), Instant.EPOCH.plusSeconds(1)));

        asked.get(1).complete(Optional.of(usage(3, 20)));
        asked.get(0).complete(Optional.of(usage(2, 10)));

        assertThat(asked).hasSize(2);
        assertThat(watch.textProperty().get()).isEqualTo("Quota: 3 of 10 security groups, 20 of 100 rules");
        assertThat(watch.quotasProperty().get()).isEqualTo(usage(3, 20));
    }

    @Test
    void aSourceWithoutQuotasShowsNoLineAndASavedCopyIsNotAsked() {
        shown.set(new Snapshot(List.of(), List.of(), Instant.EPOCH).asOffline("the cloud did not answer"));
        shown.set(new Snapshot(List.of(), List.of(), Instant.EPOCH));
        asked.get(0).complete(Optional.empty());

        assertThat(asked).hasSize(1);
        assertThat(watch.textProperty().get()).isEmpty();
        assertThat(watch.quotasProperty().get()).isNull();
    }
}
