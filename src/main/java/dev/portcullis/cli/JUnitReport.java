package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.SourceLocations.Location;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A review as JUnit XML, the test report every CI system shows (GitLab's {@code artifacts:reports:junit},
 * Jenkins' {@code junit} step): one test case per group, failed by each finding at or above
 * {@code --fail-on}, with the findings below it as the case's output. Findings about the source as a whole
 * are a test case named after the source.
 */
final class JUnitReport {

    private JUnitReport() {
    }

    /** One test case: a group (or the source as a whole) and its findings. */
    private record Case(String name, List<Finding> failures, List<Finding> notes) {
    }

    /**
     * Writes the review of {@code source}.
     *
     * @param groups   the groups reviewed: each is a test case, passed when it has no finding
     * @param findings what the review found; a finding of a group not among {@code groups} gets a case too
     * @param failOn   the least severity that fails a case
     * @param where    the file and line of a finding, or empty for a source that is no file
     * @param base     the folder file names are shown relative to, when below it
     */
    static void write(String source, List<SecurityGroup> groups, List<Finding> findings, Severity failOn,
                      Function<Finding, Optional<Location>> where, Path base, Writer out) {
        Map<String, Case> cases = new LinkedHashMap<>();
        String sourceKey = "\u0000source";
        if (findings.stream().anyMatch(f -> f.groupId() == null)) {
            cases.put(sourceKey, new Case(source, new ArrayList<>(), new ArrayList<>()));
        }
        for (SecurityGroup g : groups) {
            cases.put(g.id(), new Case(g.name().isEmpty() ? DraftIds.shown(g.id()) : g.name(),
                    new ArrayList<>(), new ArrayList<>()));
        }
        for (Finding f : findings) {
            Case c = cases.computeIfAbsent(f.groupId() == null ? sourceKey : f.groupId(),
                    id -> new Case(SarifReport.groupLabel(f), new ArrayList<>(), new ArrayList<>()));
            (f.severity().atLeast(failOn) ? c.failures() : c.notes()).add(f);
        }
        long failed = cases.values().stream().filter(c -> !c.failures().isEmpty()).count();
        // ASCII with character references for the rest: whatever the terminal's encoding, the bytes are the same.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "US-ASCII");
            x.writeStartDocument("US-ASCII", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "portcullis lint");
            x.writeAttribute("tests", Integer.toString(cases.size()));
            x.writeAttribute("failures", Long.toString(failed));
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", xml("portcullis lint " + source));
            x.writeAttribute("tests", Integer.toString(cases.size()));
            x.writeAttribute("failures", Long.toString(failed));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            for (Case c : cases.values()) {
                testCase(x, source, c, where, base);
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
            out.write(bytes.toString(StandardCharsets.US_ASCII));
            out.write("\n");
            out.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void testCase(XMLStreamWriter x, String source, Case c,
                                 Function<Finding, Optional<Location>> where, Path base) throws XMLStreamException {
        x.writeCharacters("\n    ");
        boolean empty = c.failures().isEmpty() && c.notes().isEmpty();
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("classname", xml(source));
        x.writeAttribute("name", xml(c.name()));
        x.writeAttribute("time", "0");
        if (empty) {
            return;
        }
        for (Finding f : c.failures()) {
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("type", xml(f.check()));
            x.writeAttribute("message", xml(f.check() + " (" + f.severity().label() + "): " + f.explanation()));
            x.writeCharacters(xml(details(f, where.apply(f), base)));
            x.writeEndElement();
        }
        if (!c.notes().isEmpty()) {
            StringBuilder lines = new StringBuilder();
            for (Finding f : c.notes()) {
                lines.append(f.severity().label().toUpperCase(Locale.ROOT)).append(" [").append(f.check()).append("] ")
                        .append(f.explanation()).append('\n').append(details(f, where.apply(f), base)).append('\n');
            }
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(xml(lines.toString()));
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    /** The rule, the fix and the place, a line each. */
    private static String details(Finding f, Optional<Location> at, Path base) {
        StringBuilder s = new StringBuilder();
        if (f.rule() != null || f.ruleId() != null) {
            s.append("rule: ").append(f.rule() != null ? SafeText.line(f.rule()) : "")
                    .append(f.ruleId() != null ? (f.rule() != null ? " " : "") + "(" + SafeText.line(f.ruleId()) + ")" : "")
                    .append('\n');
        }
        s.append("fix: ").append(SafeText.line(f.fix()));
        at.filter(l -> l.file() != null).ifPresent(l -> s.append('\n').append("at: ")
                .append(FindingLocations.shown(l.file(), base)).append(l.line() >= 1 ? ":" + l.line() : ""));
        return s.toString();
    }

    /**
     * Text XML 1.0 can hold: control characters other than tab and line feed become visible escapes (as
     * on the terminal), and a lone surrogate becomes U+FFFD. The XML writer escapes markup itself.
     */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else if (c < 0x20 && c != '\n' && c != '\t') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
