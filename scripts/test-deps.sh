#!/usr/bin/env bash
# Installs what the test suite needs beyond cargo. Idempotent: does nothing when everything
# is present.
#
# - The `pre-commit` framework (PyPI) for the hook integration test. When it is not on PATH
#   it goes into its own virtual environment, ${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/tools
#   (a system Python may refuse `pip install`, PEP 668), whose bin/ scripts/test.sh puts on
#   PATH.
# - The SARIF 2.1.0 JSON schema, which tests/integration/sarif_schema.rs validates our SARIF output
#   against. We do not commit a copy: it comes from the sdist of the PyPI package
#   `sarif-pydantic`, pinned by version and checked by SHA-256, and is installed at
#   ${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/sarif-schema-2.1.0.json, where the test looks
#   (or at $LEAKGATE_SARIF_SCHEMA, if set, for both this script and the test).
# - openssl, which tests/integration/sensitive_files.rs runs to write real PKCS#12 files.
set -euo pipefail

if ! command -v openssl >/dev/null 2>&1; then
  sudo_if_needed=""
  [[ "$(id -u)" == 0 ]] || sudo_if_needed="sudo"
  { $sudo_if_needed apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq --no-install-recommends openssl; } || {
    echo "test-deps: openssl is missing and apt-get could not install it" >&2
    exit 1
  }
fi
openssl version

tools="${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/tools"
export PATH="${tools}/bin:${PATH}"
if ! command -v pre-commit >/dev/null 2>&1; then
  python3 -m venv "$tools" || {
    echo "test-deps: python3 cannot create a virtual environment (Debian/Ubuntu: apt-get install python3-venv)" >&2
    exit 1
  }
  "$tools/bin/python" -m pip install --quiet --disable-pip-version-check pre-commit
fi
pre-commit --version

SARIF_PACKAGE="sarif-pydantic"
SARIF_VERSION="0.6.2"
SARIF_SDIST_SHA256="634df2784533fcac8e86f0c60a0e45ead1d35452dc2331d32596275595906e7f"
SARIF_SCHEMA_SHA256="6352a05f9d03f181b8d9c71a46bdacc4fcff9d8ade5364858b425ba0c0994ed7"
schema="${LEAKGATE_SARIF_SCHEMA:-${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/sarif-schema-2.1.0.json}"

sha256_of() {
  sha256sum "$1" | cut -d ' ' -f 1
}

install_sarif_schema() {
  if [[ -f "$schema" && "$(sha256_of "$schema")" == "$SARIF_SCHEMA_SHA256" ]]; then
    echo "SARIF schema: $schema"
    return 0
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  python3 -m pip download --quiet --disable-pip-version-check --no-deps \
    --no-binary :all: "$SARIF_PACKAGE==$SARIF_VERSION" -d "$work"
  sdist="$work/sarif_pydantic-$SARIF_VERSION.tar.gz"
  if [[ "$(sha256_of "$sdist")" != "$SARIF_SDIST_SHA256" ]]; then
    echo "test-deps: $sdist does not have the pinned SHA-256; refusing to use it" >&2
    return 1
  fi
  member="sarif_pydantic-$SARIF_VERSION/sarif-schema-2.1.0.json"
  tar -xzf "$sdist" -C "$work" "$member"
  if [[ "$(sha256_of "$work/$member")" != "$SARIF_SCHEMA_SHA256" ]]; then
    echo "test-deps: the schema in $sdist does not have the pinned SHA-256" >&2
    return 1
  fi
  mkdir -p "$(dirname "$schema")"
  mv "$work/$member" "$schema"
  echo "SARIF schema installed: $schema"
}

install_sarif_schema

# The browser test of the HTML report (scripts/test-browser.sh, issue 18): headless Chromium
# and its WebDriver from Debian's packages (tools that download a browser build of their own
# cannot work here), and selenium from PyPI in its own virtual environment,
# ${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/browser-test. selenium is pinned; the driver is
# given to it by path, so it never downloads one.
SELENIUM_VERSION="4.51.0"
install_browser() {
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    local sudo=""
    if [[ "$(id -u)" -ne 0 ]]; then
      command -v sudo >/dev/null 2>&1 || {
        echo "test-deps: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) as root" >&2
        return 1
      }
      sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  /usr/bin/chromium --version
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/browser-test"
  if ! "$venv/bin/python" -c "import selenium, sys; sys.exit(selenium.__version__ != '$SELENIUM_VERSION')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "selenium==$SELENIUM_VERSION"
  fi
  echo "selenium $SELENIUM_VERSION: $venv"
}

install_browser
