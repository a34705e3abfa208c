#!/usr/bin/env bash
# History-audit benchmark: measures `leakgate history` on a repository against git's own
# decompression floor (`git cat-file --batch-all-objects --batch`, which inflates every
# object once, on one core), and optionally profiles it.
#
# Usage: scripts/bench-history.sh [WORKDIR]
# Which repository:
#   WORKLOAD=releases  the issue-17 workload: successive botocore and TypeScript releases
#                      (scripts/release-history.sh; built once into
#                      ~/.cache/leakgate-bench/releases-repo, ~1.3 GB of unique blob content)
#   REPO=/path         an existing repository (measured in place, never modified)
#   (default)          a synthetic repository built with `git fast-import` (thousands of
#                      commits, hundreds of MB of source-like blob content, a few fake tokens):
#   COMMITS=3000 FILES=1500 FILE_KB=20 CHANGED=4   shape of the generated history
#   NOISE=0      fraction of lines that are random base64 data (embedded test vectors,
#                fixtures); such lines barely compress, so NOISE sets the pack's size:
#                COMMITS=3000 FILES=6000 FILE_KB=220 NOISE=0.9 gives a pack of ~1 GB
#   KEEP=1                                         reuse WORKDIR/repo if it already exists
# What to run:
#   LEAKGATE=/path/to/leakgate   the binary (default: target/release/leakgate, built if missing)
#   BASELINE=/path/to/leakgate   a second binary, run alternately with the first (paired runs)
#   RUNS=3                       runs of each; the median is reported
#   PROFILE=1                    also `perf record` one run and split its CPU time by phase
#                                (decompression, scan, attribution, ...) from the symbols
#   FLAME=out.svg                also record one run with call graphs (`perf record
#                                --call-graph dwarf`, 199 Hz), draw it with inferno
#                                (`cargo install inferno`) and split it by caller
#                                (scripts/profile-phases.py: prefilter, regexes, context
#                                pass, ...). Wants a build with line tables:
#                                CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release
# Needs: git, python3, a release build; perf for PROFILE=1.
# Memory: peak RSS as the kernel counts it, and apart its two parts (scripts/peak-memory.py):
# own (anonymous) memory, and pages of mapped files (the pack, read through mmap).
set -euo pipefail
# FLAME names a file relative to where the script was started (the script moves around).
[ -n "${FLAME:-}" ] && FLAME=$(realpath -m "$FLAME")
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-${TMPDIR:-/tmp}/leakgate-bench-history}
COMMITS=${COMMITS:-3000}
FILES=${FILES:-1500}
FILE_KB=${FILE_KB:-20}
CHANGED=${CHANGED:-4}
NOISE=${NOISE:-0}
BIN=${LEAKGATE:-"$ROOT/target/release/leakgate"}
RUNS=${RUNS:-3}

mkdir -p "$WORK"

if [ "${WORKLOAD:-}" = releases ]; then
  REPO=${REPO:-$HOME/.cache/leakgate-bench/releases-repo}
  [ -d "$REPO/.git" ] || bash "$ROOT/scripts/release-history.sh" "$REPO"
fi
if [ -n "${REPO:-}" ]; then
  [ -d "$REPO" ] || { echo "error: $REPO is not a folder" >&2; exit 2; }
  echo "== measuring $REPO"
elif REPO="$WORK/repo" && [ "${KEEP:-0}" = 1 ] && [ -d "$REPO/.git" ]; then
  echo "== reusing $REPO"
else
  rm -rf "$REPO"
  git init -q -b main "$REPO"
  echo "== generating $COMMITS commits over $FILES files of ~${FILE_KB} KiB ($CHANGED changed per commit)"
  python3 - "$COMMITS" "$FILES" "$FILE_KB" "$CHANGED" "$NOISE" <<'PY' | (cd "$REPO" && git fast-import --quiet)
import base64, random, sys, zlib
commits, files, file_kb, changed = map(int, sys.argv[1:5])
noise = float(sys.argv[5])
rng = random.Random(7)
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
def b62_crc(body):
    v = zlib.crc32(body.encode()); out = ""
    for _ in range(6):
        out = B62[v % 62] + out; v //= 62
    return out
def github_token():
    body = "".join(rng.choice(B62) for _ in range(30))
    return "ghp_" + body + b62_crc(body)
def anthropic_key():
    alphabet = B62 + "-_"
    return "sk-ant-api03-" + "".join(rng.choice(alphabet) for _ in range(93)) + "AA"
