package dev.portcullis.backend.workspace;

import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.Definitions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workspace's project in memory and the batch of changes made to it since it was last saved: calls
 * change the project at once ({@link #stage}), and their answers wait ({@link #answerLater}) until
 * {@link #flush} saves the whole batch in one write ({@link WorkspaceFiles#save}). A batch that cannot be
 * saved is dropped whole, in memory as on disk, and every call in it is told so. Only the workspace's tasks,
 * one at a time, use this.
 */
final class BatchedProject {

    private final Path file;
    private final WorkspaceFiles files;
    private final Supplier<Project.Stamp> stamps;
    /** The project with the batch's changes; null until read. */
    private volatile Project project;
    /** The project as the files hold it (with the default group that is in memory only, if any). */
    private Project saved;
    /** The calls whose answers wait for the batch to be saved. */
    private final List<Waiting> waiting = new ArrayList<>();
    /**
     * The default group {@link #project} has in memory only, because the file has none; null once it is
     * written. It is kept when the file is read again, so the group shown stays the same group.
     */
    private SecurityGroup unsavedDefault;

    /** A call's answer, given once its batch is saved, or what it answers when the batch could not be. */
    record Waiting(Runnable saved, java.util.function.Consumer<BackendException> notSaved) {
    }

    BatchedProject(Path file, WorkspaceFiles files, Supplier<Project.Stamp> stamps) {
        this.file = file;
        this.files = files;
        this.stamps = stamps;
    }

    /** The project as it is now, batch included, without reading anything; empty before the first read. */
    Optional<Project> current() {
        return Optional.ofNullable(project);
    }

    /** Keeps a call's answer until its batch is saved. */
    void answerLater(Waiting answer) {
        waiting.add(answer);
    }

    /** How many calls wait for the batch. */
    int waiting() {
        return waiting.size();
    }

    /**
     * The project, read from the file and its journal (or seeded) on first use, and read again when someone
     * else changed them since: an edit made by hand while the console runs is shown, not overwritten. While a
     * batch waits to be saved, its changes are the project.
     */
    Project project() {
        Project current = project;
        if (current != null && (pending() || files.unchanged())) {
            return current;
        }
        SecurityGroup previousDefault = unsavedDefault;
        project = null;
        saved = null;
        unsavedDefault = null;
        if (!files.exists()) {
            Project seeded = Seed.project(stamps.get());
            files.create(seeded.definitions(), "The local workspace could not be created in " + file);
            project = seeded;
            saved = seeded;
            return seeded;
        }
        Project loaded = Project.of(files.read(), Seed.PROJECT);
        SecurityGroup inMemory = null;
        if (!loaded.hasDefaultGroup()) {
            // Neutron makes a project's default group on its first call, and again after an admin deleted it.
            // It is not written here: opening a file must not change it. The first change writes it.
            inMemory = reusable(previousDefault, loaded)
                    ? previousDefault : loaded.withDefaultGroup(stamps.get()).defaultGroup().orElseThrow();
            loaded = loaded.withGroup(inMemory);
        }
        project = loaded;
        saved = loaded;
        unsavedDefault = inMemory;
        return loaded;
    }

    /** Whether the default group made for the file before it changed can stand for it again. */
    private static boolean reusable(SecurityGroup previous, Project loaded) {
        return previous != null && previous.projectId().equals(loaded.projectId())
                && loaded.group(previous.id()).isEmpty();
    }

    /** Whether changes, or answers, wait for the batch to be saved. */
    boolean pending() {
        return project != saved || !waiting.isEmpty();
    }

    /** Makes {@code next} the project; it is saved with the batch. */
    void stage(Project next) {
        project = next;
    }

    /**
     * Saves the batch: the changes made since the last save, in one write. Then the calls waiting for it get
     * their answers; if it failed, nothing of it is kept, in the files or in memory, and each of them fails
     * with the write's error.
     */
    void flush() {
        List<Waiting> answers = List.copyOf(waiting);
        waiting.clear();
        BackendException failure = null;
        if (project != saved && project != null && saved != null) {
            try {
                files.save(definitionsOnDisk(saved), definitionsOnDisk(project),
                        "The change could not be saved in " + file);
                saved = project;
                unsavedDefault = null;
            } catch (BackendException e) {
                project = saved;
                failure = e;
            }
        }
        for (Waiting answer : answers) {
            if (failure == null) {
                answer.saved().run();
            } else {
                answer.notSaved().accept(failure);
            }
        }
        if (failure == null && files.journalLarge()) {
            fold();
        }
    }

    /** What the files hold of a project: all of it, but the default group in memory only while unchanged. */
    private Definitions definitionsOnDisk(Project p) {
        if (p == saved && unsavedDefault != null) {
            return new Definitions(p.groups().stream().filter(g -> g != unsavedDefault).toList(), p.ports());
        }
        return p.definitions();
    }

    /** Folds the journal into the file; a failure keeps the journal, which holds every change still. */
    private void fold() {
        if (saved == null) {
            return;
        }
        try {
            files.fold(definitionsOnDisk(saved));
        } catch (BackendException e) {
            // the journal still holds every change; the next open replays it
        }
    }

}
