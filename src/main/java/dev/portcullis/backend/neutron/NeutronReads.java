package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Quotas;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the backend reads: lists page by page, one group, and the groups a caller names by id or name
 * (Neutron's {@code id} and {@code name} filters, which take repeated values).
 */
final class NeutronReads {

    static final String GROUPS = "/v2.0/security-groups";
    /**
     * How many characters of filter values one request carries at the most. Neutron's server (eventlet)
     * refuses a request line over 8,192 characters; half of that leaves room for the address and paging.
     */
    static final int FILTER_CHARACTERS = 4_000;
    /** How many filtered requests run at once. */
    static final int PARALLEL_READS = 4;

    private final NeutronHttp http;
    private final Options options;

    NeutronReads(NeutronHttp http, Options options) {
        this.http = http;
        this.options = options;
    }

    /**
     * Every page of a list, one after the other, each given to {@code onPage} as it arrives. It stops on a
     * short or empty page (Neutron links a next page from every full one), and on a page that repeats what
     * was seen: Neutron answers an unknown marker with the first page again, which would never end.
     */
    <T> CompletableFuture<List<T>> pages(Call call, String path, String query, Function<JsonNode, List<T>> parse,
                                         Function<T, String> id, Consumer<List<T>> onPage) {
        return pages(call, path, query, options.pageSize(), parse, id, onPage);
    }

    /**
     * The project's address groups, which its rules may name as remotes; none where the server does not serve
     * them (no {@code address-group} extension answers 404), as no rule can name one there, or does not let
     * them be read (403): rules naming one are then reviewed as not known, never failing the load.
     */
    CompletableFuture<List<AddressGroup>> addressGroups(Call call) {
        return pages(call, "/v2.0/address-groups", "", NeutronParse::addressGroups, AddressGroup::id, page -> { })
                .exceptionallyCompose(failed -> {
                    Throwable cause = failed instanceof CompletionException && failed.getCause() != null
                            ? failed.getCause() : failed;
                    return cause instanceof BackendException b && (b.kind() == BackendException.Kind.NOT_FOUND
                            || b.kind() == BackendException.Kind.FORBIDDEN)
                            ? CompletableFuture.completedFuture(List.of()) : CompletableFuture.failedFuture(cause);
                });
    }

    private <T> CompletableFuture<List<T>> pages(Call call, String path, String query, int firstLimit,
                                                 Function<JsonNode, List<T>> parse, Function<T, String> id,
                                                 Consumer<List<T>> onPage) {
        return page(call, path, query, parse, id, onPage, null, firstLimit, new ArrayList<>(), new HashSet<>());
    }

    private <T> CompletableFuture<List<T>> page(Call call, String path, String query,
                                                Function<JsonNode, List<T>> parse, Function<T, String> id,
                                                Consumer<List<T>> onPage, String marker, int limit, List<T> all,
                                                Set<String> seen) {
        String url = path + "?limit=" + limit + (marker == null ? "" : "&marker=" + NeutronHttp.encode(marker))
                + query;
        return http.send(call, Request.get(url)).thenCompose(answer -> {
            List<T> items = parse.apply(answer.json());
            List<T> fresh = items.stream().filter(item -> seen.add(id.apply(item))).toList();
            if (!fresh.isEmpty()) {
                all.addAll(fresh);
                onPage.accept(fresh);
            }
            boolean more = items.size() >= limit && fresh.size() == items.size();
            if (!more) {
                return CompletableFuture.completedFuture(List.copyOf(all));
            }
            int next = (int) Math.min((long) limit * 4, options.maxPageSize());
            return page(call, path, query, parse, id, onPage, id.apply(items.get(items.size() - 1)), next, all, seen);
        });
    }

    /**
     * How many groups the project holds, from its quota usage ({@code quota_details}: two small requests, the
     * project's id and its usage), to plan the pages; -1 when the server does not say (no such extension, no
     * right to ask, any failure): the groups are read all the same. Not asked for when one stream reads them.
     */
    CompletableFuture<Integer> groupCount(Call call) {
        if (options.groupStreams() < 2) {
            return CompletableFuture.completedFuture(-1);
        }
        return quotas(call).thenApply(quotas -> quotas.map(q -> q.groups().used()).orElse(-1));
    }

    /** The project's group and rule quotas ({@code quota_details}); empty when they cannot be read. */
    CompletableFuture<java.util.Optional<Quotas>> quotas(Call call) {
        return http.send(call, Request.get("/v2.0/quotas/project"))
                .thenCompose(answer -> http.send(call, Request.get("/v2.0/quotas/"
                        + NeutronHttp.encode(answer.json().path("project").path("project_id").asText()) + "/details")))
                .thenApply(answer -> {
                    JsonNode quota = answer.json().path("quota");
                    if (!quota.path("security_group").path("used").isInt()
                            || !quota.path("security_group_rule").path("used").isInt()) {
                        return java.util.Optional.<Quotas>empty(); // no usage said: nothing to plan or show
                    }
                    return java.util.Optional.of(new Quotas(usage(quota.path("security_group")),
                            usage(quota.path("security_group_rule"))));
                })
                .exceptionally(failed -> java.util.Optional.empty());
    }

    private static Quotas.Usage usage(JsonNode node) {
        return new Quotas.Usage(node.path("used").asInt(0), node.path("limit").asInt(-1));
    }

    /** The project's groups in the console's order, read from both ends ({@link GroupStreams}). */
    GroupStreams groupStreams(Call call) {
        return new GroupStreams((ascending, marker, limit) -> http.send(call, Request.get(GROUPS + "?limit=" + limit
                        + (marker == null ? "" : "&marker=" + NeutronHttp.encode(marker))
                        + (ascending ? GroupStreams.ASCENDING : GroupStreams.DESCENDING)))
                .thenApply(answer -> NeutronParse.groups(answer.json())),
                options.pageSize(), options.maxPageSize(), options.groupStreams());
    }

    CompletableFuture<SecurityGroup> group(Call call, String id) {
        return http.send(call, Request.get(GROUPS + "/" + id)).thenApply(answer -> NeutronParse.group(answer.json()));
    }

    /**
     * The groups with one of these ids or exactly one of these names, each once. The server's name filter
     * follows its database's collation (MariaDB: "Web" and "web " find "web"), so what it answers is
     * kept only where the name is the same to the letter. Values go in requests of at most
     * {@link #FILTER_CHARACTERS} characters, {@link #PARALLEL_READS} at a time; an id request asks for
     * one more group than it names, so that it takes one page.
     */
    CompletableFuture<List<SecurityGroup>> named(Call call, Set<String> ids, Set<String> names) {
        List<Supplier<CompletableFuture<List<SecurityGroup>>>> requests = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            requests.add(() -> pages(call, GROUPS, query("id", chunk), Math.min(chunk.size() + 1,
                    options.maxPageSize()), NeutronParse::groups, SecurityGroup::id, page -> { }));
        }
        for (List<String> chunk : chunks(names)) {
            requests.add(() -> pages(call, GROUPS, query("name", chunk), options.maxPageSize(),
                    NeutronParse::groups, SecurityGroup::id, page -> { }));
        }
        return InWaves.all(requests, PARALLEL_READS).thenApply(answers -> {
            Map<String, SecurityGroup> found = new LinkedHashMap<>();
            answers.forEach(list -> list.stream()
                    .filter(g -> ids.contains(g.id()) || g.name() != null && names.contains(g.name()))
                    .forEach(g -> found.putIfAbsent(g.id(), g)));
            return List.copyOf(found.values());
        });
    }

    /** The values in sorted runs whose encoded length stays within {@link #FILTER_CHARACTERS} (one at least). */
    static List<List<String>> chunks(Collection<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int length = 0;
        for (String value : values.stream().sorted().toList()) {
            int size = NeutronHttp.encode(value).length() + 6;
            if (!chunk.isEmpty() && length + size > FILTER_CHARACTERS) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                length = 0;
            }
            chunk.add(value);
            length += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static String query(String filter, List<String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach(v -> query.append('&').append(filter).append('=').append(NeutronHttp.encode(v)));
        return query.toString();
    }
}
