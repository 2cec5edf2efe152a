package dev.portcullis.ui.network;

import dev.portcullis.domain.SecurityGroup;
import java.util.List;
import java.util.Map;

import dev.portcullis.domain.Cidr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter's own arithmetic: what a typed word is, and prefixes as numbers agree with {@link Cidr}. */
class GroupSearchTest {

    private static GroupSearch.Block block(String cidr) {
        return GroupSearch.Block.of(Cidr.parse(cidr).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.200.3.4/32, true",
            "10.0.0.0/8, 11.0.0.0/32, false",
            "0.0.0.0/0, 203.0.113.9/32, true",
            "10.0.0.4/31, 10.0.0.5/32, true",
            "10.0.0.4/31, 10.0.0.6/32, false",
            "10.1.2.3/16, 10.1.200.1/32, true",
            "2001:db8::/32, 2001:db8:ffff::1/128, true",
            "2001:db8::/32, 2001:db9::1/128, false",
            "2001:db8:0:1::/64, 2001:db8:0:1:ffff::1/128, true",
            "2001:db8:0:1::/64, 2001:db8:0:2::1/128, false",
            "2001:db8::1:0/112, 2001:db8::1:ffff/128, true",
            "::/0, ::1/128, true",
            "::/0, 10.0.0.1/32, false",
            "0.0.0.0/0, ::1/128, false",
            "::ffff:10.0.0.0/104, ::ffff:10.9.9.9/128, true",
            "10.0.0.5/32, 10.0.0.5/32, true",
    })
    void aPrefixContainsWhatCidrSaysItContains(String outer, String inner, boolean contained) {
        assertThat(block(outer).contains(block(inner))).isEqualTo(contained);
        assertThat(Cidr.parse(outer).orElseThrow().contains(Cidr.parse(inner).orElseThrow())).isEqualTo(contained);
    }

    @Test
    void aPortIsDigitsUpTo65535() {
        assertThat(GroupSearch.port("22")).isEqualTo(22);
        assertThat(GroupSearch.port("65535")).isEqualTo(65535);
        assertThat(GroupSearch.port("65536")).isEqualTo(-1);
        assertThat(GroupSearch.port("2x")).isEqualTo(-1);
        assertThat(GroupSearch.port("")).isEqualTo(-1);
    }

    @Test
    void anAddressIsWrittenInFull() {
        assertThat(GroupSearch.address("10.0.0.5")).hasToString("10.0.0.5/32");
        assertThat(GroupSearch.address("10.1/16")).hasToString("10.1.0.0/16");
        assertThat(GroupSearch.address("2001:db8::1")).hasToString("2001:db8::1/128");
        assertThat(GroupSearch.address("10.0.0")).isNull();
        assertThat(GroupSearch.address("10")).isNull();
        assertThat(GroupSearch.address("web.internal")).isNull();
    }

    private static SecurityGroup tagged(String name, String... tags) {
        return new SecurityGroup("id-" + name, "p", name, "", true, false, 1, List.of(), List.of(tags), null, null);
    }

    private static boolean finds(String filter, SecurityGroup group) {
        return GroupSearch.parse(filter).test(GroupSearch.index(group, Map.of()));
    }

    @Test
    void tagFindsTheWholeTagInAnyLetterCase() {
        SecurityGroup web = tagged("web", "Prod", "team/web");

        assertThat(finds("tag:prod", web)).isTrue();
        assertThat(finds("tag:PROD", web)).isTrue();
        assertThat(finds("tag:team/web", web)).isTrue();
        assertThat(finds("tag:pro", web)).as("not a part of a tag").isFalse();
        assertThat(finds("tag:web", web)).as("not the name").isFalse();
        assertThat(finds("tag:prod", tagged("db"))).isFalse();
        assertThat(finds("tag:prod tag:team/web", web)).isTrue();
        assertThat(finds("tag:prod tag:staging", web)).isFalse();
    }

    @Test
    void aPlainWordFindsAGroupByATagsText() {
        assertThat(finds("team", tagged("db", "team/db"))).isTrue();
    }
}
