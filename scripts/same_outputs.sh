#!/usr/bin/env bash
# Are two dateline binaries' outputs byte-identical on every input the project is judged on?
# Usage: scripts/same_outputs.sh record BIN DIR   -- run BIN on every input, keep inputs and outputs in DIR
#        scripts/same_outputs.sh check  BIN DIR   -- replay DIR's inputs through BIN, compare outputs
# Inputs: what ../shared/eval/run_all.sh feeds the binary (every development set), the seed, the
# VOA news, the bundled examples (pretty and JSON Lines), ingest + export of the VOA news.
# For refactors that must not change behaviour: record with the old binary, check with the new one.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?record|check}"; bin="$(realpath "${2:?BIN}")"; dir="${3:?DIR}"
shared=../shared
voa="$shared/data/news/voa-stories.jsonl"
# A database built from the VOA news, exported: the store's path end to end.
ingest_export() { local db; db=$(mktemp -d)/news.db
  "$1" ingest --db "$db" --input-format jsonl "$voa" >/dev/null 2>&1; "$1" export --db "$db" --format "$2" |
    perl -pe 's/(?<=\t)\d{14}(?=\t|$)/DATEADDED/g'   # the time of the run, not of the news
  rm -rf "$(dirname "$db")"; }
case "$mode" in
record)
  rm -rf "$dir"; mkdir -p "$dir/runs"; dir="$(realpath "$dir")"
  wrap="$dir/wrap.sh"
  cat > "$wrap" <<W
#!/usr/bin/env bash
d="$dir/runs"; n=\$(printf '%03d' \$(ls "\$d" | wc -l)); mkdir -p "\$d/\$n"
printf '%s\n' "\$@" > "\$d/\$n/args"
tee "\$d/\$n/stdin" | "$bin" "\$@" | tee "\$d/\$n/stdout"
W
  chmod +x "$wrap"
  if [ -d "$shared/eval" ]; then bash "$shared/eval/run_all.sh" "$wrap" >&2; fi
  extra() { local n; n=$(printf '%03d' "$(ls "$dir/runs" | wc -l)"); mkdir -p "$dir/runs/$n"
    printf '%s\n' "$@" > "$dir/runs/$n/args"; : > "$dir/runs/$n/stdin"; "$bin" "$@" > "$dir/runs/$n/stdout"; }
  for f in examples/*; do extra code "$f"; extra code --format jsonl "$f"; done
  for f in "$shared"/seeds/*.txt; do [ -f "$f" ] && extra code --format jsonl --published 2018-05-18 "$f"; done
  if [ -f "$shared/data/news/voa-stories.jsonl" ]; then
    extra code --input-format jsonl --format jsonl "$(realpath "$shared/data/news/voa-stories.jsonl")"
  fi
  if [ -f "$voa" ]; then
    for fmt in gdelt mentions csv jsonl; do
      n=$(printf '%03d' "$(ls "$dir/runs" | wc -l)"); mkdir -p "$dir/runs/$n"
      printf '@ingest\n%s\n' "$fmt" > "$dir/runs/$n/args"; : > "$dir/runs/$n/stdin"
      ingest_export "$bin" "$fmt" > "$dir/runs/$n/stdout"
    done
  fi
  echo "recorded $(ls "$dir/runs" | wc -l) runs in $dir" ;;
check)
  dir="$(realpath "$dir")"; bad=0
  for r in "$dir"/runs/*; do
    mapfile -t args < "$r/args"
    if [ "${args[0]}" = @ingest ]; then out() { ingest_export "$bin" "${args[1]}"; }
    else out() { "$bin" "${args[@]}" < "$r/stdin"; }; fi
    if ! out | cmp -s - "$r/stdout"; then
      echo "DIFFERS: $(basename "$r"): ${args[*]}"; bad=1
    fi
  done
  [ $bad = 0 ] && echo "identical: $(ls "$dir/runs" | wc -l) runs"; exit $bad ;;
*) echo "usage: $0 record|check BIN DIR" >&2; exit 2 ;;
esac
