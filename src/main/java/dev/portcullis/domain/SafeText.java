package dev.portcullis.domain;

import java.util.Locale;

/**
 * Text from outside (a file, a server, the environment) made safe to print on a terminal, log or show in
 * a label. Control characters (C0 and C1, so escape and window-title sequences, carriage returns, NUL),
 * bidirectional overrides and isolates, zero-width and other invisible format characters and the Unicode
 * line and paragraph separators are shown as visible escapes ({@code \u001b}, {@code \u202e}), so outside
 * text can neither drive the terminal nor make a name read as something it is not; and the length is
 * bounded, saying how much was cut.
 *
 * <p>{@link #line} is for single values (names, member names, ids, paths): every line break is escaped too.
 * {@link #message} is for multi-line messages: line feeds and tabs stay as they are, everything else is
 * escaped as in {@code line}.
 */
public final class SafeText {

    /** The longest single value shown, in characters, before it is cut. */
    public static final int LINE_LIMIT = 1000;
    /** The longest message shown, in characters, before it is cut. */
    public static final int MESSAGE_LIMIT = 4000;

    private SafeText() {
    }

    /** A single value, every unsafe character (line breaks included) escaped, cut after {@link #LINE_LIMIT}. */
    public static String line(String s) {
        return escape(s, false, LINE_LIMIT);
    }

    /** A message: line feeds and tabs kept, every other unsafe character escaped, cut after {@link #MESSAGE_LIMIT}. */
    public static String message(String s) {
        return escape(s, true, MESSAGE_LIMIT);
    }

    /**
     * Whether a code point must not reach a terminal or a label as it is: control characters (C0, DEL and
     * C1), format characters (bidi marks, overrides and isolates, zero-width characters, the byte order mark,
     * tags) and the line and paragraph separators.
     */
    public static boolean unsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The visible form of one unsafe code point: {@code \n}, {@code \r}, {@code \t}, else {@code \u001b}. */
    public static String escaped(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> codePoint <= 0xFFFF
                    ? String.format(Locale.ROOT, "\\u%04x", codePoint)
                    : String.format(Locale.ROOT, "\\U%08x", codePoint);
        };
    }

    private static String escape(String s, boolean multiLine, int limit) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (i >= limit) {
                return cut(out == null ? new StringBuilder(s.substring(0, i)) : out, s.length() - i);
            }
            boolean kept = multiLine && (cp == '\n' || cp == '\t');
            if (multiLine && cp == '\r' && next < s.length() && s.charAt(next) == '\n') {
                // a Windows line end is a line end: drop its carriage return rather than show it
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
            } else if (!kept && unsafe(cp)) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append(escaped(cp));
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? s : out.toString();
    }

    private static String cut(StringBuilder kept, int more) {
        return kept.append("… (").append(String.format(Locale.ROOT, "%,d", more))
                .append(more == 1 ? " more character)" : " more characters)").toString();
    }
}
