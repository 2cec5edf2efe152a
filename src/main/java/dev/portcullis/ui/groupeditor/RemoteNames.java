package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the Source / destination cell writes a rule's remote: {@code Anywhere}, an address range as typed
 * ({@code 203.0.113.0/24}), {@code Group <name>} for another security group, {@code Address group <name>} for
 * one of the project's address groups (by its id where the project does not list it). Names are not unique in
 * Neutron, so a name shared by several groups carries the start of its id. A group's bare name works too,
 * where it is not an address and no other group has it.
 */
final class RemoteNames {

    static final String ANYWHERE = "Anywhere";
    static final String GROUP = "Group ";
    static final String ADDRESS_GROUP = "Address group ";

    /** What a typed remote means. */
    sealed interface Parsed {
    }

    record Anywhere() implements Parsed {
    }

    record Prefix(String text) implements Parsed {
    }

    record Group(String id) implements Parsed {
    }

    record AddressGroup(String id) implements Parsed {
    }

    record Unknown(String message) implements Parsed {
    }

    private final Map<String, String> labelById = new LinkedHashMap<>();
    private final Map<String, String> idByLabel = new HashMap<>();
    private final Map<String, String> nameById = new HashMap<>();
    /** The ids of the address groups the project lists (their labels are among {@link #labelById}). */
    private final java.util.Set<String> addressGroupIds = new java.util.HashSet<>();

    RemoteNames(List<SecurityGroup> groups) {
        this(groups, List.of());
    }

    RemoteNames(List<SecurityGroup> groups, List<dev.portcullis.domain.AddressGroup> addressGroups) {
        // names are told apart as a person reads (and types) them: "Web" and "web" both show their id
        Map<String, Long> sameName = new HashMap<>();
        groups.forEach(g -> sameName.merge(g.name().toLowerCase(Locale.ROOT), 1L, Long::sum));
        List<SecurityGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing((SecurityGroup g) -> g.name().toLowerCase(Locale.ROOT))
                .thenComparing(SecurityGroup::id));
        for (SecurityGroup g : sorted) {
            boolean twin = sameName.get(g.name().toLowerCase(Locale.ROOT)) > 1;
            String label = g.name().isEmpty() ? GROUP + g.id()
                    : twin ? GROUP + g.name() + " (" + shortId(g.id()) + ")"
                    : GROUP + g.name();
            register(g.id(), label);
            nameById.put(g.id(), g.name());
        }
        Map<String, Long> sameLabel = new HashMap<>();
        addressGroups.forEach(a -> sameLabel.merge(a.label().toLowerCase(Locale.ROOT), 1L, Long::sum));
        List<dev.portcullis.domain.AddressGroup> byName = new ArrayList<>(addressGroups);
        byName.sort(Comparator.comparing((dev.portcullis.domain.AddressGroup a) -> a.label().toLowerCase(Locale.ROOT))
                .thenComparing(dev.portcullis.domain.AddressGroup::id));
        for (dev.portcullis.domain.AddressGroup a : byName) {
            boolean twin = sameLabel.get(a.label().toLowerCase(Locale.ROOT)) > 1;
            register(a.id(), ADDRESS_GROUP + a.label() + (twin ? " (" + shortId(a.id()) + ")" : ""));
            addressGroupIds.add(a.id());
            nameById.putIfAbsent(a.id(), a.label());
        }
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private void register(String id, String label) {
        labelById.put(id, label);
        idByLabel.put(label.toLowerCase(Locale.ROOT), id);
    }

    /** What the pick list offers: Anywhere, then every group by name, then every address group by name. */
    List<String> choices() {
        List<String> choices = new ArrayList<>();
        choices.add(ANYWHERE);
        choices.addAll(labelById.values());
        return choices;
    }

    /** A group's or address group's name where it is known; null otherwise (the caller shows the id). */
    String groupName(String id) {
        return nameById.get(id);
    }

