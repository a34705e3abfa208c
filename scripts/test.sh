#!/usr/bin/env bash
# Runs every test: installs the outside tools the tests need, then the whole cargo suite
# (unit and doc tests, integration tests driving the real binary in temporary git
# repositories, the pre-commit framework test, property tests, and `rules check` on every
# built-in rule). Benchmarks are type-checked by `cargo clippy --all-targets` in .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-deps.sh
cargo test