words = ("config user value result index buffer parse render handle request response "
         "token item count name path load save update client server cache error state "
         "build options context reader writer stream offset length total").split()
def ident():
    return "_".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
def line():
    k = rng.random()
    if k < 0.15: return "    # " + " ".join(rng.choice(words) for _ in range(rng.randint(3, 10)))
    if k < 0.45: return f"    {ident()} = {ident()}({ident()}, {rng.randint(0, 99999)})"
    if k < 0.65: return f"    if {ident()} > {rng.randint(0, 500)}:\n        return {ident()}.{ident()}()"
    if k < 0.80: return f"def {ident()}({ident()}, {ident()}=None):"
    if k < 0.90: return f"    {ident()}[\"{ident()}\"] = \"{ident()}-{rng.randint(0, 10**6)}\""
    return ""
pool = [line() for _ in range(20000)]
def data_line():
    return '    b"' + base64.b64encode(rng.randbytes(60)).decode() + '",'
def any_line():
    return data_line() if noise and rng.random() < noise else rng.choice(pool)
def new_file():
    lines, size = [], 0
    target = int(file_kb * 1024 * rng.uniform(0.3, 1.7))
    while size < target:
        l = any_line(); lines.append(l); size += len(l) + 1
    return lines
names = [f"src/{rng.choice(words)}/{ident()}_{i}.py" for i in range(files)]
content = {}
out = sys.stdout.buffer
def emit_file(path, lines):
    data = ("\n".join(lines) + "\n").encode()
    out.write(f"M 100644 inline {path}\ndata {len(data)}\n".encode()); out.write(data); out.write(b"\n")
leaks = set(rng.sample(range(2, commits + 1), min(12, max(commits - 1, 0))))
t = 1_600_000_000
for c in range(1, commits + 1):
    msg = f"change {c}: {ident()} {ident()}".encode()
    t += rng.randint(30, 7200)
    out.write(b"commit refs/heads/main\n")
    out.write(f"committer Bench Bot <bench@example.org> {t} +0000\n".encode())
    out.write(f"data {len(msg)}\n".encode() + msg + b"\n")
    if c == 1:
        for path in names:
            content[path] = new_file(); emit_file(path, content[path])
    else:
        for path in rng.sample(names, changed):
            lines = content[path]
            for _ in range(rng.randint(1, 6)):
                at = rng.randrange(len(lines) + 1)
                if rng.random() < 0.5 and lines: lines[min(at, len(lines) - 1)] = any_line()
                else: lines.insert(at, any_line())
            if c in leaks:
                secret = github_token() if c % 2 else anthropic_key()
                lines.insert(rng.randrange(len(lines) + 1), f'    API_TOKEN = "{secret}"')
            emit_file(path, lines)
    out.write(b"\n")
PY
  (cd "$REPO" && git reset -q --hard main && git gc -q)
fi

