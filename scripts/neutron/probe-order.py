#!/usr/bin/python3
"""Ask a running noauth neutron-server (scripts/neutron/neutron-up.sh) which problem it reports first
when a security group rule has several, and record its answers as test data for Portcullis.

Each probe is a rule body made of two or three "problems" (each alone a refused or suspicious member
set), sent into one fresh group "order-probe-<pid>". Written (2-space indent, fixed order) to
src/test/resources/dev/portcullis/neutron/rule-order.json, or to the path given as the only argument:

  {"name", "request", "status", "type", "message"}

request = the object sent inside "security_group_rule" without "security_group_id"; the text "@OWN"
stands for the probe group's own id. type/message are NeutronError's (null for a 201). The group is
deleted at the end. Run with /usr/bin/python3 (no third-party modules); reads only 127.0.0.1:9696.
"""
import itertools
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe import call  # noqa: E402  (the same requests and answers as the other probes)

OWN = "@OWN"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test", "resources",
                   "dev", "portcullis", "neutron", "rule-order.json")

# Each problem: a name and the members it sets. Problems combine when they set different members.
PROTOCOL = [
    ("protocol-06", {"protocol": "06"}),
    ("protocol-unknown", {"protocol": "tcpp"}),
    ("protocol-gre", {"protocol": "gre"}),
    ("protocol-ipv6-icmp", {"protocol": "ipv6-icmp"}),
    ("protocol-icmp", {"protocol": "icmp"}),
]
PORTS = [
    ("max-0", {"port_range_min": 0, "port_range_max": 0}),
    ("only-max-0", {"port_range_max": 0}),
    ("min-70000", {"port_range_min": 70000, "port_range_max": 70000}),
    ("backwards-20-10", {"port_range_min": 20, "port_range_max": 10}),
    ("min-text", {"port_range_min": "abc", "port_range_max": 22}),
    ("icmp-type-300", {"port_range_min": 300}),
    ("code-without-type", {"port_range_max": 3}),
]
REMOTE = [
    ("prefix-v6-on-v4", {"remote_ip_prefix": "::/0"}),
    ("prefix-garbage", {"remote_ip_prefix": "10.0.0.300/8"}),
    ("group-and-prefix", {"remote_group_id": OWN, "remote_ip_prefix": "10.0.0.0/8"}),
]
OTHER = [
    ("direction-in", {"direction": "in"}),
    ("direction-missing", {"direction": None}),
    ("ethertype-ipv5", {"ethertype": "IPv5"}),
    ("description-256", {"description": "d" * 256}),
    ("unknown-member", {"colour": "red"}),
]
FAMILIES = [PROTOCOL, PORTS, REMOTE, OTHER]


def body_of(parts):
    body = {"direction": "ingress", "ethertype": "IPv4"}
    for _, members in parts:
        for k, v in members.items():
            if v is None:
                body.pop(k, None)
            else:
                body[k] = v
    return body


def probes():
    """Every pair of problems from two families, and triples protocol x ports x (remote or other)."""
    out = []
    for a, b in itertools.combinations(range(len(FAMILIES)), 2):
        for p, q in itertools.product(FAMILIES[a], FAMILIES[b]):
            out.append((p, q))
    for p, q, r in itertools.product(PROTOCOL[:2], PORTS[:4], REMOTE + OTHER[:3]):
        out.append((p, q, r))
    return [("+".join(n for n, _ in parts), body_of(parts)) for parts in out]


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else OUT
    status, body = call("POST", "/security-groups", {"security_group": {"name": f"order-probe-{os.getpid()}"}})
    if status != 201:
        raise SystemExit(f"cannot create the probe group: {status} {body!r}")
    gid = body["security_group"]["id"]
    records = []
    try:
        for name, request in probes():
            sent = {k: (gid if v == OWN else v) for k, v in request.items()}
            sent["security_group_id"] = gid
            status, answer = call("POST", "/security-group-rules", {"security_group_rule": sent})
            error = answer.get("NeutronError", {}) if isinstance(answer, dict) else {}
            if status == 201:
                call("DELETE", "/security-group-rules/" + answer["security_group_rule"]["id"])
            records.append({"name": name, "request": request, "status": status,
                            "type": error.get("type"), "message": error.get("message")})
    finally:
        call("DELETE", "/security-groups/" + gid)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    print(f"{len(records)} probes written to {out_path}")


if __name__ == "__main__":
    main()
