#!/bin/sh
# Redraw the raster icons in static/images/ from the SVGs here. Rarely needed, so not part of
# `npm run build`: needs Chromium (/usr/bin/chromium) and ImageMagick (`apt-get install imagemagick`).
# Run from the repository root: sh frontend/images/make-icons.sh
set -eu
src=$(cd "$(dirname "$0")" && pwd)
out=static/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Render an SVG at 512 px with Chromium (real font rendering), then scale down with ImageMagick.
render() {
  printf '<!DOCTYPE html><body style="margin:0"><img src="file://%s" width="512" height="512">' \
    "$src/$1" > "$tmp/page.html"
  ${CHROMIUM:-/usr/bin/chromium} --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --disable-background-networking --default-background-color=00000000 \
    --window-size=512,512 --screenshot="$tmp/$2" "file://$tmp/page.html" >/dev/null 2>&1
}

render favicon.svg favicon.png
render favicon-16.svg favicon-16.png
render apple-touch-icon.svg apple-touch-icon.png

convert=/usr/bin/convert # Not a stand-in earlier on PATH.
$convert "$tmp/favicon-16.png" -filter Lanczos -resize 16x16 -strip "PNG32:$tmp/16.png"
$convert "$tmp/favicon.png" -filter Lanczos -resize 32x32 -strip "PNG32:$tmp/32.png"
$convert "$tmp/favicon.png" -filter Lanczos -resize 48x48 -strip "PNG32:$tmp/48.png"
$convert "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$out/favicon.ico"
cp "$tmp/32.png" "$out/favicon.png"
# iOS shows transparency as black: the touch icon is opaque.
$convert "$tmp/apple-touch-icon.png" -filter Lanczos -resize 180x180 -strip -alpha off \
  "PNG24:$out/apple-touch-icon.png"
cp "$src/favicon.svg" "$out/favicon.svg"
echo "wrote $out/favicon.ico, favicon.png, favicon.svg, apple-touch-icon.png"
