package dev.portcullis.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RebaseTest {

    private static final Rule E4 = rule("e4", Direction.EGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, null);
    private static final Rule SSH = tcp("ssh", 22, "10.0.0.0/8");
    private static final Rule HTTPS = tcp("https", 443, "0.0.0.0/0");

    private static Rule rule(String id, Direction d, EtherType e, Protocol p, PortRange ports, String cidr) {
        return new Rule(id, d, e, p, ports, cidr == null ? Remote.ANYWHERE : Remote.prefix(cidr), null);
    }

    private static Rule tcp(String id, int port, String cidr) {
        return rule(id, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(port), cidr);
    }

    private static SecurityGroup group(String name, String description, long revision, Rule... rules) {
        return new SecurityGroup("g1", "p", name, description, true, false, revision, List.of(rules), List.of(),
                Instant.EPOCH, Instant.EPOCH);
    }

    private static GroupDraft draft(SecurityGroup from, String name, String description, List<Rule> rules) {
        return new GroupDraft(name, description, from.stateful(), rules);
    }

    private static List<Rule> plus(List<Rule> rules, Rule... more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void noOwnChangesGiveTheFreshGroupAsItIs() {
        SecurityGroup opened = group("web", "d", 1, E4, SSH);
        SecurityGroup fresh = group("web-2", "theirs", 3, E4, SSH, HTTPS.withId("h2"));

        GroupDraft rebased = Rebase.onto(opened, GroupDraft.of(opened), fresh);

        assertThat(rebased).isEqualTo(GroupDraft.of(fresh));
        assertThat(ChangePlan.between(fresh, rebased).isEmpty()).isTrue();
    }

    @Test
    void myRenameAndDescriptionWinOverTheFreshOnesAndTheirRulesStay() {
        SecurityGroup opened = group("web", "d", 1, E4, SSH);
        SecurityGroup fresh = group("web", "theirs", 2, E4, SSH, HTTPS);

        GroupDraft rebased = Rebase.onto(opened, draft(opened, "web-public", "mine", opened.rules()), fresh);

        assertThat(rebased.name()).isEqualTo("web-public");
        assertThat(rebased.description()).isEqualTo("mine");
        assertThat(rebased.rules()).containsExactly(E4, SSH, HTTPS);
    }

    @Test
    void theirRenameStaysWhenIDidNotRename() {
        SecurityGroup opened = group("web", "d", 1, E4);
        SecurityGroup fresh = group("web-renamed", "their description", 2, E4);

        GroupDraft rebased = Rebase.onto(opened, draft(opened, "web", "d", plus(opened.rules(), SSH.asDraft())), fresh);

        assertThat(rebased.name()).isEqualTo("web-renamed");
        assertThat(rebased.description()).isEqualTo("their description");
        assertThat(rebased.rules()).containsExactly(E4, SSH.asDraft());
    }

    @Test
    void myAddedRulesAreAddedAsDraftsAndOnlyOnceWhenTheyAreAlreadyThere() {
        SecurityGroup opened = group("web", "", 1, E4);
        Rule mySsh = SSH.asDraft();
        Rule myHttps = HTTPS.asDraft();
        // someone else added the same HTTPS rule (under another id)
        SecurityGroup fresh = group("web", "", 2, E4, HTTPS.withId("theirs"));

        GroupDraft rebased = Rebase.onto(opened, draft(opened, "web", "", plus(opened.rules(), mySsh, myHttps)), fresh);

        assertThat(rebased.rules()).containsExactly(E4, HTTPS.withId("theirs"), mySsh);
        ChangePlan plan = ChangePlan.between(fresh, rebased);
        assertThat(plan.create()).containsExactly(mySsh);
        assertThat(plan.deleteAfter()).isEmpty();
    }

    @Test
    void aRuleTheSameByKeyButWrittenDifferentlyIsNotDuplicated() {
        SecurityGroup opened = group("web", "", 1, E4);
        Rule byNumber = rule(null, Direction.INGRESS, EtherType.IPV4, Protocol.number(6), PortRange.of(22), "10.0.0.0/8");
        SecurityGroup fresh = group("web", "", 2, E4, SSH);

        GroupDraft rebased = Rebase.onto(opened, draft(opened, "web", "", plus(opened.rules(), byNumber)), fresh);

        assertThat(rebased.rules()).containsExactly(E4, SSH);
    }

    @Test
    void myRemovedRulesGoAndThoseAlreadyGoneAreSimplyGone() {
        SecurityGroup opened = group("web", "", 1, E4, SSH, HTTPS);
        SecurityGroup fresh = group("web", "", 2, E4, HTTPS); // they removed SSH too

        GroupDraft rebased = Rebase.onto(opened, draft(opened, "web", "", List.of(E4)), fresh);

        assertThat(rebased.rules()).containsExactly(E4);
        ChangePlan plan = ChangePlan.between(fresh, rebased);
        assertThat(plan.deleteAfter()).containsExactly(HTTPS);
        assertThat(plan.create()).isEmpty();
    }

    @Test
    void aRuleIRemovedThatTheyRecreatedUnderANewIdIsRemovedByKey() {
        SecurityGroup opened = group("web", "", 1, E4, SSH);
        SecurityGroup fresh = group("web", "", 2, E4, SSH.withId("ssh-again"));

        GroupDraft rebased = Rebase.onto(opened, draft(opened, "web", "", List.of(E4)), fresh);

        assertThat(rebased.rules()).containsExactly(E4);
    }

    @Test
    void aNewDescriptionOfAKeptRuleIsCarriedOver() {
        SecurityGroup opened = group("web", "", 1, E4, SSH);
        SecurityGroup fresh = group("web", "", 2, E4, SSH, HTTPS);

        GroupDraft rebased = Rebase.onto(opened,
                draft(opened, "web", "", List.of(E4, SSH.withDescription("admins"))), fresh);

        assertThat(rebased.rules()).containsExactly(E4, SSH.withDescription("admins"), HTTPS);
    }

    @Test
    void statefulnessIsMineWhenIChangedItAndTheirsOtherwise() {
        SecurityGroup opened = group("web", "", 1, E4);
        SecurityGroup fresh = new SecurityGroup("g1", "p", "web", "", false, false, 2, List.of(E4), List.of(),
                Instant.EPOCH, Instant.EPOCH);

        assertThat(Rebase.onto(opened, GroupDraft.of(opened), fresh).stateful()).isFalse();
        assertThat(Rebase.onto(opened, new GroupDraft("web", "", false, List.of(E4)), group("web", "", 2, E4))
                .stateful()).isFalse();
    }

    @Test
    void theDifferenceSaysWhatTheyChangedInWords() {
        SecurityGroup opened = group("web", "old", 1, E4, SSH);
        SecurityGroup fresh = group("web-2", "new", 2, E4, HTTPS);

        Rebase.Difference theirs = Rebase.between(opened, fresh);

        assertThat(theirs.lines(id -> null)).containsExactly(
                "Renamed to \"web-2\"",
                "Description changed to \"new\"",
                "Rule added: Ingress IPv4 TCP 443 from 0.0.0.0/0",
                "Rule removed: Ingress IPv4 TCP 22 from 10.0.0.0/8");
        assertThat(Rebase.between(opened, opened).isEmpty()).isTrue();
        assertThat(Rebase.between(opened, group("web", null, 2, E4, SSH)).lines(id -> null))
                .containsExactly("Description removed");
    }

    @Test
    void aDescriptionOnlyChangeIsNotARuleAddedOrRemoved() {
        SecurityGroup opened = group("web", "", 1, E4, SSH);
        SecurityGroup fresh = group("web", "", 2, E4, SSH.withDescription("by them"));

        assertThat(Rebase.between(opened, fresh).isEmpty()).isTrue();
    }
}
