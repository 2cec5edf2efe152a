package dev.portcullis.cli;

import dev.portcullis.files.UserEnvironment;
import dev.portcullis.review.ReviewSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the review's settings come from, and what a file that cannot be used says. */
class ReviewSettingsSourceTest {

    private static final Path ROOT = Path.of("/");

    @TempDir
    Path dir;

    /** An environment without HOME: the account's home is {@code home}. */
    private static UserEnvironment env(Map<String, String> variables, Path cwd, String home) {
        return UserEnvironment.of(variables, cwd, home);
    }

    @Test
    void theUsersFileFollowsXdgConfigHomeElseDotConfig() {
        assertThat(ReviewSettingsSource.userFile(env(Map.of("XDG_CONFIG_HOME", "/cfg"), ROOT, "/home/a")))
                .isEqualTo(Path.of("/cfg/portcullis/review.json"));
        assertThat(ReviewSettingsSource.userFile(env(Map.of("XDG_CONFIG_HOME", "relative"), ROOT, "/home/a")))
                .as("a relative XDG_CONFIG_HOME is ignored, as the specification says")
                .isEqualTo(Path.of("/home/a/.config/portcullis/review.json"));
        assertThat(ReviewSettingsSource.userFile(env(Map.of(), ROOT, "/home/a")))
                .isEqualTo(Path.of("/home/a/.config/portcullis/review.json"));
    }

    @Test
    void aFileChangesTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("review.json"),
                "{\"disabled\": [\"missing-description\"], \"adminPorts\": [22, 2222]}");

        ReviewSettings settings = ReviewSettingsSource.read(file);

        assertThat(settings.disabled()).containsExactly("missing-description");
        assertThat(settings.adminPorts()).containsExactlyInAnyOrder(22, 2222);
        assertThat(settings.databasePorts()).isEqualTo(ReviewSettings.defaults().databasePorts());
    }

    @Test
    void aFileThatCannotBeUsedSaysWhereAndWhat() throws Exception {
        Path file = Files.writeString(dir.resolve("review.json"), "{\"disabled\": [\"no-such-check\"]}");

        assertThatThrownBy(() -> ReviewSettingsSource.read(file))
                .isInstanceOf(ReviewSettingsSource.SettingsException.class)
                .satisfies(e -> assertThat(((ReviewSettingsSource.SettingsException) e).problems())
                        .singleElement().asString().contains("review.json: disabled[0]", "no-such-check"));
    }

    @Test
    void theChecksThatReportWhatCouldNotBeReadCannotBeDisabled() throws Exception {
        Path file = Files.writeString(dir.resolve("review.json"),
                "{\"disabled\": [\"missing-description\", \"not-reviewed\", \"invalid-definition\"]}");

        assertThatThrownBy(() -> ReviewSettingsSource.read(file))
                .isInstanceOf(ReviewSettingsSource.SettingsException.class)
                .satisfies(e -> assertThat(((ReviewSettingsSource.SettingsException) e).problems()).hasSize(2)
                        .allSatisfy(p -> assertThat(p).contains("cannot be disabled")));
        assertThat(ReviewSettings.defaults().withDisabled(java.util.Set.of("not-reviewed"))
                .enabled(dev.portcullis.review.Check.NOT_REVIEWED)).as("nor in code").isTrue();
        Path nearMiss = Files.writeString(dir.resolve("near.json"), "{\"disabled\": [\"missing-description\"]}");
        assertThat(ReviewSettingsSource.read(nearMiss).enabled(dev.portcullis.review.Check.MISSING_DESCRIPTION)).isFalse();
    }
}
