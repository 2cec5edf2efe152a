package dev.portcullis.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A group's tags ({@code standard-attr-tag}) with the rules the real Neutron applies to them, as asked of it
 * (see {@code TagsTest} and {@code TagsNeutronIT}): a tag is any text of
 * at most {@value #MAX_LENGTH} characters (commas, slashes, spaces and the empty text included); tags are
 * one set whatever the letter case ("Web" and "web" are one tag: adding one when the other is there changes
 * nothing, removing "RED" removes "red", and a list holding both is refused); Neutron answers them sorted.
 */
public final class Tags {

    /** The longest tag Neutron accepts, in characters. */
    public static final int MAX_LENGTH = 255;

    /** Neutron's order: by text (its database's collation, case aside). */
    public static final Comparator<String> ORDER = Comparator.comparing((String t) -> t.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private Tags() {
    }

    /** The key under which Neutron tells tags apart: the text with the letter case set aside. */
    public static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /**
     * What Neutron refuses in {@code PUT .../tags} with this list, each problem with the tag's place
     * ({@code tags[2]}): a tag that is null, longer than {@value #MAX_LENGTH} characters, or the same as an
     * earlier one (in any letter case).
     */
    public static List<Problem> check(List<String> tags) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            String field = "tags[" + i + "]";
            if (tag == null) {
                problems.add(new Problem(ErrorCode.INVALID_INPUT, field, "A tag must be text, not null."));
                continue;
            }
            int length = tag.codePointCount(0, tag.length());
            if (length > MAX_LENGTH) {
                problems.add(new Problem(ErrorCode.INVALID_INPUT, field, "The tag \"" + shown(tag)
                        + "\" is " + length + " characters long; Neutron accepts at most " + MAX_LENGTH + "."));
            }
            if (!seen.add(key(tag))) {
                problems.add(new Problem(ErrorCode.INVALID_INPUT, field, "The tag \"" + shown(tag)
                        + "\" is there twice; Neutron counts tags that differ only in letter case as one."));
            }
        }
        return problems;
    }

    /** The tags as Neutron keeps them: sorted, each once (the first of those that differ only in case). */
    public static List<String> normalized(List<String> tags) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(tags.size());
        for (String tag : tags) {
            if (tag != null && seen.add(key(tag))) {
                out.add(tag);
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** Whether two lists are the same tags to Neutron: in any order, letter case aside. */
    public static boolean same(List<String> a, List<String> b) {
        return keys(a).equals(keys(b));
    }

    private static Set<String> keys(List<String> tags) {
        Set<String> keys = new HashSet<>();
        for (String tag : tags) {
            keys.add(tag == null ? null : key(tag));
        }
        return keys;
    }

    /** Whether the group has this tag, in any letter case: what {@code ?tags=NAME} finds. */
    public static boolean has(List<String> tags, String tag) {
        String wanted = key(tag);
        for (String t : tags) {
            if (key(t).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** {@code PUT .../tags/TAG}: the tags with this one; unchanged when it is there in any letter case. */
    public static List<String> with(List<String> tags, String tag) {
        if (has(tags, tag)) {
            return normalized(tags);
        }
        List<String> out = new ArrayList<>(tags);
        out.add(tag);
        return normalized(out);
    }

    /** {@code DELETE .../tags/TAG}: the tags without this one, in any letter case. */
    public static List<String> without(List<String> tags, String tag) {
        String gone = key(tag);
        return normalized(tags.stream().filter(t -> !key(t).equals(gone)).toList());
    }

    /** A tag for a message: unsafe characters escaped, cut after 40 characters. */
    private static String shown(String tag) {
        String line = SafeText.line(tag);
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
