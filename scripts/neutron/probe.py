#!/usr/bin/python3
"""Probe a running noauth neutron-server (scripts/neutron/neutron-up.sh) with edge-case security
group / security group rule requests and record every exchange as test data for Portcullis.

Reads nothing but the server at http://127.0.0.1:9696. Writes a JSON array (2-space indent, probes
in a fixed order) to src/test/resources/dev/portcullis/neutron/probes.json (or to the path given
as the only argument). Each element:

  kind "rule":      {"name", "kind", "request", "status", "response"}
                    request = the object sent inside "security_group_rule", minus the
                    "security_group_id" that was added to point at a fresh group "probe-<n>".
  kind "group":     {"name", "kind", "method", "request", "status", "response"}
                    request = the object sent inside "security_group" (POST, or PUT on a fresh group).
  kind "duplicate": {"name", "kind", "first", "first_status", "request", "status", "response"}
                    two rules POSTed one after the other into one fresh group; "first" is null when
                    the first rule is one Neutron created itself (the automatic egress rules).
                    Bulk probes have "bulk": true and "request" is the list sent inside
                    "security_group_rules".

"response" is the parsed JSON body (null when empty). Ids and timestamps are those of the run.
Every group created here is deleted at the end. Run with /usr/bin/python3 (no third-party modules).
"""
import json
import os
import sys
import urllib.error
import urllib.request

BASE = "http://127.0.0.1:9696/v2.0"
PROJECT = "fake_project_id"  # the project of the noauth context
# Fixed, well-formed UUIDs that no Neutron object has (fixed so that re-runs give the same requests).
MISSING_UUID = "a5fd8ad1-b472-4d54-89ce-34afb6ccdf99"
CLIENT_UUID = "325b4ba0-78d6-4e9b-a5ce-a7928df5b1b1"
OMIT = object()  # marks a member that is removed from the default body
OWN = object()   # placeholder for the probe group's own id

DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                           "src", "test", "resources", "dev", "portcullis", "neutron", "probes.json")


def call(method, path, body=None):
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    if not raw.strip():
        return status, None
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def must(expected, status, body, what):
    if status != expected:
        raise SystemExit(f"probe setup failed: {what}: HTTP {status} {body!r}")
    return body


created_groups = []


def new_group(n):
    _, body = call("POST", "/security-groups", {"security_group": {"name": f"probe-{n}"}})
    gid = must(201, _, body, f"create probe-{n}")["security_group"]["id"]
    created_groups.append(gid)
    return gid


def rule_body(spec, gid=None):
    """Default ingress/IPv4 body with spec applied; OMIT removes a member, OWN becomes gid."""
    body = {"direction": "ingress", "ethertype": "IPv4"}
    for k, v in spec.items():
        if v is OMIT:
            body.pop(k, None)
        else:
            body[k] = gid if v is OWN else v
    return body


def with_sg(body, gid):
    b = dict(body)
    b["security_group_id"] = gid
    return b


