package dev.portcullis.files;

import dev.portcullis.domain.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReviewSettingsFileTest {

    private static final Set<String> CHECKS = Set.of("missing-description", "world-open-admin-port");

    @TempDir
    Path dir;

    private ReviewSettingsFile.Result read(String json) throws IOException {
        Path file = dir.resolve("review.json");
        Files.writeString(file, json);
        return new ReviewSettingsFile().read(file, CHECKS);
    }

    @Test
    void readsDisabledChecksPortsAndNumbers() throws IOException {
        var result = read("{\"disabled\":[\"missing-description\"],\"adminPorts\":[22,3389,2222],"
                + "\"databasePorts\":[5432],\"ruleQuota\":-1,\"widePrefixV4\":16}");

        assertThat(result.problems()).isEmpty();
        assertThat(result.values().disabled()).containsExactly("missing-description");
        assertThat(result.values().adminPorts()).containsExactly(22, 3389, 2222);
        assertThat(result.values().databasePorts()).containsExactly(5432);
        assertThat(result.values().numbers()).containsEntry("ruleQuota", -1).containsEntry("widePrefixV4", 16)
                .doesNotContainKey("widePortRange");
    }

    @Test
    void readsTheHighRiskAndPublicServicePortsOfWorldOpenPort() throws IOException {
        var result = read("{\"highRiskPorts\":[6443,2375],\"publicServicePorts\":[80,443,25],\"adminPorts\":[22]}");

        assertThat(result.problems()).isEmpty();
        assertThat(result.values().highRiskPorts()).containsExactly(6443, 2375);
        assertThat(result.values().publicServicePorts()).containsExactly(80, 443, 25);
        assertThat(read("{\"highRiskPorts\":[0]}").problems()).extracting(p -> p.field())
                .containsExactly("highRiskPorts[0]");
    }

    @Test
    void anEmptyObjectChangesNothing() throws IOException {
        var result = read("{}");

        assertThat(result.ok()).isTrue();
        assertThat(result.values().disabled()).isNull();
        assertThat(result.values().adminPorts()).isNull();
        assertThat(result.values().highRiskPorts()).isNull();
        assertThat(result.values().publicServicePorts()).isNull();
        assertThat(result.values().numbers()).isEmpty();
    }

    @Test
    void unknownMembersChecksAndBadValuesAreReportedWithTheirPaths() throws IOException {
        var result = read("{\"disabled\":[\"missing-descriptoin\", 7],\"adminPort\":[22],"
                + "\"adminPorts\":[22, 70000, \"23\"],\"quotaWarningPercent\":150,\"widePortRange\":2.5}");

        assertThat(result.ok()).isFalse();
        assertThat(result.values()).isNull();
        assertThat(result.problems()).extracting(Problem::code, Problem::field).containsExactly(
                tuple(ReviewSettingsFile.INVALID_SETTING, "disabled[0]"),
                tuple(ReviewSettingsFile.INVALID_SETTING, "disabled[1]"),
                tuple(ReviewSettingsFile.UNKNOWN_SETTING, "adminPort"),
                tuple(ReviewSettingsFile.INVALID_SETTING, "adminPorts[1]"),
                tuple(ReviewSettingsFile.INVALID_SETTING, "adminPorts[2]"),
                tuple(ReviewSettingsFile.INVALID_SETTING, "quotaWarningPercent"),
                tuple(ReviewSettingsFile.INVALID_SETTING, "widePortRange"));
        assertThat(result.problems().get(0).message())
                .isEqualTo("There is no check \"missing-descriptoin\"; the checks are missing-description, "
                        + "world-open-admin-port.");
        assertThat(result.problems().get(5).message()).isEqualTo("quotaWarningPercent must be a whole number from 1 "
                + "to 100, not 150.");
    }

    @Test
    void notJsonNotAnObjectOrMissingIsUnusable() throws IOException {
        assertThat(read("{\"disabled\": [").problems()).singleElement()
                .extracting(Problem::code).isEqualTo(FileErrorCode.MALFORMED_JSON);
        assertThat(read("[\"missing-description\"]").problems()).singleElement()
                .extracting(Problem::code).isEqualTo(FileErrorCode.WRONG_SHAPE);
        assertThat(read("{\"ruleQuota\": 1, \"ruleQuota\": 2}").problems()).singleElement()
                .extracting(Problem::code).isEqualTo(FileErrorCode.MALFORMED_JSON);
        assertThat(new ReviewSettingsFile().read(dir.resolve("none.json"), CHECKS).problems()).singleElement()
                .extracting(Problem::message).asString().endsWith("none.json does not exist.");
    }
}
