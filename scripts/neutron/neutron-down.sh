#!/usr/bin/env bash
# neutron-down.sh - stop what neutron-up.sh started, using only the PIDs it recorded in
# /run/neutron-loopback/*.pid: the neutron-server instance(s) first, then mariadbd.
# Each process gets SIGTERM and a bounded wait (STOP_WAIT seconds, default 30); a process that is
# still alive after that gets SIGKILL. Processes that were not started by neutron-up.sh (no PID
# file) are left alone. Safe to run when nothing is running.
set -euo pipefail

RUN_DIR=/run/neutron-loopback
STOP_WAIT=${STOP_WAIT:-30}

T0=$EPOCHREALTIME
log() { printf '[neutron-down %5.1fs] %s\n' "$(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN{print b-a}')" "$*"; }
die() { printf '[neutron-down] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root"

# stop NAME PIDFILE PATTERN: SIGTERM the recorded PID if it is alive and its command line
# contains PATTERN (guards against a recycled PID), wait for it, then remove the PID file.
stop() {
    local name=$1 pidfile=$2 pat=$3 pid i
    if [ ! -s "$pidfile" ]; then
        log "$name: no PID file, nothing to stop"
        return 0
    fi
    pid=$(cat "$pidfile")
    if ! [[ "$pid" =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null \
        || ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pat"; then
        log "$name: recorded PID '$pid' is not running, removing stale $pidfile"
        rm -f "$pidfile"
        return 0
    fi
    log "$name: SIGTERM to pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 $(( STOP_WAIT * 5 ))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name: still alive after ${STOP_WAIT}s, SIGKILL to pid $pid"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
    fi
    # neutron-up.sh starts each process with setsid, so the recorded PID is also the session id.
    # neutron-server's oslo.service workers live in that session and are taken down by their
    # parent; anything of that session still alive now is ended too.
    local left
    left=$(ps -eo pid=,sid= | awk -v s="$pid" '$2==s && $1!=s {print $1}')
    if [ -n "$left" ]; then
        log "$name: ending leftover process(es) of session $pid: $(echo $left)"
        # shellcheck disable=SC2086
        kill -TERM $left 2>/dev/null || true
        sleep 1
        left=$(ps -eo pid=,sid= | awk -v s="$pid" '$2==s {print $1}')
        # shellcheck disable=SC2086
        [ -z "$left" ] || kill -KILL $left 2>/dev/null || true
    fi
    rm -f "$pidfile"
    log "$name: stopped"
}

stop "Keystone neutron-server" "$RUN_DIR/neutron-server-keystone.pid" neutron-server
stop "Keystone" "$RUN_DIR/keystone.pid" uwsgi
stop "trusted-headers neutron-server" "$RUN_DIR/neutron-server-headers.pid" neutron-server
stop "neutron-server" "$RUN_DIR/neutron-server.pid" neutron-server
stop "mariadbd" "$RUN_DIR/mariadbd.pid" mariadbd
log "done"
