package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Marks on the groups changed on the server: set by loads, taken off by selecting the group. */
class ChangeMarksTest {

    private final ChangeMarks marks = new ChangeMarks();
    private final SimpleObjectProperty<GroupRow> selected = new SimpleObjectProperty<>();

    private static Snapshot withWebAtRevision(long revision) {
        List<SecurityGroup> groups = new ArrayList<>(Fixtures.seeded());
        SecurityGroup web = groups.get(1);
        groups.set(1, web.withNameAndDescription(web.name(), "changed", revision, Instant.EPOCH));
        return new Snapshot(groups, List.of(), Instant.EPOCH);
    }

    @Test
    void selectingAMarkedGroupTakesItsMarkOff() {
        marks.follow(selected);
        marks.loaded(withWebAtRevision(1), null);
        marks.loaded(withWebAtRevision(2), null);
        assertThat(marks.marked()).containsExactly(Fixtures.WEB);

        Snapshot now = withWebAtRevision(2);
        selected.set(new GroupCatalog(now).row(Fixtures.WEB).orElseThrow());

        assertThat(marks.marked()).isEmpty();
    }

    @Test
    void anOfflineCopyMarksNothingAndIsNotTakenAsSeen() {
        marks.loaded(withWebAtRevision(2), null);

        marks.loaded(withWebAtRevision(1).asOffline("unreachable"), null);
        assertThat(marks.marked()).as("an older saved copy is not a change on the server").isEmpty();

        marks.loaded(withWebAtRevision(2), null);
        assertThat(marks.marked()).as("back online, nothing changed since the last live look").isEmpty();
        marks.loaded(withWebAtRevision(3), null);
        assertThat(marks.marked()).containsExactly(Fixtures.WEB);
    }

    @Test
    void theViewCannotChangeTheMarks() {
        assertThatThrownBy(() -> marks.marked().add(Fixtures.WEB)).isInstanceOf(UnsupportedOperationException.class);
    }
}
