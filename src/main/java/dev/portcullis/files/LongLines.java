package dev.portcullis.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * A YAML stream whose lines may not be longer than a limit. SnakeYAML keeps the token it is scanning in one window
 * that it copies each time it reads on (the time grows with the square of the line), so one line of hundreds of
 * megabytes would take hours; Heat refuses whole templates above 512 KiB, and no playbook has a line that long. The
 * line is counted here, before the parser sees it.
 */
final class LongLines extends WatchedStream {

    /** The longest line, in bytes. */
    static final int MAX_LINE = 512 * 1024;

    private final int limit;
    private int line = 1;
    private int length;
    private boolean exceeded;

    LongLines(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    /** Whether the stream was cut for a long line; the line is then {@link #line()}. */
    boolean exceeded() {
        return exceeded;
    }

    int line() {
        return line;
    }

    @Override
    void seen(byte[] buffer, int offset, int count) throws IOException {
        for (int i = offset; i < offset + count; i++) {
            if (buffer[i] == '\n') {
                line++;
                length = 0;
            } else if (++length > limit) {
                exceeded = true;
                throw new IOException("line " + line + " is longer than " + limit + " bytes");
            }
        }
    }
}
