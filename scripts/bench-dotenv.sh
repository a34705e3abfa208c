#!/usr/bin/env bash
# Times `leakgate dotenv` and `leakgate scan` on a generated work tree: 20,000 tracked
# source files in 1,000 folders, plus an ignored node_modules/ with 50,000 files, and .env
# files in every state. The cost of the git checks in `scan` (survey + tracked-but-ignored
# files) is the difference between a scan inside the repository and a scan of a copy of
# the same tree that is not a repository.
#
# usage: scripts/bench-dotenv.sh [BINARY]   (default: target/release/leakgate)
set -euo pipefail
binary="$(realpath "${1:-target/release/leakgate}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/repo" <<'EOF'
import os, sys
root = sys.argv[1]
for d in range(1000):
    p = f"{root}/src/m{d//50}/d{d}"
    os.makedirs(p, exist_ok=True)
    for f in range(20):
        open(f"{p}/f{f}.py", "w").write(f"x = {d*f}\n" * 5)
    if d % 100 == 0:
        open(f"{p}/.env", "w").write("A=1\n")
for d in range(2500):
    p = f"{root}/node_modules/pkg{d//25}/sub{d}"
    os.makedirs(p, exist_ok=True)
    for f in range(20):
        open(f"{p}/i{f}.js", "w").write("module.exports=1\n")
    if d % 500 == 0:
        open(f"{p}/.env", "w").write("A=1\n")
open(f"{root}/.gitignore", "w").write("node_modules/\n*.log\nsrc/m3/\n")
EOF
cd "$work/repo"
git init -q
git add .
git -c user.email=bench@example.org -c user.name=bench commit -qm init
cp -r "$work/repo" "$work/plain" && rm -rf "$work/plain/.git"
echo "tracked: $(git ls-files | wc -l) files; on disk: $(find . -type f -not -path './.git/*' | wc -l) files"

hyperfine --warmup 2 --runs 10 -i \
  -n "dotenv (full walk, ignores off)" "$binary dotenv $work/repo" \
  -n "scan, in the repository" "$binary scan $work/repo" \
  -n "scan, same tree outside git" "$binary scan $work/plain"
/usr/bin/time -v "$binary" dotenv "$work/repo" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed" || true
