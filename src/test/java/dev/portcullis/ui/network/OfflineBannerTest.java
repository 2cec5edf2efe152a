package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineBannerTest {

    @Test
    void saysWhenTheCopyWasSavedAndWhyTheCloudIsNotShown() {
        Snapshot copy = new Snapshot(List.of(), List.of(), Instant.parse("2026-03-03T14:03:00Z"))
                .asOffline("The cloud prod could not be reached (connection refused).");

        assertThat(OfflineBanner.text(copy, Instant.parse("2026-03-03T16:10:00Z"), ZoneOffset.UTC))
                .isEqualTo("Offline: showing the copy saved 2 hours ago (Tue 14:03). "
                        + "The cloud prod could not be reached (connection refused).");
    }

    @Test
    void agesAreInWords() {
        assertThat(OfflineBanner.ago(Duration.ofSeconds(20))).isEqualTo("just now");
        assertThat(OfflineBanner.ago(Duration.ofMinutes(1))).isEqualTo("1 minute ago");
        assertThat(OfflineBanner.ago(Duration.ofMinutes(59))).isEqualTo("59 minutes ago");
        assertThat(OfflineBanner.ago(Duration.ofMinutes(61))).isEqualTo("1 hour ago");
        assertThat(OfflineBanner.ago(Duration.ofHours(50))).isEqualTo("2 days ago");
        assertThat(OfflineBanner.ago(Duration.ofMinutes(-5))).isEqualTo("just now");
    }
}
