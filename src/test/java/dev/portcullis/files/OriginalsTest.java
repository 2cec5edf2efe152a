package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a file held beyond the model comes back when it is written again, in the order it was written. */
class OriginalsTest {

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anUnchangedNeutronAnswerIsWrittenBackWithEveryMemberInItsPlace() throws IOException {
        byte[] bytes = Files.readAllBytes(DefinitionReaderTest.resource("neutron-sg-list-with-ports.json"));
        DefinitionReport read = new DefinitionReader().read(bytes);

        JsonNode written = new ObjectMapper().readTree(new DefinitionWriter().toJson(read.definitions(),
                read.originals()));
        JsonNode original = new ObjectMapper().readTree(bytes);

        for (int g = 0; g < original.get("security_groups").size(); g++) {
            JsonNode before = original.get("security_groups").get(g);
            JsonNode after = written.get("security_groups").get(g);
            assertThat(after).isEqualTo(before);
            assertThat(names(after)).isEqualTo(names(before));
            for (int r = 0; r < before.get("security_group_rules").size(); r++) {
                assertThat(names(after.get("security_group_rules").get(r)))
                        .isEqualTo(names(before.get("security_group_rules").get(r)));
            }
        }
        assertThat(written.get("ports")).isEqualTo(original.get("ports"));
    }

    @Test
    void aFileThatHoldsJustTheModelKeepsNothingAside() {
        DefinitionReport read = new DefinitionReader().read(new DefinitionWriter().toJson(new DefinitionReader()
                .read(DefinitionReaderTest.resource("neutron-sg-list.json")).definitions()));

        assertThat(read.allProblems()).isEmpty();
        assertThat(read.originals().isEmpty()).isTrue();
        assertThat(new String(new DefinitionWriter().toJson(read.definitions(), read.originals()),
                StandardCharsets.UTF_8)).isEqualTo(new String(new DefinitionWriter().toJson(read.definitions()),
                StandardCharsets.UTF_8));
    }
}
