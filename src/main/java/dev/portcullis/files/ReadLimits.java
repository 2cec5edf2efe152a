package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portcullis.domain.Problem;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.Locale;

/**
 * The guard every reader of JSON and YAML sources puts in front of its parser. There is no limit on the size of
 * a file: files are read as a stream, and a project is as large as memory allows. What is refused is input no
 * project needs and that would only cost memory or time: values nested deeper than {@link #depth} levels, one
 * text value (or member name) longer than {@link #stringChars} characters, a number written with more than a
 * thousand digits. A stream that is not a regular file (a pipe, a device) must be read twice and so is kept in
 * memory, up to {@link #streamBytes} bytes.
 *
 * @param depth       how deeply values may nest; a Neutron document needs 5 levels, a Heat template about 10
 * @param stringChars the longest text value or member name, in characters
 * @param streamBytes the most bytes read from a pipe or a device
 */
record ReadLimits(int depth, int stringChars, long streamBytes) {

    /** The limits of every reader: far above what real projects hold, far below what would exhaust memory. */
    static final ReadLimits DEFAULT = new ReadLimits(64, 16 * 1024 * 1024, 1024L * 1024 * 1024);

    StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(depth).maxStringLength(stringChars)
                .maxNameLength(stringChars).build();
    }

    /** JSON with these limits; {@code strict}: a member given twice in one object is an error. */
    JsonFactory json(boolean strict) {
        var builder = JsonFactory.builder().streamReadConstraints(constraints());
        if (strict) {
            builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        return builder.build();
    }

    /** YAML with these limits; the whole document may be as long as a Java array can count. */
    YAMLFactory yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(depth);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build();
    }

    /**
     * Which limit a parser hit, in words, with the line.
     *
     * @param where where the parser was when it stopped, used when the exception does not say
     */
    Problem problem(StreamConstraintsException e, JsonLocation where) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : where;
        return new Problem(code(e), "", describe(e) + (at == null ? "" : " (line " + at.getLineNr() + ")")
                + "; Portcullis does not read it.");
    }

    private static String code(StreamConstraintsException e) {
        return lower(e).contains("nesting") ? FileErrorCode.TOO_DEEP : FileErrorCode.VALUE_TOO_LONG;
    }

    /** The limit in the user's terms; the parser's own message names its settings. */
    String describe(StreamConstraintsException e) {
        String what = lower(e);
        if (what.contains("nesting")) {
            return "The file nests values deeper than " + depth + " levels (a definition file needs about 5)";
        }
        if (what.contains("number")) {
            return "A number in the file is written with more digits than any definition needs";
        }
        if (what.contains("name")) {
            return "A member name in the file is longer than " + stringChars + " characters";
        }
        if (what.contains("string")) {
            return "A text value in the file is longer than " + stringChars + " characters";
        }
        // the parser's own words name its settings classes: say the limits instead
        return "A value in the file is larger than Portcullis reads (a text value up to " + stringChars
                + " characters, values nested up to " + depth + " levels deep)";
    }

    private static String lower(StreamConstraintsException e) {
        return String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
    }
}
