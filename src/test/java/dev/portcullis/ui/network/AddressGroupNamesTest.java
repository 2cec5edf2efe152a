package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.review.ReviewSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console names a rule's address group by its name, and its review looks inside it. */
class AddressGroupNamesTest {

    private static final Rule SSH = new Rule("r-ssh", Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
            new Remote.AddressGroup("ag-office"), null);
    private static final SecurityGroup WEB = new SecurityGroup("g-web", "p", "web", "web servers", true, false, 1,
            List.of(SSH), List.of(), null, null);

    private static Snapshot snapshot(String... officeCidrs) {
        AddressGroup office = new AddressGroup("ag-office", "p", "office", "", List.of(officeCidrs).stream()
                .map(c -> Cidr.parse(c).orElseThrow()).toList());
        return new Snapshot(List.of(WEB), List.of(), Instant.EPOCH).withAddressGroups(List.of(office));
    }

    @Test
    void theDetailsNameTheAddressGroupNotItsId() {
        GroupCatalog catalog = new GroupCatalog(snapshot("192.0.2.0/24"));

        GroupDetails details = catalog.details(catalog.row("g-web").orElseThrow());

        assertThat(details.rules()).extracting(RuleLine::summary)
                .containsExactly("Ingress IPv4 TCP 22 from address group office");
    }

    @Test
    void theConsolesReviewFindsSshFromAnAddressGroupHoldingTheInternet() {
        CatalogReview review = CatalogReview.of(snapshot("0.0.0.0/0"), ReviewSettings.defaults());

        assertThat(review.about("g-web")).extracting(Finding::check).contains("world-open-admin-port");
    }

    @Test
    void aLoadWhoseAddressGroupsChangedIsNewData() {
        GroupCatalog catalog = new GroupCatalog(snapshot("192.0.2.0/24"));

        assertThat(catalog.sameData(snapshot("192.0.2.0/24"))).isTrue();
        assertThat(catalog.sameData(snapshot("0.0.0.0/0"))).isFalse();
    }
}
