package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.SecurityGroup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads a definition file: the JSON Neutron answers to {@code GET /v2.0/security-groups} (or one group
 * from {@code GET /v2.0/security-groups/ID}), optionally with {@code ports}. Reading is as lenient as
 * Neutron ({@code "22"} is a port, {@code "TCP"} a protocol) and as strict: every problem is reported with
 * its JSON path, and a member it does not know is reported, never dropped in silence. What
 * {@code openstack security group show -f json} and {@code list -f json} print is read too.
 *
 * <p>A file of any size is read: a first pass over the stream checks the whole document and notes each group's
 * id and name (a rule may name a group further down), a second reads the groups one at a time, so the document
 * is never a tree in memory. {@link ReadLimits} refuses what no project holds.
 */
public final class DefinitionReader {

    /** How deeply JSON may nest; a Neutron document needs 5 levels. */
    public static final int MAX_DEPTH = ReadLimits.DEFAULT.depth();
    /** The marker of files Portcullis wrote. */
    public static final String FORMAT = "portcullis/1";

    static final Set<String> ROOT_MEMBERS = Set.of("security_groups", "security_group", "ports", "address_groups", "format",
            "security_groups_links");
    static final Set<String> GROUP_MEMBERS = Set.of("id", "name", "description", "stateful", "shared",
            "tenant_id", "project_id", "security_group_rules", "tags", "created_at", "updated_at", "revision_number");

    private final ReadLimits limits;
    /** Parsers for the first pass, which checks the whole document: a member given twice is an error there. */
    private final JsonFactory strict;
    /** Parsers for the pass that reads groups, on a document the first pass found well-formed. */
    private final JsonFactory lenient;
    private final ObjectMapper mapper;

    public DefinitionReader() {
        this(ReadLimits.DEFAULT);
    }

    DefinitionReader(ReadLimits limits) {
        this.limits = limits;
        this.strict = limits.json(true);
        this.lenient = limits.json(false);
        this.mapper = new ObjectMapper(lenient).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Reads a file of any size; never throws for what is in it or for a file that cannot be read. */
    public DefinitionReport read(Path file) {
        return read(file, GroupPages.NONE);
    }

    /**
     * As {@link #read(Path)}, telling {@code pages} the groups while the file is read: the first ones from a
     * quick look at its start (a regular file), before the whole of it is checked, the others as they are read.
     * The report is what counts: it may still find the file unusable.
     */
    public DefinitionReport read(Path file, GroupPages pages) {
        String refused = FileKinds.notARegularFile(file, "a definition file");
        if (refused != null) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", refused));
        }
        GroupPaging paging = pages == GroupPages.NONE ? null : new GroupPaging(pages);
        if (Files.isRegularFile(file)) {
            JsonSource source = JsonSource.of(file);
            if (paging != null) {
                List<SecurityGroup> first = DefinitionPreview.first(source, lenient, mapper);
                if (!first.isEmpty()) {
                    pages.page(first, first.size());
                    paging.toldAlready(first.size());
                }
            }
            return read(source, file, paging);
        }
        // A pipe or a device can be read only once: what the first pass reads is kept for the second.
        try (InputStream in = Files.newInputStream(file)) {
            return read(JsonSource.once(in, limits.streamBytes()), file, paging);
        } catch (IOException e) {
            return unreadable(file, e);
        }
    }

    /** Reads definitions that come from no file: the lines of its groups and rules have a null file. */
    public DefinitionReport read(byte[] json) {
        return read(json, null);
    }

    /**
     * Reads the bytes of {@code file}: the report's {@link DefinitionReport#locations() locations} give the
     * line of each group and rule in that file (a null file when the bytes come from none).
     */
    public DefinitionReport read(byte[] json, Path file) {
        return read(JsonSource.of(json), file, null);
    }

    /** Reads definitions a reader of another format built as Neutron's JSON; the report has no lines. */
    DefinitionReport read(ObjectNode root) {
        return DefinitionStream.fromTree(root, List.of());
    }

    private DefinitionReport read(JsonSource source, Path file, GroupPaging paging) {
        JsonParser at = null;
        try {
            DefinitionOutline outline;
            try (JsonParser parser = source.open(strict)) {
                at = parser;
                if (parser.nextToken() == null) {
                    return DefinitionReport.unusable(new Problem(FileErrorCode.EMPTY, "", "The file is empty: a "
                            + "definition file holds Neutron's answer to GET /v2.0/security-groups."));
                }
                outline = DefinitionOutline.scan(parser, mapper);
            }
            try (JsonParser parser = source.open(lenient)) {
                at = parser;
                parser.nextToken();
                return outline != null ? DefinitionStream.read(parser, mapper, outline, file, paging)
                        : DefinitionStream.readWhole(parser, mapper, file, source, lenient);
            }
        } catch (StreamConstraintsException e) {
            return DefinitionReport.unusable(limits.problem(e, at == null ? null : at.currentLocation()));
        } catch (JsonProcessingException e) {
            return DefinitionReport.unusable(new Problem(duplicate(e) ? FileErrorCode.DUPLICATE_MEMBER
                    : FileErrorCode.MALFORMED_JSON, "", describe(e)));
        } catch (JsonSource.TooLong e) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.TOO_LARGE, "", (file == null ? "The input"
                    : file.toString()) + " is not a regular file and " + e.getMessage() + ", the most Portcullis "
                    + "keeps in memory of a pipe or a device: save it to a file, which is read whatever its size."));
        } catch (IOException e) {
            return unreadable(file, e);
        }
    }

    private static DefinitionReport unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", file + " does not exist."));
        }
        if (e instanceof AccessDeniedException) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "",
                    file + " cannot be read: you do not have permission to read it."));
        }
        return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", (file == null ? "The input"
                : file.toString()) + " cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage())));
    }

    private static boolean duplicate(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    }

    private static String describe(JsonProcessingException e) {
        String what = String.valueOf(e.getOriginalMessage());
        if (what.startsWith("Duplicate field")) {
            what = "the member " + what.substring("Duplicate field ".length()) + " appears twice in one object";
        }
        // Jackson adds where it started reading and its own settings; the line and column say enough.
        what = what.replaceAll("\\s*\\(start marker at .*", "").replaceAll("\\s*\\n.*", "").strip();
        if (e.getLocation() != null) {
            return "The file is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + what;
        }
        return "The file is not valid JSON: " + what;
    }
}