# ---------------------------------------------------------------------------------------------
# Rule probes: (name, overrides of {"direction": "ingress", "ethertype": "IPv4"})
V6 = {"ethertype": "IPv6"}
RULE_PROBES = [
    # protocol
    ("protocol-string-any", {"protocol": "any"}),
    ("protocol-string-ANY", {"protocol": "ANY"}),
    ("protocol-string-Tcp", {"protocol": "Tcp"}),
    ("protocol-string-leading-space-tcp", {"protocol": " tcp"}),
    ("protocol-string-trailing-space-tcp", {"protocol": "tcp "}),
    ("protocol-number-6", {"protocol": 6}),
    ("protocol-string-06", {"protocol": "06"}),
    ("protocol-string-plus-6", {"protocol": "+6"}),
    ("protocol-string-leading-space-6", {"protocol": " 6"}),
    ("protocol-number-6.0", {"protocol": 6.0}),
    ("protocol-string-6.0", {"protocol": "6.0"}),
    ("protocol-boolean-true", {"protocol": True}),
    ("protocol-string-empty", {"protocol": ""}),
    ("protocol-null", {"protocol": None}),
    ("protocol-string-0", {"protocol": "0"}),
    ("protocol-number-0", {"protocol": 0}),
    ("protocol-string-255", {"protocol": "255"}),
    ("protocol-string-minus-1", {"protocol": "-1"}),
    ("protocol-icmpv6-ipv4", {"protocol": "icmpv6"}),
    ("protocol-icmpv6-ipv6", {"protocol": "icmpv6", **V6}),
    ("protocol-string-1-ipv6", {"protocol": "1", **V6}),
    ("protocol-number-1-ipv6", {"protocol": 1, **V6}),
    ("protocol-string-58-ipv4", {"protocol": "58"}),
    ("protocol-number-58-ipv4", {"protocol": 58}),
    ("protocol-ipv6-encap-ipv4", {"protocol": "ipv6-encap"}),
    ("protocol-string-41-ipv4", {"protocol": "41"}),
    ("protocol-hopopt", {"protocol": "hopopt"}),
    ("protocol-ip", {"protocol": "ip"}),
    ("protocol-IPV6-ICMP-ipv6", {"protocol": "IPV6-ICMP", **V6}),
    ("protocol-ICMP-ipv6", {"protocol": "ICMP", **V6}),
    ("protocol-ipv6-icmp-ipv6-only", {"protocol": "ipv6-icmp", **V6}),
    # ports (tcp unless said)
    ("ports-tcp-string-22-22", {"protocol": "tcp", "port_range_min": "22", "port_range_max": "22"}),
    ("ports-tcp-number-22.0-22.0", {"protocol": "tcp", "port_range_min": 22.0, "port_range_max": 22.0}),
    ("ports-tcp-number-22.7-22.7", {"protocol": "tcp", "port_range_min": 22.7, "port_range_max": 22.7}),
    ("ports-tcp-string-22.0-22.0", {"protocol": "tcp", "port_range_min": "22.0", "port_range_max": "22.0"}),
    ("ports-tcp-string-leading-space-22", {"protocol": "tcp", "port_range_min": " 22", "port_range_max": " 22"}),
    ("ports-tcp-boolean-true-true", {"protocol": "tcp", "port_range_min": True, "port_range_max": True}),
    ("ports-tcp-string-empty-empty", {"protocol": "tcp", "port_range_min": "", "port_range_max": ""}),
    ("ports-tcp-string-hex-0x16", {"protocol": "tcp", "port_range_min": "0x16", "port_range_max": "0x16"}),
    ("ports-tcp-1-65535", {"protocol": "tcp", "port_range_min": 1, "port_range_max": 65535}),
    ("ports-tcp-1-65534", {"protocol": "tcp", "port_range_min": 1, "port_range_max": 65534}),
    ("ports-tcp-0-0", {"protocol": "tcp", "port_range_min": 0, "port_range_max": 0}),
    ("ports-tcp-65535-65535", {"protocol": "tcp", "port_range_min": 65535, "port_range_max": 65535}),
    ("ports-tcp-min-only-0", {"protocol": "tcp", "port_range_min": 0}),
    ("ports-tcp-max-only-22", {"protocol": "tcp", "port_range_max": 22}),
    ("ports-tcp-22-null", {"protocol": "tcp", "port_range_min": 22, "port_range_max": None}),
    ("ports-udp-0-10", {"protocol": "udp", "port_range_min": 0, "port_range_max": 10}),
    ("ports-sctp-5-6", {"protocol": "sctp", "port_range_min": 5, "port_range_max": 6}),
    ("ports-dccp-5-6", {"protocol": "dccp", "port_range_min": 5, "port_range_max": 6}),
    ("ports-udplite-5-6", {"protocol": "udplite", "port_range_min": 5, "port_range_max": 6}),
    ("ports-protocol-string-132-5-6", {"protocol": "132", "port_range_min": 5, "port_range_max": 6}),
    ("ports-protocol-string-0-5-6", {"protocol": "0", "port_range_min": 5, "port_range_max": 6}),
    ("ports-protocol-null-1-65535", {"protocol": None, "port_range_min": 1, "port_range_max": 65535}),
    ("ports-protocol-null-22-22", {"protocol": None, "port_range_min": 22, "port_range_max": 22}),
    ("ports-gre-1-65535", {"protocol": "gre", "port_range_min": 1, "port_range_max": 65535}),
    ("ports-icmp-1-65535", {"protocol": "icmp", "port_range_min": 1, "port_range_max": 65535}),
    ("ports-icmp-255-255", {"protocol": "icmp", "port_range_min": 255, "port_range_max": 255}),
    ("ports-icmp-0-null", {"protocol": "icmp", "port_range_min": 0, "port_range_max": None}),
    ("ports-icmp-minus-1-null", {"protocol": "icmp", "port_range_min": -1, "port_range_max": None}),
    ("ports-icmp-300-300", {"protocol": "icmp", "port_range_min": 300, "port_range_max": 300}),
    ("ports-icmp-8-256", {"protocol": "icmp", "port_range_min": 8, "port_range_max": 256}),
    ("ports-icmp-null-null", {"protocol": "icmp", "port_range_min": None, "port_range_max": None}),
    ("ports-ipv6-icmp-ipv6-1-65535", {"protocol": "ipv6-icmp", **V6, "port_range_min": 1, "port_range_max": 65535}),
    ("ports-icmp-ipv6-128-0", {"protocol": "icmp", **V6, "port_range_min": 128, "port_range_max": 0}),
    # remote_ip_prefix (protocol omitted)
    ("remote-10", {"remote_ip_prefix": "10"}),
    ("remote-10.1", {"remote_ip_prefix": "10.1"}),
    ("remote-10.1-slash-16", {"remote_ip_prefix": "10.1/16"}),
    ("remote-192.168-slash-16", {"remote_ip_prefix": "192.168/16"}),
    ("remote-host-10.0.0.1", {"remote_ip_prefix": "10.0.0.1"}),
    ("remote-host-2001:db8::1-ipv6", {"remote_ip_prefix": "2001:db8::1", **V6}),
    ("remote-leading-zero-010.0.0.1-slash-8", {"remote_ip_prefix": "010.0.0.1/8"}),
    ("remote-trailing-space", {"remote_ip_prefix": "10.0.0.0/8 "}),
    ("remote-leading-space", {"remote_ip_prefix": " 10.0.0.0/8"}),
    ("remote-prefixlen-08", {"remote_ip_prefix": "10.0.0.0/08"}),
    ("remote-0-slash-0", {"remote_ip_prefix": "0/0"}),
    ("remote-v4-mapped-ipv4", {"remote_ip_prefix": "::ffff:10.0.0.1/128"}),
    ("remote-v4-mapped-ipv6", {"remote_ip_prefix": "::ffff:10.0.0.1/128", **V6}),
    ("remote-uppercase-ipv6", {"remote_ip_prefix": "2001:DB8::/32", **V6}),
    ("remote-ipv6-host-bits", {"remote_ip_prefix": "2001:db8::1/32", **V6}),
    ("remote-netmask", {"remote_ip_prefix": "10.0.0.0/255.0.0.0"}),
    ("remote-hostmask", {"remote_ip_prefix": "10.0.0.0/0.255.255.255"}),
    ("remote-1.2.3.4-slash-32", {"remote_ip_prefix": "1.2.3.4/32"}),
    ("remote-string-empty", {"remote_ip_prefix": ""}),
    ("remote-number-0", {"remote_ip_prefix": 0}),
    ("remote-number-10", {"remote_ip_prefix": 10}),
    ("remote-0.0.0.0-slash-0", {"remote_ip_prefix": "0.0.0.0/0"}),
    ("remote-::-slash-0-ipv6", {"remote_ip_prefix": "::/0", **V6}),
    ("remote-::0-slash-0-ipv6", {"remote_ip_prefix": "::0/0", **V6}),
    ("remote-0.0.0.0-slash-0-ipv6", {"remote_ip_prefix": "0.0.0.0/0", **V6}),
    ("remote-prefixlen-minus-1", {"remote_ip_prefix": "10.0.0.0/-1"}),
    ("remote-prefixlen-missing", {"remote_ip_prefix": "10.0.0.0/"}),
    ("remote-five-octets", {"remote_ip_prefix": "1.2.3.4.5"}),
    ("remote-zone-id-ipv6", {"remote_ip_prefix": "fe80::1%eth0", **V6}),
    ("remote-host-bits-10.0.0.1-slash-24", {"remote_ip_prefix": "10.0.0.1/24"}),
    ("remote-1.2.3.4-slash-0", {"remote_ip_prefix": "1.2.3.4/0"}),
    # ethertype
    ("ethertype-IPV4", {"ethertype": "IPV4"}),
    ("ethertype-iPv6", {"ethertype": "iPv6"}),
    ("ethertype-null", {"ethertype": None}),
    ("ethertype-string-empty", {"ethertype": ""}),
    ("ethertype-number-4", {"ethertype": 4}),
    ("ethertype-trailing-space", {"ethertype": "IPv4 "}),
    ("ethertype-omitted", {"ethertype": OMIT}),
    # direction
    ("direction-Ingress", {"direction": "Ingress"}),
    ("direction-INGRESS", {"direction": "INGRESS"}),
    ("direction-null", {"direction": None}),
    ("direction-string-empty", {"direction": ""}),
    ("direction-leading-space", {"direction": " ingress"}),
    ("direction-omitted", {"direction": OMIT}),
    # remote_group_id
    ("remote-group-string-empty", {"remote_group_id": ""}),
    ("remote-group-null", {"remote_group_id": None}),
    ("remote-group-own-group", {"remote_group_id": OWN}),
    ("remote-group-missing-uuid", {"remote_group_id": MISSING_UUID}),
    ("remote-group-and-remote-ip-prefix", {"remote_group_id": OWN, "remote_ip_prefix": "10.0.0.0/8"}),
    # description
    ("description-255-ascii", {"description": "a" * 255}),
    ("description-256-ascii", {"description": "a" * 256}),
    ("description-null", {"description": None}),
    ("description-number-123", {"description": 123}),
    ("description-string-empty", {"description": ""}),
    ("description-255-two-byte-chars", {"description": "\u00e9" * 255}),
    # other members
    ("member-unknown-foo", {"foo": "bar"}),
    ("member-id", {"id": CLIENT_UUID}),
    ("member-normalized-cidr", {"normalized_cidr": "10.0.0.0/8"}),
    ("member-tenant-id-own", {"tenant_id": PROJECT}),
    ("member-project-id-other", {"project_id": "other-project"}),
    # combinations: which error wins
    ("combo-protocol-any-and-bad-remote", {"protocol": "any", "remote_ip_prefix": "bad"}),
    ("combo-ports-443-80-and-bad-remote", {"protocol": "tcp", "port_range_min": 443, "port_range_max": 80,
                                           "remote_ip_prefix": "bad"}),
    ("combo-direction-inbound-and-protocol-any", {"direction": "inbound", "protocol": "any"}),
    ("combo-ethertype-IPv5-and-bad-remote", {"ethertype": "IPv5", "remote_ip_prefix": "bad"}),
    ("combo-port-70000-and-ipv6-with-ipv4-remote", {"ethertype": "IPv6", "protocol": "tcp",
                                                    "port_range_min": 70000, "port_range_max": 70000,
                                                    "remote_ip_prefix": "10.0.0.0/8"}),
    ("combo-gre-ports-and-ipv6-remote-on-ipv4", {"protocol": "gre", "port_range_min": 1, "port_range_max": 2,
                                                 "remote_ip_prefix": "::/0"}),
    ("combo-ipv6-icmp-on-ipv4-and-ipv6-remote", {"protocol": "ipv6-icmp", "remote_ip_prefix": "::/0"}),
]

