package dev.portcullis.ui.groupeditor;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a copy of a group gets: {@code web (copy)}, then {@code web (copy 2)}, {@code web (copy 3)}... the
 * first no group of the project has. Copying a copy counts on from its base name: a copy of
 * {@code web (copy)} is {@code web (copy 2)}, not {@code web (copy) (copy)}.
 */
final class CloneName {

    private static final Pattern COPY = Pattern.compile("^(.*) \\(copy(?: (\\d+))?\\)$");
    /** Neutron's limit on a group's name. */
    static final int MAX_LENGTH = 255;

    private CloneName() {
    }

    /** @param taken every name in the project (a hash set: each candidate is one look-up) */
    static String next(String name, Set<String> taken) {
        Matcher m = COPY.matcher(name);
        String base = m.matches() ? m.group(1) : name;
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? " (copy)" : " (copy " + n + ")";
            String stem = base.length() + suffix.length() > MAX_LENGTH
                    ? base.substring(0, MAX_LENGTH - suffix.length()) : base;
            String candidate = stem + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
