package dev.portcullis.files;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Small pieces of YAML for the writers of Heat templates and Ansible playbooks. */
final class YamlText {

    /** Words YAML 1.1 (PyYAML, which Heat and Ansible use) reads as booleans or null when unquoted. */
    private static final Set<String> SPECIAL = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private YamlText() {
    }

    /** A scalar: plain where that is unambiguous text, else double-quoted with escapes. */
    static String scalar(String s) {
        if (s.matches("[A-Za-z][A-Za-z0-9_-]*") && !SPECIAL.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return quoted(s);
    }

    /** A double-quoted YAML scalar (its escapes are a superset of JSON's). */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                            || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\ufeff') {
                        if (type == Character.SURROGATE && i + 1 < s.length()
                                && Character.isSurrogatePair(c, s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            out.append(String.format("\\u%04X", (int) c));
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A comment line (or several) at the given indentation; line breaks in the text stay in the comment. */
    static String comment(String indent, String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            out.append(indent).append("# ").append(line).append('\n');
        }
        return out.toString();
    }

    /** Names made from group names: letters, digits and underscores, unique, stable for the same input. */
    static final class Names {
        private final Set<String> used = new HashSet<>();

        String unique(String wanted) {
            StringBuilder out = new StringBuilder();
            for (char c : wanted.toLowerCase(Locale.ROOT).toCharArray()) {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    out.append(c);
                } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
                out.setLength(out.length() - 1);
            }
            if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
                out.insert(0, "sg_");
            }
            String base = out.toString();
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            return name;
        }
    }
}
