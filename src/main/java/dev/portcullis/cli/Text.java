package dev.portcullis.cli;

/** Text from a file made safe to print on a terminal. */
final class Text {

    private Text() {
    }

    /**
     * Control characters (escape sequences, NUL) and invisible formatting characters (right-to-left
     * overrides) are shown as {@code \\u001b}-style escapes, so a file can neither drive the terminal nor
     * make a name read as something it is not.
     */
    static String safe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            boolean unsafe = type == Character.CONTROL || type == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            if (unsafe) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
