package dev.portcullis.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An address group as someone typed it, to create or to become: a name, a description and the prefixes as
 * text. {@link #check()} reads it as Neutron's address-group API does (asked of the real server): each entry
 * a whole address with its length ({@code 10.0.0.1} and {@code 10/8} are refused, naming the form to use;
 * {@code 10.0.0.0/33} is no subnet), the same text twice refused, entries equal once host bits are cleared
 * kept once ({@code 10.0.0.1/8} and {@code 10.0.0.0/8} are one prefix), name and description at most 255
 * characters.
 */
public record AddressGroupDraft(String name, String description, List<String> addresses) {

    /** Neutron's longest name or description of a standard resource. */
    public static final int MAX_TEXT = 255;
    /** Neutron's type for input its API refuses before it looks at the project. */
    public static final String BAD_REQUEST = "HTTPBadRequest";

    public AddressGroupDraft {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        addresses = List.copyOf(addresses);
    }

    /** The draft's prefixes as Neutron keeps them (host bits cleared, each once, sorted), or what is wrong. */
    public record Checked(List<Cidr> addresses, List<Problem> problems) {
        public Checked {
            addresses = List.copyOf(addresses);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Checked check() {
        List<Problem> problems = new ArrayList<>();
        text("name", name, problems);
        text("description", description, problems);
        Set<String> typed = new HashSet<>();
        Set<Cidr> kept = new LinkedHashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            String entry = addresses.get(i).strip();
            String field = "addresses[" + i + "]";
            if (!typed.add(entry)) {
                problems.add(new Problem(BAD_REQUEST, field, "\"" + entry + "\" is listed twice."));
                continue;
            }
            Optional<Cidr> prefix = Cidr.parseSubnet(entry);
            if (prefix.isPresent()) {
                kept.add(prefix.get().network());
            } else {
                problems.add(new Problem(BAD_REQUEST, field, notAPrefix(entry)));
            }
        }
        return new Checked(problems.isEmpty() ? sorted(kept) : List.of(), problems);
    }

    /** Prefixes in the order an address group lists them: IPv4 first, then by address, then by length. */
    public static List<Cidr> sorted(java.util.Collection<Cidr> prefixes) {
        List<Cidr> sorted = new ArrayList<>(prefixes);
        sorted.sort((a, b) -> a.version() != b.version() ? Integer.compare(a.version(), b.version())
                : a.addressValue().compareTo(b.addressValue()) != 0 ? a.addressValue().compareTo(b.addressValue())
                : Integer.compare(a.prefixLength(), b.prefixLength()));
        return sorted;
    }

    /** Why an entry is no prefix, with the form to use where one can be told. */
    private static String notAPrefix(String entry) {
        if (entry.indexOf('/') < 0) {
            Optional<Cidr> host = Cidr.host(entry);
            if (host.isPresent()) {
                return "\"" + entry + "\" has no length: an address group holds prefixes; for this one address write "
                        + host.get() + ".";
            }
        } else {
            Optional<Cidr> lenient = Cidr.parse(entry);
            if (lenient.isPresent() && lenient.get().prefixLength() <= lenient.get().width()
                    && entry.substring(entry.indexOf('/') + 1).chars().allMatch(Character::isDigit)) {
                return "\"" + entry + "\" is not written in full: write " + lenient.get().network() + ".";
            }
        }
        return "\"" + entry + "\" is not a prefix: write an address and its length, such as 192.0.2.0/24 or "
                + "2001:db8::/32.";
    }

    private static void text(String field, String value, List<Problem> problems) {
        if (value.length() > MAX_TEXT) {
            problems.add(new Problem(BAD_REQUEST, field, "The " + field + " is " + value.length()
                    + " characters long; Neutron takes at most " + MAX_TEXT + "."));
        }
    }
}
