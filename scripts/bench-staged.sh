#!/usr/bin/env bash
# Hook latency: `leakgate staged` end to end (process start to exit) in a repository of
# 10,000 small source files with one commit, after modifying and staging 5 of them
# (ADDED lines each, 26 by default: 130 added lines, a typical commit).
# Goal (issue 17): median under 10 ms; under 15 ms in a large monorepo (FILES=100000).
#
# Usage: scripts/bench-staged.sh [RUNS]      (default 50 runs)
# Environment: STAGED=/path/to/a/work/tree measures there as it is, no generation, no clone
# (a repository this script made with KEEP=1, which holds the 5 staged files; e.g. the
# 100,000-file monorepo, which takes minutes to make), REPO=/path/to/a/git/repository measures a clone of that repository instead
# (real code and history, e.g. the issue-17 release history made by
# scripts/release-history.sh, or one made by scripts/sdist-history.sh; 5 tracked text files
# spread over the tree get ADDED lines each and are staged; the original is untouched),
# FILES (default 10000), ADDED (default 26), KEEP=1 keeps the generated repository,
# LEAKGATE=/path/to/binary skips the build, BASELINE=/path/to/another/binary is run
# alternately with it (paired runs: both see the same load). The build honours cargo's usual
# environment (e.g. CARGO_PROFILE_RELEASE_LTO=false for a quicker, slightly slower build).
# Needs: git, awk, python3.
set -euo pipefail

runs=${1:-50}
files=${FILES:-10000}
added=${ADDED:-26}
checkout=$(cd "$(dirname "$0")/.." && pwd)

if [[ -z "${LEAKGATE:-}" ]]; then
    echo "building release..." >&2
    (cd "$checkout" && cargo build --release --quiet)
    target=${CARGO_TARGET_DIR:-$checkout/target}
    LEAKGATE=$target/release/leakgate
fi
[[ -x "$LEAKGATE" ]] || { echo "error: $LEAKGATE is not an executable" >&2; exit 2; }

# Isolated git: no user or system configuration, no enclosing hook's variables.
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_COMMON_DIR
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

if [[ -n "${STAGED:-}" ]]; then
    cd "$STAGED"
    echo "measuring in $STAGED: $(git ls-files | wc -l) tracked files" >&2
    git status --short --untracked-files=no | head -n 10 >&2
