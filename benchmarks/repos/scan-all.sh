#!/usr/bin/env bash
# Runs `scan --runs 3` (tools/RepoScan) over every repository extracted under /tmp/repos (see README.md here for
# how they are fetched and extracted). Serial, one repository at a time.
#   benchmarks/repos/scan-all.sh [REPOS_DIR] [OUT_DIR]
# Each repository folder may hold a .scan-commit file with the commit it was extracted from (see README.md).
# Writes OUT_DIR/NAME.out (listing + timing, stdout), OUT_DIR/NAME.err (progress) and OUT_DIR/table.md, and
# refreshes benchmarks/repos/baseline/NAME.txt with the listing alone (paths relative to the repository root).
# Environment: RUNS (default 3); SCAN_ARGS (more scan options, e.g. "--warmup 1 --floors"); TABLE_ONLY=1 rebuilds
# table.md from the existing OUT_DIR/*.out without scanning.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repos="${1:-/tmp/repos}"
out="${2:-/tmp/repos-scan}"
runs="${RUNS:-3}"
mkdir -p "$out" "$here/baseline"

if [ "${TABLE_ONLY:-0}" != 1 ]; then
  dotnet build "$root/tools/RepoScan" -c Release -nologo -tl:off -v:q >/dev/null
  scan="$root/tools/RepoScan/bin/Release/net10.0/SocketBufferAnalyzers.RepoScan.dll"
  for dir in "$repos"/*/; do
    name="$(basename "$dir")"
    commit="$(cat "$dir/.scan-commit" 2>/dev/null || echo unknown)"
    echo "== $name  commit $commit  $(date -u +%Y-%m-%dT%H:%MZ)  load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" | tee "$out/$name.err" >&2
    status=0
    # shellcheck disable=SC2086
    dotnet "$scan" "$dir" --runs "$runs" ${SCAN_ARGS:-} >"$out/$name.out" 2>>"$out/$name.err" || status=$?
    if [ "$status" -ne 0 ]; then
      echo "   scan exited $status (see $out/$name.err)" >&2
    fi
    # The listing is everything before the first empty line.
    sed '/^$/q' "$out/$name.out" | sed '/^$/d' >"$here/baseline/$name.txt"
    tail -n +"$(($(wc -l <"$here/baseline/$name.txt") + 2))" "$out/$name.out" | sed 's/^/   /' >&2
  done
fi

# One table row per repository from the summary lines (see ScanCommand.WriteSummary), then each run's figures.
table="$out/table.md"
{
  echo '| repository | commit | files | compile errors | diagnostics by id | analyzer ms | compile ms | analyzer/compile |'
  echo '|---|---|---:|---:|---|---:|---:|---:|'
  for file in "$out"/*.out; do
    name="$(basename "$file" .out)"
    commit="$(cat "$repos/$name/.scan-commit" 2>/dev/null || echo unknown)"
    ids="$(grep -m1 -E '^[0-9]+ diagnostic' "$file" | sed -E 's/^[0-9]+ diagnostic\(s\):? ?//')"
    files="$(grep -m1 -E '^[0-9]+ files,' "$file" | cut -d' ' -f1)"
    errors="$(grep -m1 -E '^[0-9]+ files,' "$file" | sed -E 's/.* ([0-9]+) compile errors.*/\1/')"
    timing="$(grep -m1 -E '^analyzer ' "$file" | sed -E 's/^analyzer ([0-9.]+) ms[,/] compile ([0-9.]+) ms[^0-9]*([0-9.]+ %).*/\1 | \2 | \3/')"
    echo "| $name | ${commit:0:8} | $files | $errors | ${ids:-none} | $timing |"
  done
  echo
  for file in "$out"/*.out; do
    echo "- $(basename "$file" .out): $(grep -m1 -E '^  runs' "$file" | sed -E 's/^  runs \(analyzer \/ compile ms = ratio\): //')"
  done
  # With --floors: the probes' medians (ScanCommand.WriteSummary), one row per repository.
  if grep -q -E '^floors ' "$out"/*.out 2>/dev/null; then
    echo
    echo '| repository | callbacks only | callee names | names and value types (reads) | analyzer / reads |'
    echo '|---|---:|---:|---:|---:|'
    for file in "$out"/*.out; do
      line="$(grep -m1 -E '^floors ' "$file" || true)"
      [ -n "$line" ] || continue
      echo "| $(basename "$file" .out) | $(echo "$line" | sed -E 's/.*: callbacks ([^,]+), names ([^,]+), reads ([^;]+); the analyzer = ([0-9.]+x) reads/\1 | \2 | \3 | \4/') |"
    done
  fi
} >"$table"
echo "table: $table" >&2
cat "$table" >&2
