package dev.portcullis.ui.review;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Review view's state, without a toolkit: findings as the review of the project shown gives them. */
class ReviewViewModelTest {

    private static final Finding QUOTA = new Finding("rule-quota", Severity.MEDIUM, null, null, null, null,
            "The project uses 85 of its 100 rules.", "Ask for a higher quota or merge rules.");
    private static final Finding SSH = new Finding("world-open-admin-port", Severity.HIGH, "g-web", "web", "r-ssh",
            "Ingress IPv4 TCP 22 from 0.0.0.0/0",
            "Remote administration is open to any address on the internet: SSH (22).",
            "Allow it only through a VPN, a bastion host or your office's addresses, not from 0.0.0.0/0.");
    private static final Finding SHADOWED = new Finding("shadowed-rule", Severity.LOW, "g-web", "web", "r-office",
            "Ingress IPv4 TCP 443 from 10.0.0.0/8", "Rule covered by Ingress IPv4 TCP 443 from 0.0.0.0/0.",
            "Delete it.");
    private static final Finding UNUSED = new Finding("unused-group", Severity.LOW, "g-batch", "old-batch", null, null,
            "No interface uses the group and no other group points at it.", "Delete it if it is no longer needed.");

    private final SimpleObjectProperty<List<Finding>> findings = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Snapshot> project = new SimpleObjectProperty<>();
    private final List<String> revealed = new ArrayList<>();
    private final ReviewViewModel vm = new ReviewViewModel(findings, project,
            (group, rule) -> revealed.add(group + "/" + rule));

    private void reviewed(Finding... found) {
        project.set(new Snapshot(List.of(), List.of(), Instant.EPOCH));
        findings.set(List.of(found));
    }

    private List<String> listed() {
        return vm.findings().stream().map(FindingRow::check).toList();
    }

    @Test
    void beforeTheProjectIsReviewedItSaysSoAndListsNothing() {
        assertThat(vm.reviewedProperty().get()).isFalse();
        assertThat(vm.findings()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo(
                "The review runs once the project's security groups are loaded.");
        assertThat(vm.summaryProperty().get()).isEmpty();
    }

    @Test
    void listsEveryFindingMostSeriousFirstThenByGroupAndCountsEachSeverity() {
        reviewed(QUOTA, SHADOWED, SSH, UNUSED);

        assertThat(listed()).containsExactly("world-open-admin-port", "rule-quota", "unused-group", "shadowed-rule");
        assertThat(vm.countProperty(Severity.CRITICAL).get()).isZero();
        assertThat(vm.countProperty(Severity.HIGH).get()).isEqualTo(1);
        assertThat(vm.countProperty(Severity.MEDIUM).get()).isEqualTo(1);
        assertThat(vm.countProperty(Severity.LOW).get()).isEqualTo(2);
        assertThat(vm.summaryProperty().get()).isEqualTo("4 findings");
    }

    @Test
    void eachRowSaysWhereTheFindingIsInWords() {
        reviewed(QUOTA, SSH, UNUSED);

        assertThat(vm.findings()).extracting(FindingRow::group).containsExactly("web", "Project", "old-batch");
        assertThat(vm.findings()).extracting(FindingRow::rule).containsExactly("Ingress IPv4 TCP 22 from 0.0.0.0/0",
                "The whole project", "The whole group");
    }

    @Test
    void aSeverityTurnedOffIsHiddenAndTheCountsStay() {
        reviewed(QUOTA, SSH, SHADOWED, UNUSED);

        vm.includedProperty(Severity.LOW).set(false);

        assertThat(listed()).containsExactly("world-open-admin-port", "rule-quota");
        assertThat(vm.countProperty(Severity.LOW).get()).isEqualTo(2);
        assertThat(vm.summaryProperty().get()).isEqualTo("Showing 2 of 4 findings");
    }

    @Test
    void wordsNarrowTheListToTheFindingsThatContainThemAll() {
        reviewed(QUOTA, SSH, SHADOWED, UNUSED);

        vm.filterTextProperty().set("WEB 443");
        assertThat(listed()).containsExactly("shadowed-rule");

        vm.filterTextProperty().set("web 3389"); // a near miss: web has no such rule
        assertThat(listed()).isEmpty();
        assertThat(vm.allHiddenProperty().get()).isTrue();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No finding matches: 4 findings hidden by the filter.");

        vm.clearFilter();
        assertThat(listed()).hasSize(4);
        assertThat(vm.allHiddenProperty().get()).isFalse();
    }

    @Test
    void aProjectWithoutFindingsSaysHowManyGroupsPassed() {
        SecurityGroup clean = new SecurityGroup("g-1", "demo", "web", "Web", true, false, 1, List.of(), List.of(),
                null, null);
        project.set(new Snapshot(List.of(clean, clean), List.of(), Instant.EPOCH));
        findings.set(List.of());

        assertThat(vm.reviewedProperty().get()).isTrue();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No findings: the 2 security groups pass every check.");
        assertThat(vm.allHiddenProperty().get()).isFalse();
    }

    @Test
    void anEmptyProjectSaysThereWasNothingToReview() {
        reviewed();

        assertThat(vm.emptyTextProperty().get()).isEqualTo("No findings: the project has no security groups to review.");
    }

    @Test
    void openingAFindingRevealsItsGroupAndRule() {
        reviewed(QUOTA, SSH, UNUSED);

        assertThat(vm.open(vm.findings().get(0))).isTrue(); // SSH: the most serious comes first
        assertThat(vm.open(vm.findings().get(2))).isTrue();

        assertThat(revealed).containsExactly("g-web/r-ssh", "g-batch/null");
    }

    @Test
    void aProjectWideFindingHasNoGroupToOpen() {
        reviewed(QUOTA, SSH);

        assertThat(vm.findings().get(1).canOpen()).isFalse();
        assertThat(vm.open(vm.findings().get(1))).isFalse();
        assertThat(revealed).isEmpty();
    }

    @Test
    void theSelectedFindingSurvivesANewReviewWhileItIsStillFound() {
        reviewed(SSH, SHADOWED);
        vm.selectedProperty().set(vm.findings().get(1));

        reviewed(QUOTA, SSH, SHADOWED);
        assertThat(vm.selectedProperty().get().check()).isEqualTo("shadowed-rule");

        reviewed(QUOTA, SSH); // the rule was fixed
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void whileTheGroupsStillLoadTheListSaysItHoldsTheirOwnChecksSoFar() {
        javafx.beans.property.SimpleIntegerProperty partRows = new javafx.beans.property.SimpleIntegerProperty(25);
        ReviewViewModel partial = new ReviewViewModel(findings, project,
                new javafx.beans.property.SimpleBooleanProperty(false), partRows, (group, rule) -> { });

        findings.set(List.of());
        assertThat(partial.emptyTextProperty().get()).isEqualTo("No findings so far: the 25 groups loaded pass their"
                + " own checks. The checks across groups and interfaces run once every group is in.");

        findings.set(List.of(SSH, SHADOWED));
        assertThat(partial.summaryProperty().get()).isEqualTo("2 findings so far · 25 groups in");
        assertThat(partial.partialNoteProperty().get()).startsWith("Still loading: these are the findings of each"
                + " group's own checks.");

        partRows.set(0);
        reviewed(SSH, SHADOWED, UNUSED);
        assertThat(partial.summaryProperty().get()).isEqualTo("3 findings");
        assertThat(partial.partialNoteProperty().get()).isEmpty();
    }
}
