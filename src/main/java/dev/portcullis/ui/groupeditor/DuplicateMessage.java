package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Rule;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a rule row says when it is the same rule (Neutron's rule key) as other rows of the table. */
final class DuplicateMessage {

    private DuplicateMessage() {
    }

    /** @param same the rows (by index) that are the same rule, {@code index} among them */
    static String of(int index, List<Integer> same, List<Rule> rules, Function<String, String> groupName) {
        List<Integer> others = same.stream().filter(j -> j != index).toList();
        String numbers = others.stream().map(j -> Integer.toString(j + 1)).collect(Collectors.joining(", "));
        int comma = numbers.lastIndexOf(", ");
        numbers = comma < 0 ? numbers : numbers.substring(0, comma) + " and " + numbers.substring(comma + 2);
        boolean stored = rules.get(index).isDraft() && others.stream().anyMatch(j -> !rules.get(j).isDraft());
        return "Same rule as rule" + (others.size() > 1 ? "s " : " ") + numbers
                + (stored ? ", which the group already has" : "") + " (" + rules.get(index).summary(groupName)
                + "). Rules that differ only in their description count as one: remove "
                + (stored ? "this one." : "one of them.");
    }
}
