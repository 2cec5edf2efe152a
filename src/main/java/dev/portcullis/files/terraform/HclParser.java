package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.Syntax.Attribute;
import dev.portcullis.files.terraform.Syntax.Block;
import dev.portcullis.files.terraform.Syntax.Body;
import dev.portcullis.files.terraform.Syntax.Expr;
import dev.portcullis.files.terraform.Syntax.Literal;
import dev.portcullis.files.terraform.Syntax.Template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * HCL native syntax (the language of {@code .tf} and {@code .tfvars} files) into a {@link Syntax} tree with
 * the line of every node: blocks, attributes, and the whole expression language (templates with
 * interpolations and {@code %{if}}/{@code %{for}} directives, heredocs, operators, conditionals, function
 * calls, indexes, splats, {@code for} expressions, tuples and objects). Nothing is evaluated here.
 * As in HCL, a newline ends an attribute unless it is inside brackets or parentheses.
 */
public final class HclParser {

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

    private final String src;
    private int pos;
    private int line;
    /** Brackets open around the current expression: inside them, newlines are spaces. */
    private int depth;

    private HclParser(String src, int line) {
        this.src = src;
        this.line = line;
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

    // ---------------------------------------------------------------- expressions

    Expr expression() throws SyntaxException {
        Expr condition = binary(0);
        skip();
        if (peek() == '?') {
            int at = line;
            pos++;
            depth++;
            skip();
            Expr then = expression();
            skip();
            expectChar(':', "expected \":\" in a conditional (a ? b : c)");
            skip();
            depth--;
            Expr otherwise = expression();
            return new Syntax.Conditional(condition, then, otherwise, at);
        }
        return condition;
    }

    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("==", "!="),
            List.of(">=", "<=", ">", "<"), List.of("+", "-"), List.of("*", "/", "%"));

