package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.portcullis.files.JsonMembers.strings;
import static dev.portcullis.files.JsonMembers.text;

/**
 * A definition file's {@code address_groups}, as Neutron answers {@code GET /v2.0/address-groups}: each with
 * the id its rules name and its prefixes. As Neutron does, a prefix needs its length ({@code 10.0.0.1/32},
 * not {@code 10.0.0.1}), and host bits are cleared ({@code 192.0.2.5/24} holds {@code 192.0.2.0/24}).
 */
final class AddressGroupsParse {

    private static final Set<String> MEMBERS = Set.of("id", "name", "description", "project_id", "tenant_id",
            "addresses", "created_at", "updated_at", "revision_number", "tags", "standard_attr_id");

    private AddressGroupsParse() {
    }

    /** The address groups that could be read; what is wrong with the others goes to {@code problems}. */
    static List<AddressGroup> read(JsonNode node, List<Problem> problems) {
        List<AddressGroup> groups = new ArrayList<>();
        if (node == null || node.isNull()) {
            return groups;
        }
        if (!node.isArray()) {
            problems.add(new Problem(FileErrorCode.WRONG_SHAPE, "address_groups",
                    "\"address_groups\" must be a list of address groups."));
            return groups;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "address_groups[" + i + "]";
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                problems.add(new Problem(FileErrorCode.WRONG_SHAPE, path, "An address group must be a JSON object."));
                continue;
            }
            List<Problem> found = new ArrayList<>();
            JsonMembers.unknownMembers(a, MEMBERS, path + ".", found);
            String id = text(a, "id", path + ".", found);
            if (id == null || id.isBlank()) {
                found.add(new Problem(FileErrorCode.WRONG_SHAPE, path + ".id",
                        "An address group needs the id its rules name it by."));
            } else if (!ids.add(id)) {
                found.add(new Problem(FileErrorCode.DUPLICATE_ID, path + ".id",
                        "Another address group of the file has the id " + id + "."));
            }
            List<String> given = strings(a, "addresses", path + ".", found);
            List<Cidr> addresses = new ArrayList<>();
            for (int k = 0; k < given.size(); k++) {
                Optional<Cidr> prefix = prefix(given.get(k));
                prefix.ifPresent(addresses::add);
                if (prefix.isEmpty()) {
                    found.add(new Problem(ErrorCode.INVALID_CIDR, path + ".addresses[" + k + "]",
                            "\"" + given.get(k) + "\" is not a prefix: an address group holds prefixes with their"
                                    + " length, such as 10.0.0.1/32 or 192.0.2.0/24."));
                }
            }
            if (found.isEmpty()) {
                groups.add(new AddressGroup(id, text(a, "project_id", path + ".", found), text(a, "name", path + ".",
                        found), text(a, "description", path + ".", found), addresses));
            }
            problems.addAll(found);
        }
        return groups;
    }

    /** The prefix as Neutron keeps it, or empty where Neutron refuses it (no length, not an address). */
    private static Optional<Cidr> prefix(String text) {
        return text.indexOf('/') < 0 ? Optional.empty() : Cidr.parse(text).map(Cidr::network);
    }
}
