package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.HclParser.SyntaxException;
import dev.portcullis.files.terraform.Syntax.Expr;
import dev.portcullis.files.terraform.Syntax.Literal;
import dev.portcullis.files.terraform.Syntax.Template;

import java.util.ArrayList;
import java.util.List;

/**
 * The template part of {@link HclParser}: the text of a quoted string (escapes, no newline) or of a heredoc,
 * with {@code ${expr}} interpolations, {@code %{if}/%{else}/%{endif}} and {@code %{for}/%{endfor}} directives,
 * the {@code ~} strip markers, and {@code $${} / {@code %%{} for the literal text.
 */
final class Templates {

    private final HclParser p;
    private final boolean quoted;
    private boolean stripNext;

    Templates(HclParser parser, boolean quoted) {
        this.p = parser;
        this.quoted = quoted;
    }

    /** Parts up to the end (a closing quote, the end of a heredoc) or a directive keyword. */
    record Parts(List<Expr> parts, String endedBy, int line) {
        Template template() {
            return new Template(parts, line);
        }
    }

    Parts parts(int at) throws SyntaxException {
        Parts parts = until(at);
        if (parts.endedBy() != null) {
            throw new SyntaxException(p.line(), "%{" + parts.endedBy() + "} without its opening directive");
        }
        return parts;
    }

    private Parts until(int at) throws SyntaxException {
        List<Expr> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String src = p.source();
        while (true) {
            if (p.pos() >= src.length()) {
                if (quoted) {
                    throw new SyntaxException(at, "a string is not closed with \" on its line");
                }
                flush(parts, text);
                return new Parts(parts, null, at);
            }
            char c = src.charAt(p.pos());
            if (quoted && c == '"') {
                flush(parts, text);
                return new Parts(parts, null, at);
            }
            if (quoted && c == '\n') {
                throw new SyntaxException(at, "a string is not closed with \" on its line");
            }
            if ((c == '$' || c == '%') && p.peekAt(1) == c && p.peekAt(2) == '{') {
                text.append(c).append('{');
                p.pos(p.pos() + 3);
                continue;
            }
            if (c == '$' && p.peekAt(1) == '{') {
                p.pos(p.pos() + 2);
                stripBefore(text);
                flush(parts, text);
                Expr e = p.embedded();
                closeEmbedded();
                parts.add(e);
                continue;
            }
            if (c == '%' && p.peekAt(1) == '{') {
                int dirLine = p.line();
                p.pos(p.pos() + 2);
                stripBefore(text);
                flush(parts, text);
                p.skipEmbedded();
                String keyword = p.identifier();
                if ((keyword.equals("if") || keyword.equals("for")) && p.nesting + 1 > HclScanner.MAX_NESTING) {
                    throw new SyntaxException(dirLine, "template directives nest too deep");
                }
                switch (keyword) {
                    case "if" -> {
                        p.nesting++;
                        parts.add(ifDirective(dirLine));
                        p.nesting--;
                    }
                    case "for" -> {
                        p.nesting++;
                        parts.add(forDirective(dirLine));
                        p.nesting--;
                    }
                    case "else", "endif", "endfor" -> {
                        p.skipEmbedded();
                        closeEmbedded();
                        return new Parts(parts, keyword, at);
                    }
                    default -> throw new SyntaxException(dirLine, "%{" + keyword + "} is not a template directive");
                }
                continue;
            }
            p.pos(p.pos() + 1);
            if (c == '\n') {
                p.newline();
            }
            if (quoted && c == '\\') {
                escape(text, at);
            } else {
                text.append(c);
            }
        }
    }

    private Expr ifDirective(int at) throws SyntaxException {
        Expr condition = p.embedded();
        closeEmbedded();
        Parts then = until(at);
        Template otherwise = new Template(List.of(), at);
        if ("else".equals(then.endedBy())) {
            Parts rest = until(at);
            require(rest, "endif", at);
            otherwise = rest.template();
        } else {
            require(then, "endif", at);
        }
        return new Syntax.TemplateIf(condition, then.template(), otherwise, at);
    }

    private Expr forDirective(int at) throws SyntaxException {
        p.skipEmbedded();
        String first = p.identifier();
        String second = null;
        p.skipEmbedded();
        if (p.peek() == ',') {
            p.pos(p.pos() + 1);
            p.skipEmbedded();
            second = p.identifier();
            p.skipEmbedded();
        }
        if (!p.startsWithKeyword("in")) {
            throw new SyntaxException(p.line(), "expected \"in\" in %{for}");
        }
        p.pos(p.pos() + 2);
        Expr collection = p.embedded();
        closeEmbedded();
        Parts body = until(at);
        require(body, "endfor", at);
        return new Syntax.TemplateFor(second == null ? null : first, second == null ? first : second, collection,
                body.template(), at);
    }

    private static void require(Parts parts, String keyword, int at) throws SyntaxException {
        if (!keyword.equals(parts.endedBy())) {
            throw new SyntaxException(at, "the directive that starts here has no %{" + keyword + "}");
        }
    }

    /** {@code ~}? then {@code }}; a {@code ~} strips the whitespace after it. */
    private void closeEmbedded() throws SyntaxException {
        if (p.peek() == '~') {
            p.pos(p.pos() + 1);
            stripNext = true;
        }
        p.expectChar('}', "expected \"}\" to close ${ or %{");
    }

    /** A {@code ~} just after {@code ${} or {@code %{} strips the whitespace before it. */
    private void stripBefore(StringBuilder text) {
        if (p.peek() == '~') {
            p.pos(p.pos() + 1);
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            text.setLength(end);
        }
    }

    private void flush(List<Expr> parts, StringBuilder text) {
        String s = text.toString();
        if (stripNext) {
            s = s.stripLeading();
        }
        if (!s.isEmpty()) {
            parts.add(new Literal(s, p.line()));
        }
        stripNext = false;
        text.setLength(0);
    }

    private void escape(StringBuilder out, int at) throws SyntaxException {
        if (p.pos() >= p.source().length()) {
            throw new SyntaxException(at, "a string ends in the middle of an escape");
        }
        char e = p.source().charAt(p.pos());
        p.pos(p.pos() + 1);
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

    private int hex(int digits, int at) throws SyntaxException {
        String s = p.source();
        if (p.pos() + digits > s.length()) {
            throw new SyntaxException(at, "a \\u escape needs " + digits + " hexadecimal digits");
        }
        try {
            int cp = Integer.parseInt(s.substring(p.pos(), p.pos() + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new SyntaxException(at, "\\u" + s.substring(p.pos(), p.pos() + digits) + " is not a character");
            }
            p.pos(p.pos() + digits);
            return cp;
        } catch (NumberFormatException e) {
            throw new SyntaxException(at, "a \\u escape needs " + digits + " hexadecimal digits");
        }
    }
}