else
work=$(mktemp -d "${TMPDIR:-/tmp}/leakgate-bench-staged.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
    trap 'rm -rf "$work" || true' EXIT
fi
repo=$work/repo

if [[ -n "${REPO:-}" ]]; then
    echo "cloning $REPO..." >&2
    git clone -q "$REPO" "$repo"
    cd "$repo"
    git config user.name bench
    git config user.email bench@example.org
    echo "$(git ls-files | wc -l) tracked files, $(git rev-list --count HEAD) commits" >&2
    # 5 tracked text files spread evenly over the sorted list of paths, one added line each.
    mapfile -t text_files < <(git grep -I -l '' -- . | sort)
    count=${#text_files[@]}
    (( count >= 5 )) || { echo "error: $REPO has fewer than 5 text files" >&2; exit 2; }
    for k in 0 1 2 3 4; do
        path=${text_files[$(( (2 * k + 1) * count / 10 ))]}
        for line in $(seq "$added"); do
            printf 'bench_edit_%d_%d = compute("added line", %d)\n' "$k" "$line" "$line" >> "$path"
        done
        git add -- "$path"
    done
else
    mkdir -p "$repo"
    cd "$repo"
    git init -q -b main
    git config user.name bench
    git config user.email bench@example.org
    # No background `git gc --auto` after the big commit: it would run during the timed
    # runs, and race the clean-up of the work directory.
    git config gc.auto 0

    echo "generating $files files..." >&2
    # Realistic small files: Python, JavaScript and Rust modules of 20 to 80 lines, 100 per
    # folder, with the identifiers, strings and numbers source code has.
    awk -v files="$files" 'BEGIN {
        srand(42)
        split("py js rs", exts, " ")
        for (i = 0; i < files; i++) {
            dir = sprintf("src/pkg_%03d", int(i / 100))
            if (i % 100 == 0) system("mkdir -p " dir)
            ext = exts[i % 3 + 1]
            path = sprintf("%s/module_%05d.%s", dir, i, ext)
            lines = 20 + int(rand() * 60)
            for (l = 0; l < lines; l++) {
                n = int(rand() * 100000)
                if (ext == "py") {
                    if (l % 10 == 0) print "def handler_" i "_" l "(request, limit=" n "):" > path
                    else if (l % 10 == 1) print "    \"\"\"Handle request " n " for module " i ".\"\"\"" > path
                    else print "    value_" l " = compute(request.get(\"field_" l "\"), " n ") + limit" > path
                } else if (ext == "js") {
                    if (l % 10 == 0) print "export function handler" i "_" l "(req, limit = " n ") {" > path
                    else if (l % 10 == 9) print "}" > path
                    else print "  const value" l " = compute(req.field" l ", " n ", \"label-" n "\");" > path
                } else {
                    if (l % 10 == 0) print "pub fn handler_" i "_" l "(input: &str, limit: u32) -> u32 {" > path
                    else if (l % 10 == 9) print "}" > path
                    else print "    let value_" l " = compute(input, " n ", \"label-" n "\") + limit;" > path
                }
            }
            close(path)
        }
    }'
    git add -A
    git commit -q -m "10,000 files"

    # Modify and stage 5 files, as a typical commit does.
    for i in 17 2345 5001 7777 9990; do
        if (( i >= files )); then i=$(( i % files )); fi
        path=$(printf 'src/pkg_%03d/module_%05d' $(( i / 100 )) "$i")
        path=$(ls "$path".* | head -n 1)
        for line in $(seq "$added"); do
            printf 'extra_setting_%d_%d = compute("more", %d)\n' "$i" "$line" "$line" >> "$path"
        done
        git add "$path"
    done
    git status --short | head -n 10 >&2
fi
fi

"$LEAKGATE" staged --quiet || { echo "error: leakgate staged did not report clean" >&2; exit 2; }

# Let the kernel write back the files just generated, so that their writeback does not
# compete with the runs measured.
sync
sleep 2
echo "measuring $runs runs of: leakgate staged --quiet${BASELINE:+ (alternating with $BASELINE)}" >&2
# Each run: wall time from fork to exit, CPU time and peak RSS from the kernel (wait4).
python3 - "$runs" "$LEAKGATE" ${BASELINE:+"$BASELINE"} <<'PY'
import os, statistics, subprocess, sys, time
runs, binaries = int(sys.argv[1]), sys.argv[2:]
def once(binary):
    started = time.perf_counter()
    child = subprocess.Popen([binary, "staged", "--quiet"])
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{binary} staged exited with {os.waitstatus_to_exitcode(status)}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024
for binary in binaries:
    for _ in range(5):
        once(binary)  # warm-up
results = {b: [] for b in binaries}
for _ in range(runs):
    for binary in binaries:
        results[binary].append(once(binary))
for binary in binaries:
    r = results[binary]
    wall = sorted(x[0] for x in r)
    p90 = wall[min(len(wall) - 1, int(len(wall) * 0.9))]
    print(f"{binary}:\n  runs: {len(r)}\n  median: {statistics.median(wall):.2f} ms\n  p90: {p90:.2f} ms\n"
          f"  min: {wall[0]:.2f} ms\n  cpu (user+system, median): {statistics.median(x[1] for x in r):.2f} ms\n"
          f"  peak RSS (median): {statistics.median(x[2] for x in r):.1f} MiB")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) on $(nproc 2>/dev/null || echo '?') cores"
