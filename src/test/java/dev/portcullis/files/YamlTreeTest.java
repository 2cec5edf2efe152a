package dev.portcullis.files;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlTreeTest {

    private static YamlTree.Loaded parse(String yaml) throws YamlTree.SyntaxException {
        return YamlTree.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nestedAliasesThatWouldExpandToBillionsOfValuesAreRefusedNamingTheLine() {
        StringBuilder yaml = new StringBuilder("- hosts: localhost\n  vars:\n");
        yaml.append("    a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (int i = 1; i <= 8; i++) {
            String alias = "*a" + (i - 1);
            yaml.append("    a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(10, alias))).append("]\n");
        }
        yaml.append("  tasks: []\n");

        assertThatThrownBy(() -> parse(yaml.toString()))
                .isInstanceOf(YamlTree.SyntaxException.class)
                .hasMessageStartingWith("line ")
                .hasMessageContaining("the YAML's aliases expand to more than 1000000 values");
    }

    @Test
    void aFileUsingAFewAliasesAndMergeKeysReadsAsCopies() throws YamlTree.SyntaxException {
        YamlTree.Loaded tree = parse("""
                base: &base {protocol: tcp, ethertype: IPv4}
                ports: &ports [22, 80, 443]
                rules:
                  - <<: *base
                    port: 22
                  - <<: *base
                    port: 80
                again: *ports
                nested: [*ports, *ports]
                """);

        assertThat(tree.root().path("rules").get(1).path("protocol").asText()).isEqualTo("tcp");
        assertThat(tree.root().path("again")).hasSize(3);
        assertThat(tree.root().path("nested").get(1).get(2).asInt()).isEqualTo(443);
    }

    @Test
    void aliasesExpandingToJustUnderTheCapAreRead() throws YamlTree.SyntaxException {
        // 10^5 values from five levels of ten aliases: large, but under the cap.
        StringBuilder yaml = new StringBuilder("a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n");
        for (int i = 1; i <= 4; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        assertThat(parse(yaml.toString()).root().path("a4").get(9).get(9).get(9).get(9).get(9).asText()).isEqualTo("x");
    }
}
