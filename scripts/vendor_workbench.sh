#!/usr/bin/env bash
# Vendors the workbench map's libraries into crates/dateline-serve/assets/vendor/ from their npm
# tarballs (`npm pack`, pinned versions): Natural Earth's countries at 1:110m as TopoJSON
# (world-atlas), the TopoJSON decoder (topojson-client, the ES module sources of the two
# functions the map calls) and the projections (d3-geo and the d3-array it imports, their ES
# module builds; d3-geo's bare import "d3-array" is rewritten to the file beside it, since a
# browser resolves no bare names without an import map, which the CSP's inline-script ban rules
# out). Each package's LICENSE is copied; README.md names the versions and the tarballs'
# SHA-256. Run from anywhere; needs npm and network. After a run: register any new file in
# crates/dateline-serve/src/assets.rs (a test fails on an unregistered one).
set -euo pipefail
cd "$(dirname "$0")/.."

out=crates/dateline-serve/assets/vendor
packages=(world-atlas@2.0.2 topojson-client@3.1.0 d3-geo@3.1.2 d3-array@3.2.5)
topojson_files=(feature mesh reverse transform identity stitch)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "${packages[@]}" >/dev/null)

rm -rf "$out"
mkdir -p "$out/topojson-client"
{
  echo "# Vendored libraries of the workbench map"
  echo
  echo "Written by \`scripts/vendor_workbench.sh\` from the npm tarballs below; do not edit by hand."
  echo "Served as \`/assets/vendor/…\` by \`dateline serve\` (compiled in: the workbench works offline)."
  echo
  echo "| package | version | files here | licence | tarball SHA-256 |"
  echo "| --- | --- | --- | --- | --- |"
} >"$out/README.md"

for spec in "${packages[@]}"; do
  name=${spec%@*}
  version=${spec#*@}
  tarball="$tmp/$name-$version.tgz"
  mkdir -p "$tmp/$name"
  tar xzf "$tarball" -C "$tmp/$name"
  pkg="$tmp/$name/package"
  cp "$pkg/LICENSE" "$out/LICENSE.$name"
  licence=$(sed -n 's/^ *"license": *"\([^"]*\)".*/\1/p' "$pkg/package.json" | head -n 1)
  case $name in
    world-atlas)
      cp "$pkg/countries-110m.json" "$out/"
      files="countries-110m.json (Natural Earth 1:110m countries, public domain)" ;;
    topojson-client)
      for f in "${topojson_files[@]}"; do cp "$pkg/src/$f.js" "$out/topojson-client/"; done
      files="topojson-client/{$(IFS=,; echo "${topojson_files[*]}")}.js (src/, ES modules)" ;;
    d3-geo)
      sed 's#from"d3-array"#from"./d3-array.min.js"#' "$pkg/dist/d3-geo.min.mjs" >"$out/d3-geo.min.js"
      if grep -q 'from"d3-array"' "$out/d3-geo.min.js" || ! grep -q 'from"./d3-array.min.js"' "$out/d3-geo.min.js"; then
        echo "vendor_workbench.sh: d3-geo's import of d3-array was not rewritten" >&2
        exit 1
      fi
      files="d3-geo.min.js (dist/d3-geo.min.mjs, import of d3-array made relative)" ;;
    d3-array)
      cp "$pkg/dist/d3-array.min.mjs" "$out/d3-array.min.js"
      files="d3-array.min.js (dist/d3-array.min.mjs)" ;;
  esac
  sum=$(sha256sum "$tarball" | cut -d' ' -f1)
  echo "| $name | $version | $files | $licence (LICENSE.$name) | \`$sum\` |" >>"$out/README.md"
done

echo "vendored into $out:"
(cd "$out" && find . -type f | sort)
