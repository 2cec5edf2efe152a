package dev.portcullis.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path is, asked before it is opened: a named pipe with no writer makes the open itself wait forever,
 * and a device such as {@code /dev/zero} or a terminal never ends. Such paths are refused at once, in words.
 * Asking follows symbolic links, as opening does; a path that does not exist or cannot be asked about is
 * left to the reader, which says so.
 */
public final class FileKinds {

    /** The file type bits of a Unix mode, and the types among them that are not files. */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private static final String PIPE = "a pipe";

    private FileKinds() {
    }

    /**
     * Why {@code path} cannot be read as {@code wanted} (e.g. "a definition file"), in words; null when it
     * is a regular file, a folder, or cannot be asked about. Folders are for the callers to judge (a
     * Terraform module is one).
     */
    public static String notAFile(Path path, String wanted) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
        if (attributes.isRegularFile() || attributes.isDirectory()) {
            return null;
        }
        String kind = kind(path);
        return path + " is " + kind + ", not a file: give the path of " + wanted
                + (kind.equals(PIPE) ? " (to read what a command prints, save it to a file first)." : ".");
    }

    /** As {@link #notAFile}, and a folder is refused too. */
    public static String notARegularFile(Path path, String wanted) {
        if (Files.isDirectory(path)) {
            return path + " is a folder, not a file: give the path of " + wanted + ".";
        }
        return notAFile(path, wanted);
    }

    private static String kind(Path path) {
        int type;
        try {
            type = ((Integer) Files.getAttribute(path, "unix:mode")) & TYPE_MASK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException
                 | SecurityException e) {
            return "neither a regular file nor a folder";
        }
        return switch (type) {
            case FIFO -> PIPE;
            case CHARACTER_DEVICE -> "a device (a terminal, or a device such as /dev/zero that never ends)";
            case BLOCK_DEVICE -> "a disk device";
            case SOCKET -> "a socket";
            default -> "neither a regular file nor a folder";
        };
    }
}
