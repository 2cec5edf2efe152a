package dev.portcullis.backend.neutron;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure said for the operation it stopped: what Neutron said, with what only another request can
 * tell (the interfaces using a group, the rule a duplicate repeats, the quota's number).
 */
final class FailureWords {

    static final String PORT_FIELDS = "&fields=id&fields=name&fields=device_id&fields=device_owner"
            + "&fields=fixed_ips&fields=security_groups";
    private static final Pattern RULE_ID = Pattern.compile("Rule id is ([0-9a-fA-F-]+)");
    /** How many interfaces a message names before it says how many more there are. */
    private static final int NAMED_INTERFACES = 5;

    private final NeutronHttp http;
    private final NeutronReads reads;
    private final Session session;

    FailureWords(NeutronHttp http, NeutronReads reads, Session session) {
        this.http = http;
        this.reads = reads;
        this.session = session;
    }

    /** The failure of {@code op} on {@code group} (either may be null) in words. */
    CompletableFuture<BackendException> refined(Call call, GroupRef group, ChangePlan.Operation op, Throwable failure) {
        Throwable t = NeutronHttp.unwrap(failure);
        if (!(t instanceof NeutronRefusal r)) {
            return CompletableFuture.completedFuture(t instanceof BackendException b ? b
                    : session.redactor().redact(new BackendException(Kind.UNAVAILABLE, NeutronErrors.UNREACHABLE,
                    "The request to the network service failed unexpectedly (" + t.getClass().getSimpleName()
                            + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ").", t)));
        }
        String groupLabel = group == null ? null : label(group);
        switch (r.code()) {
            case NeutronErrors.IN_USE:
                return inUse(call, group, op, r);
            case ErrorCode.RULE_EXISTS:
                return ruleExists(call, r);
            case NeutronErrors.OVER_QUOTA:
                return overQuota(call, group, r);
            case NeutronErrors.RULE_NOT_FOUND:
                if (op instanceof ChangePlan.DeleteRule d) {
                    return done(r.reworded("The rule " + d.rule().summary(id -> null)
                            + " is no longer in this group (rule id " + d.rule().id() + ")."));
                }
                return done(r);
            case ErrorCode.GROUP_NOT_FOUND:
                if (op instanceof ChangePlan.CreateRules && (group == null
                        || !r.neutronMessage().contains(group.id()))) {
                    return done(r.reworded("A rule names a group that does not exist (any more): "
                            + r.getMessage()));
                }
                if (groupLabel != null) {
                    return done(r.reworded("The group " + groupLabel
                            + " does not exist (any more): someone may have deleted it."));
                }
                return done(r);
            default:
                break;
        }
        if (op instanceof ChangePlan.CreateRules c && r.kind() == Kind.INVALID) {
            List<Rule> culprits = RuleCulprits.find(c.rules(), r.code());
            if (!culprits.isEmpty()) {
                String named = culprits.stream().map(x -> x.summary(id -> null)).reduce((a, b) -> a + "; " + b)
                        .orElseThrow();
                return done(r.reworded((culprits.size() == 1 ? "The rule " : "The rules ") + named
                        + (culprits.size() == 1 ? " was" : " were") + " refused: " + r.getMessage()));
            }
        }
        return done(r);
    }

    private CompletableFuture<BackendException> inUse(Call call, GroupRef group, ChangePlan.Operation op,
                                                      NeutronRefusal r) {
        if (group == null) {
            return done(r);
        }
        String url = "/v2.0/ports?security_groups=" + NeutronHttp.encode(group.id()) + PORT_FIELDS;
        return http.send(call, Request.get(url)).thenApply(answer -> {
            List<String> names = NeutronParse.ports(answer.json()).stream().map(NeutronParse::label).toList();
            String listed = String.join(", ", names.subList(0, Math.min(NAMED_INTERFACES, names.size())))
                    + (names.size() > NAMED_INTERFACES ? " and " + (names.size() - NAMED_INTERFACES) + " more" : "");
            String users = names.size() + (names.size() == 1 ? " interface: " : " interfaces: ") + listed;
            if (op instanceof ChangePlan.UpdateGroup u && u.update().changed().contains(
                    ChangePlan.GroupUpdate.STATEFUL)) {
                return (BackendException) r.reworded("The group cannot be made "
                        + (u.update().stateful() ? "stateful" : "stateless")
                        + " while interfaces use it; it is used by " + users + ".");
            }
            return (BackendException) r.reworded("This group is still used by " + users);
        }).exceptionally(e -> r);
    }

    private CompletableFuture<BackendException> ruleExists(Call call, NeutronRefusal r) {
        Matcher m = RULE_ID.matcher(r.neutronMessage());
        if (!m.find()) {
            return done(r.reworded("One of the new rules already exists in this group."));
        }
        String id = m.group(1);
        return http.send(call, Request.get("/v2.0/security-group-rules/" + id))
                .thenApply(answer -> (BackendException) r.reworded("The rule "
                        + NeutronParse.rule(answer.json().path("security_group_rule"), "security_group_rule")
                        .summary(x -> null) + " already exists in this group (rule id " + id + ")."))
                .exceptionally(e -> r.reworded("One of the new rules already exists in this group (rule id "
                        + id + ")."));
    }

    private CompletableFuture<BackendException> overQuota(Call call, GroupRef group, NeutronRefusal r) {
        boolean rules = r.neutronMessage().contains("security_group_rule");
        String what = rules ? "rules" : "groups";
        String resource = rules ? "security_group_rule" : "security_group";
        CompletableFuture<String> project = group != null
                ? reads.group(call, group.id()).thenApply(SecurityGroup::projectId)
                : session.access().thenApply(a -> a.headers().containsKey("X-Project-Id")
                ? a.headers().get("X-Project-Id").reveal() : null);
        return project.thenCompose(p -> p == null ? CompletableFuture.<Long>completedFuture(null)
                        : http.send(call, Request.get("/v2.0/quotas/" + NeutronHttp.encode(p) + "/details"))
                        .thenApply(a -> a.json().path("quota").path(resource).path("limit"))
                        .thenApply(limit -> limit.canConvertToLong() ? limit.asLong() : null))
                .thenApply(limit -> (BackendException) r.reworded(limit == null
                        ? "The project's quota of " + what + " is used up."
                        : "The project's quota of " + limit + " " + what + " is used up."))
                .exceptionally(e -> r.reworded("The project's quota of " + what + " is used up."));
    }

    /** A failure to change an interface, said for that interface. */
    static Throwable portRefusal(PortRef ref, Throwable e) {
        Throwable t = NeutronHttp.unwrap(e);
        if (t instanceof NeutronRefusal r && r.kind() == Kind.NOT_FOUND) {
            return r.reworded("The interface " + (ref.label() == null || ref.label().isBlank() ? ref.id()
                    : ref.label()) + " does not exist (any more).");
        }
        if (t instanceof NeutronRefusal r && r.kind() == Kind.STALE) {
            return r.reworded("The interface " + ref.label() + " kept changing while its groups were being "
                    + "changed; reload and try again.");
        }
        return t;
    }

    /** A failure to create the group {@code name}, said so. */
    static Throwable notCreated(String name, Throwable cause) {
        if (cause instanceof NeutronRefusal r) {
            return r.reworded("The group \"" + name + "\" was not created: " + r.getMessage());
        }
        if (cause instanceof BackendException b) {
            return new BackendException(b.kind(), b.code(), "The group \"" + name + "\" was not created: "
                    + b.getMessage(), b);
        }
        return cause;
    }

    static String label(GroupRef group) {
        return group.name() == null || group.name().isBlank() ? group.id() : "\"" + group.name() + "\"";
    }

    private static CompletableFuture<BackendException> done(BackendException e) {
        return CompletableFuture.completedFuture(e);
    }
}
