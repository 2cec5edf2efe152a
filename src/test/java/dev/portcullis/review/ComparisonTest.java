package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.ComparisonGroup.FieldChange;
import dev.portcullis.review.ComparisonGroup.Redescribed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static Rule tcp(int port, String remote, String description) {
        return Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(port),
                remote == null ? Remote.ANYWHERE : Remote.prefix(remote), description);
    }

    private static SecurityGroup group(String id, String name, Rule... rules) {
        return new SecurityGroup(id, "p", name, "", true, false, 1, List.of(rules), List.of(), null, null);
    }

    @Test
    void theSameGroupsUnderOtherIdsAndRuleIdsAreTheSame() {
        Rule fromWebA = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
                Remote.group("a-web"), null).withId("r1");
        Rule fromWebB = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
                Remote.group("b-web"), "").withId("r9");
        List<SecurityGroup> first = List.of(group("a-web", "web", tcp(22, "0.0.0.0/0", "ssh").withId("r2")),
                group("a-db", "db", fromWebA));
        List<SecurityGroup> second = List.of(group("b-db", "db", fromWebB),
                group("b-web", "web", tcp(22, null, "ssh")));

        Comparison c = Comparison.of(first, second);

        assertThat(c.same()).isTrue();
        assertThat(c.unchanged()).isEqualTo(2);
    }

    @Test
    void aRemoteGroupPointingAtAnotherGroupIsADifference() {
        Rule fromWeb = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
                Remote.group("web"), null);
        Rule fromDb = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
                Remote.group("db"), null);
        List<SecurityGroup> first = List.of(group("web", "web"), group("db", "db", fromWeb));
        List<SecurityGroup> second = List.of(group("web", "web"), group("db", "db", fromDb));

        ComparisonGroup db = Comparison.of(first, second).changed().get(0);

        assertThat(db.onlyInFirst()).containsExactly(fromWeb);
        assertThat(db.onlyInSecond()).containsExactly(fromDb);
    }

    @Test
    void aDescriptionAloneChangedIsShownAsSuchNotAsRemoveAndAdd() {
        Rule before = tcp(22, "10.0.0.0/8", "ssh");
        Rule after = tcp(22, "10.0.0.0/8", "SSH from the office");

        ComparisonGroup g = Comparison.of(List.of(group("g", "web", before)), List.of(group("g", "web", after)))
                .changed().get(0);

        assertThat(g.redescribed()).containsExactly(new Redescribed(before, after));
        assertThat(g.onlyInFirst()).isEmpty();
        assertThat(g.onlyInSecond()).isEmpty();
        assertThat(g.fields()).isEmpty();
    }

    @Test
    void aMissingDescriptionIsTheEmptyOne() {
        assertThat(Comparison.of(List.of(group("g", "web", tcp(22, null, null))),
                List.of(group("g", "web", tcp(22, null, "")))).same()).isTrue();
    }

    @Test
    void rulesOnlyOnOneSideAreListedOnThatSide() {
        Rule ssh = tcp(22, null, null);
        Rule http = tcp(80, null, null);
        Rule https = tcp(443, null, null);

        ComparisonGroup g = Comparison.of(List.of(group("g", "web", ssh, http)), List.of(group("g", "web", http, https)))
                .changed().get(0);

        assertThat(g.onlyInFirst()).containsExactly(ssh);
        assertThat(g.onlyInSecond()).containsExactly(https);
        assertThat(g.redescribed()).isEmpty();
    }

    @Test
    void hostBitsMakeAnotherRuleAsNeutronStoresTheTextButTheWholeInternetIsNoRemote() {
        Rule network = tcp(22, "10.0.0.0/24", null);
        Rule withHostBits = tcp(22, "10.0.0.5/24", null);

        ComparisonGroup g = Comparison.of(List.of(group("g", "web", network)), List.of(group("g", "web", withHostBits)))
                .changed().get(0);

        assertThat(g.onlyInFirst()).containsExactly(network);
        assertThat(g.onlyInSecond()).containsExactly(withHostBits);
        assertThat(Comparison.of(List.of(group("g", "web", tcp(22, "0.0.0.0/0", null))),
                List.of(group("g", "web", tcp(22, null, null)))).same()).isTrue();
    }

    @Test
    void nameDescriptionAndStatefulChangesArePairedById() {
        SecurityGroup before = group("g", "web", tcp(22, null, null));
        SecurityGroup after = new SecurityGroup("g", "p", "web-servers", "public web", false, false, 4,
                before.rules(), List.of(), null, null);

        ComparisonGroup g = Comparison.of(List.of(before), List.of(after)).changed().get(0);

        assertThat(g.fields()).containsExactly(new FieldChange("name", "web", "web-servers"),
                new FieldChange("description", "", "public web"), new FieldChange("stateful", "true", "false"));
        assertThat(g.onlyInFirst()).isEmpty();
    }

    @Test
    void groupsWithoutAPartnerAreOnlyOnTheirSide() {
        SecurityGroup web = group("a1", "web");
        SecurityGroup db = group("a2", "db");
        SecurityGroup cache = group("b3", "cache");

        Comparison c = Comparison.of(List.of(web, db), List.of(group("b1", "web"), cache));

        assertThat(c.onlyInFirst()).containsExactly(db);
        assertThat(c.onlyInSecond()).containsExactly(cache);
        assertThat(c.unchanged()).isEqualTo(1);
        assertThat(c.same()).isFalse();
    }

    @Test
    void groupsSharingANamePairInOrderAndTheExtraHasNoPartner() {
        SecurityGroup one = group("a1", "web", tcp(22, null, null));
        SecurityGroup two = group("a2", "web", tcp(80, null, null));
        SecurityGroup otherOne = group("b1", "web", tcp(22, null, null));

        Comparison c = Comparison.of(List.of(one, two), List.of(otherOne));

        assertThat(c.unchanged()).isEqualTo(1);
        assertThat(c.onlyInFirst()).containsExactly(two);
        assertThat(c.onlyInSecond()).isEmpty();
    }

    private static SecurityGroup tagged(SecurityGroup g, String... tags) {
        return new SecurityGroup(g.id(), g.projectId(), g.name(), g.description(), g.stateful(), g.shared(),
                g.revision(), g.rules(), List.of(tags), g.createdAt(), g.updatedAt());
    }

    @Test
    void tagsDifferOnlyWhenNeutronWouldTellThemApart() {
        SecurityGroup web = group("1", "web", tcp(22, "10.0.0.0/8", ""));

        Comparison sameTags = Comparison.of(List.of(tagged(web, "prod", "Team")), List.of(tagged(web, "team", "prod")));
        Comparison otherTags = Comparison.of(List.of(tagged(web, "prod")), List.of(tagged(web, "prod", "eu")));

        assertThat(sameTags.same()).isTrue();
        assertThat(otherTags.changed()).singleElement().satisfies(g -> assertThat(g.fields())
                .containsExactly(new FieldChange("tags", "prod", "eu, prod")));
    }
}
