package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Raw;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.Validation;
import javafx.beans.Observable;
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
import javafx.collections.ObservableMap;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the rule table: what the person chose and typed in each cell, checked as Neutron would check
 * it on every change. A row made from a stored rule gives that rule back, id and all, while its cells
 * still say what they said.
 */
public final class RuleRowViewModel {

    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction");
    private final ObjectProperty<EtherType> ipVersion = new SimpleObjectProperty<>(this, "ipVersion");
    private final ObjectProperty<ProtocolChoice> protocol = new SimpleObjectProperty<>(this, "protocol");
    private final StringProperty otherProtocol = new SimpleStringProperty(this, "otherProtocol", "");
    private final StringProperty ports = new SimpleStringProperty(this, "ports", "");
    private final StringProperty remote = new SimpleStringProperty(this, "remote", RemoteNames.ANYWHERE);
    private final StringProperty description = new SimpleStringProperty(this, "description", "");

    private final ObservableMap<RuleField, String> problems = FXCollections.observableMap(new EnumMap<>(RuleField.class));
    private final ObservableMap<RuleField, String> problemsView = FXCollections.unmodifiableObservableMap(problems);
    private final ReadOnlyObjectWrapper<Rule> rule = new ReadOnlyObjectWrapper<>(this, "rule");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper portsPrompt = new ReadOnlyStringWrapper(this, "portsPrompt", "");
    private final ReadOnlyBooleanWrapper portsUnused = new ReadOnlyBooleanWrapper(this, "portsUnused");

    private final ReadOnlyObjectWrapper<RuleWarning> warning = new ReadOnlyObjectWrapper<>(this, "warning");

    private final Rule origin;
    /** The cells as the row opened; null for a new row, which is never "unchanged". */
    private final Cells initial;
    /** A new row's port and source wait for the person: until they type or pick one, the row is incomplete. */
    private boolean portsChosen;
    private boolean remoteChosen;
    private final RemoteNames names;
    private final Runnable changed;
    private Map<RuleField, String> own = Map.of();
    private Map<RuleField, String> acrossRows = Map.of();
    /** The rules of a row with several values, once they are all valid; null for a row of one rule. */
    private RowExpansion several;

    /** The cells' contents, to tell a row the person left alone from one they changed. */
    private record Cells(Direction direction, EtherType ipVersion, ProtocolChoice protocol, String other,
                         String ports, String remote, String description) {
    }

    /**
     * A row showing {@code shown}, a stored rule (with its id) or a draft; the row gives it back unchanged, id
     * and all, as long as its cells mean the same.
     */
    RuleRowViewModel(Rule shown, RemoteNames names, Runnable changed) {
        this(shown, names, changed, false);
    }

    /**
     * A new, empty row: inbound TCP over IPv4, with the port and the source left for the person to choose (a
     * row that allowed any port from anywhere before anyone chose it would open the group to the world).
     */
    static RuleRowViewModel fresh(RemoteNames names, Runnable changed) {
        return new RuleRowViewModel(Rule.draft(Direction.INGRESS, EtherType.IPV4, dev.portcullis.domain.Protocol.TCP,
                PortRange.ANY, dev.portcullis.domain.Remote.ANYWHERE, ""), names, changed, true);
    }

    private RuleRowViewModel(Rule shown, RemoteNames names, Runnable changed, boolean fresh) {
        this.origin = shown;
        this.portsChosen = !fresh;
        this.remoteChosen = !fresh;
        this.names = names;
        this.changed = changed;
        direction.set(shown.direction());
        ipVersion.set(shown.etherType());
        ProtocolChoice choice = ProtocolChoice.of(shown.protocol(), shown.etherType());
        protocol.set(choice);
        otherProtocol.set(choice == ProtocolChoice.OTHER ? shown.protocol().value() : "");
        ports.set(portsText(shown));
        remote.set(fresh ? "" : names.label(shown.remote()));
        description.set(shown.description() == null ? "" : shown.description());
        initial = fresh ? null : cells();
        ports.addListener(o -> portsChosen = true);
        remote.addListener(o -> remoteChosen = true);
        for (Observable input : List.of(direction, ipVersion, protocol, otherProtocol, ports, remote, description)) {
            input.addListener(o -> {
                validate();
                this.changed.run();
            });
        }
        validate();
    }

