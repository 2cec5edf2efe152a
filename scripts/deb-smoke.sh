#!/bin/sh
# Builds the .deb, installs it as an administrator would (dpkg -i, then apt-get -f install for what it
# depends on), and checks the installed command: --version, validate on a sample file, the console's window
# under Xvfb, and the start time (scripts/bench-start.sh on the installed command, printed, not judged).
# Then removes the package and checks that nothing is left. Needs root (or sudo) and Debian's apt.
#
#   scripts/deb-smoke.sh            (from the project folder; .ci/run calls it)
set -eu
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() {
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "$@"
}
# xwininfo writes window titles in the locale's charset: in the C locale "—" would not survive
xwin() {
    DISPLAY=$display LC_ALL=C.UTF-8 xwininfo "$@"
}

# what this check itself uses: an X server, xwininfo to see the window, fakeroot for jpackage's dpkg-deb
tools=""
command -v Xvfb >/dev/null 2>&1 || tools="$tools xvfb"
command -v xwininfo >/dev/null 2>&1 || tools="$tools x11-utils"
command -v fakeroot >/dev/null 2>&1 || tools="$tools fakeroot"
if [ -n "$tools" ]; then
    echo "deb-smoke: installing$tools"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086 # a list of package names
    apt_install $tools
fi

echo "deb-smoke: building the package"
mvn -B -ntp -q -Pdist,deb package -DskipTests
deb=$(ls target/dist/portcullis_*.deb)
echo "deb-smoke: $deb ($(du -h "$deb" | cut -f1))"

tmp=$(mktemp -d)
display=:93
xvfb_pid=""
console_pid=""
installed=0
cleanup() {
    [ -z "$console_pid" ] || kill "$console_pid" 2>/dev/null || true
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
    # a check that failed half-way leaves no package behind either
    [ "$installed" = 0 ] || $sudo dpkg -r portcullis >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "deb-smoke: dpkg -i"
installed=1
if ! $sudo dpkg -i "$deb"; then
    echo "deb-smoke: dpkg -i left dependencies to install; apt-get -f install"
    $sudo apt-get update -qq
    apt_install -f
fi
dpkg-query -W -f='deb-smoke: installed ${Package} ${Version}, status ${Status}\n' portcullis
[ "$(readlink -f "$(command -v portcullis)")" = /opt/portcullis/lib/app/portcullis-start.sh ] \
    || { echo "deb-smoke: portcullis on PATH is not the installed one" >&2; exit 1; }
[ -s /opt/portcullis/lib/app/portcullis.jsa ] || { echo "deb-smoke: the postinst made no startup archive" >&2; exit 1; }
[ -f /usr/share/applications/portcullis.desktop ] || { echo "deb-smoke: no desktop entry" >&2; exit 1; }
[ -f /usr/share/icons/hicolor/256x256/apps/portcullis.png ] || { echo "deb-smoke: no icon" >&2; exit 1; }
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate /usr/share/applications/portcullis.desktop; fi

echo "deb-smoke: portcullis --version"
portcullis --version
echo "deb-smoke: portcullis validate"
portcullis validate src/test/resources/dev/portcullis/review/findings.json

Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
i=0
until xwin -root >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 100 ] || { echo "deb-smoke: Xvfb did not start" >&2; exit 1; }
    sleep 0.1
done

echo "deb-smoke: the installed console, on a fresh workspace"
# Java takes the home folder from the password file, not $HOME: it is given too, as are the preferences
DISPLAY=$display HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
    PORTCULLIS_JAVA_OPTS="-Duser.home=$tmp -Djava.util.prefs.userRoot=$tmp/prefs" \
    portcullis >"$tmp/console.log" 2>&1 &
console_pid=$!
i=0
until xwin -root -tree 2>/dev/null | grep -q '"Portcullis — Local workspace"'; do
    if ! kill -0 "$console_pid" 2>/dev/null; then
        cat "$tmp/console.log" >&2
        echo "deb-smoke: the console ended without showing its window" >&2
        exit 1
    fi
    i=$((i + 1)); [ $i -lt 300 ] || { cat "$tmp/console.log" >&2; echo "deb-smoke: no window in 30 s" >&2; exit 1; }
    sleep 0.1
done
xwin -root -tree | grep '"Portcullis — Local workspace"' | sed 's/^ */deb-smoke: window /'
# the desktop entry must name the window's class, or the desktop shows the window apart from its entry
wm_class=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/portcullis.desktop)
xwin -root -tree | grep '"Portcullis — Local workspace"' | grep -q "(\"$wm_class\" " \
    || { echo "deb-smoke: the window's class is not the desktop entry's StartupWMClass ($wm_class)" >&2; exit 1; }
# the example project is written by the first load, which may answer just after the window shows
i=0
until [ -s "$tmp/data/portcullis/workspace.json" ]; do
    i=$((i + 1)); [ $i -lt 100 ] || { echo "deb-smoke: the console made no workspace" >&2; exit 1; }
    sleep 0.1
done
kill "$console_pid" 2>/dev/null || true
wait "$console_pid" 2>/dev/null || true
console_pid=""

echo "deb-smoke: start time of the installed console"
BENCH_DISPLAY=$display scripts/bench-start.sh /usr/bin/portcullis 5

echo "deb-smoke: dpkg -r"
$sudo dpkg -r portcullis
installed=0
if [ -e /usr/bin/portcullis ] || [ -e /opt/portcullis ] || [ -e /usr/share/applications/portcullis.desktop ] \
        || [ -e /usr/share/icons/hicolor/256x256/apps/portcullis.png ]; then
    echo "deb-smoke: removing the package left files behind" >&2
    exit 1
fi
echo "deb-smoke: passed"
