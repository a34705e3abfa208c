#!/usr/bin/env bash
# Tests the range choice of the GitHub Action's scan step (scripts/action-run.sh) in real git
# repositories with the real leakgate binary, the way the action runs it on a runner: a
# clone with full history (`fetch-depth: 0`: every branch under refs/remotes/origin/), the
# event's values in the environment, and GITHUB_OUTPUT read back.
#
#   main:     A (clean) -- B (token 1: old history, already on the default branch)
#   feature:  B -- C (token 2) -- D (clean)
#
# Cases: the first push of `feature` scans origin/main..D (finds token 2 in C, not token 1);
# the first push of the default branch audits the whole history; a later push scans
# before..after; a pull request scans base..head; a first push in a clone without the
# default branch fails with exit 2 and asks for `fetch-depth: 0`.
#
# Usage: scripts/test-action.sh        (LEAKGATE=/path/to/leakgate skips the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$(pwd)

if [[ -z "${LEAKGATE:-}" ]]; then
  cargo build --quiet --bin leakgate
  LEAKGATE="${CARGO_TARGET_DIR:-$checkout/target}/debug/leakgate"
fi
[[ -x "$LEAKGATE" ]] || { echo "test-action: $LEAKGATE is not an executable" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/leakgate-test-action.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$LEAKGATE" "$work/bin/leakgate"
export PATH="$work/bin:$PATH"

unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_COMMON_DIR GIT_OBJECT_DIRECTORY GIT_PREFIX
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
export GIT_AUTHOR_NAME="Action Test" GIT_AUTHOR_EMAIL=action@example.org
export GIT_COMMITTER_NAME="Action Test" GIT_COMMITTER_EMAIL=action@example.org

passed=0
failed=0
check() { # check NAME CONDITION-RESULT DETAILS
  if [[ "$2" == 0 ]]; then
    echo "test-action: ok: $1"
    passed=$((passed + 1))
  else
    echo "test-action: FAIL: $1" >&2
    echo "$3" >&2
    failed=$((failed + 1))
  fi
}

# Token-shaped values made at run time (an Anthropic API key's shape), never committed.
token() {
  python3 -c '
import random, string, sys
rng = random.Random(int(sys.argv[1]))
body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(93))
print("sk-ant-api" + "03-" + body + "AA")' "$1"
}

# --- the repositories --------------------------------------------------------------------
git init -q --bare -b main "$work/origin.git"
src=$work/src
git clone -q "$work/origin.git" "$src" 2>/dev/null
git -C "$src" checkout -q -b main
echo "print('a')" >"$src/a.py"
git -C "$src" add -A && git -C "$src" commit -q -m "A"
printf 'OLD_KEY = "%s"\n' "$(token 1)" >"$src/old.py"
git -C "$src" add -A && git -C "$src" commit -q -m "B"
commit_b=$(git -C "$src" rev-parse HEAD)
git -C "$src" push -q origin main
git -C "$src" checkout -q -b feature
printf 'NEW_KEY = "%s"\n' "$(token 2)" >"$src/new.py"
git -C "$src" add -A && git -C "$src" commit -q -m "C"
commit_c=$(git -C "$src" rev-parse HEAD)
echo "print('d')" >"$src/d.py"
git -C "$src" add -A && git -C "$src" commit -q -m "D"
commit_d=$(git -C "$src" rev-parse HEAD)
git -C "$src" push -q origin feature

# What actions/checkout with fetch-depth: 0 leaves: every branch as origin/*, HEAD detached
# at the pushed commit.
clone=$work/clone
git clone -q "$work/origin.git" "$clone"
git -C "$clone" checkout -q --detach "$commit_d"

zeros=0000000000000000000000000000000000000000

# From here on a failed condition is a failed check (reported by `check`), not an exit.
set +e

# run_action DIR VAR=VALUE...: runs the scan step in DIR with those event values; sets
# $code, $range (from GITHUB_OUTPUT), $report (the JSONL report) and $log.
run_action() {
  local dir=$1
  shift
  local output=$work/github_output
  : >"$output"
  rm -f "$work/report.jsonl"
  log=$(cd "$dir" && env -u GITHUB_EVENT_NAME -u PUSH_BEFORE -u PR_BASE_SHA -u PR_HEAD_SHA \
    -u GITHUB_REF -u DEFAULT_BRANCH -u LEAKGATE_RANGE \
    GITHUB_OUTPUT="$output" LEAKGATE_FORMAT=jsonl LEAKGATE_OUTPUT="$work/report.jsonl" \
    LEAKGATE_ARGS="" "$@" bash "$checkout/scripts/action-run.sh" 2>&1)
  code=$?
  range=$(sed -n 's/^range=//p' "$output")
  report=$(cat "$work/report.jsonl" 2>/dev/null || true)
}

# 1. The first push of a new branch: the commits not on the default branch.
run_action "$clone" GITHUB_EVENT_NAME=push PUSH_BEFORE=$zeros GITHUB_SHA="$commit_d" \
  GITHUB_REF=refs/heads/feature DEFAULT_BRANCH=main
[[ "$range" == "origin/main..$commit_d" && "$code" == 0 ]]
check "first push of a new branch scans origin/main..after" $? "range=$range code=$code $log"
[[ "$report" == *"$commit_c"* && "$report" != *"$commit_b"* ]]
check "first push of a new branch finds the branch's token, not the default branch's" $? "$report"
grep -q '^exit-code=1$' "$work/github_output"
check "first push of a new branch records exit-code 1 (findings)" $? "$(cat "$work/github_output")"

# 2. The first push of the default branch itself (a new repository): the whole history.
run_action "$clone" GITHUB_EVENT_NAME=push PUSH_BEFORE=$zeros GITHUB_SHA="$commit_b" \
  GITHUB_REF=refs/heads/main DEFAULT_BRANCH=main
[[ -z "$range" && "$report" == *"$commit_b"* ]]
check "first push of the default branch audits the whole history" $? "range=$range $log $report"

# 3. A later push: before..after.
run_action "$clone" GITHUB_EVENT_NAME=push PUSH_BEFORE="$commit_c" GITHUB_SHA="$commit_d" \
  GITHUB_REF=refs/heads/feature DEFAULT_BRANCH=main
[[ "$range" == "$commit_c..$commit_d" && "$code" == 0 && "$report" != *"$commit_c"* ]] &&
  grep -q '^exit-code=0$' "$work/github_output"
check "a later push scans before..after only" $? "range=$range code=$code $log $report"

# 4. A pull request: base..head.
run_action "$clone" GITHUB_EVENT_NAME=pull_request PR_BASE_SHA="$commit_b" PR_HEAD_SHA="$commit_d" \
  GITHUB_SHA="$commit_d" DEFAULT_BRANCH=main
[[ "$range" == "$commit_b..$commit_d" && "$report" == *"$commit_c"* && "$report" != *"$commit_b"* ]]
check "a pull request scans base..head" $? "range=$range $log $report"

# 5. A first push in a clone that lacks the default branch: an error asking for full history.
single=$work/single
git clone -q --single-branch --branch feature "$work/origin.git" "$single"
run_action "$single" GITHUB_EVENT_NAME=push PUSH_BEFORE=$zeros GITHUB_SHA="$commit_d" \
  GITHUB_REF=refs/heads/feature DEFAULT_BRANCH=main
[[ "$code" == 2 && "$log" == *"fetch-depth: 0"* ]]
check "a first push without the default branch in the clone fails with exit 2" $? "code=$code $log"

echo "test-action: ${passed} passed, ${failed} failed"
[[ "$failed" == 0 ]]
