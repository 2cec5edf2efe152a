package dev.portcullis.backend.neutron;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.portcullis.backend.neutron.FaultRule.every;
import static dev.portcullis.backend.neutron.FaultRule.nth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix during a load, against the real Neutron through {@link FaultProxy}: each fault hits the
 * first request of the group list (or every one), and the test checks what the user is told, that only
 * GETs were sent (and which were sent again), and that what is shown is what the server holds.
 */
class LoadFaultsNeutronIT extends FaultMatrixSetup {

    private Snapshot loaded() throws Exception {
        return await(backend.load(ProgressListener.NONE));
    }

    /** The load shows the project as the server holds it: the default group and the test's group. */
    private void showsTheServersGroups(Snapshot snapshot) throws Exception {
        assertThat(snapshot.groups()).extracting(SecurityGroup::id).hasSize(serverGroupCount())
                .contains(group.id());
        assertThat(snapshot.groups()).filteredOn(g -> g.id().equals(group.id())).singleElement()
                .satisfies(g -> assertThat(g.rules()).containsExactlyInAnyOrderElementsOf(group.rules()));
    }

    private void onlyGetsWereSent() {
        assertThat(proxy.seen()).allSatisfy(s -> assertThat(s.method()).isEqualTo("GET"));
    }

    static Stream<Arguments> faultsOnce() {
        return Stream.of(Arguments.of(Fault.reset()), Arguments.of(Fault.hang()),
                Arguments.of(Fault.answer(502, "text/html", HTML_502)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsOnce")
    void aFaultOnceIsTriedAgainAndTheLoadCompletes(Fault fault) throws Exception {
        backend = backend(timedFor(fault));
        proxy.inject(nth(1, "GET", GROUPS, fault));

        showsTheServersGroups(loaded());

        assertThat(proxy.seen("GET", GROUPS)).extracting(FaultProxy.Seen::forwarded).containsExactly(false, true);
        onlyGetsWereSent();
    }

    static Stream<Arguments> faultsEveryTime() {
        return Stream.of(
                Arguments.of(Fault.reset(), Kind.UNAVAILABLE, "Could not reach the network service at {proxy}: the "
                        + "connection was reset by the server or a proxy before the whole answer came."),
                Arguments.of(Fault.hang(), Kind.UNAVAILABLE, "The network service at {proxy} did not answer within "
                        + "1500 ms."),
                Arguments.of(Fault.answer(500, "application/json", NEUTRON_500), Kind.UNAVAILABLE, "The network "
                        + "service failed (500): Request Failed: internal server error while processing your request. "
                        + "Trying again later may work."),
                Arguments.of(Fault.answer(502, "text/html", HTML_502), Kind.UNAVAILABLE, "A gateway or proxy in front "
                        + "of the network service could not reach it (502): 502 Bad Gateway nginx/1.24.0. Trying again "
                        + "later may work."),
                Arguments.of(Fault.garbled(), Kind.UNAVAILABLE, "The network service at {proxy} answered GET " + GROUPS
                        + " with something that is not the JSON it should send."),
                Arguments.of(Fault.answer(401, "application/json", KEYSTONE_401), Kind.FORBIDDEN, "The network "
                        + "service refused the credentials (401 Unauthorized). The request you have made requires "
                        + "authentication. Sign in again, or check the cloud's configuration."));
    }

    /**
     * With one retry: the GET is sent twice, except after a 500 or malformed JSON (a fault of the server that
     * repeats) and a 401 (sent once more after signing in again). A reset is said as a reset, never as a server
     * that was slow to answer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsEveryTime")
    void aFaultEveryTimeSaysWhatHappened(Fault fault, Kind kind, String words) throws Exception {
        backend = backend(timedFor(fault).withRetries(1));
        proxy.inject(every("GET", GROUPS, fault));

        BackendException e = failure(backend.load(ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).isEqualTo(words.replace("{proxy}", proxy.uri().toString()));
        int sent = proxy.seen("GET", GROUPS).size();
        switch (fault.name()) {
            // java.net.http itself sends a GET once more when the connection ends before the answer
            case "reset" -> assertThat(sent).isBetween(2, 4);
            case "500", "malformed JSON" -> assertThat(sent).isEqualTo(1);
            default -> assertThat(sent).isEqualTo(2);
        }
        onlyGetsWereSent();
    }

    @Test
    void a503WithRetryAfterIsTriedAgainAfterTheWaitItAsks() throws Exception {
        proxy.inject(nth(1, "GET", GROUPS, Fault.answer(503, "text/plain", "busy", "Retry-After", "1")));

        showsTheServersGroups(loaded());

        var gets = proxy.seen("GET", GROUPS);
        assertThat(gets).hasSize(2);
        assertThat(gets.get(1).nanos() - gets.get(0).nanos()).as("the wait Retry-After asked for")
                .isGreaterThanOrEqualTo(900_000_000L);
        onlyGetsWereSent();
    }

    @Test
    void a401OnceSignsInAgainAndSendsTheRequestWithTheNewToken() throws Exception {
        proxy.inject(nth(1, "GET", GROUPS, Fault.answer(401, "application/json", KEYSTONE_401)));

        showsTheServersGroups(loaded());

        assertThat(session.signIns).hasValue(2);
        assertThat(proxy.seen("GET", GROUPS)).extracting(FaultProxy.Seen::token).containsExactly("token-1", "token-2");
        onlyGetsWereSent();
    }
}
