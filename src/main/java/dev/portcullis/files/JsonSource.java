package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * A document a reader can parse more than once, each time as a stream: a regular file is opened again, bytes
 * are read again, and a pipe or a device (which can be read only once) is kept in memory as the first pass
 * reads it, up to a limit.
 */
abstract class JsonSource {

    /** A stream longer than its reader keeps in memory. */
    static final class TooLong extends IOException {
        TooLong(long limit) {
            super("it goes on past " + limit / (1024 * 1024) + " MiB");
        }
    }

    /** A new parser at the start of the document. */
    abstract JsonParser open(JsonFactory factory) throws IOException;

    static JsonSource of(byte[] bytes) {
        return new JsonSource() {
            @Override
            JsonParser open(JsonFactory factory) throws IOException {
                return factory.createParser(bytes);
            }
        };
    }

    /** A file, which must be the same file, unchanged, each time it is opened (it may be replaced meanwhile). */
    static JsonSource of(Path file) {
        return new JsonSource() {
            private List<Object> first;

            @Override
            JsonParser open(JsonFactory factory) throws IOException {
                InputStream in = Files.newInputStream(file);
                BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                List<Object> version = Arrays.asList(now.fileKey(), now.size(), now.lastModifiedTime());
                if (first == null) {
                    first = version;
                } else if (!first.equals(version)) {
                    in.close();
                    throw new IOException("it changed while it was read; read it again");
                }
                return factory.createParser(in);
            }
        };
    }

    /** A stream read once: the first parser reads it (and keeps what it reads), the next ones read that copy. */
    static JsonSource once(InputStream in, long limit) {
        return new JsonSource() {
            private Copying first;

            @Override
            JsonParser open(JsonFactory factory) throws IOException {
                if (first == null) {
                    first = new Copying(in, limit);
                    return factory.createParser(first);
                }
                return factory.createParser(first.copy.toByteArray());
            }
        };
    }

    /** A stream that keeps a copy of what is read from it, and refuses to go past a limit. */
    private static final class Copying extends WatchedStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final long limit;

        Copying(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        void seen(byte[] buffer, int offset, int count) throws IOException {
            if (copy.size() + (long) count > limit) {
                throw new TooLong(limit);
            }
            copy.write(buffer, offset, count);
        }
    }
}