[ -x "$BIN" ] || cargo build --release
cd "$REPO"
PACK_MB=$(du -sm "$(git rev-parse --git-common-dir)/objects" | cut -f1)
read -r BLOBS BLOB_BYTES < <(git cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' \
  | awk '$1=="blob"{n++; s+=$2} END{printf "%d %.0f\n", n, s}')
OBJECTS=$(git cat-file --batch-all-objects --batch-check | wc -l)
BLOB_MB=$(python3 -c "print(round($BLOB_BYTES/1048576, 1))")
echo "== repository: $(git rev-list --count --all) commits, $OBJECTS objects, $BLOBS blobs, $BLOB_MB MiB of unique blob content, objects folder $PACK_MB MiB"

measure() { # label, command...: one run, appended as a JSON line to $WORK/runs-<label>.jsonl
  local label=$1; shift
  local log="$WORK/time-${label// /-}.json"
  python3 "$ROOT/scripts/peak-memory.py" "$@" 2>"$log"
  tail -n 1 "$log" >> "$WORK/runs-${label// /-}.jsonl"
}

summarize() { # label: median of its runs, with the ratio to the decompression floor
  python3 - "$1" "$WORK/runs-${1// /-}.jsonl" "$BLOB_BYTES" "$WORK/runs-git-cat-file.jsonl" <<'PY'
import sys, json, statistics
label, log, blob_bytes, floor_log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def load(path):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    for m in runs:
        # leakgate exits 1 when it finds something: that is a result, not a failure.
        if m["exit"] > 1:
            sys.exit(f"{path}: a run failed with exit code {m['exit']}")
    return runs
runs, floor = load(log), load(floor_log)
med = lambda rs, f: statistics.median(f(m) for m in rs)
wall, cpu = med(runs, lambda m: m["wall_s"]), med(runs, lambda m: m["user_s"] + m["sys_s"])
rss, anon, mapped = (med(runs, lambda m: m[k]) / 1024 for k in ("maxrss_kib", "peak_anon_kib", "peak_file_kib"))
floor_wall, floor_cpu = med(floor, lambda m: m["wall_s"]), med(floor, lambda m: m["user_s"] + m["sys_s"])
mib = blob_bytes / 1048576
print(f"{label:>20}: wall {wall:6.2f} s ({mib / wall:6.1f} MiB/s, {wall / floor_wall:4.2f}x cat-file)  "
      f"cpu {cpu:6.2f} s ({mib / cpu:6.1f} MiB/cpu-s, {cpu / floor_cpu:4.2f}x cat-file)  "
      f"peak RSS {rss:6.1f} MiB (own {anon:.1f} MiB, mapped files {mapped:.1f} MiB)  [median of {len(runs)}]")
PY
}

rm -f "$WORK"/runs-*.jsonl
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times suffer from other load; CPU times less)"
echo "== warm the page cache"
git cat-file --batch-all-objects --batch >/dev/null
for run in $(seq "$RUNS"); do
  measure "git cat-file" git cat-file --batch-all-objects --batch
  measure "leakgate history" "$BIN" history --format json --output "$WORK/report.json"
  if [ -n "${BASELINE:-}" ]; then
    measure "baseline history" "$BASELINE" history --format json --output "$WORK/report-baseline.json"
  fi
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
summarize "git cat-file"
summarize "leakgate history"
[ -n "${BASELINE:-}" ] && summarize "baseline history"
python3 - "$WORK/report.json" <<'PY'
import json, sys, collections
report = json.load(open(sys.argv[1]))
by_rule = collections.Counter(f["rule"] for f in report["findings"])
with_commit = sum(1 for f in report["findings"] if f["commit"])
print(f"{'findings':>20}: {len(report['findings'])} ({dict(by_rule)}), {with_commit} with a commit; summary {report['summary']}")
PY
if [ -n "${BASELINE:-}" ]; then
  python3 - "$WORK/report.json" "$WORK/report-baseline.json" <<'PY'
import json, sys
def key(f):
    return (f["rule"], f.get("path"), f.get("line"), f["fingerprint"], (f.get("commit") or {}).get("id"))
a, b = (sorted(map(key, json.load(open(p))["findings"]), key=str) for p in sys.argv[1:3])
print(f"{'same findings':>20}: {'yes' if a == b else 'NO'} ({len(a)} vs {len(b)} for the baseline)")
PY
fi

if [ "${PROFILE:-0}" = 1 ]; then
  command -v perf >/dev/null || { echo "error: PROFILE=1 needs perf (apt-get install linux-perf)" >&2; exit 2; }
  echo "== profile (perf record, all threads, 999 Hz)"
  perf record -q -F 999 -o "$WORK/perf.data" -- "$BIN" history --format json --output "$WORK/report-profiled.json" || true
  perf report -i "$WORK/perf.data" --no-children --sort dso,sym --stdio 2>/dev/null \
    | python3 "$ROOT/scripts/profile-split.py"
fi

if [ -n "${FLAME:-}" ]; then
  command -v perf >/dev/null || { echo "error: FLAME needs perf (apt-get install linux-perf)" >&2; exit 2; }
  command -v inferno-flamegraph >/dev/null || { echo "error: FLAME needs inferno (cargo install inferno)" >&2; exit 2; }
  echo "== flame graph (perf record --call-graph dwarf, all threads, 199 Hz)"
  perf record -q -F 199 --call-graph dwarf,16384 -o "$WORK/perf-dwarf.data" -- \
    "$BIN" history --format json --output "$WORK/report-flame.json" || true
  perf script -i "$WORK/perf-dwarf.data" 2>/dev/null | inferno-collapse-perf >"$WORK/history.folded"
  inferno-flamegraph --title "leakgate history ($(basename "$REPO"))" --width 1600 --minwidth 2 \
    <"$WORK/history.folded" >"$FLAME"
  echo "   wrote $FLAME"
  python3 "$ROOT/scripts/profile-phases.py" <"$WORK/history.folded"
fi
