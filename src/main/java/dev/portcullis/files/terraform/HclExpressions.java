package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.HclParser.SyntaxException;
import dev.portcullis.files.terraform.Syntax.Expr;
import dev.portcullis.files.terraform.Syntax.Literal;
import dev.portcullis.files.terraform.Syntax.Template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression language of {@link HclParser}: operators by HCL's precedence, conditionals, indexes,
 * attributes and splats, function calls, numbers, tuples, objects and {@code for} expressions.
 */
abstract class HclExpressions extends HclScanner {

    HclExpressions(String src, int line) {
        super(src, line);
    }

    abstract Template quotedTemplate() throws SyntaxException;

    abstract Expr heredoc() throws SyntaxException;

    @Override
    Expr expression() throws SyntaxException {
        if (++nesting > MAX_NESTING) {
            throw new SyntaxException(line, "expressions nest deeper than " + MAX_NESTING + " levels");
        }
        try {
            return conditional();
        } finally {
            nesting--;
        }
    }

    private Expr conditional() throws SyntaxException {
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
            if (++nesting > MAX_NESTING) {
                throw new SyntaxException(line, "expressions nest deeper than " + MAX_NESTING + " levels");
            }
            Expr operand = unary();
            nesting--;
            return new Syntax.Unary(op, operand, at);
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
}
