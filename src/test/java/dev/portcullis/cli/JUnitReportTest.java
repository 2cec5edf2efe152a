package dev.portcullis.cli;

import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** lint's JUnit XML, read back with the JDK's parser as a CI system would. */
class JUnitReportTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return PortcullisCommand.commandLine(c -> { }, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void eachGroupIsATestCaseFailedByEachFindingAtOrAboveFailOnWithTheOthersAsOutput() throws Exception {
        Path file = Files.writeString(dir.resolve("groups.json"), SarifReportTest.GROUPS);

        int exit = run("lint", "--format", "junit", "--fail-on", "high", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        Document doc = parse(out.toString());
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        Element suite = elements(suites, "testsuite").get(0);
        assertThat(suite.getAttribute("name")).isEqualTo("portcullis lint " + file);
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        List<Element> cases = elements(suite, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly("web", "db <&\"'>");
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly(file.toString());

        Element web = cases.get(0);
        List<Element> failures = elements(web, "failure");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getAttribute("message"))
                .startsWith("world-open-admin-port (high): Remote administration is open");
        assertThat(failures.get(0).getTextContent())
                .contains("rule: Ingress IPv4 TCP 22 from 0.0.0.0/0 (r1)")
                .contains("fix: ")
                .contains("at: " + file + ":4");
        // Below --fail-on: the rule without a description (low) and IPv4 only (info), as output.
        String output = elements(web, "system-out").get(0).getTextContent();
        assertThat(output).contains("LOW [missing-description]").contains("at: " + file + ":6")
                .contains("INFO [ipv4-only]");

        List<Element> db = elements(cases.get(1), "failure");
        assertThat(db).extracting(f -> f.getAttribute("type")).containsExactly("world-open-database-port");
        assertThat(db.get(0).getTextContent()).contains("at: " + file + ":11");
    }

    @Test
    void aCleanGroupIsAPassedTestCaseAndFailOnCriticalFailsNone() throws Exception {
        Path file = Files.writeString(dir.resolve("groups.json"), SarifReportTest.GROUPS);

        int exit = run("lint", "--format", "junit", "--fail-on", "critical", file.toString());

        assertThat(exit).isZero();
        Element suite = elements(parse(out.toString()).getDocumentElement(), "testsuite").get(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(elements(suite, "failure")).isEmpty();
        assertThat(elements(suite, "system-out")).hasSize(2);
    }

    @Test
    void findingsAboutTheWholeSourceAreATestCaseNamedAfterItAndEveryTextIsEscaped() throws Exception {
        SecurityGroup clean = new SecurityGroup("g9", null, "clean", "", true, false, 0, List.of(), List.of(),
                null, null);
        List<Finding> findings = List.of(
                new Finding("rule-quota", Severity.MEDIUM, null, null, null, null,
                        "120 rules against a quota of 100 ]]> <!-- &amp;", "Ask for more."),
                new Finding("world-open-all", Severity.CRITICAL, "g1", "we\u0001b\u202e\"<x>", "r1", "Ingress any",
                        "Everything is open \uD83D\uDE00 \uD800.", "Close it."));
        StringWriter xml = new StringWriter();

        JUnitReport.write("cloud:prod", List.of(clean), findings, Severity.MEDIUM, FindingLocations.none(), dir, xml);

        Document doc = parse(xml.toString());
        List<Element> cases = elements(doc.getDocumentElement(), "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactly("cloud:prod", "clean", "we\\u0001b\u202e\"<x>");
        assertThat(elements(cases.get(0), "failure").get(0).getAttribute("message"))
                .isEqualTo("rule-quota (medium): 120 rules against a quota of 100 ]]> <!-- &amp;");
        assertThat(elements(cases.get(1), "failure")).isEmpty();
        Element open = elements(cases.get(2), "failure").get(0);
        assertThat(open.getAttribute("message")).endsWith("Everything is open \uD83D\uDE00 \uFFFD.");
        assertThat(open.getTextContent()).contains("rule: Ingress any (r1)").doesNotContain("at: ");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(xml.toString()).isASCII();
    }
}
