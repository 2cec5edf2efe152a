package dev.portcullis.backend;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every backend that keeps address groups does with them, as the real Neutron does (asked with curl and
 * run here against it): the workspace and the Neutron backend pass the same tests.
 */
public abstract class AddressGroupContract extends OpenBackend {

    private static final long TIMEOUT_SECONDS = 10;

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static BackendException refusal(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(TIMEOUT_SECONDS,
                TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(BackendException.class);
        return (BackendException) e.getCause();
    }

    private static AddressGroupDraft draft(String name, String... addresses) {
        return new AddressGroupDraft(name, "", List.of(addresses));
    }

    private static List<String> texts(AddressGroup group) {
        return group.addresses().stream().map(Cidr::toString).sorted().toList();
    }

    @Test
    void aNewAddressGroupHoldsItsPrefixesWithoutHostBitsEachOnce() throws Exception {
        AddressGroup office = await(backend.createAddressGroup(new AddressGroupDraft("office", "the office",
                List.of("192.0.2.5/24", "10.0.0.1/32", "2001:DB8::1/32", "192.0.2.0/24"))));

        assertThat(texts(office)).containsExactly("10.0.0.1/32", "192.0.2.0/24", "2001:db8::/32");
        assertThat(office.name()).isEqualTo("office");
        Snapshot loaded = await(backend.load(ProgressListener.NONE));
        assertThat(loaded.addressGroups()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(office.id());
            assertThat(texts(a)).isEqualTo(texts(office));
            assertThat(a.description()).isEqualTo("the office");
        });
    }

    @Test
    void anAddressWithoutItsLengthIsRefusedNamingTheFormToUseAndNothingIsCreated() throws Exception {
        BackendException refused = refusal(backend.createAddressGroup(draft("office", "10.0.0.1")));

        assertThat(refused.kind()).isEqualTo(BackendException.Kind.INVALID);
        assertThat(refused.getMessage()).contains("10.0.0.1", "10.0.0.1/32");
        assertThat(refusal(backend.createAddressGroup(draft("office", "10/8"))).getMessage()).contains("10.0.0.0/8");
        assertThat(refusal(backend.createAddressGroup(draft("office", "10.0.0.0/8", "10.0.0.0/8"))).getMessage())
                .contains("twice");
        assertThat(await(backend.load(ProgressListener.NONE)).addressGroups()).isEmpty();
    }

    @Test
    void aChangeRenamesAddsAndRemovesAsAsked() throws Exception {
        AddressGroup office = await(backend.createAddressGroup(draft("office", "10.0.0.0/8", "192.0.2.0/24")));

        AddressGroup changed = await(backend.updateAddressGroup(office, new AddressGroupDraft("offices", "both",
                List.of("192.0.2.0/24", "198.51.100.0/24"))));

        assertThat(changed.id()).isEqualTo(office.id());
        assertThat(changed.name()).isEqualTo("offices");
        assertThat(changed.description()).isEqualTo("both");
        assertThat(texts(changed)).containsExactly("192.0.2.0/24", "198.51.100.0/24");
    }

    @Test
    void aPrefixSomeoneElseAddedMeanwhileStaysAndTheSameAdditionTwiceIsNoFailure() throws Exception {
        AddressGroup seen = await(backend.createAddressGroup(draft("office", "10.0.0.0/8")));
        await(backend.updateAddressGroup(seen, draft("office", "10.0.0.0/8", "192.0.2.0/24")));

        AddressGroup mine = await(backend.updateAddressGroup(seen, draft("office", "10.0.0.0/8", "198.51.100.0/24")));
        AddressGroup again = await(backend.updateAddressGroup(seen, draft("office", "10.0.0.0/8", "192.0.2.0/24")));

        assertThat(texts(mine)).containsExactly("10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24");
        assertThat(texts(again)).containsExactly("10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24");
    }

    @Test
    void aPrefixRemovedByBothIsRemovedOnce() throws Exception {
        AddressGroup seen = await(backend.createAddressGroup(draft("office", "10.0.0.0/8", "192.0.2.0/24")));
        await(backend.updateAddressGroup(seen, draft("office", "10.0.0.0/8")));

        AddressGroup mine = await(backend.updateAddressGroup(seen, draft("office", "10.0.0.0/8")));

        assertThat(texts(mine)).containsExactly("10.0.0.0/8");
    }

    @Test
    void aRuleMayNameAnAddressGroupWhichIsThenNotDeletedUntilTheRuleGoes() throws Exception {
        AddressGroup office = await(backend.createAddressGroup(draft("office", "192.0.2.0/24")));
        Rule ssh = new Rule(null, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                new Remote.AddressGroup(office.id()), null);
        SecurityGroup web = await(backend.create(new GroupDraft("web", "", true, List.of(ssh))));

        BackendException refused = refusal(backend.deleteAddressGroup(office));

        assertThat(refused.kind()).isEqualTo(BackendException.Kind.CONFLICT);
        assertThat(refused.getMessage()).contains("office", "rule");
        await(backend.delete(web.ref()));
        await(backend.deleteAddressGroup(office));
        await(backend.deleteAddressGroup(office)); // gone already: deleted all the same
        assertThat(await(backend.load(ProgressListener.NONE)).addressGroups()).isEmpty();
    }

    @Test
    void aRuleNamingAnAddressGroupThatDoesNotExistIsRefused() {
        Rule ssh = new Rule(null, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                new Remote.AddressGroup("00000000-0000-4000-8000-000000000000"), null);

        BackendException refused = refusal(backend.create(new GroupDraft("web", "", true, List.of(ssh))));

        assertThat(refused.getMessage()).contains("00000000-0000-4000-8000-000000000000");
    }
}
