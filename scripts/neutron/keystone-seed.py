#!/usr/bin/python3
"""Puts into a freshly bootstrapped Keystone what Portcullis' integration tests log in with.

Usage: keystone-seed.py KEYSTONE_URL NEUTRON_URL

  * project "service" with user neutron/neutron (admin there): the token-checking neutron-server's own user;
  * project "demo" with user demo/demo, role member: a plain user, for non-admin refusals;
  * an application credential "portcullis-it" of demo (its id and secret are written to
    /run/neutron-loopback/demo-appcred.json, owner-only);
  * the network service with public, internal and admin endpoints at NEUTRON_URL in RegionOne.

Idempotent: what exists already is left as it is. Talks to Keystone's REST API directly (the openstack
CLI takes 2 s a call here). Uses only the standard library of Debian's python3.
"""
import json
import os
import sys
import urllib.error
import urllib.request

KEYSTONE, NEUTRON = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/")
APPCRED_FILE = "/run/neutron-loopback/demo-appcred.json"


def call(method, path, body=None, token=None, ok=(200, 201, 204)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(KEYSTONE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            text = resp.read().decode()
            return resp.status, resp.headers, (json.loads(text) if text else {})
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        if e.code in ok:
            return e.code, e.headers, (json.loads(text) if text else {})
        raise SystemExit(f"{method} {path} -> {e.code}: {text[:300]}")


def token(user, password, project):
    body = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": user, "password": password, "domain": {"id": "default"}}}},
        "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}
    status, headers, _ = call("POST", "/v3/auth/tokens", body)
    return headers["X-Subject-Token"]


def find(collection, name, token, **filters):
    query = "&".join([f"name={name}"] + [f"{k}={v}" for k, v in filters.items()])
    _, _, found = call("GET", f"/v3/{collection}?{query}", token=token)
    items = found[collection]
    return items[0]["id"] if items else None


def ensure(collection, singular, name, body, token):
    existing = find(collection, name, token)
    if existing:
        return existing
    _, _, created = call("POST", f"/v3/{collection}", {singular: body}, token=token)
    print(f"created {singular} {name}")
    return created[singular]["id"]


admin = token("admin", "admin", "admin")
roles = {r: find("roles", r, admin) for r in ("admin", "member")}
for project, user, password, role in (("service", "neutron", "neutron", "admin"),
                                      ("demo", "demo", "demo", "member")):
    pid = ensure("projects", "project", project, {"name": project, "domain_id": "default"}, admin)
    uid = ensure("users", "user", user, {"name": user, "password": password, "domain_id": "default"}, admin)
    call("PUT", f"/v3/projects/{pid}/users/{uid}/roles/{roles[role]}", token=admin)

service = ensure("services", "service", "neutron", {"name": "neutron", "type": "network"}, admin)
_, _, endpoints = call("GET", f"/v3/endpoints?service_id={service}", token=admin)
have = {e["interface"] for e in endpoints["endpoints"]}
for interface in ("public", "internal", "admin"):
    if interface not in have:
        call("POST", "/v3/endpoints", {"endpoint": {
            "service_id": service, "interface": interface, "url": NEUTRON, "region_id": "RegionOne"}}, token=admin)
        print(f"created {interface} network endpoint {NEUTRON}")

if not os.path.exists(APPCRED_FILE):
    demo = token("demo", "demo", "demo")
    demo_id = find("users", "demo", admin)
    creds = f"/v3/users/{demo_id}/application_credentials"
    _, _, old = call("GET", f"{creds}?name=portcullis-it", token=demo)
    for stale in old["application_credentials"]:  # its secret is lost with the file: make a new one
        call("DELETE", f"{creds}/{stale['id']}", token=demo)
    _, _, cred = call("POST", creds, {"application_credential": {"name": "portcullis-it"}}, token=demo)
    fd = os.open(APPCRED_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump({"id": cred["application_credential"]["id"],
                   "secret": cred["application_credential"]["secret"]}, out)
    print("created application credential portcullis-it of demo")
print("keystone seeded")
