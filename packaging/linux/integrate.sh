#!/bin/sh
# Puts an installed Portcullis into the system, or takes it out again: the `portcullis` command on PATH,
# the desktop entry and icons, and the startup archive. The .deb's postinst and prerm and the .rpm's %post
# and %preun run it, so that both packages do the same. jpackage's own desktop commands (xdg-desktop-menu)
# fail where /usr/share/desktop-directories does not exist, so the entry and icons are put in place here.
#
#   integrate.sh install | remove
set -e
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)   # <app>/lib/app
app=${here%/lib/app}

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
}

case "${1:-}" in
    install)
        # the one command for the console and the command line (the start script: see its comment)
        chmod 755 "$here/portcullis-start.sh"
        ln -sfn "$here/portcullis-start.sh" /usr/bin/portcullis
        install -D -m 644 "$app/lib/portcullis-portcullis.desktop" /usr/share/applications/portcullis.desktop
        for png in "$here"/icons/portcullis-*.png; do
            size=${png##*-}; size=${size%.png}
            install -D -m 644 "$png" "/usr/share/icons/hicolor/${size}x${size}/apps/portcullis.png"
        done
        refresh_caches
        # the AppCDS archive only works where it was made, so it is made here (a failure only costs speed)
        sh "$here/make-cds-archive.sh" || true
        ;;
    remove)
        if [ "$(readlink /usr/bin/portcullis 2>/dev/null)" = "$here/portcullis-start.sh" ]; then
            rm -f /usr/bin/portcullis
        fi
        rm -f /usr/share/applications/portcullis.desktop
        for png in "$here"/icons/portcullis-*.png; do
            size=${png##*-}; size=${size%.png}
            rm -f "/usr/share/icons/hicolor/${size}x${size}/apps/portcullis.png"
        done
        refresh_caches
        rm -f "$here/portcullis.jsa"
        ;;
    *)
        echo "usage: $0 install|remove" >&2
        exit 2
        ;;
esac
