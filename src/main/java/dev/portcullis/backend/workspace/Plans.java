package dev.portcullis.backend.workspace;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.List;

/** A plan run on a project as Neutron runs its requests, and the report of a plan whose save failed. */
final class Plans {

    /** The project after a plan, and the report of it. */
    record Applied(Project project, ApplyReport report) {
    }

    private Plans() {
    }

    /**
     * The revision check comes first (Neutron's If-Match); then the operations run in order until one fails;
     * those before it are kept.
     */
    static Applied run(Project project, ChangePlan plan, Project.Stamp stamp) {
        Project current = project;
        GroupRef ref = plan.group();
        SecurityGroup group = current.require(ref.id(), ref.name());
        if (group.revision() != ref.revision()) {
            throw Refusals.stale(ref.revision(), group.revision());
        }
        List<ApplyReport.Step> steps = new ArrayList<>();
        boolean failed = false;
        for (ChangePlan.Operation operation : plan.operations()) {
            if (failed) {
                steps.add(new ApplyReport.Step(operation, Outcome.NOT_TRIED, null));
                continue;
            }
            try {
                current = current.run(ref.id(), operation, stamp);
                steps.add(new ApplyReport.Step(operation, Outcome.APPLIED, null));
            } catch (BackendException e) {
                steps.add(new ApplyReport.Step(operation, Outcome.FAILED, e));
                failed = true;
            }
        }
        return new Applied(current, new ApplyReport(current.require(ref.id(), ref.name()), steps));
    }

    /**
     * The report of a plan whose batch could not be saved: nothing of it was, so its first operation failed with
     * the write's error, the others were not tried, and the group is {@code group}, as it is without the batch.
     */
    static ApplyReport notSaved(ChangePlan plan, SecurityGroup group, BackendException e) {
        List<ApplyReport.Step> steps = new ArrayList<>();
        for (ChangePlan.Operation operation : plan.operations()) {
            steps.add(new ApplyReport.Step(operation, steps.isEmpty() ? Outcome.FAILED : Outcome.NOT_TRIED,
                    steps.isEmpty() ? e : null));
        }
        return new ApplyReport(group, steps);
    }
}
