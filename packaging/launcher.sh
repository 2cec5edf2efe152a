#!/bin/sh
# Portcullis launcher: runs the console (no arguments) or the command line (a subcommand).
# JavaFX goes on the module path, everything else on the class path. Works from any current
# folder and through symbolic links (an installer may link it onto PATH).
set -eu

self=$0
while [ -L "$self" ]; do
    target=$(readlink "$self")
    case $target in
        /*) self=$target ;;
        *) self=$(dirname -- "$self")/$target ;;
    esac
done
# CDPATH would make cd print the folder and go elsewhere; it must not apply here.
app=$(CDPATH='' cd -- "$(dirname -- "$self")/.." && pwd -P)

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java=$JAVA_HOME/bin/java
elif command -v java >/dev/null 2>&1; then
    java=java
else
    echo "portcullis: no Java found. Install a JDK or JRE 17 or newer, or set JAVA_HOME." >&2
    exit 2
fi

# The JIT and collector of the packaged console (see pom.xml, profile dist): a quick start on two cores.
# -Xmx2g: a known ceiling instead of a quarter of the machine's memory; a 10,000-group project keeps about
# 200 MB in use with the console open (ConsoleScaleProbe), and 2 GB leaves room for 30,000 groups and the
# reading of their file. PORTCULLIS_JAVA_OPTS comes after it, so -Xmx4g there wins.
# shellcheck disable=SC2086 # the options are a list of words on purpose
exec "$java" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xmx2g ${PORTCULLIS_JAVA_OPTS:-} \
    --module-path "$app/javafx" --add-modules @JFX_MODULES@ \
    @JFX_OPENS@ \
    -cp "$app/lib/*" @MAIN_CLASS@ "$@"
