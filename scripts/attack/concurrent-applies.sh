#!/usr/bin/env bash
# Two `portcullis apply --yes` runs at once on one group of a real cloud, PAIRS times (default 16), and what
# each pair left: the group must end as one of the two files, or at least one of the runs must say it did not
# apply everything (exit 1: a conflict or a failure). Both saying "every change was applied" while the group
# matches neither file is the defect issue 14 found.
#
# Needs the local real Neutron behind Keystone of scripts/neutron/neutron-up.sh (WITH_KEYSTONE=1) and a built
# console (mvn -DskipTests package). Run from the project's root:
#   bash scripts/attack/concurrent-applies.sh [PAIRS]
set -euo pipefail
PAIRS=${1:-16}
BIN=${PORTCULLIS:-target/portcullis/bin/portcullis}
NOAUTH=${NEUTRON_NOAUTH:-http://127.0.0.1:9696}
[ -x "$BIN" ] || { echo "no $BIN: run mvn -DskipTests package first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home/.config/openstack"
cat > "$WORK/home/.config/openstack/clouds.yaml" <<YAML
clouds:
  attack:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: demo
      password: demo
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    identity_api_version: 3
YAML
export OS_CLIENT_CONFIG_FILE="$WORK/home/.config/openstack/clouds.yaml"
export PORTCULLIS_JAVA_OPTS="-Duser.home=$WORK/home"
export HOME="$WORK/home"

rule() { # port cidr
  printf '{"direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "port_range_min": %s, "port_range_max": %s, "remote_ip_prefix": "%s", "description": ""}' "$1" "$1" "$2"
}
file() { # name path rules...
  local name=$1 path=$2; shift 2
  local IFS=,
  printf '{"security_groups": [{"name": "%s", "description": "attack", "stateful": true, "security_group_rules": [%s]}]}\n' "$name" "$*" > "$path"
}

good=0; conflicts=0; bad=0
for pair in $(seq 1 "$PAIRS"); do
  name="attack-pair-$$-$pair"
  file "$name" "$WORK/start.json" "$(rule 22 10.0.0.0/8)" "$(rule 80 0.0.0.0/0)"
  file "$name" "$WORK/a.json" "$(rule 22 10.0.0.0/8)" "$(rule 1001 10.1.0.0/16)"
  file "$name" "$WORK/b.json" "$(rule 22 10.0.0.0/8)" "$(rule 80 0.0.0.0/0)" "$(rule 1002 10.2.0.0/16)"
  "$BIN" apply --cloud attack "$WORK/start.json" --yes > "$WORK/start.out" 2>&1 || { echo "pair $pair: could not create the group" >&2; cat "$WORK/start.out" >&2; exit 1; }
  set +e
  "$BIN" apply --cloud attack "$WORK/a.json" --yes > "$WORK/a.out" 2>&1 & pa=$!
  "$BIN" apply --cloud attack "$WORK/b.json" --yes > "$WORK/b.out" 2>&1 & pb=$!
  wait $pa; ea=$?
  wait $pb; eb=$?
  "$BIN" plan --cloud attack "$WORK/a.json" > /dev/null 2>&1; isa=$?
  "$BIN" plan --cloud attack "$WORK/b.json" > /dev/null 2>&1; isb=$?
  set -e
  state=neither; [ $isa -eq 0 ] && state=a; [ $isb -eq 0 ] && state=b
  verdict=ok
  if [ "$state" = neither ] && [ $ea -eq 0 ] && [ $eb -eq 0 ]; then verdict=DEFECT; bad=$((bad + 1));
  elif [ $ea -ne 0 ] || [ $eb -ne 0 ]; then conflicts=$((conflicts + 1)); good=$((good + 1));
  else good=$((good + 1)); fi
  printf 'pair %2d: apply a exit %d, apply b exit %d, group is %s: %s\n' "$pair" $ea $eb "$state" "$verdict"
  if [ "$verdict" = DEFECT ]; then sed 's/^/    a: /' "$WORK/a.out"; sed 's/^/    b: /' "$WORK/b.out"; fi
  id=$(curl -s "$NOAUTH/v2.0/security-groups?name=$name&fields=id" | python3 -c 'import json,sys; print(" ".join(g["id"] for g in json.load(sys.stdin)["security_groups"]))')
  for g in $id; do curl -s -o /dev/null -X DELETE "$NOAUTH/v2.0/security-groups/$g"; done
done
echo "concurrent applies: $PAIRS pairs, $good ended in one file's state or a reported conflict ($conflicts with a run saying it did not apply everything), $bad both saying done with the group matching neither file"
[ $bad -eq 0 ]
