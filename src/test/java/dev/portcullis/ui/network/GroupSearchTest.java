package dev.portcullis.ui.network;

import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.RemoteAddresses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter's own reading: what a typed word is, and tags. Ports and addresses: {@link FilterMatchesAsTrafficCheckTest}. */
class GroupSearchTest {

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
        return GroupSearch.parse(filter).test(GroupSearch.index(group, RemoteAddresses.UNKNOWN));
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
