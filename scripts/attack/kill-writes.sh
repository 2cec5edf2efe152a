#!/usr/bin/env bash
# kill -9 during workspace writes, ROUNDS times (default 100): each round applies a file of 300 new groups to a
# local workspace and kills the command after a random moment. After each kill the workspace must still open
# (`portcullis plan` reads it whole: exit 0 or 1, never 2), and the next open must leave no temporary file of a
# killed writer behind.
#
# Needs a built console (mvn -DskipTests package). Run from the project's root:
#   bash scripts/attack/kill-writes.sh [ROUNDS]
set -euo pipefail
ROUNDS=${1:-100}
BIN=${PORTCULLIS:-target/portcullis/bin/portcullis}
[ -x "$BIN" ] || { echo "no $BIN: run mvn -DskipTests package first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" PORTCULLIS_JAVA_OPTS="-Duser.home=$WORK/home"
mkdir -p "$HOME" "$WORK/ws"
WS="$WORK/ws/workspace.json"

python3 - "$WORK/many.json" <<'PY'
import json, sys
groups = [{"name": "kill-%03d" % i, "description": "a group of the kill test", "stateful": True,
           "security_group_rules": [{"direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                                     "port_range_min": 1000 + j, "port_range_max": 1000 + j,
                                     "remote_ip_prefix": "10.%d.0.0/16" % j, "description": ""} for j in range(5)]}
          for i in range(300)]
json.dump({"security_groups": groups}, open(sys.argv[1], "w"))
PY

unreadable=0; leftovers=0; killed=0
for round in $(seq 1 "$ROUNDS"); do
  rm -f "$WS" "$WORK"/ws/.workspace.json.*
  "$BIN" apply --workspace "$WS" "$WORK/many.json" --yes > /dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c 'import random; print(round(random.uniform(0.2, 1.2), 2))')"
  if kill -9 "$pid" 2> /dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2> /dev/null || true
  set +e
  "$BIN" plan --workspace "$WS" "$WORK/many.json" > "$WORK/plan.out" 2>&1
  code=$?
  set -e
  if [ $code -eq 2 ]; then
    unreadable=$((unreadable + 1)); echo "round $round: the workspace could not be read after the kill:"; sed 's/^/    /' "$WORK/plan.out"
  fi
  left=$(find "$WORK/ws" -name '.workspace.json.*' | wc -l)
  if [ "$left" -gt 0 ]; then
    leftovers=$((leftovers + left)); echo "round $round: $left temporary file(s) left after the next open"
  fi
done
echo "kill -9 during workspace writes: $ROUNDS rounds, $killed killed mid-run, $unreadable workspaces unreadable afterwards, $leftovers temporary files left after the next open"
[ $unreadable -eq 0 ] && [ $leftovers -eq 0 ]