    private Expr binary(int level) throws SyntaxException {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            skip();
            String op = operatorAt(LEVELS.get(level));
            if (op == null) {
                return left;
            }
            int at = line;
            pos += op.length();
            skip();
            left = new Syntax.Binary(op, left, binary(level + 1), at);
        }
    }

    private String operatorAt(List<String> ops) {
        for (String op : ops) {
            if (src.startsWith(op, pos)) {
                // ">=" is not ">", and a comment is not a division: whole operators only
                if ((op.equals(">") || op.equals("<")) && peekAt(1) == '=') {
                    continue;
                }
                if (op.equals("/") && (peekAt(1) == '/' || peekAt(1) == '*')) {
                    continue;
                }
                return op;
            }
        }
        return null;
    }

    private Expr unary() throws SyntaxException {
        int at = line;
        if (peek() == '!' || (peek() == '-' && !Character.isDigit(peekAt(1)))) {
            String op = String.valueOf(src.charAt(pos++));
            skip();
            return new Syntax.Unary(op, unary(), at);
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) throws SyntaxException {
        while (true) {
            int at = line;
            if (src.startsWith("...", pos)) {
                return e;
            }
            if (peek() == '.' && peekAt(1) == '*') {
                pos += 2;
                return new Syntax.Splat(e, splatRest(), at);
            }
            if (peek() == '[' && src.startsWith("[*]", pos)) {
                pos += 3;
                return new Syntax.Splat(e, splatRest(), at);
            }
            if (peek() == '.') {
                pos++;
                if (Character.isDigit(peek())) {
                    int start = pos;
                    while (Character.isDigit(peek())) {
                        pos++;
                    }
                    e = new Syntax.Index(e, new Literal(new BigDecimal(src.substring(start, pos)), at), at);
                } else {
                    e = new Syntax.GetAttr(e, identifier(), at);
                }
            } else if (peek() == '[') {
                pos++;
                depth++;
                skip();
                Expr key = expression();
                skip();
                expectChar(']', "expected \"]\" after an index");
                depth--;
                e = new Syntax.Index(e, key, at);
            } else {
                return e;
            }
        }
    }

    /** What follows a splat: attribute and index steps applied to each element. */
    private Expr splatRest() throws SyntaxException {
        Expr item = new Syntax.Variable(Syntax.Splat.ITEM, line);
        return postfix(item);
    }

    private Expr primary() throws SyntaxException {
        int at = line;
        char c = peek();
        if (c == '"') {
            return quotedTemplate();
        }
        if (c == '<' && src.startsWith("<<", pos)) {
            return heredoc();
        }
        if (c == '(') {
            pos++;
            depth++;
            skip();
            Expr e = expression();
            skip();
            expectChar(')', "expected \")\"");
            depth--;
            return e;
        }
        if (c == '[') {
            return tuple(at);
        }
        if (c == '{') {
            return object(at);
        }
        if (c == '-' || Character.isDigit(c)) {
            return number(at);
        }
        if (isIdentifierStart(c)) {
            String name = identifier();
            switch (name) {
                case "true":
                    return new Literal(Boolean.TRUE, at);
                case "false":
                    return new Literal(Boolean.FALSE, at);
                case "null":
                    return new Literal(null, at);
                default:
                    break;
            }
            if (peek() == ':' && peekAt(1) == ':') {
                pos += 2;
                name = name + "::" + identifier();
            }
            if (peek() == '(') {
                return call(name, at);
            }
            return new Syntax.Variable(name, at);
        }
        throw new SyntaxException(at, pos >= src.length() ? "the file ends where a value should be"
                : "\"" + c + "\" cannot start a value here");
    }

    private Expr number(int at) throws SyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (Character.isDigit(peek())) {
            pos++;
        }
        if (peek() == '.' && Character.isDigit(peekAt(1))) {
            pos++;
            while (Character.isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            while (Character.isDigit(peek())) {
                pos++;
            }
        }
        try {
            return new Literal(new BigDecimal(src.substring(start, pos)), at);
        } catch (NumberFormatException e) {
            throw new SyntaxException(at, "\"" + src.substring(start, pos) + "\" is not a number");
        }
    }

    private Expr call(String name, int at) throws SyntaxException {
        pos++;
        depth++;
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        skip();
        while (peek() != ')') {
            args.add(expression());
            skip();
            if (src.startsWith("...", pos)) {
                pos += 3;
                expand = true;
                skip();
            }
            if (peek() == ',') {
                pos++;
                skip();
            } else if (peek() != ')') {
                throw new SyntaxException(line, "expected \",\" or \")\" in the call of " + name);
            }
        }
        pos++;
        depth--;
        return new Syntax.Call(name, args, expand, at);
    }

    private Expr tuple(int at) throws SyntaxException {
        pos++;
        depth++;
        skip();
        if (startsWithKeyword("for")) {
            Expr f = forExpression(at, false);
            expectChar(']', "expected \"]\" at the end of a for expression");
            depth--;
            return f;
        }
        List<Expr> items = new ArrayList<>();
        while (peek() != ']') {
            items.add(expression());
            skip();
            if (peek() == ',') {
                pos++;
                skip();
            } else if (peek() != ']') {
                throw new SyntaxException(line, "expected \",\" or \"]\" in a list");
            }
        }
        pos++;
        depth--;
        return new Syntax.Tuple(items, at);
    }

    private Expr object(int at) throws SyntaxException {
        pos++;
        depth++;
        skip();
        if (startsWithKeyword("for")) {
            Expr f = forExpression(at, true);
            expectChar('}', "expected \"}\" at the end of a for expression");
            depth--;
            return f;
        }
        List<Syntax.Item> items = new ArrayList<>();
        while (peek() != '}') {
            if (pos >= src.length()) {
                throw new SyntaxException(at, "an object is not closed with \"}\"");
            }
            int keyAt = line;
            Expr key;
            if (isIdentifierStart(peek())) {
                int save = pos;
                String name = identifier();
                skip();
                if (peek() == '=' || peek() == ':') {
                    key = new Literal(name, keyAt);
                } else {
                    pos = save;
                    key = expression();
                }
            } else {
                key = expression();
            }
            skip();
            if (peek() != '=' && peek() != ':') {
                throw new SyntaxException(line, "expected \"=\" after a key in an object");
            }
            pos++;
            skip();
            items.add(new Syntax.Item(key, expression()));
            skip();
            if (peek() == ',') {
                pos++;
                skip();
            }
        }
        pos++;
        depth--;
        return new Syntax.ObjectCons(items, at);
    }

    private Expr forExpression(int at, boolean object) throws SyntaxException {
        pos += 3;
        skip();
        String first = identifier();
        String second = null;
        skip();
        if (peek() == ',') {
            pos++;
            skip();
            second = identifier();
            skip();
        }
        if (!startsWithKeyword("in")) {
            throw new SyntaxException(line, "expected \"in\" in a for expression");
        }
        pos += 2;
        skip();
        Expr collection = expression();
        skip();
        expectChar(':', "expected \":\" in a for expression");
        skip();
        Expr key = null;
        if (object) {
            key = expression();
            skip();
            if (!src.startsWith("=>", pos)) {
                throw new SyntaxException(line, "expected \"=>\" in a for expression that makes an object");
            }
            pos += 2;
            skip();
        }
        Expr value = expression();
        skip();
        boolean grouping = false;
        if (src.startsWith("...", pos)) {
            pos += 3;
            grouping = true;
            skip();
        }
        Expr condition = null;
        if (startsWithKeyword("if")) {
            pos += 2;
            skip();
            condition = expression();
            skip();
        }
        String keyVar = second == null ? null : first;
        String valueVar = second == null ? first : second;
        return new Syntax.For(keyVar, valueVar, collection, key, value, condition, grouping, at);
    }

    // ---------------------------------------------------------------- templates

    private Template quotedTemplate() throws SyntaxException {
        int at = line;
        pos++;
        Templates.Parts parts = new Templates(this, true).parts(at);
        if (peek() != '"') {
            throw new SyntaxException(at, "a string is not closed with \" on its line");
        }
        pos++;
        return parts.template();
    }

    private Expr heredoc() throws SyntaxException {
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

    // ---------------------------------------------------------------- scanning (used by Templates too)

    String source() {
        return src;
    }

    int pos() {
        return pos;
    }

    void pos(int to) {
        pos = to;
    }

    int line() {
        return line;
    }

    void newline() {
        line++;
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

    void skipEmbedded() throws SyntaxException {
        depth++;
        skip();
        depth--;
    }

    String identifier() throws SyntaxException {
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

    boolean startsWithKeyword(String word) {
        return src.startsWith(word, pos) && !isNamePart(peekAt(word.length()));
    }

    private static boolean isNamePart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '-';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    char peekAt(int offset) {
        return pos + offset < src.length() ? src.charAt(pos + offset) : '\0';
    }

    void expectChar(char c, String message) throws SyntaxException {
        if (peek() != c) {
            throw new SyntaxException(line, message);
        }
        pos++;
    }

    /** Spaces and comments; newlines too inside brackets. */
    private void skip() throws SyntaxException {
        if (depth > 0) {
            skipAll();
        } else {
            skipInline();
        }
    }

    private void skipInline() throws SyntaxException {
        skipSpace(false);
    }

    private void skipAll() throws SyntaxException {
        skipSpace(true);
    }

    private void skipSpace(boolean newlines) throws SyntaxException {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n' && newlines) {
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
