#!/usr/bin/env python3
"""Runs the analyzer (tools/RepoScan, Release build) on corpus snippets and compares with their markup, line by line.

Usage: benchmarks/repos/check-snippet.py FILE.cs [FILE.cs ...]
Each snippet is copied without its {|SOCKnnn:...|} markup into a temporary folder of its own and scanned alone;
the expected (line, id) pairs come from the markup, the reported ones from the scan's `path:line: ID` lines.
Prints, per file, the counts and every missed or extra (line, id). Exit code 1 when any file differs, so a pending
snippet (tests/SocketBufferAnalyzers.Tests/CorpusPending) that documents a defect exits 1 until the defect is fixed.
Needs `dotnet build -c Release tools/RepoScan` first. Compares lines and ids only, not columns or messages.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCAN = os.path.join(ROOT, "tools/RepoScan/bin/Release/net10.0/SocketBufferAnalyzers.RepoScan.dll")
OPEN = re.compile(r"\{\|([A-Za-z]+\d+):")
REPORTED = re.compile(r"^[^:]+:(\d+): (SOCK\d+) (.*)")


def strip(source):
    expected, plain, line, i = collections.Counter(), [], 1, 0
    while i < len(source):
        match = OPEN.match(source, i)
        if match:
            expected[(line, match.group(1))] += 1
            i = match.end()
            continue
        if source.startswith("|}", i):
            i += 2
            continue
        plain.append(source[i])
        line += source[i] == "\n"
        i += 1
    return expected, "".join(plain)


def check(path):
    expected, plain = strip(open(path, encoding="utf-8").read())
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write(plain)
        run = subprocess.run(["dotnet", SCAN, folder, "--runs", "1", "--quiet"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(f"{os.path.basename(path)}: scan exited {run.returncode}\n{run.stderr[-2000:]}")
        return False
    reported, messages = collections.Counter(), {}
    for line in run.stdout.splitlines():
        match = REPORTED.match(line)
        if match:
            key = (int(match.group(1)), match.group(2))
            reported[key] += 1
            messages[key] = match.group(3)[:100]
    missed, extra = expected - reported, reported - expected
    print(f"{os.path.basename(path)}: expected {sum(expected.values())}, reported {sum(reported.values())}, "
          f"missed {sum(missed.values())}, extra {sum(extra.values())}")
    for key in sorted(missed):
        print(f"  missed line {key[0]} {key[1]}")
    for key in sorted(extra):
        print(f"  extra  line {key[0]} {key[1]}: {messages.get(key, '')}")
    return not missed and not extra


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    results = [check(p) for p in sys.argv[1:]]
    sys.exit(0 if all(results) else 1)
