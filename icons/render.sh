#!/bin/sh
# Regenerates the Portcullis application icon PNGs from portcullis.svg.
# Writes icons/portcullis-<size>.png and copies them to the JavaFX resources
# (src/main/resources/dev/portcullis/ui/shell/icons/), where the app loads its window icons.
# Requires rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -eu

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render.sh: rsvg-convert not found; install librsvg2-bin (apt-get install librsvg2-bin)" >&2
    exit 1
fi

here=$(cd "$(dirname "$0")" && pwd)
svg="$here/portcullis.svg"
res="$here/../src/main/resources/dev/portcullis/ui/shell/icons"

if [ ! -f "$svg" ]; then
    echo "render.sh: missing $svg" >&2
    exit 1
fi

mkdir -p "$res"
for size in 16 24 32 48 64 128 256 512; do
    out="$here/portcullis-$size.png"
    rsvg-convert --width "$size" --height "$size" --format png --output "$out" "$svg"
    cp "$out" "$res/portcullis-$size.png"
    echo "wrote portcullis-$size.png"
done
