package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group another project shares with this one (Neutron lists it with shared true and its owner's project id,
 * as the real server showed) is read-only here, with the reason; the project's own groups are not.
 */
class SharedGroupRowsTest {

    private static SecurityGroup group(String id, String project, boolean shared) {
        return new SecurityGroup(id, project, id, "", true, shared, 1, List.of(), List.of(), null, null);
    }

    @Test
    void aGroupSharedByAnotherProjectCannotBeChangedOrDeletedAndSaysWhy() {
        GroupCatalog catalog = new GroupCatalog(new Snapshot(List.of(group("default", "mine", false),
                group("web", "mine", false), group("shared-web", "theirs", true)), List.of(), Instant.EPOCH));

        GroupRow theirs = catalog.row("shared-web").orElseThrow();
        GroupRow mine = catalog.row("web").orElseThrow();

        assertThat(theirs.ownerNote()).contains("Shared with this project by project theirs", "only its owner");
        assertThat(theirs.deletable()).isFalse();
        assertThat(theirs.deleteBlockedReason()).isEqualTo(theirs.ownerNote());
        assertThat(mine.ownerNote()).isNull();
        assertThat(mine.deletable()).isTrue();
    }
}
