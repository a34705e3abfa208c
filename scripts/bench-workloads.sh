#!/usr/bin/env bash
# The `scan` workload of issue 17 (docs/performance.md, "scan of a large tree"): a tree of
# unpacked PyPI wheels and npm packages at pinned versions (Python, JavaScript and TypeScript
# sources, minified bundles, JSON API models, docs), built once from the registries with
# their own clients (`pip download --no-deps`, `npm pack`), then scanned by leakgate's
# release build. Prints size, wall seconds, MB/s, CPU seconds and peak RSS per run, and the
# median of RUNS runs, for one thread and for all cores.
#
# Usage: scripts/bench-workloads.sh [WORKDIR]   (default /tmp/leakgate-workloads)
#   LEAKGATE=path/to/leakgate   the binary to measure (default target/release/leakgate)
#   RUNS=3                       runs per configuration
#   BUILD_ONLY=1                 build the tree and stop
#   PROFILE=1                    also record `perf record -g` of a one-thread run and print
#                                the top of `perf report` (needs `perf`: Debian `linux-perf`)
#   BOUNDS=1                     also measure what no scan can go below, one thread:
#                                reading every file with a cold and a warm page cache, and
#                                one pass of every rule's keywords over the same bytes
#                                (examples/scan_bounds.rs; BOUNDS_BIN= a built copy, else
#                                `cargo build --release --example scan_bounds`). The cold
#                                run evicts only this tree's pages (posix_fadvise DONTNEED).
# A download that fails stops the script: the tree must be the same every time, or the
# figures of two runs are not comparable.
set -euo pipefail

WORK="${1:-/tmp/leakgate-workloads}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LEAKGATE="${LEAKGATE:-$ROOT/target/release/leakgate}"
RUNS="${RUNS:-3}"
TREE="$WORK/scan-tree"
DL="$WORK/downloads"

# Pinned versions: the tree is the same on every machine and in every session.
PYPI=(
    botocore==1.35.36
    plotly==5.24.1
    sympy==1.13.3
    Django==5.1.2
    azure-mgmt-network==27.0.0
    google-api-python-client==2.149.0
    kubernetes==31.0.0
    scipy==1.14.1
    pandas==2.2.3
    numpy==2.1.2
)
NPM=(
    aws-sdk@2.1691.0
    googleapis@144.0.0
    typescript@5.6.3
    monaco-editor@0.52.0
    three@0.169.0
    echarts@5.5.1
    pdfjs-dist@4.7.76
    @mui/icons-material@6.1.4
    lodash@4.17.21
    rxjs@7.8.1
)

build_tree() {
    mkdir -p "$DL/pypi" "$DL/npm" "$TREE/pypi" "$TREE/npm"
    for spec in "${PYPI[@]}"; do
        local name="${spec%%==*}" version="${spec##*==}"
        local dest="$TREE/pypi/$name-$version"
        [ -d "$dest" ] && continue
        # Wheels only: `pip download` of a source distribution builds its metadata, which
        # for some packages (plotly) installs their build tools first and takes minutes.
        if ! ls "$DL/pypi/"*"$version"* >/dev/null 2>&1; then
            pip download --quiet --no-deps --only-binary :all: --dest "$DL/pypi" "$spec"
        fi
        local archive
        archive="$(ls "$DL/pypi/"* | grep -i -- "${name//-/[-_]}-$version" | head -n1)"
        mkdir -p "$dest.tmp"
        case "$archive" in
            *.whl | *.zip) python3 -m zipfile -e "$archive" "$dest.tmp" ;;
            *.tar.gz) tar -xzf "$archive" -C "$dest.tmp" ;;
            *) echo "bench-workloads: $archive: unknown archive type" >&2; exit 2 ;;
        esac
        mv "$dest.tmp" "$dest"
    done
    for spec in "${NPM[@]}"; do
        local flat="${spec//\//-}"
        flat="${flat#@}"
        local dest="$TREE/npm/$flat"
        [ -d "$dest" ] && continue
        local tarball
        tarball="$(cd "$DL/npm" && npm pack --silent "$spec" | tail -n1)"
        mkdir -p "$dest.tmp"
        tar -xzf "$DL/npm/$tarball" -C "$dest.tmp"
        mv "$dest.tmp" "$dest"
    done
}

build_tree
BYTES=$(du -sb "$TREE" | cut -f1)
FILES=$(find "$TREE" -type f | wc -l)
MB=$(python3 -c "print(f'{$BYTES/1e6:.1f}')")
echo "tree: $TREE: $MB MB, $FILES files"
if [ "$BYTES" -lt 500000000 ]; then
    echo "bench-workloads: the tree is under 500 MB; add packages to PYPI/NPM" >&2
    exit 2
