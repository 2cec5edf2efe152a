package dev.portcullis.ui.network;

import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.common.FakeDialogService;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.GroupCommands.ConflictQuestion;
import dev.portcullis.ui.network.GroupCommands.DeleteQuestion;
import dev.portcullis.ui.network.GroupCommands.RemoveQuestion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static dev.portcullis.ui.network.Fixtures.tcpIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group commands' conversations with the user, without a toolkit: the dialogs are a script, and what
 * was asked and shown is read back from it.
 */
class GroupCommandsTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Runnable::run,
            Runnable::run);
    private final FakeDialogService dialogs = new FakeDialogService();
    /** What the commands put off until the event that raised a setback has run its course. */
    private final Deque<Runnable> later = new ArrayDeque<>();
    private final GroupCommands commands = new GroupCommands(vm, dialogs, later::add);

    private GroupRow row(String name) {
        return java.util.stream.Stream.concat(vm.defaultGroups().stream(), vm.customGroups().stream())
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void runLater() {
        while (!later.isEmpty()) {
            later.poll().run();
        }
    }

    @Test
    void deleteAsksFirstNoKeepsTheGroupAndYesDeletesIt() {
        backend.ports.clear();
        vm.refresh();
        dialogs.answering(DeleteQuestion.class, false).answering(DeleteQuestion.class, true);

        commands.delete(row("db-internal"));
        assertThat(backend.deleted).isEmpty();
        assertThat(((DeleteQuestion) dialogs.requests().get(0)).preview().group().name()).isEqualTo("db-internal");

        commands.delete(row("db-internal"));
        assertThat(backend.deleted).extracting(g -> g.id()).containsExactly(Fixtures.DB);
        assertThat(dialogs.allAnswered()).isTrue();
    }

    @Test
    void aDeleteTheServerRefusesIsShownAsAnErrorOnceAfterTheEvent() {
        backend.ports.clear();
        vm.refresh();
        backend.failNextDelete = FakeBackend.refusal(BackendException.Kind.CONFLICT, "SecurityGroupInUse",
                "This group is still used by 1 interface: app-1 eth0");
        dialogs.answering(DeleteQuestion.class, true);

        commands.delete(row("db-internal"));
        assertThat(dialogs.said()).containsExactly("show: DeleteQuestion");

        runLater();
        assertThat(dialogs.said()).containsExactly("show: DeleteQuestion",
                "error: Could not delete \"db-internal\": This group is still used by 1 interface: app-1 eth0");
        assertThat(vm.failureProperty().get()).as("cleared once shown").isNull();
    }

    @Test
    void theDefaultGroupIsNotAskedAboutItIsRefusedWithTheReason() {
        vm.refresh();

        commands.delete(row("default"));
        runLater();

        assertThat(dialogs.requests()).isEmpty();
        assertThat(dialogs.said()).singleElement().asString().startsWith("error: ");
        assertThat(backend.deleted).isEmpty();
    }

    @Test
    void anEditSavesWhatTheDialogReturnsAndACancelledOneSendsNothing() {
        vm.refresh();
        SecurityGroup web = backend.groups.get(1);
        GroupDraft renamed = new GroupDraft("web-public", web.description(), true, web.rules());
        dialogs.answering(GroupEditRequest.class, request -> Optional.empty())
                .answering(GroupEditRequest.class, request -> Optional.of(renamed));

        commands.edit(row("web-server-public"));
        assertThat(backend.plans).isEmpty();

        commands.edit(row("web-server-public"));
        assertThat(backend.plans).hasSize(1);
        assertThat(vm.statusProperty().get()).isEqualTo("Saved \"web-public\"");
    }

    @Test
    void aFailedCreateOpensTheDialogAgainWithWhatWasTypedAndTheReason() {
        vm.refresh();
        GroupDraft typed = new GroupDraft("app-tier", "", true, List.of(tcpIn(null, 8080, 8080, "10.0.0.0/24")));
        backend.failNextCreate = FakeBackend.refusal(BackendException.Kind.QUOTA, "OverQuota",
                "The project may have at most 10 security groups.");
        dialogs.answering(GroupEditRequest.class, request -> Optional.of(typed))
                .answering(GroupEditRequest.class, request -> Optional.empty());

        commands.newGroup();
        runLater();

        assertThat(dialogs.requests()).hasSize(2);
        GroupEditRequest again = (GroupEditRequest) dialogs.requests().get(1);
        assertThat(again.isNew()).isTrue();
        assertThat(again.draft()).isEqualTo(typed);
        assertThat(again.error()).contains("The project may have at most 10 security groups.");
        assertThat(backend.created).containsExactly(typed);
    }

    @Test
    void aStaleSaveAsksAndReapplyingOpensTheDialogOnTheGroupAsItIsNow() {
        vm.refresh();
        SecurityGroup db = backend.groups.get(2);
        List<Rule> theirRules = new ArrayList<>(db.rules());
        theirRules.add(tcpIn("r-theirs", 443, 443, "0.0.0.0/0"));
        SecurityGroup changedElsewhere = db.withRules(theirRules, 7, Instant.EPOCH);
        GroupDraft mine = new GroupDraft("db-main", db.description(), true, db.rules());
        dialogs.answering(GroupEditRequest.class, request -> Optional.of(mine))
                .answering(ConflictQuestion.class, true)
                .answering(GroupEditRequest.class, request -> Optional.empty());

        backend.groups.set(2, changedElsewhere); // someone else's change, after the view was loaded

        commands.edit(row("db-internal"));
        assertThat(dialogs.requests()).as("the question waits until the save has run its course").hasSize(1);
        runLater();

        assertThat(dialogs.said()).containsExactly("show: GroupEditRequest", "show: ConflictQuestion",
                "show: GroupEditRequest");
        GroupEditRequest reopened = (GroupEditRequest) dialogs.requests().get(2);
        assertThat(reopened.original()).contains(changedElsewhere);
        assertThat(reopened.draft().name()).isEqualTo("db-main");
    }

    @Test
    void discardingMyChangesAfterAConflictOpensNothing() {
        vm.refresh();
        SecurityGroup db = backend.groups.get(2);
        backend.groups.set(2, db.withRules(db.rules(), 7, Instant.EPOCH));
        dialogs.answering(ConflictQuestion.class, false);
        GroupEditRequest opened = vm.editRequest(row("db-internal"));

        vm.save(opened, new GroupDraft("db-main", "", true, db.rules()));
        runLater();

        assertThat(dialogs.said()).containsExactly("show: ConflictQuestion");
    }

    @Test
    void removingAGroupFromAnInterfaceAsksFirst() {
        vm.refresh();
        InterfaceUse use = new InterfaceUse(backend.ports.get(1), "db-1 eth0", "10.0.0.21", List.of("default"));
        dialogs.answering(RemoveQuestion.class, false).answering(RemoveQuestion.class, true);

        commands.removeFromInterface(use, row("db-internal"));
        assertThat(backend.detached).isEmpty();

        commands.removeFromInterface(use, row("db-internal"));
        assertThat(backend.detached).containsExactly("db-1 eth0 - db-internal");
    }
}
