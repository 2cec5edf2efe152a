package dev.portcullis.backend.neutron;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portcullis.backend.neutron.FaultRule.every;
import static dev.portcullis.backend.neutron.FaultRule.nth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix while a new group is made (its POST, then its rules in one bulk POST), against the real
 * Neutron through {@link FaultProxy}: a group the server made is never left behind unsaid.
 */
class CreateFaultsNeutronIT extends FaultMatrixSetup {

    private static final Rule SSH = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
            Remote.prefix("198.51.100.0/24"), "");

    private GroupDraft draft() {
        return new GroupDraft("made-" + project.substring(6, 14), "new", true, List.of(SSH));
    }

    private List<SecurityGroup> named(String name) throws Exception {
        return NeutronParse.groups(call("GET", GROUPS + "?name=" + name, null));
    }

    @Test
    void aLostAnswerToTheGroupsPostSaysItMayHaveBeenMade() throws Exception {
        proxy.inject(nth(1, "POST", GROUPS, Fault.resetAfterForwarding()));

        BackendException e = failure(backend.create(draft()));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("Could not reach the network service at " + proxy.uri() + ": the "
                + "connection was reset by the server or a proxy before the whole answer came. The group \"" + draft().name()
                + "\" may have been created all the same (the project has a group of that name now): reload before "
                + "creating it again.");
        assertThat(named(draft().name())).hasSize(1);
        assertThat(proxy.seen("POST", GROUPS)).hasSize(1);
    }

    @Test
    void aGroupsPostThatNeverReachedTheServerSaysItWasNotMade() throws Exception {
        proxy.inject(nth(1, "POST", GROUPS, Fault.reset()));

        BackendException e = failure(backend.create(draft()));

        assertThat(e.getMessage()).isEqualTo("The group \"" + draft().name() + "\" was not created: Could not reach "
                + "the network service at " + proxy.uri() + ": the connection was reset by the server or a proxy "
                + "before the whole answer came.");
        assertThat(named(draft().name())).isEmpty();
        assertThat(proxy.seen("POST", GROUPS)).hasSize(1);
    }

    @Test
    void aLostAnswerToTheRulesPostIsFoundSavedAndTheGroupIsMade() throws Exception {
        proxy.inject(nth(1, "POST", RULES, Fault.resetAfterForwarding()));

        SecurityGroup made = await(backend.create(draft()));

        assertThat(made.rules()).extracting(Rule::key).containsExactly(SSH.key());
        assertThat(serverGroup(made.id()).rules()).extracting(Rule::key).containsExactly(SSH.key());
        assertThat(proxy.seen("POST", RULES)).hasSize(1);
    }

    @Test
    void aHalfMadeGroupThatCannotBeDeletedAgainIsNamedWithItsId() throws Exception {
        proxy.inject(nth(1, "POST", RULES, Fault.answer(500, "application/json", NEUTRON_500)))
                .inject(every("DELETE", GROUP, Fault.answer(500, "application/json", NEUTRON_500)));

        BackendException e = failure(backend.create(draft()));

        List<SecurityGroup> left = named(draft().name());
        assertThat(left).hasSize(1);
        assertThat(e.getMessage()).isEqualTo("The group \"" + draft().name() + "\" was created (id " + left.get(0).id()
                + "), but its rules failed: The network service failed (500): Request Failed: internal server error "
                + "while processing your request. Trying again later may work. The new rule was not created (the "
                + "group read again does not hold it). It could not be deleted again either (The network service "
                + "failed (500): Request Failed: internal server error while processing your request. Trying again "
                + "later may work.): reload, then fix or delete it.");
        assertThat(proxy.seen("POST", RULES)).hasSize(1);
    }
}
