package dev.portcullis.bench;

import dev.portcullis.Main;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.shell.PortcullisApp;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The side of {@link ConsoleScaleProbe} that runs inside the console's JVM (started headless, on Monocle,
 * by the probe): opens the console as {@code portcullis FILE} (or {@code portcullis --workspace FILE}) does,
 * through {@link Main}, and watches it on the FX thread. Prints one line, {@code CONSOLE-PROBE key=value
 * ...}, that the probe reads back; then ends the JVM.
 *
 * <p>Times are from the moment {@code Main} is called (the JVM is up): the first rows are counted once a
 * pulse has laid out table rows that hold groups (a first page of a load still running counts), all rows once
 * they are those of the whole load, the review once the findings are in the view model and a
 * pulse has drawn the badges. A filter keystroke is one character typed into the filter field, timed on the
 * FX thread from the text change until the table's items are updated (and, separately, until the table's
 * CSS and layout are done); a pulse runs between keystrokes, as when a person types.
 */
final class ConsoleScaleRun {

    static final String LINE = "CONSOLE-PROBE";
    private static final long TIMEOUT_MINUTES = 10;

    private final long start = System.nanoTime();
    private volatile long readNanos = -1;
    /** When the view model first held rows (before any of them is laid out). */
    private volatile long modelNanos = -1;
    private final CompletableFuture<Long> firstRows = new CompletableFuture<>();
    private final CompletableFuture<Long> reviewed = new CompletableFuture<>();
    /** When the rows of the whole load (not a page of it) were laid out. */
    private final CompletableFuture<Long> allRows = new CompletableFuture<>();
    private Stage stage;
    private MainWindowViewModel window;

    private ConsoleScaleRun() {
    }

    /** {@code args}: what {@code portcullis} is given (a file, or {@code --workspace FILE}); then the filter to type. */
    public static void main(String[] args) throws Exception {
        ConsoleScaleRun run = new ConsoleScaleRun();
        String typed = args[args.length - 1];
        String[] console = java.util.Arrays.copyOf(args, args.length - 1);
        try {
            System.out.println(run.measure(console, typed));
            System.out.flush();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private String measure(String[] console, String typed) throws Exception {
        PortcullisApp.observe(new PortcullisApp.Observer() {
            @Override
            public DefinitionFiles files(DefinitionFiles files) {
                return timed(files);
            }

            @Override
            public void started(Stage shown, MainWindowViewModel main) {
                stage = shown;
                window = main;
                everyPulse(() -> firstRowsShown(), () -> firstRows.complete(System.nanoTime()));
                everyPulse(() -> allRowsShown(), () -> allRows.complete(System.nanoTime()));
                main.networkProperty().addListener((obs, old, network) -> {
                    if (network != null) {
                        network.customTotalProperty().addListener((o, was, total) -> {
                            if (modelNanos < 0 && total.intValue() > 0) {
                                modelNanos = System.nanoTime();
                            }
                        });
                    }
                });
                everyPulse(() -> reviewShown(), () -> reviewed.complete(System.nanoTime()));
            }
        });
        Thread app = new Thread(() -> Main.main(console), "console");
        app.setDaemon(true);
        app.start();
        long rows = firstRows.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        long all = allRows.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        long review = reviewed.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < typed.length() * 2; i++) {
            // type the text, then take it back a character at a time
            String next = i < typed.length() ? typed.substring(0, i + 1) : typed.substring(0, 2 * typed.length() - i - 1);
            keys.add(onFx(() -> keystroke(next)).get());
            onFx(() -> 0).get(); // a pulse (and its layout) may run before the next key
            nextPulse().get();
        }
        int groups = onFx(() -> network().snapshotProperty().get().groups().size()).get();
        int defaults = onFx(() -> network().defaultGroups().size()).get();
        String status = onFx(() -> window.statusProperty().get()).get();
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        histogram(System.getProperty("probe.histogram"));
        // the wall clock at the first rows: the probe counts from the moment it started this JVM (the start time
        // the system keeps for a process is only as precise as its boot time, whole seconds)
        long firstRowsAt = System.currentTimeMillis() - ms(System.nanoTime() - rows);
        return String.format(Locale.ROOT, "%s groups=%d defaults=%d readMs=%d firstRowsMs=%d allRowsMs=%d firstRowsAt=%d "
                        + "rowsInModelMs=%d reviewMs=%d keyMs=%.3f keyLayoutMs=%.3f keyMaxMs=%.3f heapMb=%d rssMb=%d xmxMb=%d status=%s",
                LINE, groups, defaults, readNanos < 0 ? -1 : ms(readNanos), ms(rows - start), ms(all - start), firstRowsAt,
                modelNanos < 0 ? -1 : ms(modelNanos - start), ms(review - start), median(keys, 0), median(keys, 1), max(keys, 0), heap >> 20, rssMb(),
                Runtime.getRuntime().maxMemory() >> 20, status.replace(' ', '_'));
    }

    private DefinitionFiles timed(DefinitionFiles files) {
        return new DefinitionFiles() {
            @Override
            public CompletableFuture<Opened> open(Path file, dev.portcullis.backend.ProgressListener pages) {
                long began = System.nanoTime();
                return files.open(file, pages).whenComplete((read, failed) -> readNanos = System.nanoTime() - began);
            }

            @Override
            public CompletableFuture<List<String>> export(dev.portcullis.backend.Snapshot snapshot, Path file) {
                return files.export(snapshot, file);
            }
        };
    }

    private NetworkConfigurationViewModel network() {
        return window.networkProperty().get();
    }

    /** True once a laid-out table row holds a group. */
    private boolean firstRowsShown() {
        return stage.isShowing() && rows(stage.getScene().getRoot()).anyMatch(row -> row.getItem() != null);
    }

    /** True once rows are laid out and they are the whole load's, not a page of it shown while it runs. */
    private boolean allRowsShown() {
        NetworkConfigurationViewModel network = network();
        return network != null && network.snapshotProperty().get() != null && !network.partialProperty().get()
                && !network.loadingProperty().get() && firstRowsShown();
    }

    /** True once the review is in and the Review column shows its badges (or no group has a finding). */
    private boolean reviewShown() {
        NetworkConfigurationViewModel network = network();
        if (network == null || network.findingsProperty().get() == null || !firstRowsShown()) {
            return false;
        }
        boolean anyAboutAGroup = network.findingsProperty().get().stream().anyMatch(f -> f.groupId() != null);
        return !anyAboutAGroup || stage.getScene().getRoot().lookupAll(".group-findings").stream()
                .anyMatch(cell -> cell instanceof TableCell<?, ?> c && c.getGraphic() != null && c.getGraphic().isVisible());
    }

    private static java.util.stream.Stream<TableRow<?>> rows(Parent root) {
        return root.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?>)
                .map(n -> (TableRow<?>) n);
    }

