package dev.portcullis.backend.workspace;

import dev.portcullis.backend.AddressGroupContract;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace keeps address groups as Neutron does, and in its file and journal across a restart. */
class WorkspaceAddressGroupsTest extends AddressGroupContract {

    @TempDir
    Path dir;

    @Override
    protected Backend newBackend() {
        return WorkspaceBackend.open(dir.resolve("workspace.json"));
    }

    /** A journal record carries address groups changed and deleted, and replaying it gives them back. */
    @Test
    void aBatchOfAddressGroupChangesGoesThroughTheJournalRecord() throws Exception {
        AddressGroup office = new AddressGroup("ag-1", "p", "office", "", List.of(Cidr.parse("192.0.2.0/24")
                .orElseThrow()));
        AddressGroup old = new AddressGroup("ag-2", "p", "old", "", List.of());
        Definitions before = new Definitions(List.of(), List.of(), List.of(old));
        Definitions after = new Definitions(List.of(), List.of(), List.of(office));

        Batch read = Batch.parse(Batch.between(before, after).toBytes(), new DefinitionReader());

        assertThat(read.deletedAddressGroups()).containsExactly("ag-2");
        assertThat(Batch.replay(before, List.of(read)).addressGroups()).containsExactly(office);
    }

    @Test
    void addressGroupsAreThereAfterTheWorkspaceIsOpenedAgain() throws Exception {
        AddressGroup office = backend.createAddressGroup(new AddressGroupDraft("office", "",
                List.of("192.0.2.0/24"))).get(10, TimeUnit.SECONDS);
        backend.updateAddressGroup(office, new AddressGroupDraft("office", "", List.of("192.0.2.0/24",
                "2001:db8::/32"))).get(10, TimeUnit.SECONDS);
        backend.close();

        backend = newBackend();

        assertThat(backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS).addressGroups())
                .singleElement().satisfies(a -> assertThat(a.addresses()).extracting(Object::toString)
                        .containsExactly("192.0.2.0/24", "2001:db8::/32"));
    }
}