    private static String portsText(Rule rule) {
        PortRange p = rule.ports();
        if (p.isAny()) {
            return "";
        }
        if (rule.protocol().isIcmp()) {
            return (p.min() == null ? "" : p.min().toString()) + (p.max() == null ? "" : "/" + p.max());
        }
        return p.portLabel();
    }

    private Cells cells() {
        return new Cells(direction.get(), ipVersion.get(), protocol.get(), otherProtocol.get(), ports.get(),
                remote.get(), description.get());
    }

    /** Turns the cells into the members of a create request and lets the domain judge them. */
    private void validate() {
        portsPrompt.set(switch (protocol.get()) {
            case ICMP -> "any type/code";
            case ANY -> "all ports";
            case OTHER -> "none";
            default -> portsChosen ? "any port" : "22, 80-90 or any";
        });
        portsUnused.set(protocol.get() == ProtocolChoice.ANY && Objects.requireNonNullElse(ports.get(), "").isBlank());
        if (initial != null && cells().equals(initial)) {
            own = Map.of();
            several = null;
            rule.set(origin);
            refresh();
            return;
        }
        List<String> portValues = RowValues.split(ports.get());
        RemoteNames.Parsed whole = names.parse(remote.get()); // a group's name may hold a comma: it stays whole
        List<String> remoteValues = whole instanceof RemoteNames.Prefix || whole instanceof RemoteNames.Unknown
                ? RowValues.split(remote.get()) : List.of(Objects.requireNonNullElse(remote.get(), ""));
        if (portValues.size() > 1 || remoteValues.size() > 1) {
            validateSeveral(portValues, remoteValues);
            return;
        }
        several = null;
        Map<RuleField, String> found = new LinkedHashMap<>();
        unchosen(found);
        Validation.RuleResult result = Validation.ruleRequest(members(ports.get(), remote.get(), found));
        for (Problem p : result.problems()) {
            RuleField field = fieldOf(p);
            String text = p.message();
            if (p.code().equals(ErrorCode.INVALID_CIDR)) {
                long groups = names.groupsContaining(remote.get());
                if (groups > 0) {
                    text += " Or pick a group from the list: " + (groups == 1 ? "one group's name contains"
                            : groups + " groups' names contain") + " \"" + remote.get().strip() + "\".";
                }
            }
            found.putIfAbsent(field, text);
        }
        own = found;
        Rule converted = found.isEmpty() ? result.rule() : null;
        rule.set(converted != null && sameAsOrigin(converted) ? origin : converted);
        refresh();
    }

    /** What a new row still waits for: a port where the protocol has ports, and a source. */
    private void unchosen(Map<RuleField, String> found) {
        if (!portsChosen && protocol.get().hasPorts()) {
            found.put(RuleField.PORTS, "Type the port (22), a range (8000-8080), or any.");
        }
        if (!remoteChosen) {
            found.put(RuleField.REMOTE, "Choose where the traffic " + (direction.get() == Direction.EGRESS ? "goes"
                    : "comes from") + ": an address range (10.0.0.0/8), a group, or Anywhere.");
        }
    }

    /** Whether this row was added in the dialog and still waits for its port or its source. */
    public boolean isUnchosen() {
        return !portsChosen || !remoteChosen;
    }

    private static RuleField fieldOf(Problem p) {
        return p.code().equals(ErrorCode.PROTOCOL_REQUIRED_WITH_PORTS) ? RuleField.PORTS
                : RuleField.ofMember(p.field());
    }

