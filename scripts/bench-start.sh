#!/bin/sh
# Time from process start to the first frame with data, under Xvfb.
#
#   scripts/bench-start.sh [LAUNCHER] [RUNS]     (default: target/dist/portcullis/bin/portcullis, 5 runs)
#   scripts/bench-start.sh --classlist LAUNCHER OUT   writes the classes loaded until that frame (AppCDS)
#
# The script notes the wall clock just before it starts LAUNCHER; the console, started with
# -Dportcullis.startup.probe=FILE, writes the wall clock at the end of the first pulse at which its window
# shows and its first load is in, that is once that frame is styled, laid out and handed to the renderer
# (ui/shell/StartupProbe). Each run prints the difference; the last line is the median. The console opens a
# throwaway workspace (seeded with the example project on the first run, read on the others) and keeps its
# preferences in a throwaway folder, so the bench neither reads nor changes the user's. DISPLAY :95 is
# used; if no X server answers there, an Xvfb is started on it and stopped at the end.
set -eu

mode=bench
if [ "${1:-}" = "--classlist" ]; then
    mode=classlist
    shift
    [ $# -eq 2 ] || { echo "usage: $0 --classlist LAUNCHER OUT" >&2; exit 2; }
fi
extra=${BENCH_JAVA_OPTS:-}
launcher=${1:-target/dist/portcullis/bin/portcullis}
if [ $mode = classlist ]; then out=$2; runs=1; else runs=${2:-5}; fi
[ -x "$launcher" ] || { echo "bench-start: $launcher is not an executable launcher (build it first)" >&2; exit 2; }
case $runs in ''|*[!0-9]*) echo "bench-start: RUNS must be a number, not '$runs'" >&2; exit 2 ;; esac

display=${BENCH_DISPLAY:-:95}
tmp=$(mktemp -d)
xvfb_pid=
cleanup() {
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if ! DISPLAY=$display xdpyinfo >/dev/null 2>&1 && ! DISPLAY=$display xset q >/dev/null 2>&1; then
    Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    i=0
    until DISPLAY=$display xset q >/dev/null 2>&1 || DISPLAY=$display xdpyinfo >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -lt 100 ] || { echo "bench-start: Xvfb did not start on $display" >&2; exit 1; }
        sleep 0.05
    done
fi

# one run: prints the milliseconds from start to the first frame with data
run_once() {
    probe=$tmp/probe
    rm -f "$probe"
    start=$(date +%s%3N)
    DISPLAY=$display XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
        JAVA_TOOL_OPTIONS="-Dportcullis.startup.probe=$probe -Duser.home=$tmp -Djava.util.prefs.userRoot=$tmp/prefs ${extra:-}" \
        "$launcher" >"$tmp/out" 2>&1 &
    pid=$!
    waited=0
    until [ -s "$probe" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "bench-start: the console ended before showing its first frame:" >&2
            cat "$tmp/out" >&2
            exit 1
        fi
        waited=$((waited + 1))
        [ $waited -lt 1200 ] || { kill "$pid"; echo "bench-start: no first frame within 60 s" >&2; exit 1; }
        sleep 0.05
    done
    shown=$(cat "$probe")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo $((shown - start))
}

if [ "$mode" = classlist ]; then
    extra="$extra -Xshare:off -XX:DumpLoadedClassList=$tmp/classlist"
    run_once >/dev/null
    # as the JVM wrote it: in load order, with the @lambda-proxy and @lambda-form-invoker lines the
    # static archive uses to hold the lambdas too
    cp "$tmp/classlist" "$out"
    echo "bench-start: $(wc -l <"$out") classes written to $out"
    exit 0
fi

echo "launcher: $launcher"
times=
n=0
while [ $n -lt "$runs" ]; do
    n=$((n + 1))
    ms=$(run_once)
    echo "run $n: $ms ms"
    times="$times $ms"
done
median=$(printf '%s\n' $times | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
echo "median: $median ms"
