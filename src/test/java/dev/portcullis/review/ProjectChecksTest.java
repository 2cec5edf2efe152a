package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static dev.portcullis.review.Fixtures.fromGroup;
import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.only;
import static dev.portcullis.review.Fixtures.port;
import static dev.portcullis.review.Fixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectChecksTest {

    private static final SecurityGroup DEFAULT = new SecurityGroup("d", "p1", "default", "Default security group",
            true, false, 1, List.of(Rule.egressAnywhere(EtherType.IPV4).withId("e4")), List.of(), null, null);

    @Test
    void aGroupWithoutInterfacesNorReferencesIsUnused() {
        List<Finding> found = review(List.of(DEFAULT, group("web"), group("old"), group("db",
                fromGroup(Direction.INGRESS, "app")), group("app")), List.of(port("vm1", "web")));

        assertThat(only(found, "unused-group")).extracting(Finding::groupId).containsExactly("old", "db");
    }

    @Test
    void withoutInterfacesInTheDefinitionsNothingIsCalledUnused() {
        assertThat(only(review(group("web"), group("old")), "unused-group")).isEmpty();
    }

    @Test
    void aGroupOnlyItselfRefersToIsStillUnused() {
        assertThat(only(review(List.of(group("self", fromGroup(Direction.INGRESS, "self")), group("web")),
                List.of(port("vm1", "web"))), "unused-group")).extracting(Finding::groupId).containsExactly("self");
    }

    @Test
    void theDefaultGroupInUse() {
        assertThat(only(review(List.of(DEFAULT, group("web")), List.of(port("vm1", "d", "web"), port("vm2", "d"))),
                "default-group-in-use")).singleElement().extracting(Finding::explanation).asString()
                .startsWith("2 interfaces use");
    }

    @Test
    void theDefaultGroupNotInUse() {
        assertThat(only(review(List.of(DEFAULT, group("web")), List.of(port("vm1", "web"))), "default-group-in-use"))
                .isEmpty();
    }

    @Test
    void aGroupOthersReferToSaysWhatItsDeleteTakesAlong() {
        List<Finding> found = review(group("app"), group("db", fromGroup(Direction.INGRESS, "app"),
                fromGroup(Direction.EGRESS, "app")), group("cache", fromGroup(Direction.INGRESS, "app")));

        assertThat(only(found, "referenced-group")).singleElement().satisfies(f -> {
            assertThat(f.groupId()).isEqualTo("app");
            assertThat(f.explanation()).contains("3 rules in db, cache");
        });
    }

    @Test
    void referringToItselfIsNoReferenceByOthers() {
        assertThat(only(review(group("app", fromGroup(Direction.INGRESS, "app"))), "referenced-group")).isEmpty();
    }

    @Test
    void groupsSharingANameAreFlagged() {
        var one = new SecurityGroup("a", "p1", "web", "d", true, false, 1, List.of(), List.of(), null, null);
        var two = new SecurityGroup("b", "p1", "web", "d", true, false, 1, List.of(), List.of(), null, null);

        assertThat(only(review(one, two, group("db")), "duplicate-group-name")).extracting(Finding::groupId)
                .containsExactly("a", "b");
    }

    @Test
    void namesDifferingInCaseAreDifferentNames() {
        var one = new SecurityGroup("a", "p1", "web", "d", true, false, 1, List.of(), List.of(), null, null);
        var two = new SecurityGroup("b", "p1", "Web", "d", true, false, 1, List.of(), List.of(), null, null);

        assertThat(only(review(one, two), "duplicate-group-name")).isEmpty();
    }

    @Test
    void eightyRulesOfAHundredAreNearTheQuota() {
        assertThat(only(review(group("big", rules(80))), "rule-quota")).singleElement().satisfies(f -> {
            assertThat(f.groupId()).isNull();
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.explanation()).contains("Project p1 has 80 rules against a quota of 100");
        });
    }

    @Test
    void seventyNineRulesOrAnUnlimitedQuotaAreFine() {
        assertThat(only(review(group("big", rules(79))), "rule-quota")).isEmpty();
        assertThat(only(Review.of(List.of(group("big", rules(500))), List.of(),
                ReviewSettings.defaults().withRuleQuota(-1, 80)), "rule-quota")).isEmpty();
    }

    @Test
    void aRemoteGroupMissingOrOfAnotherProject() {
        var foreign = new SecurityGroup("f", "p2", "theirs", "d", true, true, 1, List.of(), List.of(), null, null);
        var missing = fromGroup(Direction.INGRESS, "gone");
        var other = fromGroup(Direction.INGRESS, "f");
        var own = fromGroup(Direction.INGRESS, "mine");

        List<Finding> found = only(review(group("mine", missing, other, own), foreign), "remote-group-elsewhere");

        assertThat(found).extracting(Finding::ruleId).containsExactly(missing.id(), other.id());
        assertThat(found.get(1).explanation()).contains("theirs of project p2");
    }

    private static Rule[] rules(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(p -> ingress("tcp", p, p, "10.0.0.0/8")).toArray(Rule[]::new);
    }
}
