package dev.portcullis.ui.network;

import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every Material 2 icon the console names exists in the icon pack it ships (a typo shows no icon at all). */
class IconLiteralsTest {

    private static final Pattern LITERAL = Pattern.compile("\"(md(?:o|r|s)?(?:al|mz)-[a-z0-9_]+)\"");

    @Test
    void everyIconLiteralOfTheConsoleResolves() throws IOException {
        Set<String> literals = new TreeSet<>();
        for (String root : new String[] {"src/main/java/dev/portcullis/ui", "src/main/resources/dev/portcullis/ui"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml"))
                        .toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(file));
                    while (m.find()) {
                        literals.add(m.group(1));
                    }
                }
            }
        }
        assertThat(literals).contains(GroupColumns.EDIT_ICON, GroupColumns.DELETE_ICON, "mdomz-search");
        List<IkonHandler> handlers = ServiceLoader.load(IkonHandler.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        for (String literal : literals) {
            IkonHandler handler = handlers.stream().filter(h -> h.supports(literal)).findFirst().orElse(null);
            assertThat(handler).as("an icon pack for %s", literal).isNotNull();
            assertThatCode(() -> assertThat(handler.resolve(literal).getDescription()).isEqualTo(literal))
                    .as(literal).doesNotThrowAnyException();
        }
    }
}
