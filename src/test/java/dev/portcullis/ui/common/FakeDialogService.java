package dev.portcullis.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A dialog service for view-model tests: it answers from a script and writes down what was asked, so a
 * flow is tested without a toolkit. A question nobody scripted an answer for fails the test at once.
 */
public final class FakeDialogService implements DialogService {

    private final List<String> said = new ArrayList<>();
    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final Map<Class<?>, Deque<Function<Object, Optional<?>>>> answers = new HashMap<>();
    private final List<DialogRequest<?>> requests = new ArrayList<>();

    private Boolean always;

    /** Every question of {@link #confirm} gets this answer. */
    public FakeDialogService confirmingAlways(boolean answer) {
        always = answer;
        return this;
    }

    /** The next questions of {@link #confirm} get these answers, in order. */
    public FakeDialogService confirming(Boolean... answers) {
        confirmations.addAll(List.of(answers));
        return this;
    }

    /** The next file, folder or save choices get these paths, in order; null for a cancelled choice. */
    public FakeDialogService choosing(Path... paths) {
        for (Path p : paths) {
            files.add(Optional.ofNullable(p));
        }
        return this;
    }

    /** The next request of {@code type} is answered by {@code answer}. */
    @SuppressWarnings("unchecked")
    public <Q extends DialogRequest<R>, R> FakeDialogService answering(Class<Q> type, Function<Q, Optional<R>> answer) {
        answers.computeIfAbsent(type, t -> new ArrayDeque<>()).add(q -> answer.apply((Q) q));
        return this;
    }

    /** Answers the next request of {@code type} with yes ({@code true}) or no. */
    public <Q extends DialogRequest<Boolean>> FakeDialogService answering(Class<Q> type, boolean yes) {
        return answering(type, q -> yes ? Optional.of(true) : Optional.empty());
    }

    /** Everything shown or asked, one line each: "error: title: text", "confirm: title: question", …. */
    public List<String> said() {
        return List.copyOf(said);
    }

    /** The custom dialogs opened, in order. */
    public List<DialogRequest<?>> requests() {
        return List.copyOf(requests);
    }

    /** True when every scripted answer was used. */
    public boolean allAnswered() {
        return confirmations.isEmpty() && files.isEmpty() && answers.values().stream().allMatch(Deque::isEmpty);
    }

    @Override
    public void showError(String title, String message) {
        said.add("error: " + title + ": " + message);
    }

    @Override
    public void inform(String title, String message) {
        said.add("inform: " + title + ": " + message);
    }

    @Override
    public void notify(String title, String message) {
        said.add("notify: " + title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String question) {
        said.add("confirm: " + title + ": " + question);
        Boolean answer = confirmations.isEmpty() ? always : confirmations.poll();
        if (answer == null) {
            throw new AssertionError("Asked, with no answer scripted: " + title + ": " + question);
        }
        return answer;
    }

    @Override
    public Optional<Path> chooseFile(String title) {
        return chosen("choose file: " + title);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return chosen("choose folder: " + title);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, List<FileKind> kinds) {
        return chosen("choose file to save: " + title + " (" + initialName + ")");
    }

    private Optional<Path> chosen(String line) {
        said.add(line);
        Optional<Path> answer = files.poll();
        if (answer == null) {
            throw new AssertionError("A file was asked for, with none scripted: " + line);
        }
        return answer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Optional<R> show(DialogRequest<R> request) {
        said.add("show: " + request.getClass().getSimpleName());
        requests.add(request);
        Deque<Function<Object, Optional<?>>> queue = answers.get(request.getClass());
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError("A dialog was opened, with no answer scripted: " + request);
        }
        return (Optional<R>) queue.poll().apply(request);
    }
}
