package dev.portcullis.domain;

import dev.portcullis.domain.AcceptedRules.Written;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation and Normalization over the whole space of rules Neutron accepts. */
class ValidationProperties {

    @Provide
    Arbitrary<Written> acceptedRules() {
        return AcceptedRules.rules();
    }

    /** A rule is never refused for a reason Neutron would not give, and is stored as Neutron stores it. */
    @Property(tries = 3000)
    void aRuleNeutronAcceptsIsAcceptedAndStoredAlike(@ForAll("acceptedRules") Written written) {
        Validation.RuleResult result = Validation.ruleRequest(written.members());

        assertThat(result.problems()).isEmpty();
        assertThat(Normalization.normalize(result.rule())).isEqualTo(written.stored());
    }

    @Property(tries = 1000)
    void normalizingTwiceIsNormalizingOnce(@ForAll("acceptedRules") Written written) {
        Rule once = Normalization.normalize(Validation.ruleRequest(written.members()).rule());

        assertThat(Normalization.normalize(once)).isEqualTo(once);
        assertThat(Normalization.normalize(written.stored())).isEqualTo(written.stored());
    }

    /** Rules as a file may hold them: names in any case, legacy ICMP names on IPv6, the whole port range. */
    @Provide
    Arbitrary<Rule> unnormalizedRules() {
        Arbitrary<Protocol> protocol = Arbitraries.oneOf(
                Arbitraries.just(Protocol.ANY),
                Arbitraries.of(Protocol.knownNames()).flatMap(AcceptedRules::anyCase).map(Protocol::of),
                Arbitraries.integers().between(0, 255).map(Protocol::number));
        Arbitrary<PortRange> ports = Arbitraries.oneOf(
                Arbitraries.of(PortRange.ANY, PortRange.of(1, 65535), PortRange.of(1, 65534), PortRange.of(22),
                        PortRange.icmp(8, null), PortRange.icmp(8, 0)));
        return Combinators.combine(Arbitraries.of(Direction.values()), Arbitraries.of(EtherType.values()), protocol,
                ports).as((d, e, p, r) -> Rule.draft(d, e, p, r, Remote.ANYWHERE, ""));
    }

    @Property(tries = 1000)
    void normalizingARuleFromAFileTwiceIsNormalizingItOnce(@ForAll("unnormalizedRules") Rule rule) {
        Rule once = Normalization.normalize(rule);

        assertThat(Normalization.normalize(once)).isEqualTo(once);
    }

    /** What Neutron returns for a stored rule reads back as the very same rule. */
    @Property(tries = 1000)
    void aStoredRuleReadsBackAsItself(@ForAll("acceptedRules") Written written) {
        Rule stored = written.stored().withId("4c248ff9-7101-4def-8323-9faece0fb494");
        Map<String, Raw> shown = new LinkedHashMap<>();
        shown.put("id", Raw.text(stored.id()));
        shown.put("direction", Raw.text(stored.direction().neutronValue()));
        shown.put("ethertype", Raw.text(stored.etherType().neutronValue()));
        shown.put("protocol", Raw.text(stored.protocol().value()));
        shown.put("port_range_min", stored.ports().min() == null ? Raw.NULL : Raw.number(stored.ports().min()));
        shown.put("port_range_max", stored.ports().max() == null ? Raw.NULL : Raw.number(stored.ports().max()));
        shown.put("remote_ip_prefix", Raw.text(stored.remoteIpPrefix()));
        shown.put("normalized_cidr", Raw.text(stored.normalizedCidr()));
        shown.put("remote_group_id", Raw.text(stored.remoteGroupId()));
        shown.put("remote_address_group_id", Raw.NULL);
        shown.put("description", Raw.text(stored.description()));

        Validation.RuleResult read = Validation.rule(shown);

        assertThat(read.problems()).isEmpty();
        assertThat(read.rule().withId(stored.id())).isEqualTo(stored);
    }
}
