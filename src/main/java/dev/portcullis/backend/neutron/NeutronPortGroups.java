package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A group put on or taken off an interface: the port is read, and its groups with or without this one are
 * sent under {@code If-Match} with the port's revision, so a change someone made to the port in between is
 * never overwritten; on such a conflict the port is read and the change tried once more.
 */
final class NeutronPortGroups {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NeutronHttp http;

    NeutronPortGroups(NeutronHttp http) {
        this.http = http;
    }

    /** @param adding true to put the group on the interface, false to take it off */
    CompletableFuture<Port> change(Call call, PortRef ref, GroupRef group, boolean adding) {
        return change(call, ref, group, adding, true);
    }

    private CompletableFuture<Port> change(Call call, PortRef ref, GroupRef group, boolean adding, boolean again) {
        String path = "/v2.0/ports/" + ref.id();
        return http.send(call, Request.get(path))
                .exceptionallyCompose(e -> NeutronHttp.failure(FailureWords.portRefusal(ref, e)))
                .thenCompose(answer -> {
                    Port port = NeutronParse.port(answer.json());
                    if (port.uses(group.id()) == adding) {
                        return CompletableFuture.completedFuture(port); // as asked already
                    }
                    List<String> next = new ArrayList<>(port.securityGroupIds());
                    if (adding) {
                        next.add(group.id());
                    } else {
                        next.removeIf(group.id()::equals);
                    }
                    ObjectNode body = NODES.objectNode();
                    ArrayNode groups = body.putObject("port").putArray("security_groups");
                    next.forEach(groups::add);
                    return http.send(call, Request.put(path, body, NeutronParse.portRevision(answer.json())))
                            .thenApply(changed -> NeutronParse.port(changed.json()))
                            .exceptionallyCompose(e -> {
                                Throwable t = NeutronHttp.unwrap(e);
                                if (again && t instanceof BackendException b && b.kind() == Kind.STALE) {
                                    return change(call, ref, group, adding, false);
                                }
                                return NeutronHttp.failure(FailureWords.portRefusal(ref, t));
                            });
                });
    }
}