# ---------------------------------------------------------------------------------------------
# Group probes: (name, method, body); PUT probes run against a fresh group.
GROUP_PROBES = [
    ("group-name-255-ascii", "POST", {"name": "n" * 255}),
    ("group-name-256-ascii", "POST", {"name": "n" * 256}),
    ("group-name-255-two-byte-chars", "POST", {"name": "\u00e9" * 255}),
    ("group-name-null", "POST", {"name": None}),
    ("group-name-number-123", "POST", {"name": 123}),
    ("group-name-boolean-true", "POST", {"name": True}),
    ("group-name-string-empty", "POST", {"name": ""}),
    ("group-description-256", "POST", {"name": "probe-g-description-256", "description": "d" * 256}),
    ("group-description-null", "POST", {"name": "probe-g-description-null", "description": None}),
    ("group-description-number-5", "POST", {"name": "probe-g-description-number", "description": 5}),
    ("group-name-Default", "POST", {"name": "Default"}),
    ("group-name-DEFAULT", "POST", {"name": "DEFAULT"}),
    ("group-name-leading-space-default", "POST", {"name": " default"}),
    ("group-name-trailing-space-default", "POST", {"name": "default "}),
    ("group-stateful-string-false", "POST", {"name": "probe-g-stateful-1", "stateful": "false"}),
    ("group-stateful-string-False", "POST", {"name": "probe-g-stateful-2", "stateful": "False"}),
    ("group-stateful-number-0", "POST", {"name": "probe-g-stateful-3", "stateful": 0}),
    ("group-stateful-string-yes", "POST", {"name": "probe-g-stateful-4", "stateful": "yes"}),
    ("group-stateful-null", "POST", {"name": "probe-g-stateful-5", "stateful": None}),
    ("group-member-unknown-foo", "POST", {"name": "probe-g-foo", "foo": "bar"}),
    ("group-empty-object", "POST", {}),
    ("group-member-tenant-id-other", "POST", {"name": "probe-g-tenant-other", "tenant_id": "other"}),
    ("group-member-shared-true", "POST", {"name": "probe-g-shared", "shared": True}),
    ("group-put-rename-Default", "PUT", {"name": "Default"}),
    ("group-put-name-null", "PUT", {"name": None}),
    ("group-put-revision-number", "PUT", {"revision_number": 5}),
]

