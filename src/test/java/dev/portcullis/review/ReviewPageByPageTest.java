package dev.portcullis.review;

import dev.portcullis.bench.ScaleProject;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.Definitions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's groups reviewed a page at a time, as the console does while a load is still running, find what the
 * whole review finds of each group itself; the checks of groups against each other wait for the whole project.
 */
class ReviewPageByPageTest {

    /** The checks that need the whole project: use, references, names, the quota. */
    private static final Set<String> PROJECT_CHECKS = Set.of(Check.RULE_QUOTA.id(), Check.REFERENCED_GROUP.id(),
            Check.DUPLICATE_GROUP_NAME.id(), Check.UNUSED_GROUP.id(), Check.DEFAULT_GROUP_IN_USE.id(),
            Check.REMOTE_GROUP_ELSEWHERE.id());

    /** A finding without its words, which name the groups a rule points at only when they are among those reviewed. */
    private record Found(String check, Severity severity, String groupId, String ruleId) {
        static Found of(Finding f) {
            return new Found(f.check(), f.severity(), f.groupId(), f.ruleId());
        }
    }

    @Test
    void pagesOfGroupsFindWhatTheWholeReviewFindsOfEachGroupItself() {
        Definitions project = ScaleProject.of(300, 20);
        List<SecurityGroup> groups = project.groups();

        List<Found> pageByPage = new ArrayList<>();
        for (int from = 0; from < groups.size(); from += 25) {
            Review.ofEachGroup(groups.subList(from, Math.min(from + 25, groups.size())), ReviewSettings.defaults())
                    .forEach(f -> pageByPage.add(Found.of(f)));
        }
        List<Found> whole = Review.of(groups, List.of(), ReviewSettings.defaults()).stream()
                .filter(f -> !PROJECT_CHECKS.contains(f.check())).map(Found::of).toList();

        assertThat(whole).hasSizeGreaterThan(groups.size());
        assertThat(pageByPage).containsExactlyElementsOf(whole);
        assertThat(Review.ofEachGroup(groups, ReviewSettings.defaults())).extracting(Finding::check)
                .doesNotContainAnyElementsOf(PROJECT_CHECKS);
    }
}
