#!/usr/bin/env bash
# The scan step of the leakgate GitHub Action (action.yml at the top of the repository).
#
# Picks the revision range to scan, runs `leakgate history`, and records the exit code as the
# step output `exit-code` instead of failing at once, so that the SARIF upload can run first
# and the action fails afterwards (on findings, if asked). Inputs arrive as environment
# variables, never spliced into the script text, so a branch name cannot inject commands:
#
#   LEAKGATE_RANGE   revision range (`A..B`); empty: chosen from the event, see below
#   LEAKGATE_FORMAT  report format (sarif, json, jsonl, human)
#   LEAKGATE_OUTPUT  report file
#   LEAKGATE_ARGS    extra arguments, separated by spaces
#   GITHUB_EVENT_NAME, PR_BASE_SHA, PR_HEAD_SHA, PUSH_BEFORE, GITHUB_SHA, GITHUB_REF,
#   DEFAULT_BRANCH (the repository's default branch), GITHUB_OUTPUT
#
# The range, when not given: a pull request scans `base..head` (the lines the pull request
# adds); a push scans `before..after` (the pushed commits); the first push of a new branch
# (or tag), whose `before` is all zeros, scans `origin/<default branch>..after`, the commits
# not on the default branch (the clone needs `fetch-depth: 0` for that ref); anything else
# (the first push of the default branch itself, a schedule, a manual run) audits the whole
# history. scripts/test-action.sh tests these choices in real repositories.
set -uo pipefail

range="${LEAKGATE_RANGE:-}"
if [[ -z "$range" ]]; then
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target)
      range="${PR_BASE_SHA:?the pull request base is unknown}..${PR_HEAD_SHA:?the pull request head is unknown}"
      ;;
    push)
      if [[ -n "${PUSH_BEFORE:-}" && ! "${PUSH_BEFORE}" =~ ^0+$ ]]; then
        range="${PUSH_BEFORE}..${GITHUB_SHA:?GITHUB_SHA is unset}"
      elif [[ -n "${DEFAULT_BRANCH:-}" && "${GITHUB_REF:-}" != "refs/heads/${DEFAULT_BRANCH}" ]]; then
        # A new branch: what it adds is what the default branch does not have.
        range="origin/${DEFAULT_BRANCH}..${GITHUB_SHA:?GITHUB_SHA is unset}"
      fi
      ;;
  esac
fi

# A range needs both ends in the clone; the default checkout fetches one commit only.
if [[ "$range" == *..* ]]; then
  base="${range%%..*}"
  if [[ -n "$base" ]] && ! git rev-parse --quiet --verify "${base}^{commit}" >/dev/null; then
    echo "::error::leakgate: ${base} is not in this clone; check out with \`fetch-depth: 0\` (actions/checkout)"
    echo "exit-code=2" >>"${GITHUB_OUTPUT:-/dev/null}"
    exit 2
  fi
fi

args=(history)
if [[ -n "$range" ]]; then
  args+=("$range")
fi
args+=(--format "${LEAKGATE_FORMAT:-sarif}" --output "${LEAKGATE_OUTPUT:-leakgate.sarif}")
if [[ -n "${LEAKGATE_ARGS:-}" ]]; then
  read -r -a extra <<<"${LEAKGATE_ARGS}"
  args+=("${extra[@]}")
fi

echo "leakgate ${args[*]}"
leakgate "${args[@]}"
code=$?
{
  echo "exit-code=${code}"
  echo "range=${range}"
} >>"${GITHUB_OUTPUT:-/dev/null}"
case "$code" in
  0) echo "leakgate: no findings" ;;
  1) echo "::error::leakgate: secrets found; see ${LEAKGATE_OUTPUT:-leakgate.sarif}" ;;
  *) exit "$code" ;;
esac
exit 0
