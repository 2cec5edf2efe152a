#!/bin/sh
# The installed `portcullis` command (/usr/bin/portcullis links here): the console without arguments, the
# command line with a subcommand. It runs the bundled Java with the class path, main class and options that
# jpackage wrote into portcullis.cfg beside it, as the jpackage launcher in bin/ does; that launcher also asks
# rpm and dpkg which package it belongs to on every start (about 50 ms, measured), which this does not.
# PORTCULLIS_JAVA_OPTS adds Java options (for example -Xmx4g for a very large project).
set -eu

self=$(readlink -f -- "$0")
app=${self%/*}
java=$app/../runtime/bin/java
cfg=$app/portcullis.cfg
[ -x "$java" ] && [ -r "$cfg" ] || { echo "portcullis: the installation in ${app%/lib/app} is incomplete" >&2; exit 2; }

# $APPDIR in the cfg stands for this folder (no subshell: each would cost a fork)
expand() {
    case $1 in
        *'$APPDIR'*) expanded=${1%%\$APPDIR*}$app${1#*\$APPDIR} ;;
        *) expanded=$1 ;;
    esac
}

classpath=""
main=""
options=""
newline='
'
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        app.classpath=*) expand "${line#app.classpath=}"; classpath=$classpath${classpath:+:}$expanded ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
        java-options=*) expand "${line#java-options=}"; options=$options$newline$expanded ;;
    esac
done <"$cfg"

# the options are one a line (and may hold spaces); the user's extra ones are words
IFS=$newline
set -f
# shellcheck disable=SC2086
exec "$java" $options ${PORTCULLIS_JAVA_OPTS:+$(printf '%s' "$PORTCULLIS_JAVA_OPTS" | tr ' ' '\n')} \
    -cp "$classpath" "$main" "$@"
