package dev.portcullis.files.terraform;

import dev.portcullis.files.terraform.HclParser.SyntaxException;
import dev.portcullis.files.terraform.Syntax.Expr;

/**
 * The character level of {@link HclParser}: position and line, names, spaces and comments (a newline is a
 * space only inside brackets, where {@code depth > 0}), shared with {@link Templates}.
 */
abstract class HclScanner {

    final String src;
    int pos;
    int line;
    /** Brackets open around the current expression: inside them, newlines are spaces. */
    int depth;
    /** Expressions and blocks being parsed inside each other, to refuse absurd nesting before the stack ends. */
    int nesting;
    static final int MAX_NESTING = 200;

    HclScanner(String src, int line) {
        this.src = src;
        this.line = line;
    }

    /** An expression (implemented by {@link HclExpressions}). */
    abstract Expr expression() throws SyntaxException;


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

    static boolean isIdentifierStart(char c) {
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
    void skip() throws SyntaxException {
        if (depth > 0) {
            skipAll();
        } else {
            skipInline();
        }
    }

    void skipInline() throws SyntaxException {
        skipSpace(false);
    }

    void skipAll() throws SyntaxException {
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
