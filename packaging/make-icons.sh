#!/bin/sh
# Makes the Windows and macOS icons from the PNGs of icons/ (run after icons/render.sh changed them):
# packaging/windows/portcullis.ico with ImageMagick, packaging/macos/portcullis.icns with png2icns
# (Debian package icnsutils). Both results are kept in git, so building an installer needs neither tool.
set -eu
root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd -P)
icons=$root/icons
convert "$icons/portcullis-16.png" "$icons/portcullis-24.png" "$icons/portcullis-32.png" \
    "$icons/portcullis-48.png" "$icons/portcullis-64.png" "$icons/portcullis-128.png" \
    "$icons/portcullis-256.png" "$root/packaging/windows/portcullis.ico"
# png2icns takes the sizes macOS has slots for: 16, 32, 48, 128, 256, 512
png2icns "$root/packaging/macos/portcullis.icns" "$icons/portcullis-16.png" "$icons/portcullis-32.png" \
    "$icons/portcullis-48.png" "$icons/portcullis-128.png" "$icons/portcullis-256.png" \
    "$icons/portcullis-512.png" >/dev/null
echo "made packaging/windows/portcullis.ico and packaging/macos/portcullis.icns"
