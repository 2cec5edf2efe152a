package dev.portcullis.backend;

import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;
import java.util.Optional;

/**
 * What an apply did, operation by operation, and the group as it is afterwards. A failure part-way
 * leaves the operations after it {@link Outcome#NOT_TRIED}, except the rule deletions that ran beside it
 * in the same wave (see {@link Backend#apply}): those say what they did, applied or failed.
 *
 * @param concurrentChange when every operation was applied but the group read afterwards is not what the plan
 *                         made of it (someone else changed it at the same time), that in words; null otherwise
 */
public record ApplyReport(SecurityGroup group, List<Step> steps, String concurrentChange) {

    public enum Outcome { APPLIED, FAILED, NOT_TRIED }

    /**
     * @param readBack for an applied operation: its answer was lost, and reading the group again showed it done
     */
    public record Step(ChangePlan.Operation operation, Outcome outcome, BackendException error, boolean readBack) {

        public Step(ChangePlan.Operation operation, Outcome outcome, BackendException error) {
            this(operation, outcome, error, false);
        }
    }

    public ApplyReport {
        steps = List.copyOf(steps);
    }

    public ApplyReport(SecurityGroup group, List<Step> steps) {
        this(group, steps, null);
    }

    /** Every operation applied, and the group afterwards what the plan made of it. */
    public boolean complete() {
        return concurrentChange == null && steps.stream().allMatch(s -> s.outcome() == Outcome.APPLIED);
    }

    public Optional<Step> failure() {
        return steps.stream().filter(s -> s.outcome() == Outcome.FAILED).findFirst();
    }

    /** Someone else's change, made while this one was applied, in words; empty when there was none to see. */
    public Optional<String> concurrent() {
        return Optional.ofNullable(concurrentChange);
    }
}
