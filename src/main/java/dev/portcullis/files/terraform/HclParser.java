package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.Syntax.Attribute;
import dev.portcullis.files.terraform.Syntax.Block;
import dev.portcullis.files.terraform.Syntax.Body;
import dev.portcullis.files.terraform.Syntax.Expr;
import dev.portcullis.files.terraform.Syntax.Literal;
import dev.portcullis.files.terraform.Syntax.Template;

import java.util.ArrayList;
import java.util.List;

/**
 * HCL native syntax (the language of {@code .tf} and {@code .tfvars} files) into a {@link Syntax} tree with
 * the line of every node: blocks, attributes, and the whole expression language (templates with
 * interpolations and {@code %{if}}/{@code %{for}} directives, heredocs, operators, conditionals, function
 * calls, indexes, splats, {@code for} expressions, tuples and objects). Nothing is evaluated here.
 * As in HCL, a newline ends an attribute unless it is inside brackets or parentheses.
 */
public final class HclParser extends HclExpressions {

    /** Input that is not HCL, with the line it is on. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private HclParser(String src, int line) {
        super(src, line);
    }

    /** A whole file: its top-level attributes and blocks. */
    public static Body parse(String src) throws SyntaxException {
        HclParser p = new HclParser(src, 1);
        Body body = p.body(false, 1);
        if (p.pos < src.length()) {
            throw new SyntaxException(p.line, "unexpected \"" + p.peek() + "\"");
        }
        return body;
    }

    /** One expression alone (a {@code -var} value). */
    public static Expr parseExpression(String src) throws SyntaxException {
        HclParser p = new HclParser(src, 1);
        p.depth = 1;
        p.skip();
        Expr e = p.expression();
        p.skip();
        if (p.pos < src.length()) {
            throw new SyntaxException(p.line, "unexpected \"" + p.peek() + "\" after the expression");
        }
        return e;
    }

    private Body body(boolean nested, int openedAt) throws SyntaxException {
        if (++nesting > MAX_NESTING) {
            throw new SyntaxException(openedAt, "blocks nest deeper than " + MAX_NESTING + " levels");
        }
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        skipAll();
        while (pos < src.length() && peek() != '}') {
            int at = line;
            String name = identifier();
            skipInline();
            if (peek() == '=' && peekAt(1) != '=') {
                pos++;
                skipInline();
                int start = pos;
                Expr value = expression();
                attributes.add(new Attribute(name, value, at, src.substring(start, pos).strip()));
            } else {
                List<String> labels = new ArrayList<>();
                while (peek() == '"' || isIdentifierStart(peek())) {
                    labels.add(peek() == '"' ? plainString() : identifier());
                    skipInline();
                }
                if (peek() != '{') {
                    throw new SyntaxException(line, "expected \"=\" or a block's \"{\" after \"" + name + "\"");
                }
                pos++;
                Body inner = body(true, at);
                if (peek() != '}') {
                    throw new SyntaxException(at, "the block \"" + name + "\" that starts here is not closed with \"}\"");
                }
                pos++;
                blocks.add(new Block(name, labels, inner, at));
            }
            skipInline();
            if (pos < src.length() && peek() != '\n' && peek() != '}') {
                throw new SyntaxException(line, "unexpected \"" + peek() + "\": one attribute or block per line");
            }
            skipAll();
        }
        if (nested && pos >= src.length()) {
            throw new SyntaxException(openedAt, "the block that starts here is not closed with \"}\"");
        }
        nesting--;
        return new Body(attributes, blocks);
    }

    /** A block label written as a string: no templates. */
    private String plainString() throws SyntaxException {
        Template t = quotedTemplate();
        if (t.parts().stream().allMatch(p -> p instanceof Literal)) {
            StringBuilder s = new StringBuilder();
            t.parts().forEach(p -> s.append(((Literal) p).value()));
            return s.toString();
        }
        throw new SyntaxException(t.line(), "a block label cannot be a template");
    }

    // ---------------------------------------------------------------- templates

    @Override
    Template quotedTemplate() throws SyntaxException {
        int at = line;
        pos++;
        Templates.Parts parts = new Templates(this, true).parts(at);
        if (peek() != '"') {
            throw new SyntaxException(at, "a string is not closed with \" on its line");
        }
        pos++;
        return parts.template();
    }

    @Override
    Expr heredoc() throws SyntaxException {
        int at = line;
        pos += 2;
        boolean indented = peek() == '-';
        if (indented) {
            pos++;
        }
        String marker = identifier();
        if (peek() == '\r') {
            pos++;
        }
        if (peek() != '\n') {
            throw new SyntaxException(at, "a heredoc's marker must end its line");
        }
        pos++;
        line++;
        List<String> lines = new ArrayList<>();
        int contentLine = line;
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxException(at, "the heredoc " + marker + " is not closed");
            }
            int end = src.indexOf('\n', pos);
            String text = src.substring(pos, end < 0 ? src.length() : end);
            pos = end < 0 ? src.length() : end;
            if (text.strip().equals(marker)) {
                break;
            }
            lines.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            if (pos < src.length()) {
                pos++;
                line++;
            }
        }
        if (indented) {
            int strip = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                    .min().orElse(0);
            lines.replaceAll(l -> l.length() >= strip ? l.substring(strip) : l.stripLeading());
        }
        StringBuilder content = new StringBuilder();
        lines.forEach(l -> content.append(l).append('\n'));
        HclParser inner = new HclParser(content.toString(), contentLine);
        Template t = new Templates(inner, false).parts(contentLine).template();
        return new Template(t.parts(), at);
    }

    /** An expression inside {@code ${ }} or {@code %{ }}: newlines are spaces there. */
    Expr embedded() throws SyntaxException {
        depth++;
        skip();
        Expr e = expression();
        skip();
        depth--;
        return e;
    }
}
