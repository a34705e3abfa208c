#!/usr/bin/env bash
# False-positive benchmark (issue 6, part 3): scans a large body of real code that holds no
# live secrets and reports how often the rules fire on it.
#
# The corpus is the source of every crate this project depends on (`cargo fetch` fills the
# local registry with hundreds of MB of real Rust, C, JSON and test data), plus any extra
# directories given as arguments (e.g. /usr/share/doc /usr/lib/python3). Every finding in it
# is either noise to fix or a published test key to list in docs/precision.md.
#
# Usage: scripts/fp-bench.sh [EXTRA_DIR...]
#   LEAKGATE=path/to/leakgate   use that binary instead of building release
#   SAMPLES=N                   sample paths shown per rule (default 3)
# Prints: corpus size in MB, total findings, findings per 100 MB, findings by rule with
# sample paths (secrets redacted, as leakgate always does without --show-secrets).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fetch --quiet
if [[ -z "${LEAKGATE:-}" ]]; then
  cargo build --release --quiet --bin leakgate
  LEAKGATE=target/release/leakgate
fi

registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
corpus=("$registry" "$@")
out="$(mktemp -t leakgate-fp.XXXXXX.jsonl)"
trap 'rm -f "$out" "$out.err"' EXIT

# Exit code 1 means "findings", which is what we are counting; 2 is a real error.
# Its warnings (no git repository around the registry) are shown only on failure.
status=0
"$LEAKGATE" scan --no-ignore --format jsonl --quiet "${corpus[@]}" >"$out" 2>"$out.err" || status=$?
if [[ $status -gt 1 ]]; then
  cat "$out.err" >&2
  echo "fp-bench: leakgate scan failed with exit code $status" >&2
  exit "$status"
fi

python3 - "$out" "${SAMPLES:-3}" "${corpus[@]}" <<'PY'
import collections, json, os, sys

report, samples, roots = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def tree_bytes(root):
    total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        for name in filenames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                try:
                    total += os.path.getsize(path)
                except OSError:
                    pass
    return total

size_mb = sum(tree_bytes(r) for r in roots) / 1e6
findings = [json.loads(line) for line in open(report) if line.strip()]
by_rule = collections.defaultdict(list)
for f in findings:
    by_rule[f["rule"]].append(f)

def short(path):
    for root in roots:
        if path and path.startswith(root.rstrip("/") + "/"):
            return path[len(root.rstrip("/")) + 1:]
    return path

print("corpus:", ", ".join(roots))
print(f"corpus size: {size_mb:.1f} MB")
print(f"findings: {len(findings)}")
print(f"findings per 100 MB: {len(findings) * 100 / size_mb:.2f}" if size_mb else "findings per 100 MB: n/a")
print()
print(f"{'rule':32} {'count':>5}  samples (path:line secret)")
for rule, hits in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    shown = [
        f"{short(h['path'])}:{h['line']} {h['secret']}" if h["kind"] == "secret"
        else f"{short(h['path'])} (sensitive file)"
        for h in hits[:samples]
    ]
    print(f"{rule:32} {len(hits):>5}  {shown[0] if shown else ''}")
    for s in shown[1:]:
        print(f"{'':32} {'':>5}  {s}")
PY
