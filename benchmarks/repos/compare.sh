#!/usr/bin/env bash
# Compares a RepoScan output with expectations.tsv for one repository.
# Usage: compare.sh <owner/name> <scan-output-file>
# The scan prints `path:line: ID message`; a path matches an expected one when it ends with it (any root).
# Counts each (path, line, id) once per occurrence; prints the misses and the extras, then precision and recall.
set -euo pipefail
repo="$1"; scan="$2"
here="$(cd "$(dirname "$0")" && pwd)"
awk -F'\t' -v repo="$repo" '
  FNR == NR { if (FNR > 1 && $1 == repo) { want[$2 SUBSEP $3 SUBSEP $4]++; paths[$2] = 1; nwant++ } next }
  {
    if (!match($0, /^[^:]+:[0-9]+: SOCK[0-9]+/)) next
    head = substr($0, 1, RLENGTH); n = split(head, f, ":"); path = f[1]; line = f[2]; id = substr(f[3], 2)
    gsub(/\\/, "/", path); key = ""
    for (p in paths) { if (length(path) >= length(p) && substr(path, length(path) - length(p) + 1) == p) { key = p SUBSEP line SUBSEP id; break } }
    ngot++
    if (key != "" && want[key] > 0) { want[key]--; tp++ } else { print "extra: " head; fp++ }
  }
  END {
    for (k in want) if (want[k] > 0) { split(k, f, SUBSEP); for (i = 0; i < want[k]; i++) print "missed: " f[1] ":" f[2] ": " f[3]; fn += want[k] }
    printf "%s: expected %d, reported %d, matched %d, extra %d, missed %d", repo, nwant, ngot, tp, fp, fn
    printf ", precision %s, recall %s\n", (ngot ? sprintf("%.1f%%", 100 * tp / ngot) : "n/a"), (nwant ? sprintf("%.1f%%", 100 * tp / nwant) : "n/a")
  }' "$here/expectations.tsv" "$scan"