    /** The members of a create request for one port value and one remote value of the row. */
    private Map<String, Raw> members(String portText, String remoteText, Map<RuleField, String> found) {
        Map<String, Raw> members = new LinkedHashMap<>();
        members.put("direction", Raw.text(direction.get().neutronValue()));
        members.put("ethertype", Raw.text(ipVersion.get().neutronValue()));
        putProtocol(members, found);
        putPorts(members, found, portText);
        putRemote(members, found, remoteText);
        members.put("description", Raw.text(Objects.requireNonNullElse(description.get(), "")));
        return members;
    }

    /** A row with several ports or addresses: one rule per pair, each value checked and named when wrong. */
    private void validateSeveral(List<String> portValues, List<String> remoteValues) {
        Map<RuleField, String> found = new LinkedHashMap<>();
        RowExpansion.Builder made = new RowExpansion.Builder();
        if ((long) portValues.size() * remoteValues.size() > RowValues.MAX_RULES) {
            found.put(RuleField.PORTS, portValues.size() + " ports and " + remoteValues.size() + " sources make "
                    + (long) portValues.size() * remoteValues.size() + " rules: at most " + RowValues.MAX_RULES
                    + " in one row.");
        } else {
            for (String portValue : portValues) {
                for (String remoteValue : remoteValues) {
                    Map<RuleField, String> one = new LinkedHashMap<>();
                    Validation.RuleResult result = Validation.ruleRequest(members(portValue, remoteValue, one));
                    result.problems().forEach(p -> one.putIfAbsent(fieldOf(p), p.message()));
                    one.forEach((field, text) -> found.merge(field, RowValues.named(field,
                            field == RuleField.PORTS ? portValue : remoteValue) + text,
                            (a, b) -> a.contains(b) ? a : a + " " + b));
                    if (one.isEmpty()) {
                        made.add(result.rule());
                    }
                }
            }
        }
        own = found;
        several = found.isEmpty() ? made.build(portValues.size(), remoteValues.size()) : null;
        rule.set(several == null ? null : several.rules().get(0));
        refresh();
    }

