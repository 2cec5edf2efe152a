package dev.portcullis.files;

import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A definition file's groups told while it is read: in order, in pages, provisional until the report. */
class DefinitionPagesTest {

    private record Told(List<String> ids, int readSoFar) {
    }

    private static List<Told> read(Path file, List<DefinitionReport> report) {
        List<Told> told = new ArrayList<>();
        report.add(new SourceReader().read(file, (page, soFar) ->
                told.add(new Told(page.stream().map(SecurityGroup::id).toList(), soFar))));
        return told;
    }

    @Test
    void theGroupsAreToldInFileOrderAFirstScreenfulThenInPagesThatGrow(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("groups.json"), GeneratedDefinitions.json(6_500));
        List<DefinitionReport> report = new ArrayList<>();

        List<Told> told = read(file, report);

        assertThat(told).extracting(Told::readSoFar).containsExactly(50, 1_050, 2_100, 4_200, 6_500);
        assertThat(told).extracting(t -> t.ids().size()).containsExactly(50, 1_000, 1_050, 2_100, 2_300);
        List<String> all = told.stream().flatMap(t -> t.ids().stream()).toList();
        assertThat(all).isEqualTo(report.get(0).groups().stream().map(DefinitionReport.GroupReport::id).toList());
        assertThat(all).first().isEqualTo("g0");
        assertThat(report.get(0).valid()).isTrue();
    }

    @Test
    void aPageHoldsTheGroupsAsTheReportReadsThem(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("groups.json"), GeneratedDefinitions.json(60));
        List<SecurityGroup> heard = new ArrayList<>();

        DefinitionReport report = new SourceReader().read(file, (page, soFar) -> heard.addAll(page));

        // the first 50 from the quick look (their rules pointing further down included), the other 10 as read
        assertThat(heard).isEqualTo(report.reviewable().definitions().groups()); // what the console shows
    }

    @Test
    void aFileThatEndsBadlyIsToldItsFirstGroupsButItsReportIsUnusable(@TempDir Path dir) throws IOException {
        String whole = GeneratedDefinitions.json(300);
        Path file = Files.writeString(dir.resolve("cut.json"), whole.substring(0, whole.length() - 40));
        List<DefinitionReport> report = new ArrayList<>();

        List<Told> told = read(file, report);

        assertThat(told).extracting(Told::readSoFar).containsExactly(50); // the quick look at the start
        assertThat(report.get(0).unusable()).isTrue();
        assertThat(report.get(0).fileProblems()).extracting(p -> p.code()).containsExactly(FileErrorCode.MALFORMED_JSON);
    }

    @Test
    void aSmallFileIsToldInOnePageAndReadingWithoutListeningIsAsBefore(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("small.json"), GeneratedDefinitions.json(3));
        List<DefinitionReport> report = new ArrayList<>();

        assertThat(read(file, report)).containsExactly(new Told(List.of("g0", "g1", "g2"), 3));
        DefinitionReport unheard = new SourceReader().read(file);
        assertThat(unheard.groups()).isEqualTo(report.get(0).groups());
        assertThat(unheard.allProblems()).isEqualTo(report.get(0).allProblems());
    }
}
