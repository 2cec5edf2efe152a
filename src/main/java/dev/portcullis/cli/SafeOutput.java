package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The last guard before the terminal: every character the command line writes passes through here, and
 * one that {@link SafeText#unsafe} names (other than the line feeds and tabs of our own layout) is written
 * as its visible escape. The commands already make outside values safe where they print them
 * ({@link SafeText#line}, {@link SafeText#message}); this catches any value a path forgot. Inside JSON
 * strings the escape written ({@code \u202e}) is JSON's own, so JSON and SARIF answers keep their values.
 */
final class SafeOutput extends Writer {

    private final Writer target;
    private char pendingHigh;

    private SafeOutput(Writer target) {
        this.target = target;
    }

    /** {@code out} behind the guard (an already guarded writer is returned as it is). */
    static PrintWriter guard(PrintWriter out) {
        return out instanceof Guarded ? out : new Guarded(new SafeOutput(out));
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = chars[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    if (SafeText.unsafe(cp)) {
                        target.write(SafeText.escaped(cp));
                    } else {
                        target.write(high);
                        target.write(c);
                    }
                    start = i + 1;
                    continue;
                }
                target.write(high);
            }
            if (Character.isHighSurrogate(c)) {
                target.write(chars, start, i - start);
                if (i + 1 < end) {
                    int cp = Character.toCodePoint(c, chars[i + 1]);
                    boolean pair = Character.isLowSurrogate(chars[i + 1]);
                    if (pair && SafeText.unsafe(cp)) {
                        target.write(SafeText.escaped(cp));
                        i++;
                        start = i + 1;
                        continue;
                    }
                    start = i;
                    if (pair) {
                        i++;
                    }
                    continue;
                }
                pendingHigh = c;
                start = i + 1;
            } else if (c != '\n' && c != '\t' && SafeText.unsafe(c)) {
                target.write(chars, start, i - start);
                target.write(SafeText.escaped(c));
                start = i + 1;
            }
        }
        target.write(chars, start, end - start);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            target.write(pendingHigh);
            pendingHigh = 0;
        }
        target.close();
    }

    /** Marks a writer already guarded. */
    private static final class Guarded extends PrintWriter {
        Guarded(Writer out) {
            super(out, false);
        }
    }
}
