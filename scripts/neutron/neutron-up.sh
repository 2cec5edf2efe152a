#!/usr/bin/env bash
# neutron-up.sh - bring up a real OpenStack Neutron API (Debian bookworm, Zed) on 127.0.0.1
# for Portcullis development and integration tests.
#
#   * installs neutron-server + mariadb-server (only if missing; services are not auto-started)
#   * MariaDB listens on the unix socket /run/mysqld/mysqld.sock only (no TCP)
#   * neutron-server: auth_strategy=noauth, ML2 without mechanism drivers, no agents,
#     fake messaging transport, listening on 127.0.0.1:9696
#   * WITH_HEADERS=1 additionally starts a second neutron-server on 127.0.0.1:9697 that takes
#     the caller's identity from X-User-Id / X-Project-Id / X-Roles headers (non-admin tests).
#   * WITH_KEYSTONE=1 additionally installs Keystone (uwsgi on 127.0.0.1:5000, fernet tokens, same
#     MariaDB), fills it with keystone-seed.py (admin/admin, demo/demo as a member of project demo
#     with an application credential, the network service at 127.0.0.1:9698 in RegionOne) and starts
#     a third neutron-server there that checks Keystone tokens.
#   * API_WORKERS=N (default 1) is how many API worker processes that Keystone-checking server runs
#     (neutron's api_workers), to measure how clients fare with one or several; running the script
#     again with another N restarts that server only.
#
# Idempotent: every step checks its own state first; running it again while everything is up
# does nothing. Stop everything with neutron-down.sh (same directory).
# Needs root. PIDs are recorded in /run/neutron-loopback/*.pid, logs go to /var/log/neutron/.
set -euo pipefail
# Debian's tools first: `python3` on PATH may be a pyenv shim, neutron lives in /usr/bin/python3.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

RUN_DIR=/run/neutron-loopback
LOG_DIR=/var/log/neutron
CONF=/etc/neutron/neutron-loopback.conf
HDR_CONF=/etc/neutron/neutron-loopback-headers.conf
HDR_PASTE=/etc/neutron/api-paste-loopback.ini
PKG_PASTE=/usr/share/neutron-common/api-paste.ini
SOCK=/run/mysqld/mysqld.sock
APT_LOG=/var/log/neutron-loopback-apt.log
WAIT_SECS=${WAIT_SECS:-90}
WITH_HEADERS=${WITH_HEADERS:-0}
WITH_KEYSTONE=${WITH_KEYSTONE:-0}
API_WORKERS=${API_WORKERS:-1}
[[ "$API_WORKERS" =~ ^[1-9][0-9]?$ ]] || { echo "[neutron-up] ERROR: API_WORKERS must be a number from 1 to 99, not '$API_WORKERS'" >&2; exit 1; }
SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
KS_CONF=/etc/keystone/keystone-loopback.conf
KS_UWSGI=/etc/keystone/keystone-loopback-uwsgi.ini
KS_NEUTRON_CONF=/etc/neutron/neutron-loopback-keystone.conf

