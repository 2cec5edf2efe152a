package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Tags;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Writes a group's tags. Neutron's tag calls take no {@code If-Match} (it answers 500 to one), so the group is
 * claimed first the way a plan of rules alone claims it (its description put back under If-Match on the
 * revision read), then the whole list goes in one {@code PUT .../tags}: the body carries any text as it is,
 * where a tag in the path would lose a slash (404) and have its non-ASCII letters mangled.
 */
final class TagWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NeutronHttp http;
    private final NeutronReads reads;
    private final FailureWords words;
    private final PlanRunner runner;

    TagWriter(NeutronHttp http, NeutronReads reads, FailureWords words, PlanRunner runner) {
        this.http = http;
        this.reads = reads;
        this.words = words;
        this.runner = runner;
    }

    CompletableFuture<SecurityGroup> retag(Call call, GroupRef ref, List<String> tags) {
        List<Problem> problems = Tags.check(tags);
        if (!problems.isEmpty()) {
            return NeutronHttp.failure(new BackendException(BackendException.Kind.INVALID, ErrorCode.INVALID_INPUT,
                    "The tags were not changed: " + problems.stream().map(Problem::message)
                            .collect(Collectors.joining(" "))));
        }
        return reads.group(call, ref.id())
                .exceptionallyCompose(e -> NeutronHttp.failure(words.refined(call, ref, null, e)))
                .thenApply(now -> PlanRunner.stillAt(ref, now))
                .thenCompose(now -> {
                    if (Tags.same(tags, now.tags())) {
                        return CompletableFuture.completedFuture(now);
                    }
                    ObjectNode body = NODES.objectNode();
                    ArrayNode list = body.putArray("tags");
                    tags.forEach(list::add);
                    String path = NeutronReads.GROUPS + "/" + ref.id() + "/tags";
                    return runner.claim(call, ref, now)
                            .thenCompose(claimed -> http.send(call, new Request("PUT", path, body, Map.of()))
                                    .exceptionallyCompose(e -> NeutronHttp.failure(words.refined(call, ref, null, e))))
                            .thenCompose(done -> reads.group(call, ref.id()));
                });
    }
}
