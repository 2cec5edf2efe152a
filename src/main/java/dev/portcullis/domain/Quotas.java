package dev.portcullis.domain;

/**
 * How many security groups and rules a project holds against how many it may hold ({@code quota_details}):
 * what to show before a save, and what to warn of when the save would go past the limit, which Neutron
 * refuses ({@code OverQuota}).
 */
public record Quotas(Usage groups, Usage rules) {

    /** Used against a limit; a negative limit is none. */
    public record Usage(int used, int limit) {

        public boolean limited() {
            return limit >= 0;
        }

        /** How many more fit; {@link Integer#MAX_VALUE} without a limit. */
        public int left() {
            return limited() ? Math.max(0, limit - used) : Integer.MAX_VALUE;
        }

        public String text(String noun) {
            return limited() ? used + " of " + limit + " " + noun : used + " " + noun + " (no limit)";
        }
    }

    /** "12 of 100 security groups, 80 of 1000 rules". */
    public String text() {
        return groups.text("security groups") + ", " + rules.text("rules");
    }

    /**
     * What Neutron will refuse of a save that creates {@code newGroups} groups and adds {@code moreRules} rules
     * in all, in words with the numbers; empty when it fits.
     */
    public java.util.Optional<String> overBy(int newGroups, int moreRules) {
        if (newGroups > 0 && groups.limited() && newGroups > groups.left()) {
            return java.util.Optional.of("The project holds " + groups.text("security groups") + ": "
                    + (groups.left() == 0 ? "no more fit" : "only " + groups.left() + " more fit")
                    + ", so Neutron will refuse the new group (OverQuota). Delete a group or ask for a larger quota.");
        }
        if (moreRules > 0 && rules.limited() && moreRules > rules.left()) {
            return java.util.Optional.of("This adds " + moreRules + (moreRules == 1 ? " rule" : " rules")
                    + ", but the project holds " + rules.text("rules") + " and only " + rules.left()
                    + " more fit: Neutron will refuse the save (OverQuota). Remove rules elsewhere or ask for a"
                    + " larger quota.");
        }
        return java.util.Optional.empty();
    }
}