T0=$EPOCHREALTIME
log()  { printf '[neutron-up %5.1fs] %s\n' "$(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN{print b-a}')" "$*"; }
die()  { printf '[neutron-up] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root"
command -v curl >/dev/null || die "curl is required"

# --- helpers ----------------------------------------------------------------------------------

# pid_alive PIDFILE PATTERN: true if PIDFILE names a live process whose command line contains PATTERN
pid_alive() {
    local f=$1 pat=$2 pid
    [ -s "$f" ] || return 1
    pid=$(cat "$f")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pat"
}

# http_code URL [curl args...]
http_code() {
    local url=$1; shift
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" "$url" 2>/dev/null || true
}

# start_bg PIDFILE LOGFILE CMD...: start CMD in its own session, recording its real PID
start_bg() {
    local pidfile=$1 logfile=$2; shift 2
    # shellcheck disable=SC2016
    setsid sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 < /dev/null &
    local i
    for i in $(seq 1 50); do [ -s "$pidfile" ] && return 0; sleep 0.1; done
    die "could not start $1"
}

# wait_http NAME PIDFILE PATTERN LOGFILE URL [curl args...]: wait until URL answers 200
wait_http() {
    local name=$1 pidfile=$2 pat=$3 logfile=$4 url=$5; shift 5
    local deadline=$(( $(date +%s) + WAIT_SECS )) code
    while :; do
        code=$(http_code "$url" "$@")
        [ "$code" = 200 ] && { log "$name answers 200 on $url"; return 0; }
        if ! pid_alive "$pidfile" "$pat"; then
            echo "----- last lines of $logfile -----" >&2; tail -n 30 "$logfile" >&2 || true
            die "$name exited during startup (see $logfile)"
        fi
        [ "$(date +%s)" -lt "$deadline" ] || die "$name did not answer 200 within ${WAIT_SECS}s (last status '$code'; see $logfile)"
        sleep 0.5
    done
}

# --- 1. packages ------------------------------------------------------------------------------

pkg_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

MISSING=()
WANTED=(neutron-server mariadb-server)
[ "$WITH_KEYSTONE" = 1 ] && WANTED+=(keystone)
for p in "${WANTED[@]}"; do pkg_installed "$p" || MISSING+=("$p"); done
if [ ${#MISSING[@]} -gt 0 ]; then
    log "installing ${MISSING[*]} (apt log: $APT_LOG)"
    CREATED_POLICY=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        # keep the postinst scripts from starting neutron-api (uwsgi on :9696), mariadb, ...
        printf '#!/bin/sh\n# temporary, created by neutron-up.sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        CREATED_POLICY=1
        trap '[ "$CREATED_POLICY" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
        log "created temporary /usr/sbin/policy-rc.d (exit 101)"
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get -o DPkg::Lock::Timeout=600 update \
           && apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends \
                  "${MISSING[@]}"; } >>"$APT_LOG" 2>&1; then
        tail -n 20 "$APT_LOG" >&2
        die "apt-get failed (see $APT_LOG)"
    fi
    if [ "$CREATED_POLICY" = 1 ]; then
        rm -f /usr/sbin/policy-rc.d; CREATED_POLICY=0; trap - EXIT
        log "removed temporary /usr/sbin/policy-rc.d"
    fi
    log "packages installed"
else
    log "packages already installed"
fi

install -d -m 755 "$RUN_DIR"
install -d -m 755 "$LOG_DIR"
install -d -m 755 /var/lib/neutron /var/lib/neutron/lock

# --- 2./3. MariaDB on the unix socket only ----------------------------------------------------

db_ping() { mariadb-admin --socket="$SOCK" ping >/dev/null 2>&1; }

if pid_alive "$RUN_DIR/mariadbd.pid" mariadbd && db_ping; then
    log "MariaDB already running (pid $(cat "$RUN_DIR/mariadbd.pid"))"
elif db_ping; then
    log "a MariaDB not started by this script already answers on $SOCK; using it"
    rm -f "$RUN_DIR/mariadbd.pid"
else
    rm -f "$RUN_DIR/mariadbd.pid"
    install -d -o mysql -g mysql -m 755 /run/mysqld
    if [ ! -d /var/lib/mysql/mysql ]; then
        log "initialising the MariaDB data directory"
        mariadb-install-db --user=mysql --datadir=/var/lib/mysql >>"$LOG_DIR/mariadbd.err" 2>&1
    fi
    log "starting mariadbd (socket $SOCK, skip-networking)"
    start_bg "$RUN_DIR/mariadbd.pid" "$LOG_DIR/mariadbd.stdout" \
        /usr/sbin/mariadbd --user=mysql --skip-networking --socket="$SOCK" \
        --pid-file=/run/mysqld/mysqld.pid --log-error="$LOG_DIR/mariadbd.err"
    deadline=$(( $(date +%s) + 30 ))
    until db_ping; do
        pid_alive "$RUN_DIR/mariadbd.pid" mariadbd || { tail -n 20 "$LOG_DIR/mariadbd.err" >&2; die "mariadbd exited"; }
        [ "$(date +%s)" -lt "$deadline" ] || die "mariadbd did not answer ping within 30s"
        sleep 0.2
    done
    log "MariaDB is up (pid $(cat "$RUN_DIR/mariadbd.pid"))"
fi

mariadb --socket="$SOCK" -u root <<'SQL'
CREATE DATABASE IF NOT EXISTS neutron CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'neutron'@'localhost' IDENTIFIED BY 'neutron';
GRANT ALL PRIVILEGES ON neutron.* TO 'neutron'@'localhost';
SQL

# --- 4. configuration -------------------------------------------------------------------------

WROTE=0
write_if_changed() {   # write_if_changed FILE  (content on stdin); sets WROTE=1 when it wrote
    local tmp; tmp=$(mktemp)
    WROTE=0
    cat > "$tmp"
    if [ -f "$1" ] && cmp -s "$tmp" "$1"; then rm -f "$tmp"; return 0; fi
    install -m 644 "$tmp" "$1"; rm -f "$tmp"
    WROTE=1
    log "wrote $1"
}

write_if_changed "$CONF" <<'EOF'
# Written by Portcullis scripts/neutron/neutron-up.sh. Loopback-only, noauth, no agents.
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9696
auth_strategy = noauth
core_plugin = ml2
service_plugins =
api_workers = 1
rpc_workers = 0
rpc_state_report_workers = 0
# in-process fake oslo.messaging driver: no broker, no sockets
transport_url = fake:/
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
debug = false
use_stderr = false
log_file = /var/log/neutron/neutron-loopback.log
state_path = /var/lib/neutron

[database]
connection = mysql+pymysql://neutron:neutron@localhost/neutron?unix_socket=/run/mysqld/mysqld.sock&charset=utf8

[oslo_concurrency]
lock_path = /var/lib/neutron/lock

[oslo_messaging_notifications]
driver = noop

[oslo_policy]
policy_dirs = /etc/neutron/policy.d

[ml2]
type_drivers = local,flat,vlan
tenant_network_types = local
mechanism_drivers =
extension_drivers = port_security

[ml2_type_flat]
flat_networks = *

[securitygroup]
enable_security_group = true
EOF

if [ "$WITH_HEADERS" = 1 ]; then
    [ -f "$PKG_PASTE" ] || die "$PKG_PASTE not found"
    # package paste file plus a "trusted_headers" pipeline = keystone pipeline minus authtoken
    sed -e '/^\[composite:neutronapi_v2_0\]/,/^\[/{s/^noauth = .*/&\ntrusted_headers = cors http_proxy_to_wsgi request_id catch_errors osprofiler keystonecontext extensions neutronapiapp_v2_0/}' \
        -e '/^\[composite:neutronversions_composite\]/,/^\[/{s/^noauth = .*/&\ntrusted_headers = cors http_proxy_to_wsgi neutronversions/}' \
        "$PKG_PASTE" | write_if_changed "$HDR_PASTE"
    [ "$(grep -c '^trusted_headers = ' "$HDR_PASTE")" -eq 2 ] \
        || die "could not add the trusted_headers pipelines to $HDR_PASTE (unexpected $PKG_PASTE layout)"
    write_if_changed "$HDR_CONF" <<EOF
# Overlay for neutron-loopback.conf: trusted X-User-Id/X-Project-Id/X-Roles headers, port 9697.
[DEFAULT]
bind_port = 9697
auth_strategy = trusted_headers
api_paste_config = $HDR_PASTE
log_file = /var/log/neutron/neutron-loopback-headers.log
EOF
fi

# --- 5./6. schema and neutron-server ----------------------------------------------------------
# Readiness asks for one group: the whole list of a server holding thousands takes longer than a check waits.

URL=http://127.0.0.1:9696/v2.0/security-groups?limit=1
if pid_alive "$RUN_DIR/neutron-server.pid" neutron-server; then
    log "neutron-server already running (pid $(cat "$RUN_DIR/neutron-server.pid"))"
    wait_http "neutron-server" "$RUN_DIR/neutron-server.pid" neutron-server \
        "$LOG_DIR/neutron-server.stdout" "$URL"
else
    rm -f "$RUN_DIR/neutron-server.pid"
    code=$(http_code "$URL")
    [ "$code" = 000 ] || die "something not started by this script already answers on 127.0.0.1:9696 (HTTP $code)"
    log "neutron-db-manage upgrade heads"
    if ! /usr/bin/neutron-db-manage --config-file "$CONF" upgrade heads >"$LOG_DIR/neutron-db-manage.log" 2>&1; then
        tail -n 30 "$LOG_DIR/neutron-db-manage.log" >&2
        die "neutron-db-manage failed (see $LOG_DIR/neutron-db-manage.log)"
    fi
    log "starting neutron-server on 127.0.0.1:9696 (noauth)"
    : > "$LOG_DIR/neutron-server.stdout"
    start_bg "$RUN_DIR/neutron-server.pid" "$LOG_DIR/neutron-server.stdout" \
        /usr/bin/neutron-server --config-file "$CONF"
    wait_http "neutron-server" "$RUN_DIR/neutron-server.pid" neutron-server \
        "$LOG_DIR/neutron-server.stdout" "$URL"
fi

if [ "$WITH_HEADERS" = 1 ]; then
    HURL=http://127.0.0.1:9697/v2.0/security-groups?limit=1
    HARGS=(-H 'X-User-Id: neutron-up' -H 'X-Project-Id: fake_project_id' -H 'X-Roles: admin')
    if pid_alive "$RUN_DIR/neutron-server-headers.pid" neutron-loopback-headers; then
        log "trusted-headers neutron-server already running (pid $(cat "$RUN_DIR/neutron-server-headers.pid"))"
    else
        rm -f "$RUN_DIR/neutron-server-headers.pid"
        code=$(http_code "$HURL" "${HARGS[@]}")
        [ "$code" = 000 ] || die "something not started by this script already answers on 127.0.0.1:9697 (HTTP $code)"
        log "starting trusted-headers neutron-server on 127.0.0.1:9697"
        : > "$LOG_DIR/neutron-server-headers.stdout"
        start_bg "$RUN_DIR/neutron-server-headers.pid" "$LOG_DIR/neutron-server-headers.stdout" \
            /usr/bin/neutron-server --config-file "$CONF" --config-file "$HDR_CONF"
    fi
    wait_http "trusted-headers neutron-server" "$RUN_DIR/neutron-server-headers.pid" \
        neutron-loopback-headers "$LOG_DIR/neutron-server-headers.stdout" "$HURL" "${HARGS[@]}"
fi

if [ "$WITH_KEYSTONE" = 1 ]; then
    # --- Keystone on 127.0.0.1:5000 and a token-checking neutron-server on 127.0.0.1:9698 -------
    mariadb --socket="$SOCK" -u root <<'SQL'
CREATE DATABASE IF NOT EXISTS keystone CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'keystone'@'localhost' IDENTIFIED BY 'keystone';
GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'localhost';
SQL
    install -d -o keystone -g keystone -m 750 /var/log/keystone /var/lib/keystone
    install -d -m 755 /etc/keystone/policy.d
    write_if_changed "$KS_CONF" <<'CONF'
# Written by Portcullis scripts/neutron/neutron-up.sh (WITH_KEYSTONE=1). Loopback only.
[DEFAULT]
log_dir = /var/log/keystone
log_file = keystone-loopback.log
[database]
connection = mysql+pymysql://keystone:keystone@localhost/keystone?unix_socket=/run/mysqld/mysqld.sock&charset=utf8
[token]
provider = fernet
[catalog]
driver = sql
[oslo_policy]
policy_dirs = /etc/keystone/policy.d
CONF
    chown root:keystone "$KS_CONF"
    chmod 640 "$KS_CONF"
    write_if_changed "$KS_UWSGI" <<CONF
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:5000
wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_FILES=$KS_CONF
master = true
processes = 2
threads = 4
enable-threads = true
lazy-apps = true
die-on-term = true
buffer-size = 65535
# clients reuse pooled keep-alive connections that uwsgi has closed: close after every answer
add-header = Connection: close
uid = keystone
gid = keystone
chdir = /var/lib/keystone
logto = /var/log/keystone/keystone-loopback-uwsgi.log
CONF
    KURL=http://127.0.0.1:5000/v3/
    if pid_alive "$RUN_DIR/keystone.pid" keystone-loopback-uwsgi; then
        log "Keystone already running (pid $(cat "$RUN_DIR/keystone.pid"))"
    else
        rm -f "$RUN_DIR/keystone.pid"
        code=$(http_code "$KURL")
        [ "$code" = 000 ] || die "something not started by this script already answers on 127.0.0.1:5000 (HTTP $code)"
        KM="keystone-manage --config-file $KS_CONF"
        log "keystone db_sync, fernet and credential keys, bootstrap"
        {
            su -s /bin/sh keystone -c "$KM db_sync" \
            && su -s /bin/sh keystone -c "$KM fernet_setup --keystone-user keystone --keystone-group keystone" \
            && su -s /bin/sh keystone -c "$KM credential_setup --keystone-user keystone --keystone-group keystone" \
            && su -s /bin/sh keystone -c "$KM bootstrap --bootstrap-password admin \
                   --bootstrap-admin-url $KURL --bootstrap-internal-url $KURL --bootstrap-public-url $KURL \
                   --bootstrap-region-id RegionOne"
        } >"$LOG_DIR/keystone-manage.log" 2>&1 || { tail -n 30 "$LOG_DIR/keystone-manage.log" >&2; die "keystone-manage failed"; }
        log "starting Keystone (uwsgi) on 127.0.0.1:5000"
        : > "$LOG_DIR/keystone-uwsgi.stdout"
        start_bg "$RUN_DIR/keystone.pid" "$LOG_DIR/keystone-uwsgi.stdout" /usr/bin/uwsgi --ini "$KS_UWSGI"
    fi
    wait_http "Keystone" "$RUN_DIR/keystone.pid" keystone-loopback-uwsgi "$LOG_DIR/keystone-uwsgi.stdout" "$KURL"
    log "Keystone: projects, users, roles and the network endpoint"
    /usr/bin/python3 "$SCRIPT_DIR/keystone-seed.py" http://127.0.0.1:5000 http://127.0.0.1:9698 \
        >"$LOG_DIR/keystone-seed.log" 2>&1 || { cat "$LOG_DIR/keystone-seed.log" >&2; die "seeding Keystone failed"; }
    write_if_changed "$KS_NEUTRON_CONF" <<CONF
# Overlay for neutron-loopback.conf: Keystone tokens, port 9698, API_WORKERS worker processes.
[DEFAULT]
bind_port = 9698
api_workers = $API_WORKERS
auth_strategy = keystone
log_file = /var/log/neutron/neutron-loopback-keystone.log
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:5000
auth_url = http://127.0.0.1:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = neutron
password = neutron
region_name = RegionOne
CONF
    if [ "$WROTE" = 1 ] && pid_alive "$RUN_DIR/neutron-server-keystone.pid" neutron-loopback-keystone; then
        pid=$(cat "$RUN_DIR/neutron-server-keystone.pid")
        log "Keystone neutron-server: its settings changed (api_workers = $API_WORKERS), restarting pid $pid"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && { log "still alive after 30 s: SIGKILL to pid $pid"; kill -KILL "$pid" 2>/dev/null || true; }
        for _ in $(seq 1 50); do [ "$(http_code http://127.0.0.1:9698/)" = 000 ] && break; sleep 0.2; done
        rm -f "$RUN_DIR/neutron-server-keystone.pid"
    fi
    if pid_alive "$RUN_DIR/neutron-server-keystone.pid" neutron-loopback-keystone; then
        log "Keystone neutron-server already running (pid $(cat "$RUN_DIR/neutron-server-keystone.pid"))"
    else
        rm -f "$RUN_DIR/neutron-server-keystone.pid"
        code=$(http_code http://127.0.0.1:9698/)
        [ "$code" = 000 ] || die "something not started by this script already answers on 127.0.0.1:9698 (HTTP $code)"
        log "starting Keystone-checking neutron-server on 127.0.0.1:9698"
        : > "$LOG_DIR/neutron-server-keystone.stdout"
        start_bg "$RUN_DIR/neutron-server-keystone.pid" "$LOG_DIR/neutron-server-keystone.stdout" \
            /usr/bin/neutron-server --config-file "$CONF" --config-file "$KS_NEUTRON_CONF"
    fi
    # the version document needs no token: 200 once the server listens
    wait_http "Keystone neutron-server" "$RUN_DIR/neutron-server-keystone.pid" neutron-loopback-keystone \
        "$LOG_DIR/neutron-server-keystone.stdout" http://127.0.0.1:9698/
fi

log "ready: noauth API at http://127.0.0.1:9696$( [ "$WITH_HEADERS" = 1 ] && echo ', trusted headers at http://127.0.0.1:9697')$( [ "$WITH_KEYSTONE" = 1 ] && echo ', Keystone at http://127.0.0.1:5000/v3 with Neutron at http://127.0.0.1:9698')"
