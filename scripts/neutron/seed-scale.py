#!/usr/bin/python3
"""Fills a project of the loopback Neutron with many security groups, for measuring the console at scale.

Usage: seed-scale.py PROJECT_ID [--groups 1000] [--rules 8] [--prefix scale-] [--url http://127.0.0.1:9696]

Talks to the noauth (admin) server and puts project_id in every body, so the groups belong to
PROJECT_ID (e.g. the Keystone project "demo" that a clouds.yaml logs in to). The project's quotas are
lifted first (-1). Groups are created in bulk POSTs of 100; each then gets RULES ingress tcp rules in
one bulk POST of its own (Neutron refuses a rule bulk spanning groups), on top of Neutron's two egress
rules: 1,000 x (8 + 2) = 10,000 rules by default. Groups already named PREFIX<n> are kept, so a rerun
only adds what is missing. Standard library only.
"""
import argparse
import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

parser = argparse.ArgumentParser()
parser.add_argument("project")
parser.add_argument("--groups", type=int, default=1000)
parser.add_argument("--rules", type=int, default=8)
parser.add_argument("--prefix", default="scale-")
parser.add_argument("--url", default="http://127.0.0.1:9696")
parser.add_argument("--parallel", type=int, default=2)
args = parser.parse_args()


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(args.url + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else {}


started = time.monotonic()
call("PUT", f"/v2.0/quotas/{args.project}",
     {"quota": {"security_group": -1, "security_group_rule": -1, "port": -1, "network": -1}})

existing = {g["name"] for g in call("GET", f"/v2.0/security-groups?project_id={args.project}&fields=name")
            ["security_groups"]}
wanted = [f"{args.prefix}{n:04d}" for n in range(args.groups)]
missing = [name for name in wanted if name not in existing]
created = []
for start in range(0, len(missing), 100):
    batch = [{"name": name, "description": f"seeded for scale tests ({args.rules} ingress rules)",
              "project_id": args.project} for name in missing[start:start + 100]]
    created += call("POST", "/v2.0/security-groups", {"security_groups": batch})["security_groups"]
print(f"{len(created)} groups created ({len(existing & set(wanted))} were there) in "
      f"{time.monotonic() - started:.1f} s")


def rules_for(group):
    n = int(group["name"][len(args.prefix):])
    rules = [{"security_group_id": group["id"], "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
              "port_range_min": 1000 + i, "port_range_max": 1000 + i,
              "remote_ip_prefix": f"10.{n // 256 % 256}.{n % 256}.0/24", "project_id": args.project}
             for i in range(args.rules)]
    call("POST", "/v2.0/security-group-rules", {"security_group_rules": rules})


rules_started = time.monotonic()
with ThreadPoolExecutor(args.parallel) as pool:
    list(pool.map(rules_for, created))
print(f"{len(created) * args.rules} rules created in {time.monotonic() - rules_started:.1f} s "
      f"({time.monotonic() - started:.1f} s in all)")
