package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review of the project a catalog shows, made off the FX thread after its rows are on screen: every
 * finding (project-wide ones first) and each group's, by group id. Immutable.
 */
record CatalogReview(List<Finding> findings, Map<String, List<Finding>> byGroup) {

    CatalogReview {
        findings = List.copyOf(findings);
        byGroup = Map.copyOf(byGroup);
    }

    /** Reviews a snapshot: blocking, for the worker. */
    static CatalogReview of(Snapshot snapshot, ReviewSettings settings) {
        List<Finding> found = Review.of(snapshot.groups(), snapshot.ports(), snapshot.gaps(),
                snapshot.addressGroups(), settings);
        Map<String, List<Finding>> byGroup = new HashMap<>();
        for (Finding finding : found) {
            if (finding.groupId() != null) {
                byGroup.computeIfAbsent(finding.groupId(), id -> new ArrayList<>()).add(finding);
            }
        }
        byGroup.replaceAll((id, list) -> List.copyOf(list));
        return new CatalogReview(found, byGroup);
    }

    /** What the review found about one group and its rules. */
    List<Finding> about(String groupId) {
        return byGroup.getOrDefault(groupId, List.of());
    }
}
