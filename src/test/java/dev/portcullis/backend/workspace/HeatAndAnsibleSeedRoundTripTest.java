package dev.portcullis.backend.workspace;

import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.AnsibleReader;
import dev.portcullis.files.AnsibleWriter;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.ExportShapes;
import dev.portcullis.files.HeatReader;
import dev.portcullis.files.HeatWriter;
import dev.portcullis.files.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded workspace (default group, a web group, a database group whose rules point at it) through each tool. */
class HeatAndAnsibleSeedRoundTripTest {

    @TempDir
    Path dir;

    private final List<SecurityGroup> seed = Seed.project(new Project.Stamp(Instant.parse("2026-12-01T10:00:00Z"),
            () -> UUID.randomUUID().toString())).groups();

    @Test
    void theSeedComesBackFromHeatButTheDefaultGroupHeatCannotCreate() throws IOException {
        Path file = Files.write(dir.resolve("stack.yaml"), new HeatWriter().toHeat(seed));

        DefinitionReport back = new HeatReader().read(file, ReadOptions.NONE);

        assertThat(back.allProblems()).isEmpty();
        assertThat(ExportShapes.of(back.reviewable().definitions().groups()))
                .isEqualTo(ExportShapes.of(seed.stream().filter(g -> !g.isDefault()).toList()));
        assertThat(seed).hasSize(3);
    }

    @Test
    void theSeedComesBackFromAnsibleWholly() throws IOException {
        Path file = Files.write(dir.resolve("playbook.yml"), new AnsibleWriter().toAnsible(seed));

        DefinitionReport back = new AnsibleReader().read(file, ReadOptions.NONE);

        assertThat(back.allProblems()).isEmpty();
        assertThat(ExportShapes.of(back.reviewable().definitions().groups())).isEqualTo(ExportShapes.of(seed));
    }
}
