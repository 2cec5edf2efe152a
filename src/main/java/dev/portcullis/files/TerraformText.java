package dev.portcullis.files;

import dev.portcullis.domain.DraftIds;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pieces of Terraform text the writers share: blocks aligned as {@code terraform fmt} leaves them, HCL
 * string literals, import blocks, and resource names.
 */
final class TerraformText {

    private TerraformText() {
    }

    /** An {@code import} block adopting the resource at {@code address}, for an id of Neutron's (none for a draft). */
    static void importBlock(StringBuilder out, String address, String id) {
        if (id != null && !DraftIds.isDraft(id)) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("to", address);
            attrs.put("id", string(id));
            block(out, "import", attrs);
        }
    }

    /** A block with its attributes aligned on the equals sign, as {@code terraform fmt} leaves them. */
    static void block(StringBuilder out, String header, Map<String, String> attrs) {
        int width = attrs.keySet().stream().mapToInt(String::length).max().orElse(0);
        out.append('\n').append(header).append(" {\n");
        attrs.forEach((k, v) -> out.append("  ").append(k).append(" ".repeat(width - k.length()))
                .append(" = ").append(v).append('\n'));
        out.append("}\n");
    }

    /**
     * An HCL string literal: quotes, backslashes and control characters escaped, and the template
     * sequences {@code ${} and {@code %{} doubled so they are taken as text.
     */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> {
                    out.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        out.append(c);
                    }
                }
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Resource names: an HCL identifier made of lower case letters, digits and underscores, unique. */
    static final class Names {
        private final Set<String> used = new HashSet<>();

        String unique(String wanted) {
            String base = identifier(wanted);
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            return name;
        }

        static String identifier(String s) {
            StringBuilder out = new StringBuilder();
            for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (ok) {
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
            return out.toString();
        }
    }

    /**
     * The resource name a resource read from Terraform had ({@code web} for the draft id of
     * {@code openstack_networking_secgroup_v2.web}), so that it keeps its id when the file is read back;
     * nothing for other ids, or for instances of count/for_each.
     */
    static Optional<String> draftResourceName(String type, String id) {
        String prefix = DraftIds.group(type + ".");
        if (id == null || !id.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = id.substring(prefix.length());
        return name.equals(Names.identifier(name)) ? Optional.of(name) : Optional.empty();
    }
}