    private boolean sameAsOrigin(Rule converted) {
        return converted.withDescription(blankToNull(converted.description()))
                .equals(origin.asDraft().withDescription(blankToNull(origin.description())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private void putProtocol(Map<String, Raw> members, Map<RuleField, String> found) {
        ProtocolChoice choice = protocol.get();
        if (choice == ProtocolChoice.OTHER) {
            String typed = Objects.requireNonNullElse(otherProtocol.get(), "").strip();
            if (typed.isEmpty()) {
                found.put(RuleField.PROTOCOL, "Type the protocol's name or number (0 to 255), such as gre or 47.");
            } else {
                members.put("protocol", Raw.text(typed));
            }
        } else if (choice != ProtocolChoice.ANY) {
            members.put("protocol", Raw.text(choice.neutronValue()));
        }
    }

    private void putPorts(Map<String, Raw> members, Map<RuleField, String> found, String typed) {
        String text = Objects.requireNonNullElse(typed, "").strip();
        if (text.isEmpty() || text.equalsIgnoreCase("any")) {
            return;
        }
        boolean icmp = protocol.get() == ProtocolChoice.ICMP;
        String[] parts = text.split(icmp ? "/" : "[-:]", -1);
        if (parts.length > 2) {
            found.put(RuleField.PORTS, icmp
                    ? "Write the ICMP type and code as type/code, like 8/0, or the type alone, like 8."
                    : "Write one port, like 22, or a range, like 8000-8080.");
            return;
        }
        String min = parts[0].strip();
        String max = parts.length == 2 ? parts[1].strip() : icmp ? "" : min;
        if (!min.isEmpty()) {
            members.put("port_range_min", Raw.text(min));
        }
        if (!max.isEmpty()) {
            members.put("port_range_max", Raw.text(max));
        }
    }

    private void putRemote(Map<String, Raw> members, Map<RuleField, String> found, String typed) {
        RemoteNames.Parsed parsed = names.parse(typed);
        if (parsed instanceof RemoteNames.Prefix p) {
            members.put("remote_ip_prefix", Raw.text(p.text()));
        } else if (parsed instanceof RemoteNames.Group g) {
            members.put("remote_group_id", Raw.text(g.id()));
        } else if (parsed instanceof RemoteNames.AddressGroup a) {
            members.put("remote_address_group_id", Raw.text(a.id()));
        } else if (parsed instanceof RemoteNames.Unknown u) {
            found.put(RuleField.REMOTE, u.message());
        }
    }

    /** Problems this row has with the other rows (a duplicate, a group that does not exist); set by the editor. */
    void setProblemsAcrossRows(Map<RuleField, String> found) {
        acrossRows = Map.copyOf(found);
        refresh();
    }

    private void refresh() {
        Map<RuleField, String> all = new EnumMap<>(RuleField.class);
        all.putAll(own);
        acrossRows.forEach((field, text) -> all.merge(field, text, (a, b) -> a + " " + b));
        if (!all.equals(problems)) {
            problems.clear();
            problems.putAll(all);
        }
        valid.set(all.isEmpty());
        message.set(String.join(" ", new LinkedHashSet<>(all.values())));
    }

    /**
     * The rule this row stands for, or null while its own cells are wrong. Null too for a row of several
     * values: those rules are merged with the table's rather than reported as duplicates
     * ({@link RowExpansions}).
     */
    Rule ruleOrNull() {
        return own.isEmpty() && several == null ? rule.get() : null;
    }

    /** The rules of a row with several values, or null for a row of one rule (or one not valid yet). */
    RowExpansion expansion() {
        return several;
    }

    /** The rule, for a draft; only for a valid row. */
    public Rule rule() {
        if (!valid.get()) {
            throw new IllegalStateException("rule row is not valid: " + message.get());
        }
        return rule.get();
    }

    /** Whether the row still shows a stored rule unchanged. */
    public boolean isStoredRule() {
        return origin.id() != null && rule.get() == origin;
    }

    public ObjectProperty<Direction> directionProperty() { return direction; }

    public ObjectProperty<EtherType> ipVersionProperty() { return ipVersion; }

    public ObjectProperty<ProtocolChoice> protocolProperty() { return protocol; }

    /** The protocol's name or number when {@link ProtocolChoice#OTHER} is chosen. */
    public StringProperty otherProtocolProperty() { return otherProtocol; }

    /** A port ({@code 22}), a range ({@code 8000-8080}), empty for any; for ICMP {@code type/code} ({@code 8/0}). */
    public StringProperty portsProperty() { return ports; }

    /** {@code Anywhere}, an address range, {@code Group <name>} or {@code Address group <id>}. */
    public StringProperty remoteProperty() { return remote; }

    public StringProperty descriptionProperty() { return description; }

    /** What is wrong, by cell, in words; empty when the row is valid. */
    public ObservableMap<RuleField, String> problems() { return problemsView; }

    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    public boolean isValid() { return valid.get(); }

    /** Every problem of the row in one text, for a tooltip; empty when valid. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** What the Port range cell says while empty, which depends on the protocol. */
    public ReadOnlyStringProperty portsPromptProperty() { return portsPrompt.getReadOnlyProperty(); }

    /** True while the Port range cell has no meaning: any protocol, and no ports typed that need removing. */
    public ReadOnlyBooleanProperty portsUnusedProperty() { return portsUnused.getReadOnlyProperty(); }

    ReadOnlyObjectProperty<Rule> ruleProperty() { return rule.getReadOnlyProperty(); }

    /** The loudest warning of the review about this row's rule (world-open, …), or null. */
    public ReadOnlyObjectProperty<RuleWarning> warningProperty() { return warning.getReadOnlyProperty(); }

    void setWarning(RuleWarning loudest) {
        warning.set(loudest);
    }

    /** The row in words, e.g. {@code Ingress IPv4 TCP 22 from 0.0.0.0/0}, or what it would be. */
    public String summary() {
        Rule r = ruleOrNull();
        return r == null ? "an unfinished rule" : r.summary(names::groupName);
    }
}
