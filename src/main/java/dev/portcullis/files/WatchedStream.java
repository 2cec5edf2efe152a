package dev.portcullis.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that shows each run of bytes read from it to {@link #seen}, which may stop the reading. */
abstract class WatchedStream extends FilterInputStream {

    WatchedStream(InputStream in) {
        super(in);
    }

    /** The bytes just read: {@code count} of them from {@code offset}. */
    abstract void seen(byte[] buffer, int offset, int count) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            seen(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
