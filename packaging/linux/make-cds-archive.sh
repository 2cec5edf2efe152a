#!/bin/sh
# Makes the AppCDS archive of an installed Portcullis: lib/app/portcullis.jsa, from the class list shipped
# beside this script. On JDK 17 an archive only works at the path it was made for, so it is made where the
# application lies (the .deb's postinst runs this; the build runs it for target/dist). The launcher reads
# the archive with -Xshare:auto: a missing or stale archive only makes the start slower.
set -eu
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)
launcher=$here/portcullis-start.sh
rm -f "$here/portcullis.jsa"
# The start script's class path and options (the ones portcullis.cfg gives every launcher), plus a dump:
# the VM writes the archive and exits.
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$here/portcullis.classlist -Xlog:cds=off -Xlog:cds+dynamic=off" \
    sh "$launcher" --version >/dev/null 2>&1 || true
if [ -s "$here/portcullis.jsa" ]; then
    echo "portcullis: made the startup archive $here/portcullis.jsa"
else
    echo "portcullis: could not make the startup archive; Portcullis works, it only starts slower" >&2
fi
