#!/usr/bin/env bash
# Memory with many findings (issue 12 item 5): generates FINDINGS distinct Anthropic-shaped
# keys (the built-in `anthropic-api-key` rule reports each) spread over files of 10,000
# lines, then runs `leakgate scan` once per output format under `/usr/bin/time -v` and prints
# the peak RSS. Tokens are generated here at run time; none is committed.
#
# Usage: scripts/bench-findings.sh [WORKDIR]
#   FINDINGS=500000   how many keys
#   LEAKGATE=path     the binary (default: target/release/leakgate)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-${TMPDIR:-/tmp}/leakgate-bench-findings}
FINDINGS=${FINDINGS:-500000}
BIN=${LEAKGATE:-$PWD/target/release/leakgate}
mkdir -p "$WORK/tree"
if [ ! -f "$WORK/tree/.done-$FINDINGS" ]; then
  rm -rf "$WORK/tree" && mkdir -p "$WORK/tree"
  python3 - "$WORK/tree" "$FINDINGS" <<'PY'
import random, string, sys, os
root, total = sys.argv[1], int(sys.argv[2])
rng = random.Random(12)
alphabet = string.ascii_letters + string.digits
per_file = 10_000
for start in range(0, total, per_file):
    with open(os.path.join(root, f"keys{start // per_file:04}.txt"), "w") as f:
        for n in range(start, min(start + per_file, total)):
            body = "".join(rng.choice(alphabet) for _ in range(93))
            f.write(f"key_{n} = sk-ant-api{'03'}-{body}AA\n")
open(os.path.join(root, f".done-{total}"), "w").close()
PY
fi
for format in json jsonl sarif html; do
  /usr/bin/time -v "$BIN" scan "$WORK/tree" --no-ignore --format "$format" --output "$WORK/out.$format" \
    2> "$WORK/time.$format" || true
  rss=$(grep "Maximum resident" "$WORK/time.$format" | awk '{print $NF}')
  wall=$(grep "Elapsed (wall" "$WORK/time.$format" | awk '{print $NF}')
  # Occurrences, not lines: the HTML page holds its findings on one line.
  count=$(grep -o -E '"fingerprint"|"leakgateFingerprint/v1"' "$WORK/out.$format" | wc -l)
  echo "$format: peak RSS $((rss / 1024)) MiB, wall $wall, $count findings written"
done
