#!/usr/bin/env bash
# Runs every test: installs the outside tools the tests need, then the whole cargo suite
# (unit tests, doc tests, integration tests driving the real binary, `rules check` on the
# built-ins), and builds the benchmarks so they cannot rot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-deps.sh
cargo test
cargo bench --no-run