# ---------------------------------------------------------------------------------------------
# Duplicate probes: (name, first or None for "Neutron's own egress rule", second)
TCP22 = {"protocol": "tcp", "port_range_min": 22, "port_range_max": 22}
DUPLICATE_PROBES = [
    ("dup-tcp22-remote-0.0.0.0-0-vs-omitted", {**TCP22, "remote_ip_prefix": "0.0.0.0/0"}, TCP22),
    ("dup-protocol-6-vs-tcp", {**TCP22, "protocol": "6"}, TCP22),
    ("dup-ipv6-icmp-vs-ipv6-icmp", {**V6, "protocol": "icmp"}, {**V6, "protocol": "ipv6-icmp"}),
    ("dup-ipv6-58-vs-ipv6-icmp", {**V6, "protocol": "58"}, {**V6, "protocol": "ipv6-icmp"}),
    ("dup-ipv6-1-vs-ipv6-icmp", {**V6, "protocol": "1"}, {**V6, "protocol": "ipv6-icmp"}),
    ("dup-protocol-0-vs-omitted", {"protocol": "0"}, {}),
    ("dup-tcp-1-65535-vs-no-ports", {"protocol": "tcp", "port_range_min": 1, "port_range_max": 65535},
     {"protocol": "tcp"}),
    ("dup-remote-host-vs-slash-32", {"remote_ip_prefix": "10.0.0.1"}, {"remote_ip_prefix": "10.0.0.1/32"}),
    ("dup-remote-host-bits-vs-network", {"remote_ip_prefix": "10.0.0.5/24"}, {"remote_ip_prefix": "10.0.0.0/24"}),
    ("dup-description-a-vs-b", {**TCP22, "description": "a"}, {**TCP22, "description": "b"}),
    ("dup-ipv6-remote-::-0-vs-omitted", {**V6, "remote_ip_prefix": "::/0"}, {**V6}),
    ("dup-ipv6-remote-uppercase-vs-lowercase", {**V6, "remote_ip_prefix": "2001:DB8::/32"},
     {**V6, "remote_ip_prefix": "2001:db8::/32"}),
    ("dup-protocol-TCP-vs-tcp", {"protocol": "TCP"}, {"protocol": "tcp"}),
    ("dup-egress-any-vs-automatic-egress-rule", None, {"direction": "egress"}),
]
BULK_DUPLICATE_PROBES = [
    ("dup-bulk-description-a-vs-b", {**TCP22, "description": "a"}, {**TCP22, "description": "b"}),
    ("dup-bulk-tcp-vs-6", TCP22, {**TCP22, "protocol": "6"}),
]


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT)
    status, body = call("GET", "/security-groups?limit=1")
    must(200, status, body, "server check (is neutron-up.sh running?)")
    status, body = call("PUT", f"/quotas/{PROJECT}",
                        {"quota": {"security_group": -1, "security_group_rule": -1}})
    must(200, status, body, "set quota")

    results = []
    n = 0
    try:
        for name, spec in RULE_PROBES:
            n += 1
            gid = new_group(n)
            body = rule_body(spec, gid)
            status, resp = call("POST", "/security-group-rules", {"security_group_rule": with_sg(body, gid)})
            results.append({"name": name, "kind": "rule", "request": body, "status": status, "response": resp})

        for name, method, body in GROUP_PROBES:
            if method == "POST":
                status, resp = call("POST", "/security-groups", {"security_group": body})
                if isinstance(resp, dict) and "security_group" in resp:
                    created_groups.append(resp["security_group"]["id"])
            else:
                n += 1
                gid = new_group(n)
                status, resp = call("PUT", f"/security-groups/{gid}", {"security_group": body})
            results.append({"name": name, "kind": "group", "method": method, "request": body,
                            "status": status, "response": resp})

        for name, first, second in DUPLICATE_PROBES:
            n += 1
            gid = new_group(n)
            entry = {"name": name, "kind": "duplicate"}
            if first is None:
                entry.update({"first": None, "first_status": None})
            else:
                fb = rule_body(first)
                fs, fr = call("POST", "/security-group-rules", {"security_group_rule": with_sg(fb, gid)})
                entry.update({"first": fb, "first_status": fs})
            sb = rule_body(second)
            status, resp = call("POST", "/security-group-rules", {"security_group_rule": with_sg(sb, gid)})
            entry.update({"request": sb, "status": status, "response": resp})
            results.append(entry)

        for name, a, b in BULK_DUPLICATE_PROBES:
            n += 1
            gid = new_group(n)
            bodies = [rule_body(a), rule_body(b)]
            status, resp = call("POST", "/security-group-rules",
                                {"security_group_rules": [with_sg(x, gid) for x in bodies]})
            results.append({"name": name, "kind": "duplicate", "bulk": True, "first": None,
                            "first_status": None, "request": bodies, "status": status, "response": resp})
    finally:
        # delete every group this run created, plus the default groups Neutron made on the fly
        # for the foreign projects used above
        for gid in created_groups:
            call("DELETE", f"/security-groups/{gid}")
        for project in ("other", "other-project"):
            _, lst = call("GET", f"/security-groups?project_id={project}&fields=id")
            for g in (lst or {}).get("security_groups", []):
                call("DELETE", f"/security-groups/{g['id']}")

    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(results)} probes to {out}")


if __name__ == "__main__":
    main()