    /** One character typed (or taken back): {time to the items updated, time to CSS and layout done}, in ns. */
    private long[] keystroke(String text) {
        Parent root = stage.getScene().getRoot();
        TextField field = (TextField) root.lookup("#filterField");
        TableView<?> table = (TableView<?>) root.lookup("#customTable");
        long began = System.nanoTime();
        if (text.length() > field.getLength()) {
            field.positionCaret(field.getLength());
            field.replaceSelection(text.substring(field.getLength()));
        } else {
            field.deleteText(text.length(), field.getLength());
        }
        int shown = table.getItems().size(); // the table's items are the filtered list: updated by now
        long items = System.nanoTime() - began;
        root.applyCss();
        root.layout();
        long laidOut = System.nanoTime() - began;
        if (shown < 0) {
            throw new IllegalStateException();
        }
        return new long[] {items, laidOut};
    }

    /** Runs {@code then} once, right after the first pulse at whose end {@code shown} holds. */
    private static void everyPulse(BooleanSupplier shown, Runnable then) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                // a pulse is starting; the check runs after it, on what it styled and laid out
                Platform.runLater(() -> {
                    if (shown.getAsBoolean()) {
                        stop();
                        then.run();
                    }
                });
            }
        }.start();
    }

    private static CompletableFuture<Void> nextPulse() {
        CompletableFuture<Void> pulsed = new CompletableFuture<>();
        Platform.runLater(() -> everyPulse(() -> true, () -> pulsed.complete(null)));
        return pulsed;
    }

    private static <T> CompletableFuture<T> onFx(java.util.function.Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static double median(List<long[]> values, int column) {
        List<Long> sorted = new ArrayList<>(values.stream().map(v -> v[column]).sorted().toList());
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double max(List<long[]> values, int column) {
        return values.stream().mapToLong(v -> v[column]).max().orElse(-1) / 1e6;
    }

    /** With {@code -Dprobe.histogram=FILE}: what the heap holds (jcmd's GC.class_histogram) into FILE. */
    private static void histogram(String file) throws Exception {
        if (System.getProperty("probe.heapdump") != null) {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(System.getProperty("probe.heapdump"), true);
        }
        if (file == null) {
            return;
        }
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Files.writeString(Path.of(file), String.valueOf(text));
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no resident size
        }
        return -1;
    }
}
