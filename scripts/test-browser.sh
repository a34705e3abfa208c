#!/usr/bin/env bash
# The HTML report in a real browser (issue 18 item 4): builds leakgate, then runs
# scripts/browser_test.py, which writes a report of 1,000+ findings and checks in headless
# Chromium that filters, sort and search work and that the page makes no network request.
#
# Needs Debian's `chromium` and `chromium-driver` and selenium in the browser-test virtual
# environment; scripts/test-deps.sh installs all three. Never skips: a missing browser fails.
#
#   bash scripts/test-browser.sh                       # the test
#   bash scripts/test-browser.sh --screenshot docs/img/html-report.png   # the README picture
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/browser-test"
if [[ ! -x "$venv/bin/python" ]]; then
  echo "test-browser: no virtual environment at $venv; run scripts/test-deps.sh first" >&2
  exit 1
fi
leakgate="${LEAKGATE_TEST_PROGRAM:-}"
if [[ -z "$leakgate" ]]; then
  cargo build --quiet --bin leakgate
  leakgate="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/debug/leakgate"
fi
# Selenium Manager must not go looking for a browser or driver to download.
export SE_OFFLINE=true
exec "$venv/bin/python" scripts/browser_test.py --leakgate "$leakgate" "$@"
