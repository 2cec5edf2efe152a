package dev.portcullis.ui.traffic;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.TrafficCheck;
import dev.portcullis.review.TrafficCheckAnswer;
import dev.portcullis.review.TrafficCheckAnswer.Found;
import dev.portcullis.review.TrafficCheckAnswer.Verdict;
import dev.portcullis.review.TrafficCheckPacket;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Check traffic dialog: would a packet pass a group, or an interface (all its groups together)? The check
 * over the project shown is prepared on a worker; then each answer is computed at once (it reads the rules of
 * one group or interface): allowed, with the rules that allow it, denied, or unknown with the reason. A value
 * that makes no packet is said next to its field.
 */
public final class TrafficCheckViewModel {

    /** What is asked about: a group or an interface. */
    public record Target(String label, SecurityGroup group, Port port) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The check and what the answer names, once prepared; read and written on the FX thread only. */
    private Prepared prepared;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private final ReadOnlyStringWrapper preparation = new ReadOnlyStringWrapper(this, "preparation", "");
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target");
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction",
            Direction.INGRESS);
    private final StringProperty protocol = new SimpleStringProperty(this, "protocol", "TCP"); // as the rules spell it
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty icmpType = new SimpleStringProperty(this, "icmpType", "");
    private final StringProperty icmpCode = new SimpleStringProperty(this, "icmpCode", "");
    private final StringProperty remote = new SimpleStringProperty(this, "remote", "");
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper(this, "targetError", "");
    private final ReadOnlyStringWrapper protocolError = new ReadOnlyStringWrapper(this, "protocolError", "");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError", "");
    private final ReadOnlyStringWrapper icmpError = new ReadOnlyStringWrapper(this, "icmpError", "");
    private final ReadOnlyStringWrapper remoteError = new ReadOnlyStringWrapper(this, "remoteError", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", null);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ObservableList<String> details = FXCollections.observableArrayList();

    /** What the set-up makes off the FX thread: the check, names by id, the targets and the one asked first. */
    record Prepared(TrafficCheck check, Function<String, String> names, List<Target> targets, Target first) {
    }

    /**
     * The check over every group and interface (their maps, the sorted list to choose from) is prepared on
     * {@code worker}, and the dialog says "Preparing…" meanwhile: at 10,000 groups it is not for the FX thread.
     *
     * @param shown           the project shown
     * @param portsKnown      whether the snapshot lists every interface of its project (a file may list none):
     *                        otherwise remote-group rules cannot be resolved and answer "unknown"
     * @param selectedGroupId the group asked about first (null: the first in the list)
     * @param fx              where the prepared check is taken in: the FX thread in the console
     * @param worker          where it is prepared: never the FX thread
     */
    public TrafficCheckViewModel(Snapshot shown, boolean portsKnown, String selectedGroupId, Executor fx,
                                 Executor worker) {
        this(shown, () -> prepare(shown, portsKnown, selectedGroupId), fx, worker);
    }

    /** The seam for tests of a failed set-up: {@code setUp} runs on {@code worker}. */
    TrafficCheckViewModel(Snapshot shown, Supplier<Prepared> setUp, Executor fx, Executor worker) {
        preparation.set("Preparing the check of " + count(shown.groups().size(), "group") + " and "
                + count(shown.ports().size(), "interface") + "\u2026");
        CompletableFuture.supplyAsync(setUp, worker).whenCompleteAsync(this::prepared, fx);
        protocol.addListener((obs, old, now) -> clearAnswer());
        target.addListener((obs, old, now) -> clearAnswer());
        direction.addListener((obs, old, now) -> clearAnswer());
    }

    private static String count(int n, String what) {
        return String.format("%,d %s%s", n, what, n == 1 ? "" : "s");
    }

    /** On the worker: linear in the groups and interfaces, plus one sort of each. */
    private static Prepared prepare(Snapshot shown, boolean portsKnown, String selectedGroupId) {
        TrafficCheck check = new TrafficCheck(shown.groups(), shown.ports(), portsKnown, shown.addressGroups());
        Map<String, String> byId = new HashMap<>();
        shown.addressGroups().forEach(a -> byId.put(a.id(), a.label()));
        shown.groups().forEach(g -> byId.put(g.id(), g.name()));
        List<Target> all = new ArrayList<>();
        Map<String, Integer> sameName = new HashMap<>(); // counted once: not a scan of the groups per group
        shown.groups().forEach(g -> sameName.merge(g.name(), 1, Integer::sum));
        Target selected = null;
        for (SecurityGroup g : shown.groups().stream().sorted(Comparator.comparing(SecurityGroup::name,
                String.CASE_INSENSITIVE_ORDER)).toList()) {
            Target t = new Target("Group " + g.name() + (sameName.get(g.name()) > 1 ? " (" + g.id() + ")" : ""), g,
                    null);
            all.add(t);
            if (g.id().equals(selectedGroupId)) {
                selected = t;
            }
        }
        shown.ports().stream().sorted(Comparator.comparing(Port::label, String.CASE_INSENSITIVE_ORDER))
                .forEach(p -> all.add(new Target("Interface " + p.label(), null, p)));
        return new Prepared(check, byId::get, all, selected != null ? selected : all.isEmpty() ? null : all.get(0));
    }

    /**
     * On the FX thread: the check is ready, or could not be made (said in words where "Preparing…" was; the
     * dialog then stays as it was while preparing, with nothing to choose and no Check).
     */
    private void prepared(Prepared done, Throwable failed) {
        if (failed != null) {
            Throwable cause = failed instanceof CompletionException && failed.getCause() != null
                    ? failed.getCause() : failed;
            preparation.set("Check traffic could not be prepared: " + (cause.getMessage() == null
                    ? cause.toString() : cause.getMessage()));
            return;
        }
        prepared = done;
        ready.set(true);
        preparation.set("");
        targets.setAll(done.targets());
        if (done.first() != null) {
            target.set(done.first());
        }
    }

    /** The protocol typed, if it is one. */
    private Optional<Protocol> typedProtocol() {
        String text = protocol.get() == null ? "" : protocol.get().trim();
        if (!text.isEmpty() && text.length() <= 3 && text.chars().allMatch(Character::isDigit)
                && Integer.parseInt(text) <= 255) {
            return Optional.of(Protocol.number(Integer.parseInt(text)));
        }
        return Protocol.named(text);
    }

    /** True when the protocol typed has ports: the port field is used then. */
    public BooleanBinding portsUsed() {
        return Bindings.createBooleanBinding(() -> typedProtocol().map(Protocol::supportsPorts).orElse(false),
                protocol);
    }

    /** True when the protocol typed is ICMP: the type and code fields are used then. */
    public BooleanBinding icmpUsed() {
        return Bindings.createBooleanBinding(() -> typedProtocol().map(Protocol::isIcmp).orElse(false), protocol);
    }

    /** Answers the question, or says next to each field what is wrong with it. */
    public void check() {
        clearAnswer();
        if (prepared == null) {
            return; // the button is disabled while the check is prepared
        }
        Optional<TrafficCheckPacket> packet = packet();
        if (packet.isEmpty()) {
            return;
        }
        TrafficCheck check = prepared.check();
        TrafficCheckAnswer answer = target.get().group() != null ? check.check(target.get().group(), packet.get())
                : check.check(target.get().port(), packet.get());
        show(answer, packet.get());
    }

    private Optional<TrafficCheckPacket> packet() {
        targetError.set(target.get() == null ? "Choose a group or an interface." : "");
        portError.set("");
        icmpError.set("");
        Optional<Protocol> p = typedProtocol();
        protocolError.set(p.isPresent() ? "" : "\"" + protocol.get() + "\" is not a protocol: give a name ("
                + String.join(", ", Protocol.knownNames()) + ") or a number from 0 to 255.");
        Integer portNumber = null;
        Integer type = null;
        Integer code = null;
        if (p.isPresent() && p.get().supportsPorts()) {
            portNumber = number(port.get(), 1, 65535, portError, p.get().label() + " traffic needs a port.");
        }
        if (p.isPresent() && p.get().isIcmp()) {
            type = number(icmpType.get(), 0, 255, icmpError, "ICMP traffic needs a type (8 is an echo request).");
            if (icmpError.get().isEmpty() && !blank(icmpCode.get())) {
                code = number(icmpCode.get(), 0, 255, icmpError, "");
            }
        }
        String address = remote.get() == null ? "" : remote.get().trim();
        remoteError.set(blank(address) ? "Give the address at the other end."
                : Cidr.host(address).isPresent() ? "" : "\"" + address + "\" is not one IPv4 or IPv6 address.");
        if (!valid()) {
            return Optional.empty();
        }
        return Optional.of(TrafficCheckPacket.parse(direction.get(), p.get().value(), portNumber, type, code,
                address));
    }

    private boolean valid() {
        return targetError.get().isEmpty() && protocolError.get().isEmpty() && portError.get().isEmpty()
                && icmpError.get().isEmpty() && remoteError.get().isEmpty();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Integer number(String text, int min, int max, ReadOnlyStringWrapper error, String missing) {
        error.set("");
        if (blank(text)) {
            error.set(missing);
            return null;
        }
        String trimmed = text.trim();
        if (!trimmed.chars().allMatch(Character::isDigit) || trimmed.length() > 5
                || Integer.parseInt(trimmed) < min || Integer.parseInt(trimmed) > max) {
            error.set("\"" + trimmed + "\" is not a whole number from " + min + " to " + max + ".");
            return null;
        }
        return Integer.parseInt(trimmed);
    }

    private void show(TrafficCheckAnswer answer, TrafficCheckPacket packet) {
        String subject = target.get().label().toLowerCase(java.util.Locale.ROOT).charAt(0)
                + target.get().label().substring(1);
        String question = packet.summary() + ", " + subject;
        headline.set(switch (answer.verdict()) {
            case ALLOWED -> "Allowed: " + question + ".";
            case DENIED -> "Denied: " + question + ". No rule allows it.";
            case UNKNOWN -> "Unknown: " + question + ". No rule surely allows it.";
        });
        List<String> lines = new ArrayList<>();
        answer.allowing().forEach(f -> lines.add("Allowed by " + words(f)));
        answer.undecided().forEach(f -> lines.add("Perhaps allowed by " + words(f) + ": " + f.reason()));
        lines.addAll(answer.unknowns());
        details.setAll(lines);
        verdict.set(answer.verdict());
    }

    private String words(Found f) {
        String description = f.rule().description() == null || f.rule().description().isEmpty() ? ""
                : " (\u201c" + f.rule().description() + "\u201d)";
        return "group " + f.group().name() + ": " + f.rule().summary(prepared.names()) + description;
    }

    private void clearAnswer() {
        verdict.set(null);
        headline.set("");
        details.clear();
    }

    /** True once the check is prepared; it stays false when the set-up failed. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** "Preparing the check of 10,000 groups and 5,000 interfaces…", then empty; why it failed, if it did. */
    public ReadOnlyStringProperty preparationProperty() {
        return preparation.getReadOnlyProperty();
    }

    /** Every group and interface, sorted; empty until the check is prepared. */
    public ObservableList<Target> targets() {
        return targets;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public StringProperty protocolProperty() {
        return protocol;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty icmpTypeProperty() {
        return icmpType;
    }

    public StringProperty icmpCodeProperty() {
        return icmpCode;
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty protocolErrorProperty() {
        return protocolError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty icmpErrorProperty() {
        return icmpError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remoteErrorProperty() {
        return remoteError.getReadOnlyProperty();
    }

    /** The answer; null until asked, and again once a value changes. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** {@code Allowed: ingress TCP port 22 from 203.0.113.5, group web.} */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The rules that allow it, those that might and why, and what else keeps the answer unknown. */
    public ObservableList<String> details() {
        return details;
    }
}
