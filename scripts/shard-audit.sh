#!/usr/bin/env bash
# One shard of an organisation audit (docs/org-audit.md): audits every COUNT-th repository
# of a list, starting at INDEX, and writes a JSON report that `leakgate report merge`
# joins with the other shards'.
#
#   scripts/shard-audit.sh LIST INDEX COUNT OUTPUT [HISTORY OPTION...]
#
#   LIST    a file of repository URLs, one per line (`#` comments and blank lines skipped)
#   INDEX   this shard, 0 .. COUNT-1 (a GitHub Actions matrix value, or a Kubernetes
#           Indexed Job's JOB_COMPLETION_INDEX)
#   COUNT   how many shards there are
#   OUTPUT  the shard's JSON report
#   LEAKGATE  (environment) the leakgate program, default `leakgate` on PATH
#
# Repositories are dealt round-robin (the n-th URL goes to shard n mod COUNT), so shards
# stay balanced whatever the order of the list. The report is JSON, not JSON Lines: its
# summary carries the skips and errors the merge checks.
#
# Exit code: 0 when the shard's audit ran (with or without findings: the merge decides);
# 2 when it could not run or did not read everything (a repository not cloned, content
# skipped): the report is still written, and the merge fails closed on it.
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: $0 LIST INDEX COUNT OUTPUT [HISTORY OPTION...]" >&2
  exit 2
fi
list=$1 index=$2 count=$3 output=$4
shift 4
leakgate=${LEAKGATE:-leakgate}

if ! [[ "$count" =~ ^[1-9][0-9]*$ && "$index" =~ ^[0-9]+$ ]] || ((index >= count)); then
  echo "$0: INDEX must be 0..COUNT-1 and COUNT at least 1 (got INDEX=$index COUNT=$count)" >&2
  exit 2
fi
if [[ ! -r "$list" ]]; then
  echo "$0: $list: cannot read the repository list" >&2
  exit 2
fi

mine=$(mktemp "${TMPDIR:-/tmp}/leakgate-shard-XXXXXX")
trap 'rm -f "$mine"' EXIT
awk -v index_="$index" -v count="$count" '
  { sub(/\r$/, "") }
  /^[[:space:]]*(#|$)/ { next }
  { if (n % count == index_) print; n++ }
' "$list" >"$mine"

if [[ ! -s "$mine" ]]; then
  echo "$0: shard $index of $count has no repository ($list has fewer URLs than shards); use fewer shards" >&2
  exit 2
fi
echo "shard $index/$count: $(wc -l <"$mine") repositories" >&2

status=0
"$leakgate" history --repos "$mine" --format json --output "$output" "$@" || status=$?
case $status in
  0 | 1) exit 0 ;;
  *) exit "$status" ;;
esac
