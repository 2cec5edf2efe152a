package dev.portcullis.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a save would do to the project's quota, said before Neutron refuses it. */
class QuotasTest {

    private final Quotas nearlyFull = new Quotas(new Quotas.Usage(10, 10), new Quotas.Usage(98, 100));

    @Test
    void aNewGroupBeyondTheGroupQuotaIsSaidWithTheNumbers() {
        assertThat(nearlyFull.overBy(1, 0)).hasValueSatisfying(why ->
                assertThat(why).contains("10 of 10 security groups", "no more fit", "OverQuota"));
    }

    @Test
    void rulesBeyondTheRuleQuotaAreSaidWithTheNumbersAndWhatStillFitsPasses() {
        assertThat(nearlyFull.overBy(0, 3)).hasValueSatisfying(why ->
                assertThat(why).contains("adds 3 rules", "98 of 100 rules", "only 2 more fit"));
        assertThat(nearlyFull.overBy(0, 2)).isEmpty();
    }

    @Test
    void withoutALimitAnythingFits() {
        Quotas none = new Quotas(new Quotas.Usage(1001, -1), new Quotas.Usage(10004, -1));

        assertThat(none.overBy(5, 500)).isEmpty();
        assertThat(none.text()).isEqualTo("1001 security groups (no limit), 10004 rules (no limit)");
    }
}
