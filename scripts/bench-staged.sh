#!/usr/bin/env bash
# Hook latency: `leakgate staged` end to end (process start to exit) in a repository of
# 10,000 small source files with one commit, after modifying and staging 5 of them.
# Target: median under 20 ms.
#
# Usage: scripts/bench-staged.sh [RUNS]      (default 50 runs)
# Environment: REPO=/path/to/a/git/repository measures a clone of that repository instead
# (real code and history, e.g. one made by scripts/sdist-history.sh; 5 tracked text files
# spread over the tree get one added line each and are staged; the original is untouched),
# FILES (default 10000), KEEP=1 keeps the generated repository,
# LEAKGATE=/path/to/binary skips the build. The build honours cargo's usual environment
# (e.g. CARGO_PROFILE_RELEASE_LTO=false for a quicker, slightly slower build).
# Needs: git, awk; hyperfine if installed (else a `date +%s%N` loop); /usr/bin/time for RSS.
set -euo pipefail

runs=${1:-50}
files=${FILES:-10000}
checkout=$(cd "$(dirname "$0")/.." && pwd)

if [[ -z "${LEAKGATE:-}" ]]; then
    echo "building release..." >&2
    (cd "$checkout" && cargo build --release --quiet)
    target=${CARGO_TARGET_DIR:-$checkout/target}
    LEAKGATE=$target/release/leakgate
fi
[[ -x "$LEAKGATE" ]] || { echo "error: $LEAKGATE is not an executable" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/leakgate-bench-staged.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
    trap 'rm -rf "$work"' EXIT
fi
repo=$work/repo

# Isolated git: no user or system configuration, no enclosing hook's variables.
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_COMMON_DIR
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

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
        printf 'bench_edit_%d = "added line"\n' "$k" >> "$path"
        git add -- "$path"
    done
else
    mkdir -p "$repo"
    cd "$repo"
    git init -q -b main
    git config user.name bench
    git config user.email bench@example.org

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
        printf 'extra_setting_%d = compute("more", %d)\n' "$i" "$i" >> "$path"
        git add "$path"
    done
    git status --short | head -n 10 >&2
fi

"$LEAKGATE" staged --quiet || { echo "error: leakgate staged did not report clean" >&2; exit 2; }

# Let the kernel write back the files just generated, so that their writeback does not
# compete with the runs measured.
sync
sleep 2
echo "measuring $runs runs of: leakgate staged --quiet" >&2
times_ms=$work/times_ms
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 5 --runs "$runs" -N --export-json "$work/hyperfine.json" \
        "$LEAKGATE staged --quiet" >&2
    # The per-run times (seconds) from hyperfine's JSON, as milliseconds.
    tr -d '\n ' < "$work/hyperfine.json" | sed 's/.*"times":\[\([^]]*\)\].*/\1/' | tr ',' '\n' \
        | awk '{ printf "%.3f\n", $1 * 1000 }' > "$times_ms"
    tool=hyperfine
    # CPU time per run (mean user + system): unlike wall time, it does not depend on how
    # busy the machine is.
    tr -d '\n ' < "$work/hyperfine.json" \
        | sed 's/.*"user":\([0-9.e-]*\),"system":\([0-9.e-]*\).*/\1 \2/' \
        | awk '{ printf "cpu (user+system, mean): %.2f ms\n", ($1 + $2) * 1000 }' > "$work/cpu"
else
    for _ in 1 2 3 4 5; do "$LEAKGATE" staged --quiet; done
    : > "$times_ms"
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        "$LEAKGATE" staged --quiet
        end=$(date +%s%N)
        awk -v ns=$(( end - start )) 'BEGIN { printf "%.3f\n", ns / 1e6 }' >> "$times_ms"
    done
    tool="date +%s%N loop"
fi

sort -n "$times_ms" | awk -v tool="$tool" '
    { t[NR] = $1 }
    END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        p90 = t[int(NR * 0.9 + 0.999999)]
        printf "runs: %d (%s)\nmedian: %.2f ms\np90: %.2f ms\nmin: %.2f ms\nmax: %.2f ms\n",
            NR, tool, median, p90, t[1], t[NR]
    }'

[[ -f "$work/cpu" ]] && cat "$work/cpu"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) on $(nproc 2>/dev/null || echo '?') cores"

if [[ -x /usr/bin/time ]]; then
    rss=$(/usr/bin/time -v "$LEAKGATE" staged --quiet 2>&1 >/dev/null \
        | awk -F': ' '/Maximum resident set size/ { print $2 }')
    echo "peak RSS: ${rss} KiB"
fi