fi
[ "${BUILD_ONLY:-0}" = 1 ] && exit 0

if [ ! -x "$LEAKGATE" ]; then
    echo "bench-workloads: $LEAKGATE not found: cargo build --release (or set LEAKGATE)" >&2
    exit 2
fi
echo "binary: $LEAKGATE"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"

# One run: wall, user+sys and peak RSS from /usr/bin/time -v; the file cache is warm (the
# tree was just read), so this measures scanning, not the disk.
run_once() {
    local threads="$1" log="$WORK/time.log"
    /usr/bin/time -v "$LEAKGATE" scan "$TREE" --no-ignore --threads "$threads" \
        --format json --output "$WORK/findings.json" 2>"$log" >/dev/null || {
        local rc=$?
        # 1 = findings, which is expected in third-party packages.
        [ "$rc" = 1 ] || { cat "$log" >&2; exit 2; }
    }
    python3 - "$log" "$BYTES" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", text).group(1).strip()
user, system = float(field("User time (seconds)")), float(field("System time (seconds)"))
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
mb = int(sys.argv[2]) / 1e6
print(f"{seconds:.3f} {user + system:.3f} {rss:.1f} {mb / seconds:.1f} {mb / (user + system):.1f}")
PY
}

for threads in 1 0; do
    label=$([ "$threads" = 1 ] && echo "1 thread" || echo "all cores")
    results=()
    run_once "$threads" >/dev/null # warm the file cache
    for _ in $(seq "$RUNS"); do
        results+=("$(run_once "$threads")")
    done
    printf '%s\n' "${results[@]}" | python3 -c "
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
med = [statistics.median(c) for c in zip(*rows)]
print(f'scan, $label, median of {len(rows)}: wall {med[0]:.2f} s, {med[3]:.0f} MB/s, '
      f'CPU {med[1]:.2f} s ({med[4]:.0f} MB per CPU-s), peak RSS {med[2]:.0f} MiB')
"
done
FOUND=$(python3 -c "import json; print(len(json.load(open('$WORK/findings.json'))['findings']))" 2>/dev/null || echo "?")
echo "findings: $FOUND"

if [ "${PROFILE:-0}" = 1 ]; then
    perf record -q -g -o "$WORK/perf.data" -- "$LEAKGATE" scan "$TREE" --no-ignore --threads 1 \
        --format json --output "$WORK/findings.json" >/dev/null 2>&1 || true
    perf report -i "$WORK/perf.data" --no-children --sort symbol --percent-limit 1 --stdio 2>/dev/null |
        grep -v '^#' | grep '%' | head -n 40
fi

if [ "${BOUNDS:-0}" = 1 ]; then
    BOUNDS_BIN="${BOUNDS_BIN:-$ROOT/target/release/examples/scan_bounds}"
    [ -x "$BOUNDS_BIN" ] || (cd "$ROOT" && cargo build --release --example scan_bounds)
    evict() {
        python3 - "$TREE" <<'PY'
import os, sys
for root, _, files in os.walk(sys.argv[1]):
    for name in files:
        try:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
        except OSError:
            continue
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
PY
    }
    bound() {
        local what="$1" mode="$2"
        /usr/bin/time -f "%U %S %e %M" "$BOUNDS_BIN" "$mode" "$TREE" 2>"$WORK/bound.log" >"$WORK/bound.out"
        python3 - "$WORK/bound.log" "$BYTES" "$what" "$(head -n 1 "$WORK/bound.out")" <<'PY'
import sys
user, system, wall, rss = map(float, open(sys.argv[1]).read().split()[-4:])
mb = int(sys.argv[2]) / 1e6
print(f"bound, {sys.argv[3]}: wall {wall:.2f} s ({mb / wall:.0f} MB/s), CPU {user + system:.2f} s "
      f"(user {user:.2f}, sys {system:.2f}; {mb / (user + system):.0f} MB per CPU-s), "
      f"peak RSS {rss / 1024:.0f} MiB  [{sys.argv[4]}]")
PY
    }
    evict
    bound "read, cold cache" read
    bound "read, warm cache" read
    bound "read + keyword pass (all rules' keywords, src/scan/anchors.rs)" keywords
    bound "read + keyword pass + windows (src/scan/prefilter.rs)" regions
    echo "windows by rule (most bytes first):"
    tail -n +2 "$WORK/bound.out"
fi

# gitleaks and Nosey Parker are Go and Rust binaries published on GitHub; neither is a
# package on the registries this project reaches (PyPI, npm, crates.io, Debian 12), so they
# are not measured here.
for peer in gitleaks noseyparker; do
    if command -v "$peer" >/dev/null; then
        echo "$peer is installed: compare with: /usr/bin/time -v $peer ..."
    fi
done
