#!/usr/bin/env bash
# Installs what the test suite needs beyond cargo: the `pre-commit` framework (PyPI) for
# the hook integration test. Idempotent: does nothing when everything is present.
set -euo pipefail

if ! command -v pre-commit >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check pre-commit
fi
pre-commit --version
