#!/usr/bin/env bash
# Runs every test: installs the outside tools the tests need, then the whole cargo suite
# (unit and doc tests, integration tests driving the real binary in temporary git
# repositories, the pre-commit framework test, property tests, and `rules check` on every
# built-in rule), the GitHub Action's range choice (scripts/test-action.sh), and the HTML
# report in headless Chromium (scripts/test-browser.sh; fails, never skips, without it). Benchmarks
# are type-checked by `cargo clippy --all-targets` in .ci/run, which also runs
# scripts/test-wheel.sh (builds the PyPI wheel; needs PyPI for maturin).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-deps.sh
# Where test-deps.sh installs pre-commit when it was not on PATH already.
export PATH="${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/tools/bin:${PATH}"
cargo test
bash scripts/test-action.sh
bash scripts/test-browser.sh
