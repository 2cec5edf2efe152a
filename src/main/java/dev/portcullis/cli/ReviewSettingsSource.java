package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.ReviewSettingsFile;
import dev.portcullis.files.UserEnvironment;
import dev.portcullis.files.UserFolders;
import dev.portcullis.review.Check;
import dev.portcullis.review.ReviewSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * The review's settings from a small JSON file, for {@code lint} and the console alike: the file named, or
 * the user's own ({@code $XDG_CONFIG_HOME/portcullis/review.json}, else {@code ~/.config/portcullis/review.json})
 * when there is one, else the defaults.
 */
public final class ReviewSettingsSource {

    private ReviewSettingsSource() {
    }

    /** The settings file could not be used; each problem says where in the file and what is wrong. */
    public static final class SettingsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> problems;

        SettingsException(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The user's settings file, whether it exists or not. */
    public static Path userFile(UserEnvironment environment) {
        return UserFolders.config(environment).resolve("review.json");
    }

    /** The user's settings: their file if they have one, else the defaults. */
    public static ReviewSettings forUser() {
        Path file = userFile(UserEnvironment.current());
        return Files.exists(file) ? read(file) : ReviewSettings.defaults();
    }

    /** The defaults changed as the file says. */
    public static ReviewSettings read(Path file) {
        ReviewSettingsFile.Result read = new ReviewSettingsFile().read(file, new HashSet<>(Check.ids()));
        if (!read.ok()) {
            throw new SettingsException(read.problems().stream().map(p -> describe(file, p)).toList());
        }
        java.util.List<String> mandatory = read.values().disabled() == null ? java.util.List.of()
                : java.util.Arrays.stream(Check.values()).filter(Check::mandatory).map(Check::id)
                        .filter(read.values().disabled()::contains).toList();
        if (!mandatory.isEmpty()) {
            throw new SettingsException(mandatory.stream().map(id -> SafeText.message(file + ": disabled: \"" + id
                    + "\" cannot be disabled: it is how a part of the source that could not be read is reported, "
                    + "and without it that part would pass unsaid.")).toList());
        }
        return LintCommand.apply(ReviewSettings.defaults(), read.values());
    }

    private static String describe(Path file, Problem p) {
        return SafeText.message(file + (p.field().isEmpty() ? "" : ": " + p.field()) + ": " + p.message());
    }
}
