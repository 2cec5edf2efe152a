package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.GroupShare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Groups shared with other projects, as Neutron keeps them: RBAC policies ({@code /v2.0/rbac-policies}) of
 * type {@code security_group} and action {@code access_as_shared}. Asked of the real server: the owner lists
 * its policies (the group's own {@code shared} stays false for it), the other project sees the group with
 * {@code shared: true} and its owner's {@code project_id}, may not update it (403); a second policy for the
 * same project is refused ({@code DuplicateRbacPolicy}), and a member may not share with every project.
 */
final class NeutronShares {

    static final String PATH = "/v2.0/rbac-policies";
    private static final String QUERY = "&object_type=security_group&action=access_as_shared";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NeutronHttp http;
    private final NeutronReads reads;

    NeutronShares(NeutronHttp http, NeutronReads reads) {
        this.http = http;
        this.reads = reads;
    }

    /** The project's shares; none where the server has no RBAC for groups (404) or does not let them be read. */
    CompletableFuture<List<GroupShare>> list() {
        return http.call(call -> reads.pages(call, PATH, QUERY, NeutronShares::parse, GroupShare::id, page -> { })
                .exceptionallyCompose(e -> {
                    BackendException refusal = NeutronHttp.asBackend(e);
                    return refusal != null && (refusal.kind() == Kind.NOT_FOUND || refusal.kind() == Kind.FORBIDDEN)
                            ? CompletableFuture.completedFuture(List.of()) : NeutronHttp.failure(e);
                }));
    }

    CompletableFuture<GroupShare> share(GroupRef group, String project) {
        ObjectNode body = NODES.objectNode();
        body.putObject("rbac_policy").put("object_type", "security_group").put("object_id", group.id())
                .put("action", "access_as_shared").put("target_tenant", project);
        return http.call(call -> http.send(call, NeutronHttp.Request.post(PATH, body))
                .thenApply(answer -> policy(answer.json().path("rbac_policy")))
                .exceptionallyCompose(e -> {
                    BackendException refusal = NeutronHttp.asBackend(e);
                    if (refusal != null && "DuplicateRbacPolicy".equals(refusal.code())) {
                        return CompletableFuture.failedFuture(new BackendException(Kind.CONFLICT, refusal.code(),
                                "The group " + group.name() + " is shared with project " + project + " already.",
                                refusal));
                    }
                    return NeutronHttp.failedAs("The group " + group.name() + " was not shared with project " + project, e);
                }));
    }

    CompletableFuture<Void> unshare(GroupShare share) {
        return http.call(call -> http.send(call, NeutronHttp.Request.delete(PATH + "/" + share.id()))
                .<Void>thenApply(answer -> null)
                .exceptionallyCompose(e -> {
                    BackendException refusal = NeutronHttp.asBackend(e);
                    if (refusal != null && refusal.kind() == Kind.NOT_FOUND) {
                        return CompletableFuture.completedFuture(null); // withdrawn already
                    }
                    return NeutronHttp.failedAs("The share with project " + share.targetProject() + " was not withdrawn", e);
                }));
    }

    private static List<GroupShare> parse(JsonNode root) {
        List<GroupShare> shares = new ArrayList<>();
        // the query asks for these policies only: every item of a page counts for the paging
        root.path("rbac_policies").forEach(node -> shares.add(policy(node)));
        return shares;
    }

    private static GroupShare policy(JsonNode node) {
        return new GroupShare(node.path("id").asText(), node.path("object_id").asText(),
                node.path("target_tenant").asText());
    }
}
