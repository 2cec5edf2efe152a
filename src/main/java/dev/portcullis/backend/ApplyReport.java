package dev.portcullis.backend;

import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;
import java.util.Optional;

/**
 * What an apply did, operation by operation, and the group as it is afterwards. A failure part-way
 * leaves the operations after it {@link Outcome#NOT_TRIED}, except the rule deletions that ran beside it
 * in the same wave (see {@link Backend#apply}): those say what they did, applied or failed.
 */
public record ApplyReport(SecurityGroup group, List<Step> steps) {

    public enum Outcome { APPLIED, FAILED, NOT_TRIED }

    public record Step(ChangePlan.Operation operation, Outcome outcome, BackendException error) {
    }

    public ApplyReport {
        steps = List.copyOf(steps);
    }

    public boolean complete() {
        return steps.stream().allMatch(s -> s.outcome() == Outcome.APPLIED);
    }

    public Optional<Step> failure() {
        return steps.stream().filter(s -> s.outcome() == Outcome.FAILED).findFirst();
    }
}
