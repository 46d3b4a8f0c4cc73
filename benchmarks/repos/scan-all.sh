#!/usr/bin/env bash
# Runs `scan --runs 3` (tools/RepoScan) over every repository extracted under /tmp/repos (see README.md here for
# how they are fetched and extracted). Serial, one repository at a time.
#   benchmarks/repos/scan-all.sh [REPOS_DIR] [OUT_DIR]
# Writes OUT_DIR/NAME.out (listing + timing, stdout) and OUT_DIR/NAME.err (progress), and refreshes
# benchmarks/repos/baseline/NAME.txt with the listing alone (paths relative to the repository root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repos="${1:-/tmp/repos}"
out="${2:-/tmp/repos-scan}"
runs="${RUNS:-3}"
mkdir -p "$out" "$here/baseline"

dotnet build "$root/tools/RepoScan" -c Release -nologo -tl:off -v:q >/dev/null
scan="$root/tools/RepoScan/bin/Release/net10.0/SocketBufferAnalyzers.RepoScan.dll"

for dir in "$repos"/*/; do
  name="$(basename "$dir")"
  echo "== $name" >&2
  status=0
  dotnet "$scan" "$dir" --runs "$runs" >"$out/$name.out" 2>"$out/$name.err" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "   scan exited $status (see $out/$name.err)" >&2
  fi
  # The listing is everything before the first empty line.
  sed '/^$/q' "$out/$name.out" | sed '/^$/d' >"$here/baseline/$name.txt"
  tail -n +"$(($(wc -l <"$here/baseline/$name.txt") + 2))" "$out/$name.out" | sed 's/^/   /' >&2
done
