package dev.portcullis.ui.groupeditor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several values in one cell of a rule row: {@code 22, 80, 443} or pasted lines, one value each. The row
 * becomes one rule per port value and address value; this splits what was typed, and says whether there
 * is more than one value.
 */
final class RowValues {

    /** A row may become at most this many rules (Neutron's default quota is 100 rules per group). */
    static final int MAX_RULES = 1000;

    private RowValues() {
    }

    /** Whether the text holds more than one value (a comma or a line break between values). */
    static boolean several(String text) {
        return text != null && split(text).size() > 1;
    }

    /**
     * The values in the order typed, each stripped, empty ones and repeats left out; one empty value when
     * nothing was typed (an empty cell means "any").
     */
    static List<String> split(String text) {
        if (text == null) {
            return List.of("");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : text.split("[,\\r\\n]+")) {
            String value = part.strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values.isEmpty() ? List.of("") : new ArrayList<>(values);
    }

    /** {@code Port range "x"} and the like: the value named in a problem, so the person sees which one. */
    static String named(RuleField field, String value) {
        return switch (field) {
            case PORTS -> "Port value \"" + value + "\": ";
            case REMOTE -> "Source/destination \"" + value + "\": ";
            default -> "";
        };
    }
}
