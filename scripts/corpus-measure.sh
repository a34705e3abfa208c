#!/usr/bin/env bash
# Scans the corpus fetched by scripts/corpus-fetch.sh and prints findings per 100 MB, by
# rule, for the tuning split and the held-aside split separately.
#
#   [SPLITS="tune heldout fresh"] scripts/corpus-measure.sh [CACHE_DIR] [LEAKGATE_BINARY]
#   (the Go/YAML/HCL pair: SPLITS="wild-tune wild-heldout"; Java, Kotlin, C# and Swift:
#   SPLITS="wild-tune4 wild-fresh4")
#   [KEEP=DIR] keeps each split's findings as DIR/<split>.jsonl, to read them (tuning splits
#   only: a held-aside split's findings are not read).
#
# Every file is scanned as it is (`scan` over a directory; binary files follow the
# scanner's own policy). No allowlist is used.
set -euo pipefail
CACHE="${1:-$HOME/.cache/leakgate-corpus}"
BIN="$(realpath "${2:-target/release/leakgate}")"
for split in ${SPLITS:-tune heldout fresh}; do
  dir="$CACHE/unpacked/$split"
  [ -d "$dir" ] || { echo "$dir missing: run scripts/corpus-fetch.sh" >&2; exit 2; }
  bytes=$(du -sb "$dir" | cut -f1)
  out=$(mktemp)
  # Exit 1 means findings; anything else above 1 is an error.
  set +e
  (cd "$dir" && "$BIN" scan --format jsonl . >"$out" 2>"$out.err")
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then cat "$out.err" >&2; exit "$rc"; fi
  python3 - "$out" "$bytes" "$split" <<'PY'
import collections, json, sys
path, size, split = sys.argv[1], int(sys.argv[2]), sys.argv[3]
by_rule = collections.Counter()
for line in open(path):
    line = line.strip()
    if not line.startswith("{"):
        continue
    obj = json.loads(line)
    if obj.get("rule"):
        by_rule[obj["rule"]] += 1
mb = size / 1e6
total = sum(by_rule.values())
print(f"{split}: {mb:.1f} MB, {total} findings, {total / mb * 100:.2f} per 100 MB")
for rule, n in by_rule.most_common():
    print(f"  {rule:28} {n:5}  {n / mb * 100:6.2f} per 100 MB")
PY
  if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$out" "$KEEP/$split.jsonl"; fi
  rm -f "$out" "$out.err"
done
