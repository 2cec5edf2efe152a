package dev.portcullis.review;

import dev.portcullis.bench.ScaleProject;
import dev.portcullis.files.Definitions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A large project reviewed in two halves at once finds exactly what one pass finds, in the same order. */
class ReviewInHalvesTest {

    @Test
    void twoHalvesFindWhatOnePassFinds() {
        Definitions project = ScaleProject.of(Review.PARALLEL_FROM * 2 + 1, 20);

        List<Finding> halves = Review.of(project.groups(), project.ports(), List.of(), ReviewSettings.defaults(), true);
        List<Finding> onePass = Review.of(project.groups(), project.ports(), List.of(), ReviewSettings.defaults(),
                false);

        assertThat(onePass).hasSizeGreaterThan(project.groups().size());
        assertThat(halves).containsExactlyElementsOf(onePass);
    }
}
