package dev.portcullis.review;

import dev.portcullis.domain.Rule;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.only;
import static dev.portcullis.review.Fixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

class CoverageProperties {

    private static String prefix(int address, int length) {
        long a = Integer.toUnsignedLong(address);
        return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff) + "/" + length;
    }

    @Property
    void aRuleInsideAnotherIsShadowedOrADuplicateAndNeverBothOrNeither(
            @ForAll @IntRange(min = 1, max = 65535) int low, @ForAll @IntRange(min = 0, max = 500) int width,
            @ForAll @IntRange(min = 0, max = 20) int shrinkLow, @ForAll @IntRange(min = 0, max = 20) int shrinkHigh,
            @ForAll int address, @ForAll @IntRange(min = 1, max = 32) int length,
            @ForAll @IntRange(min = 0, max = 8) int longer) {
        int high = Math.min(65535, low + width);
        int innerLow = Math.min(high, low + shrinkLow);
        int innerHigh = Math.max(innerLow, high - shrinkHigh);
        Rule outer = ingress("tcp", low, high, prefix(address, length));
        Rule inner = ingress("tcp", innerLow, innerHigh, prefix(address, Math.min(32, length + longer)));

        List<Finding> found = review(group("g", outer, inner));

        assertThat(only(found, "shadowed-rule").size() + only(found, "semantic-duplicate").size()).isEqualTo(1);
        assertThat(found).filteredOn(f -> f.check().equals("shadowed-rule") || f.check().equals("semantic-duplicate"))
                .extracting(Finding::ruleId).containsExactly(inner.id());
    }

    @Property
    void aRuleReachingPastTheOtherIsNotCoveredByIt(@ForAll @IntRange(min = 1, max = 60000) int low,
                                                    @ForAll @IntRange(min = 0, max = 500) int width,
                                                    @ForAll @IntRange(min = 1, max = 500) int past) {
        Rule outer = ingress("tcp", low, low + width, "10.0.0.0/8");
        Rule wider = ingress("tcp", low, low + width + past, "10.1.0.0/16");
        Assume.that(low + width + past <= 65535);

        assertThat(Coverage.covers(outer, wider)).isFalse();
        assertThat(Coverage.covers(wider, outer)).isFalse();
    }
}
