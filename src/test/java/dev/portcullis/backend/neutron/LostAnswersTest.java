package dev.portcullis.backend.neutron;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LostAnswersTest {

    private static final URI AT = URI.create("http://127.0.0.1:9/");
    private static final Rule SSH = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
            Remote.prefix("10.0.0.0/8"), "").withId("r-ssh");
    private static final Rule WEB = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(80),
            Remote.ANYWHERE, "");

    private static SecurityGroup group(String name, long revision, Rule... rules) {
        return new SecurityGroup("g1", "p", name, "", true, false, revision, List.of(rules), List.of(), null, null);
    }

    @Test
    void onlyAnAnswerThatMayHaveFollowedTheWorkIsLost() {
        assertThat(LostAnswers.lost(NeutronErrors.unreachable(AT, new IOException("Connection reset"),
                Duration.ofSeconds(1)))).isTrue();
        assertThat(LostAnswers.lost(NeutronErrors.of(502, "text/html", new byte[0]))).isTrue();
        assertThat(LostAnswers.lost(NeutronErrors.notJson(AT, "POST /x", new IOException("cut")))).isTrue();
        // refused: nothing was sent; closed: the user ended it; a refusal: the server said no
        assertThat(LostAnswers.lost(NeutronErrors.unreachable(AT, new ConnectException(), Duration.ofSeconds(1))))
                .isFalse();
        assertThat(LostAnswers.lost(NeutronErrors.closed())).isFalse();
        assertThat(LostAnswers.lost(NeutronErrors.of(409, "application/json", new byte[0]))).isFalse();
    }

    @Test
    void theGroupReadAgainSaysWhetherEachKindOfOperationWasDone() {
        ChangePlan.Operation rename = new ChangePlan.UpdateGroup(new ChangePlan.GroupUpdate("new", "", true,
                java.util.Set.of(ChangePlan.GroupUpdate.NAME)));
        ChangePlan.Operation add = new ChangePlan.CreateRules(List.of(WEB));
        ChangePlan.Operation remove = new ChangePlan.DeleteRule(SSH);

        assertThat(LostAnswers.tookEffect(rename, 3, group("new", 4))).isTrue();
        assertThat(LostAnswers.tookEffect(rename, 3, group("old", 3))).isFalse();
        assertThat(LostAnswers.tookEffect(add, 3, group("old", 4, SSH, WEB.withId("r-web")))).isTrue();
        assertThat(LostAnswers.tookEffect(add, 3, group("old", 3, SSH))).isFalse();
        assertThat(LostAnswers.tookEffect(remove, 3, group("old", 4))).isTrue();
        assertThat(LostAnswers.tookEffect(remove, 3, group("old", 3, SSH))).isFalse();
    }

    @Test
    void theWordsSayWhatTheServerHolds() {
        BackendException reset = NeutronErrors.unreachable(AT, new IOException("Connection reset"), Duration.ofSeconds(1));

        assertThat(LostAnswers.notSaved(reset, new ChangePlan.DeleteRule(SSH)).getMessage()).endsWith(
                "before the whole answer came. The rule was not removed (the group read again still holds it).");
        assertThat(LostAnswers.unchecked(reset).getMessage()).endsWith("The change may have been saved all the same: "
                + "the group could not be read again to check. Reload the group before saving again.");
        assertThat(LostAnswers.maybeCreated("web", reset, -1).getMessage()).endsWith("The group \"web\" may have been "
                + "created all the same (the groups could not be read again to check): reload before creating it again.");
        BackendException left = LostAnswers.leftBehind("web", "g9", reset, reset);
        assertThat(left.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(left.getMessage()).startsWith("The group \"web\" was created (id g9), but its rules failed: ")
                .endsWith(": reload, then fix or delete it.");
    }
}
