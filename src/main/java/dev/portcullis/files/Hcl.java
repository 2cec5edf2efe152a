package dev.portcullis.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of HCL native syntax that Terraform configuration for security groups needs: blocks with
 * labels, attributes, and the values string, number, true/false, null, a list, and a reference such as
 * {@code openstack_networking_secgroup_v2.web.id}. Comments ({@code #}, {@code //}, {@code /* *}{@code /})
 * are skipped. Anything else (templates, functions, expressions, heredocs) is refused with its line.
 */
final class Hcl {

    /** Input that is not in the subset, with the line it is on. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }
    }

    sealed interface Value {
        int line();
    }

    record Text(String value, int line) implements Value {
    }

    record Number(long value, int line) implements Value {
    }

    record Bool(boolean value, int line) implements Value {
    }

    record Null(int line) implements Value {
    }

    record ListValue(List<Value> items, int line) implements Value {
    }

    /** An object such as {@code { source = "x" }}: read so that provider settings parse, used for nothing. */
    record ObjectValue(java.util.Map<String, Value> members, int line) implements Value {
    }

    /** A reference: names joined by dots. */
    record Reference(List<String> parts, int line) implements Value {
        String text() {
            return String.join(".", parts);
        }
    }

    record Attribute(String name, Value value, int line) {
    }

    record Block(String type, List<String> labels, List<Attribute> attributes, List<Block> blocks, int line) {
    }

    private final String src;
    private int pos;
    private int line = 1;

    private Hcl(String src) {
        this.src = src;
    }

    /** The top-level blocks of a file (attributes outside blocks are refused). */
    static List<Block> parse(String src) throws SyntaxException {
        Hcl p = new Hcl(src);
        List<Block> blocks = new ArrayList<>();
        p.skipSpace();
        while (p.pos < src.length()) {
            int at = p.line;
            String name = p.identifier();
            p.skipSpace();
            if (p.peek() == '=') {
                throw new SyntaxException(at, "the attribute \"" + name + "\" must be inside a block");
            }
            blocks.add(p.block(name, at));
            p.skipSpace();
        }
        return blocks;
    }

    private Block block(String type, int at) throws SyntaxException {
        List<String> labels = new ArrayList<>();
        skipSpace();
        while (peek() == '"') {
            labels.add(string());
            skipSpace();
        }
        expect('{', "a block \"" + type + "\" needs \"{\" after its labels");
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        skipSpace();
        while (peek() != '}') {
            if (pos >= src.length()) {
                throw new SyntaxException(at, "the block \"" + type + "\" that starts here is not closed with \"}\"");
            }
            int lineOf = line;
            String name = identifier();
            skipSpace();
            if (peek() == '=') {
                pos++;
                skipSpace();
                attributes.add(new Attribute(name, value(), lineOf));
            } else {
                blocks.add(block(name, lineOf));
            }
            skipSpace();
        }
        pos++;
        return new Block(type, labels, attributes, blocks, at);
    }

    private Value value() throws SyntaxException {
        int at = line;
        char c = peek();
        if (c == '"') {
            return new Text(string(), at);
        }
        if (c == '[') {
            pos++;
            List<Value> items = new ArrayList<>();
            skipSpace();
            while (peek() != ']') {
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != ']') {
                    throw new SyntaxException(line, "expected \",\" or \"]\" in a list");
                }
            }
            pos++;
            return new ListValue(items, at);
        }
        if (c == '{') {
            pos++;
            java.util.Map<String, Value> members = new java.util.LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                String key = peek() == '"' ? string() : identifier();
                skipSpace();
                if (peek() != '=' && peek() != ':') {
                    throw new SyntaxException(line, "expected \"=\" after \"" + key + "\" in an object");
                }
                pos++;
                skipSpace();
                members.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                }
                if (pos >= src.length()) {
                    throw new SyntaxException(at, "an object is not closed with \"}\"");
                }
            }
            pos++;
            return new ObjectValue(members, at);
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
            String digits = src.substring(start, pos);
            if (pos < src.length() && (src.charAt(pos) == '.' || src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                throw new SyntaxException(at, "only whole numbers are read here");
            }
            try {
                return new Number(Long.parseLong(digits), at);
            } catch (NumberFormatException e) {
                throw new SyntaxException(at, "\"" + digits + "\" is not a whole number");
            }
        }
        if (isIdentifierStart(c)) {
            List<String> parts = new ArrayList<>();
            parts.add(identifier());
            while (peek() == '.') {
                pos++;
                parts.add(identifier());
            }
            if (peek() == '(' || peek() == '[') {
                throw new SyntaxException(at, "function calls and indexes are not read: write the value itself");
            }
            if (parts.size() == 1) {
                switch (parts.get(0)) {
                    case "true":
                        return new Bool(true, at);
                    case "false":
                        return new Bool(false, at);
                    case "null":
                        return new Null(at);
                    default:
                        break;
                }
            }
            return new Reference(parts, at);
        }
        throw new SyntaxException(at, pos >= src.length() ? "the file ends where a value should be"
                : "\"" + c + "\" cannot start a value here (a string, number, true/false, list or reference)");
    }

    private String string() throws SyntaxException {
        int at = line;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new SyntaxException(at, "a string is not closed with \" on its line");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if ((c == '$' || c == '%') && pos < src.length() && src.charAt(pos) == '{') {
                throw new SyntaxException(at, "templates (" + c + "{...}) are not read; write " + c + c
                        + "{ for the text " + c + "{");
            }
            if ((c == '$' || c == '%') && pos + 1 < src.length() && src.charAt(pos) == c
                    && src.charAt(pos + 1) == '{') {
                out.append(c).append('{');
                pos += 2;
                continue;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= src.length()) {
                throw new SyntaxException(at, "a string ends in the middle of an escape");
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'u' -> out.appendCodePoint(hex(4, at));
                case 'U' -> out.appendCodePoint(hex(8, at));
                default -> throw new SyntaxException(at, "\\" + e + " is not an escape HCL knows");
            }
        }
    }

    private int hex(int digits, int at) throws SyntaxException {
        if (pos + digits > src.length()) {
            throw new SyntaxException(at, "a \\u escape needs " + digits + " hexadecimal digits");
        }
        try {
            int cp = Integer.parseInt(src.substring(pos, pos + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new SyntaxException(at, "\\u" + src.substring(pos, pos + digits) + " is not a character");
            }
            pos += digits;
            return cp;
        } catch (NumberFormatException e) {
            throw new SyntaxException(at, "a \\u escape needs " + digits + " hexadecimal digits");
        }
    }

    private String identifier() throws SyntaxException {
        if (pos >= src.length() || !isIdentifierStart(src.charAt(pos))) {
            throw new SyntaxException(line, pos >= src.length() ? "the file ends where a name should be"
                    : "expected a name, found \"" + src.charAt(pos) + "\"");
        }
        int start = pos;
        while (pos < src.length() && (isIdentifierStart(src.charAt(pos)) || Character.isDigit(src.charAt(pos))
                || src.charAt(pos) == '-')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void expect(char c, String message) throws SyntaxException {
        skipSpace();
        if (peek() != c) {
            throw new SyntaxException(line, message);
        }
        pos++;
    }

    private void skipSpace() throws SyntaxException {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int at = line;
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new SyntaxException(at, "a /* comment is not closed");
                }
                for (int i = pos; i < end; i++) {
                    if (src.charAt(i) == '\n') {
                        line++;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }
}
