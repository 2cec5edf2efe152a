package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Address groups written to Neutron ({@code address-group} extension), as the real server takes them: a
 * group's prefixes cannot be set by an update, only added ({@code PUT …/add_addresses}) and removed
 * ({@code PUT …/remove_addresses}); a prefix already there, or one already gone, refuses the whole request
 * ({@code AddressesAlreadyExist}, {@code AddressesNotFound}). So a change sends what the user added and
 * removed from the group as they saw it; should someone else have made the same change meanwhile, the group is
 * read again and only what is still missing (or still there) is sent. A deletion is refused while a rule names
 * the group ({@code AddressGroupInUse}).
 */
final class NeutronAddressGroups {

    static final String PATH = "/v2.0/address-groups";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NeutronHttp http;

    NeutronAddressGroups(NeutronHttp http) {
        this.http = http;
    }

    CompletableFuture<AddressGroup> create(AddressGroupDraft draft) {
        List<Cidr> addresses = checked(draft);
        ObjectNode body = NODES.objectNode();
        ObjectNode group = body.putObject("address_group");
        group.put("name", draft.name());
        group.put("description", draft.description());
        prefixes(group.putArray("addresses"), addresses);
        return http.call(call -> http.send(call, Request.post(PATH, body))
                .thenApply(answer -> parse(answer.json()))
                .exceptionallyCompose(e -> NeutronHttp.failedAs("The address group " + draft.name() + " was not created", e)));
    }

    CompletableFuture<AddressGroup> update(AddressGroup before, AddressGroupDraft draft) {
        List<Cidr> wanted = checked(draft);
        Set<Cidr> added = new LinkedHashSet<>(wanted);
        before.addresses().forEach(added::remove);
        Set<Cidr> removed = new LinkedHashSet<>(before.addresses());
        wanted.forEach(removed::remove);
        String path = PATH + "/" + before.id();
        String what = "The address group " + before.label();
        return http.call(call -> rename(call, before, draft)
                .thenCompose(done -> change(call, path, "add_addresses", added, true))
                .thenCompose(done -> change(call, path, "remove_addresses", removed, false))
                .thenCompose(done -> http.send(call, Request.get(path)))
                .thenApply(answer -> NeutronParse.addressGroup(answer.json().path("address_group"), "address_group"))
                .exceptionallyCompose(e -> NeutronHttp.failedAs(what + " was not changed as asked", e)));
    }

    CompletableFuture<Void> delete(AddressGroup group) {
        return http.call(call -> http.send(call, Request.delete(PATH + "/" + group.id()))
                .<Void>thenApply(answer -> null)
                .exceptionallyCompose(e -> {
                    BackendException refusal = NeutronHttp.asBackend(e);
                    if (refusal != null && refusal.kind() == Kind.NOT_FOUND) {
                        return CompletableFuture.completedFuture(null); // someone else deleted it: it is gone
                    }
                    if (refusal != null && "AddressGroupInUse".equals(refusal.code())) {
                        return CompletableFuture.failedFuture(new BackendException(Kind.CONFLICT, refusal.code(),
                                "The address group " + group.label() + " is not deleted: rules still name it as"
                                        + " their remote. Change or delete those rules first.", refusal));
                    }
                    return NeutronHttp.failedAs("The address group " + group.label() + " was not deleted", e);
                }));
    }

    private CompletableFuture<Void> rename(Call call, AddressGroup before, AddressGroupDraft draft) {
        if (before.name().equals(draft.name()) && before.description().equals(draft.description())) {
            return CompletableFuture.completedFuture(null);
        }
        ObjectNode body = NODES.objectNode();
        body.putObject("address_group").put("name", draft.name()).put("description", draft.description());
        return http.send(call, new Request("PUT", PATH + "/" + before.id(), body, Map.of())).thenApply(a -> null);
    }

    /**
     * Adds or removes prefixes; when Neutron says some are there already (or gone already), the group is read
     * again and only those still to add (or to remove) are sent, once.
     */
    private CompletableFuture<Void> change(Call call, String path, String action, Set<Cidr> prefixes, boolean adding) {
        if (prefixes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String refusedAs = adding ? "AddressesAlreadyExist" : "AddressesNotFound";
        return send(call, path, action, prefixes).exceptionallyCompose(e -> {
            BackendException refusal = NeutronHttp.asBackend(e);
            if (refusal == null || !refusedAs.equals(refusal.code())) {
                return NeutronHttp.failure(e);
            }
            return http.send(call, Request.get(path)).thenCompose(answer -> {
                Set<Cidr> now = new LinkedHashSet<>(NeutronParse.addressGroup(answer.json().path("address_group"),
                        "address_group").addresses());
                Set<Cidr> still = new LinkedHashSet<>(prefixes);
                still.removeIf(p -> now.contains(p) == adding);
                return still.isEmpty() ? CompletableFuture.completedFuture(null) : send(call, path, action, still);
            });
        });
    }

    private CompletableFuture<Void> send(Call call, String path, String action, Set<Cidr> prefixes) {
        ObjectNode body = NODES.objectNode();
        prefixes(body.putArray("addresses"), new ArrayList<>(prefixes));
        return http.send(call, new Request("PUT", path + "/" + action, body, Map.of())).thenApply(a -> null);
    }

    private static void prefixes(ArrayNode array, List<Cidr> addresses) {
        addresses.forEach(c -> array.add(c.toString()));
    }

    private static AddressGroup parse(JsonNode root) {
        return NeutronParse.addressGroup(root.path("address_group"), "address_group");
    }

    /** The draft's prefixes as Neutron keeps them; a draft Neutron would refuse fails before anything is sent. */
    private static List<Cidr> checked(AddressGroupDraft draft) {
        AddressGroupDraft.Checked checked = draft.check();
        if (!checked.valid()) {
            var first = checked.problems().get(0);
            throw new BackendException(Kind.INVALID, first.code(), first.field() + ": " + first.message());
        }
        return checked.addresses();
    }
}
