package dev.portcullis.review;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

class ReviewTest {

    @Test
    void aDisabledCheckReportsNothingAndTheOthersStillRun() {
        var web = group("web", ingress("tcp", 22, 22, null), ingress("tcp", 5432, 5432, null));

        List<Finding> found = Review.of(List.of(web), List.of(),
                ReviewSettings.defaults().withDisabled(Set.of("world-open-admin-port")));

        assertThat(only(found, "world-open-admin-port")).isEmpty();
        assertThat(only(found, "world-open-database-port")).hasSize(1);
    }

    @Test
    void findingsComeProjectFirstThenByGroupAndRuleThenMostSeriousFirst() {
        var quota = ReviewSettings.defaults().withRuleQuota(3, 80);
        var first = ingress("tcp", 22, 22, "10.0.0.5/24");
        var a = group("a", first);
        var b = group("b", ingress("tcp", 3389, 3389, null), ingress(null, null, null, null));

        List<Finding> found = Review.of(List.of(a, b), List.of(), quota);

        assertThat(found).extracting(Finding::check).containsExactly("rule-quota",
                "ipv4-only", "host-bits",
                "ipv4-only", "world-open-admin-port", "shadowed-rule", "world-open-all");
        assertThat(Review.of(List.of(a, b), List.of(), quota)).isEqualTo(found);
    }

    @Test
    void everyCheckHasItsOwnId() {
        assertThat(Check.ids()).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }
}
