package dev.portcullis.review;

import dev.portcullis.bench.OneGroupRules;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16,384 rules that open SSH only together (prefixes that tile every IPv4 address): each rule's finding
 * names ten of the others and says how many more, instead of each naming all the others (which made the
 * review of one such group quadratic in time and in the text it wrote, and ran out of memory).
 */
class OneLargeGroupTest {

    @Test
    void rulesOpenToTheWorldOnlyTogetherNameTenOthersAndCountTheRest() {
        SecurityGroup group = OneGroupRules.TILES.group(16_384, 1);

        List<Finding> admin = Review.of(List.of(group), List.of(), ReviewSettings.defaults()).stream()
                .filter(f -> f.check().equals(Check.WORLD_OPEN_ADMIN_PORT.id())).toList();

        assertThat(admin).hasSize(16_384);
        assertThat(admin.get(0).explanation()).contains("This rule and the rules \"Ingress IPv4 TCP 22 from 0.4.0.0/14\"")
                .endsWith("and 16373 more together cover every address.");
        assertThat(admin.get(0).fix()).contains("not from 0.0.0.0/14 and 0.4.0.0/14")
                .endsWith("and the addresses of 16373 more rules.");
        assertThat(admin).allMatch(f -> f.explanation().length() < 2_000);
    }
}
