package dev.portcullis.review;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/**
 * What the traffic check answers for one packet.
 *
 * @param verdict    allowed when a rule surely lets the packet through; unknown when none does but a rule
 *                   might, or a group could not be looked at; denied otherwise
 * @param allowing   the rules that let the packet through, with their groups
 * @param undecided  the rules that might, each with the reason it cannot be decided
 * @param unknowns   why the answer is not sure beyond single rules (a group of the interface missing)
 */
public record TrafficCheckAnswer(Verdict verdict, List<Found> allowing, List<Found> undecided,
                                 List<String> unknowns) {

    public enum Verdict {
        ALLOWED, DENIED, UNKNOWN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A rule of a group; {@code reason} says why it is undecided, and is null for a rule that allows. */
    public record Found(SecurityGroup group, Rule rule, String reason) {
    }

    public TrafficCheckAnswer {
        allowing = List.copyOf(allowing);
        undecided = List.copyOf(undecided);
        unknowns = List.copyOf(unknowns);
    }

    static TrafficCheckAnswer of(List<Found> allowing, List<Found> undecided, List<String> unknowns) {
        Verdict verdict = !allowing.isEmpty() ? Verdict.ALLOWED
                : undecided.isEmpty() && unknowns.isEmpty() ? Verdict.DENIED : Verdict.UNKNOWN;
        return new TrafficCheckAnswer(verdict, allowing, undecided, unknowns);
    }
}
