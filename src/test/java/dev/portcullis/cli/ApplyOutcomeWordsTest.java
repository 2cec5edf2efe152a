package dev.portcullis.cli;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code apply} prints of an outcome a backend could only tell by reading the group again: a write whose
 * answer was lost but which the group shows done, and a plan applied whole while someone else changed the group.
 */
class ApplyOutcomeWordsTest {

    private static final String GROUP = "{\"id\": \"g-web\", \"name\": \"web\", \"description\": \"\", \"project_id\":"
            + " \"p\", \"revision_number\": 3, \"stateful\": true, \"security_group_rules\": [%s]}";
    private static final String SSH = "{\"id\": \"r-22\", \"direction\": \"ingress\", \"ethertype\": \"IPv4\","
            + " \"protocol\": \"tcp\", \"port_range_min\": 22, \"port_range_max\": 22, \"remote_ip_prefix\":"
            + " \"0.0.0.0/0\", \"description\": \"\"}";
    private static final String HTTPS = "{\"direction\": \"ingress\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\","
            + " \"port_range_min\": 443, \"port_range_max\": 443, \"remote_ip_prefix\": \"0.0.0.0/0\","
            + " \"description\": \"\"}";

    private static DefinitionReport file(String rules) {
        return new DefinitionReader().read(("{\"security_groups\": [" + String.format(GROUP, rules) + "]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Applies the file that adds HTTPS to the project holding web with SSH; the backend reports as {@code report} says. */
    private static String applied(Function<ChangePlan, ApplyReport> report) {
        SecurityGroup web = file(SSH).definitions().groups().get(0);
        Backend backend = new Backend() {
            @Override
            public String describe() {
                return "cloud";
            }

            @Override
            public CompletableFuture<Snapshot> load(ProgressListener progress) {
                return CompletableFuture.completedFuture(new Snapshot(List.of(web), List.of(), Instant.EPOCH));
            }

            @Override
            public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
                throw new AssertionError("nothing to create");
            }

            @Override
            public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
                return CompletableFuture.completedFuture(report.apply(plan));
            }

            @Override
            public CompletableFuture<Void> delete(GroupRef group) {
                throw new AssertionError("nothing to delete");
            }

            @Override
            public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
                throw new AssertionError("nothing to detach");
            }
        };
        ProjectChanges changes = new ProjectChanges(file(SSH + ", " + HTTPS), backend.load(null).join(), true);
        StringWriter text = new StringWriter();
        boolean ok = ApplyCommand.apply(backend, changes, "cloud", new PrintWriter(text, true));
        return ok + "\n" + text;
    }

    @Test
    void aWriteWhoseAnswerWasLostButWhichTheGroupShowsIsSaidToBeConfirmedSo() {
        String out = applied(plan -> new ApplyReport(null, plan.operations().stream()
                .map(op -> new ApplyReport.Step(op, ApplyReport.Outcome.APPLIED, null, true)).toList()));

        assertThat(out).startsWith("true\n")
                .contains("  applied (the answer was lost; confirmed by reading it back): Add");
    }

    @Test
    void aPlanAppliedWholeWhileSomeoneElseChangedTheGroupIsAConflictNotDone() {
        String out = applied(plan -> new ApplyReport(null, plan.operations().stream()
                .map(op -> new ApplyReport.Step(op, ApplyReport.Outcome.APPLIED, null)).toList(),
                "Every change was sent and applied, but the group is not what the plan made of it (1 rule the plan"
                        + " did not add): someone else changed it at the same time. Reload it and check it before"
                        + " changing it again."));

        assertThat(out).startsWith("false\n").contains("  applied: Add")
                .contains("  CONFLICT: Every change was sent and applied, but the group is not what the plan made of it");
    }
}