    /** The text that shows a stored remote; a group this list does not know is shown by its id. */
    String label(Remote remote) {
        if (remote instanceof Remote.Prefix p) {
            return p.cidr().toString();
        }
        if (remote instanceof Remote.Group g) {
            if (!labelById.containsKey(g.groupId())) {
                register(g.groupId(), GROUP + g.groupId());
            }
            return labelById.get(g.groupId());
        }
        if (remote instanceof Remote.AddressGroup a) {
            if (!labelById.containsKey(a.addressGroupId())) {
                register(a.addressGroupId(), ADDRESS_GROUP + a.addressGroupId());
            }
            return labelById.get(a.addressGroupId());
        }
        return ANYWHERE;
    }

    /** Reads what a person typed or picked; an address range is kept as typed (trimmed) for Neutron's checks. */
    Parsed parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.isEmpty() || lower.equals(ANYWHERE.toLowerCase(Locale.ROOT))) {
            return new Anywhere();
        }
        if (lower.startsWith(ADDRESS_GROUP.toLowerCase(Locale.ROOT))) {
            String rest = text.substring(ADDRESS_GROUP.length()).strip();
            if (rest.isEmpty()) {
                return new Unknown("Give the address group's name after \"Address group\", or pick one from the list.");
            }
            String id = idByLabel.get(lower);
            if (id != null) {
                return new AddressGroup(id);
            }
            if (addressGroupIds.isEmpty() || addressGroupIds.contains(rest)) {
                return new AddressGroup(rest); // an id, where the project's address groups are not listed
            }
            return new Unknown("There is no address group called \"" + rest + "\": pick one from the list (the"
                    + " Address Groups view makes new ones).");
        }
        if (lower.startsWith(GROUP.toLowerCase(Locale.ROOT))) {
            Optional<String> id = Optional.ofNullable(idByLabel.get(lower));
            if (id.isEmpty()) {
                String rest = text.substring(GROUP.length()).strip();
                id = labelById.containsKey(rest) ? Optional.of(rest) : Optional.empty();
            }
            return id.<Parsed>map(Group::new).orElseGet(() -> new Unknown("There is no security group called \""
                    + text.substring(GROUP.length()).strip() + "\": pick a group from the list, or type an address "
                    + "range such as 203.0.113.0/24."));
        }
        if (Cidr.parse(text).isEmpty()) {
            List<String> named = nameById.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(text))
                    .map(Map.Entry::getKey).toList();
            if (named.size() == 1) {
                return new Group(named.get(0));
            }
            if (named.size() > 1) {
                return new Unknown(named.size() + " security groups are called \"" + text + "\": pick one from the "
                        + "list, where each shows the start of its id.");
            }
        }
        return new Prefix(text);
    }

    /** How many groups' names contain what is typed (ignoring case). */
    long groupsContaining(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() ? 0 : nameById.values().stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(text)).count();
    }

    /** The choices that contain what is typed (all of them while nothing, or a whole choice, is typed). */
    /**
     * What to offer as a person types part of a name (type-ahead): the choices containing the text, at most
     * {@value #SUGGESTIONS}; none for an address, for empty text, or once the text is a whole choice.
     */
    List<String> suggestions(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || Character.isDigit(text.charAt(0)) || text.contains(":") && !text.contains(" ")) {
            return List.of();
        }
        List<String> matching = new ArrayList<>();
        for (String c : choices()) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (lower.equals(text)) {
                return List.of();
            }
            if (lower.contains(text) && matching.size() < SUGGESTIONS) {
                matching.add(c);
            }
        }
        return matching;
    }

    static final int SUGGESTIONS = 40;

    List<String> choicesMatching(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> all = choices();
        if (text.isEmpty() || all.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(text))) {
            return all;
        }
        List<String> matching = all.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains(text)).toList();
        return matching.isEmpty() ? all : matching;
    }
}
