package dev.portcullis.review;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.SourceGap;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The offline review: what is risky, redundant or untidy in a project's groups, from their definitions
 * alone. Every check is listed in {@link Check}.
 */
public final class Review {

    private Review() {
    }

    /**
     * Reviews the groups. {@code ports} are the interfaces and the groups they use; an empty list is read
     * as "not known" (a file without interfaces), so the checks about use ({@code unused-group},
     * {@code default-group-in-use}) stay silent and {@code world-open-all} stays critical.
     *
     * @return the findings, project-wide ones first, then by group and rule in the order given, the most
     *     serious first within one group or rule
     */
    public static List<Finding> of(List<SecurityGroup> groups, List<Port> ports, ReviewSettings settings) {
        return of(groups, ports, List.of(), settings);
    }

    /**
     * Reviews the groups, and reports each part of the source that could not be reviewed as a finding of
     * its own ({@link Check#INVALID_DEFINITION}, {@link Check#NOT_REVIEWED}) in the place of its group and rule.
     */
    public static List<Finding> of(List<SecurityGroup> groups, List<Port> ports, List<SourceGap> gaps,
                                   ReviewSettings settings) {
        return of(groups, ports, gaps, List.of(), settings);
    }

    /**
     * Reviews the groups with the project's address groups: a rule naming one lets in its prefixes (of the
     * rule's IP version), judged as if written out; a rule naming one the source does not hold is reported
     * ({@link Check#NOT_REVIEWED}), as what it lets in cannot be known.
     */
    public static List<Finding> of(List<SecurityGroup> groups, List<Port> ports, List<SourceGap> gaps,
                                   List<AddressGroup> addressGroups, ReviewSettings settings) {
        return of(new Context(groups, ports, addressGroups, settings), gaps, groups.size() >= PARALLEL_FROM);
    }

    /**
     * Each group's own checks alone: what a group says about itself (its rules, their exposure), none of the
     * checks that look at groups against each other or at the interfaces (use, references, names, the quota),
     * which need the whole project. For groups that come a page at a time: the findings of a group do not
     * depend on the groups beside it, so reviewing the pages one by one finds what reviewing them together
     * would. The interfaces are not known, so a rule open to the world on every port stays critical.
     *
     * The address groups are not known yet either: rules naming one are left to the review of the whole.
     *
     * @return the findings by group and rule in the order given, the most serious first within one
     */
    public static List<Finding> ofEachGroup(List<SecurityGroup> groups, ReviewSettings settings) {
        Context c = new Context(groups, List.of(), null, settings);
        groupChecks(c, c.groups);
        return c.findings();
    }

    /** From this many groups the groups' own checks run in two halves at once (the findings are the same). */
    static final int PARALLEL_FROM = 1_000;

    static List<Finding> of(List<SecurityGroup> groups, List<Port> ports, List<SourceGap> gaps,
                            ReviewSettings settings, boolean inTwoHalves) {
        return of(new Context(groups, ports, settings), gaps, inTwoHalves);
    }

    private static List<Finding> of(Context c, List<SourceGap> gaps, boolean inTwoHalves) {
        gaps.forEach(c::gap);
        ProjectChecks.run(c);
        List<SecurityGroup> all = c.groups;
        if (!inTwoHalves || Runtime.getRuntime().availableProcessors() < 2) {
            groupChecks(c, all);
            return c.findings();
        }
        // each group's checks report about that group alone, so the halves share nothing but the findings
        // on a thread of its own: the caller may itself be a task of the common pool (the console's review),
        // which has one thread on two cores
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> groupChecks(c, all.subList(all.size() / 2, all.size())), task -> {
                    Thread half = new Thread(task, "review-second-half");
                    half.setDaemon(true);
                    half.start();
                });
        groupChecks(c, all.subList(0, all.size() / 2));
        try {
            second.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return c.findings();
    }

    private static void groupChecks(Context c, List<SecurityGroup> groups) {
        for (SecurityGroup group : groups) {
            GroupChecks.run(c, group);
            WorldChecks.run(c, group);
            for (Rule rule : group.rules()) {
                ExposureChecks.run(c, group, rule);
            }
        }
    }
}
