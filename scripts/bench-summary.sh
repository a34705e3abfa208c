#!/usr/bin/env bash
# Issue 17's summary table in one run (docs/performance.md, "Summary"): start-up, the hook in
# a 10k-file and a 100k-file repository, `scan` of the PyPI/npm tree and of the cargo
# registry, and the history audit, each for two binaries run alternately (paired runs).
#
# Usage: BEFORE=/path/to/old/leakgate AFTER=/path/to/new/leakgate scripts/bench-summary.sh
# Needs the workloads of scripts/bench-workloads.sh (SCAN_TREE, default
# /tmp/leakgate-workloads/scan-tree) and scripts/release-history.sh (the history workload),
# and a 100,000-file repository made by `FILES=100000 KEEP=1 scripts/bench-staged.sh`
# (MONOREPO=<its work tree>; skipped when unset). perf (Debian `linux-perf`) for start-up.
set -euo pipefail
: "${BEFORE:?set BEFORE to the old binary}" "${AFTER:?set AFTER to the new binary}"
tree=${SCAN_TREE:-/tmp/leakgate-workloads/scan-tree}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

echo "== start-up: scan of a 4-byte file (perf stat -r 30)"
tiny=$(mktemp -d)
trap 'rm -rf "$tiny"' EXIT
git init -q "$tiny" && echo abc >"$tiny/a.txt"
for bin in "$BEFORE" "$AFTER"; do
    echo "$bin"
    (cd "$tiny" && perf stat -r 30 "$bin" scan "$tiny/a.txt" 2>&1 >/dev/null | grep -E "task-clock|elapsed")
done

echo "== hook: 5 staged files in a 10k-file repository"
LEAKGATE="$AFTER" BASELINE="$BEFORE" bash scripts/bench-staged.sh 20 | grep -E "leakgate|median|cpu|RSS"
if [[ -n "${MONOREPO:-}" ]]; then
    echo "== hook: 100k-file monorepo"
    STAGED="$MONOREPO" LEAKGATE="$AFTER" BASELINE="$BEFORE" bash scripts/bench-staged.sh 20 |
        grep -E "leakgate|median|cpu|RSS"
fi

scan() { # label, tree, extra args...
    local label=$1 dir=$2
    shift 2
    for bin in "$BEFORE" "$AFTER"; do
        # Exit code 1 means findings, which these trees have: only the timing line matters.
        /usr/bin/time -o "$tiny/time" -f "$label $bin: %U user %S sys %e wall %M KB" \
            "$bin" scan "$dir" --no-ignore "$@" --format json --output "$tiny/r.json" 2>/dev/null || true
        cat "$tiny/time"
        python3 -c "import json,sys; print('  findings', json.load(open(sys.argv[1]))['summary']['findings'])" "$tiny/r.json"
    done
}
echo "== scan: $(du -sb "$tree" | cut -f1) bytes of PyPI/npm packages"
scan "1 thread" "$tree" --threads 1
scan "all cores" "$tree"
echo "== scan: cargo registry, $(du -sb ~/.cargo/registry/src | cut -f1) bytes"
scan "1 thread" ~/.cargo/registry/src --threads 1 --no-binary
scan "all cores" ~/.cargo/registry/src --no-binary

echo "== history: the release workload against git cat-file"
WORKLOAD=releases LEAKGATE="$AFTER" BASELINE="$BEFORE" RUNS=1 bash scripts/bench-history.sh | tail -6
