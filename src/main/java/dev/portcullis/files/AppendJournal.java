package dev.portcullis.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A file of records that only grows, each made durable (fsync) before {@link #append} returns, so a change can
 * be saved by writing only itself rather than the whole file it changes. The file is text: a first line
 * {@value #HEADER}, then per record a line {@code <length> <crc32 in hex>}, the record's bytes and a newline.
 *
 * <p>A crash can leave only the last record torn (it was being appended): {@link #read} ignores such a tail
 * (cut short, its checksum wrong, or only zeros) and the next append cuts it off first. A damaged record that
 * is followed by others cannot come from a crash; reading then fails, naming the byte where it starts.
 */
public final class AppendJournal {

    /** The first line of a journal. */
    public static final String HEADER = "portcullis-journal/1";

    private static final byte[] HEADER_BYTES = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);

    /** What a journal holds: its intact records and where they end (the bytes after that are a torn tail). */
    public record Contents(List<byte[]> records, long end, long size) {
        public boolean torn() {
            return size > end;
        }
    }

    private AppendJournal() {
    }

    /** The records of {@code journal}; none where it does not exist. */
    public static Contents read(Path journal) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(journal);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), 0, 0);
        }
        return parse(bytes, journal);
    }

    static Contents parse(byte[] bytes, Path journal) throws IOException {
        List<byte[]> records = new ArrayList<>();
        if (bytes.length == 0) {
            return new Contents(records, 0, 0);
        }
        if (!startsWithHeader(bytes)) {
            if (allZero(bytes, 0) || isPrefixOfHeader(bytes)) {
                return new Contents(records, 0, bytes.length); // torn while being created
            }
            throw new IOException(journal + " is not a Portcullis journal: it does not start with " + HEADER);
        }
        int at = HEADER_BYTES.length;
        while (at < bytes.length) {
            int newline = indexOf(bytes, at, (byte) '\n');
            Frame frame = newline < 0 ? null : Frame.parse(new String(bytes, at, newline - at, StandardCharsets.US_ASCII));
            long end = frame == null ? -1 : (long) newline + 1 + frame.length + 1;
            boolean intact = frame != null && end <= bytes.length && bytes[(int) end - 1] == '\n'
                    && frame.crc == crc(bytes, newline + 1, frame.length);
            if (!intact) {
                boolean lastOne = frame == null ? newline < 0 || allZero(bytes, at) : end >= bytes.length;
                if (lastOne || allZero(bytes, at)) {
                    return new Contents(records, at, bytes.length);
                }
                throw new IOException(journal + " is damaged at byte " + at + ": a record there is not what its "
                        + "checksum says, and more records follow it");
            }
            byte[] record = new byte[frame.length];
            System.arraycopy(bytes, newline + 1, record, 0, frame.length);
            records.add(record);
            at = (int) end;
        }
        return new Contents(records, at, bytes.length);
    }

    /**
     * Appends one record and flushes it to the disk. {@code end} is where the intact records end, as {@link #read}
     * or the last append answered: anything after it (a torn tail) is cut off first. Answers the new end.
     */
    public static long append(Path journal, long end, byte[] record) throws IOException {
        AtomicFiles.createPrivateDirectories(journal.toAbsolutePath().getParent());
        boolean created = !Files.exists(journal);
        try (FileChannel channel = AtomicFiles.openPrivate(journal)) {
            long start = created || end < HEADER_BYTES.length ? 0 : end;
            channel.truncate(start);
            ByteBuffer buffer = ByteBuffer.wrap(frame(start == 0, record));
            long position = start;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
            if (created) {
                AtomicFiles.syncDirectory(journal.toAbsolutePath().getParent());
            }
            return position;
        }
    }

    /** Empties the journal (its records are now in the file it journals), keeping only its first line. */
    public static long clear(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            ByteBuffer header = ByteBuffer.wrap(HEADER_BYTES);
            while (header.hasRemaining()) {
                channel.write(header, HEADER_BYTES.length - header.remaining());
            }
            channel.force(true);
        }
        return HEADER_BYTES.length;
    }

    private static byte[] frame(boolean withHeader, byte[] record) {
        byte[] line = (record.length + " " + Long.toHexString(crc(record, 0, record.length)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        int header = withHeader ? HEADER_BYTES.length : 0;
        byte[] out = new byte[header + line.length + record.length + 1];
        System.arraycopy(HEADER_BYTES, 0, out, 0, header);
        System.arraycopy(line, 0, out, header, line.length);
        System.arraycopy(record, 0, out, header + line.length, record.length);
        out[out.length - 1] = '\n';
        return out;
    }

    private record Frame(int length, long crc) {
        static Frame parse(String line) {
            String[] parts = line.split(" ");
            if (parts.length != 2) {
                return null;
            }
            try {
                int length = Integer.parseInt(parts[0]);
                long crc = Long.parseLong(parts[1], 16);
                return length < 0 ? null : new Frame(length, crc);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static long crc(byte[] bytes, int from, int length) {
        if (from + length > bytes.length) {
            return -1;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, from, length);
        return crc.getValue();
    }

    private static boolean startsWithHeader(byte[] bytes) {
        if (bytes.length < HEADER_BYTES.length) {
            return false;
        }
        for (int i = 0; i < HEADER_BYTES.length; i++) {
            if (bytes[i] != HEADER_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrefixOfHeader(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (i >= HEADER_BYTES.length || bytes[i] != HEADER_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int from, byte wanted) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
