#!/usr/bin/env bash
# The prebuilt-binary path, end to end, as a user gets it (issue 16, item 12):
#
# 1. The version pins agree: Cargo.toml, the pre-commit mirror's dependency on
#    `leakgate-cli==X.Y.Z`, and the version action.yml installs; the mirror lists the same
#    hooks as the main .pre-commit-hooks.yaml, with `language: python`.
# 2. maturin (from PyPI, pinned) builds the `leakgate-cli` wheel from this checkout.
# 3. A fresh virtual environment installs it offline (PIP_NO_INDEX=1, --find-links of a local
#    wheel folder) and its `leakgate` runs.
# 4. The real pre-commit framework installs the mirror hook (packaging/pre-commit-mirror,
#    committed into a temporary repository) offline from that same wheel folder, and in a
#    temporary project a commit adding a token is blocked, the token is not printed in
#    full, and a clean commit goes through.
#
# Needs: python3 with pip and venv, git, cargo, pre-commit (scripts/test-deps.sh installs it),
# and PyPI for maturin and setuptools (the mirror's build backend) only; steps 3 and 4 run
# with the package index switched off.
#
# Usage: scripts/test-wheel.sh
# Environment: WHEEL_PROFILE (default release; `dist` builds what a release publishes),
# KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$(pwd)

MATURIN_VERSION="1.16.0"
SETUPTOOLS_VERSION="84.2.1"
profile="${WHEEL_PROFILE:-release}"

fail() {
  echo "test-wheel: FAIL: $*" >&2
  exit 1
}
passed=0
pass() {
  echo "test-wheel: ok: $*"
  passed=$((passed + 1))
}

work=$(mktemp -d "${TMPDIR:-/tmp}/leakgate-test-wheel.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
  trap 'rm -rf "$work"' EXIT
else
  echo "test-wheel: work folder kept: $work"
fi

# Isolated git: no user or system configuration, no enclosing hook's variables.
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_COMMON_DIR GIT_OBJECT_DIRECTORY GIT_PREFIX
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Wheel Test" GIT_AUTHOR_EMAIL=wheel@example.org
export GIT_COMMITTER_NAME="Wheel Test" GIT_COMMITTER_EMAIL=wheel@example.org
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CONFIG_FILE=/dev/null

# Tools: maturin (the build) and PyYAML (the hook list check), in their own venv; pre-commit
# from PATH or where scripts/test-deps.sh installs it.
python3 -m venv "$work/tools"
"$work/tools/bin/pip" install --quiet "maturin==${MATURIN_VERSION}" pyyaml
export PATH="${XDG_CACHE_HOME:-$HOME/.cache}/leakgate/tools/bin:${PATH}"
command -v pre-commit >/dev/null || fail "pre-commit is not installed: run scripts/test-deps.sh"

# --- 1. version pins and hook list -----------------------------------------------------
version=$(awk -F'"' '/^\[package\]/ { p = 1 } p && /^version = / { print $2; exit }' Cargo.toml)
[[ -n "$version" ]] || fail "no [package] version in Cargo.toml"
mirror=packaging/pre-commit-mirror
grep -q "^dependencies = \[\"leakgate-cli==${version}\"\]" "$mirror/pyproject.toml" ||
  fail "$mirror/pyproject.toml must depend on leakgate-cli==${version} (the Cargo.toml version)"
grep -q "^version = \"${version}\"" "$mirror/pyproject.toml" ||
  fail "$mirror/pyproject.toml must have version = \"${version}\""
grep -q "default: \"${version}\"" action.yml ||
  fail "action.yml's leakgate-version input must default to ${version} (the Cargo.toml version)"
pass "versions agree: ${version}"

"$work/tools/bin/python" - "$mirror/.pre-commit-hooks.yaml" .pre-commit-hooks.yaml <<'EOF' || fail "the mirror's hooks differ from .pre-commit-hooks.yaml"
import sys
import yaml

mirror, main = (yaml.safe_load(open(path)) for path in sys.argv[1:3])
for hook in mirror:
    if hook.get("language") != "python":
        sys.exit(f"mirror hook {hook['id']}: language must be python")
def without_language(hooks):
    return [{k: v for k, v in hook.items() if k != "language"} for hook in hooks]
if without_language(mirror) != without_language(main):
    sys.exit(
        f"{sys.argv[1]} must list the hooks of {sys.argv[2]} (same ids, entries and "
        "settings), with `language: python`"
    )
EOF
pass "the mirror lists the main repository's hooks with language: python"

"$work/tools/bin/python" - <<'EOF' || fail "action.yml or the release workflow is not valid, or upload-sarif is not pinned"
import re, sys
import yaml

for path in ("action.yml", ".github/workflows/release.yml"):
    yaml.safe_load(open(path))
steps = yaml.safe_load(open("action.yml"))["runs"]["steps"]
uses = [step["uses"] for step in steps if "uses" in step]
for ref in uses:
    if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref):
        sys.exit(f"action.yml: {ref} is not pinned to a full commit SHA")
if not any(ref.startswith("github/codeql-action/upload-sarif@") for ref in uses):
    sys.exit("action.yml does not upload with github/codeql-action/upload-sarif")
EOF
pass "action.yml and release.yml parse; the action's uses: are pinned to commit SHAs"

# --- 2. build the wheel ------------------------------------------------------------------
wheels=$work/wheels
mkdir -p "$wheels"
# The mirror's build backend, for the offline install of step 4.
"$work/tools/bin/pip" download --quiet --no-deps --only-binary :all: \
  --dest "$wheels" "setuptools==${SETUPTOOLS_VERSION}"
echo "test-wheel: maturin build --profile ${profile}"
"$work/tools/bin/maturin" build --quiet --profile "$profile" --out "$wheels" 2>&1 |
  grep -v '^\s*$' | tail -n 5
wheel=$(ls "$wheels"/leakgate_cli-"${version}"-*.whl 2>/dev/null | head -n 1)
[[ -f "$wheel" ]] || fail "maturin wrote no leakgate_cli-${version} wheel into $wheels"
python3 - "$wheel" <<'EOF' || fail "$wheel does not hold the leakgate binary as a script"
import sys, zipfile

names = zipfile.ZipFile(sys.argv[1]).namelist()
if not any(name.endswith(".data/scripts/leakgate") for name in names):
    sys.exit("\n".join(names))
EOF
pass "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

# --- 3. offline install into a fresh virtual environment -----------------------------------
python3 -m venv "$work/venv"
PIP_NO_INDEX=1 "$work/venv/bin/pip" install --quiet --find-links "$wheels" "leakgate-cli==${version}"
[[ -x "$work/venv/bin/leakgate" ]] || fail "the wheel installed no leakgate into the venv"
installed=$("$work/venv/bin/leakgate" --version)
[[ "$installed" == *"$version"* ]] || fail "leakgate --version says '$installed', not $version"
pass "installed offline into a fresh venv: $installed"

# The action's own install step (install: pip), run as a runner would, offline.
"$work/tools/bin/python" - "$work/install-step.sh" <<'EOF' || fail "no Install leakgate step in action.yml"
import sys
import yaml

steps = yaml.safe_load(open("action.yml"))["runs"]["steps"]
step = next(step for step in steps if step.get("name") == "Install leakgate")
open(sys.argv[1], "w").write(step["run"])
EOF
mkdir -p "$work/runner"
: >"$work/runner/path"
INSTALL=pip LEAKGATE_VERSION="$version" RUNNER_TEMP="$work/runner" GITHUB_PATH="$work/runner/path" \
  PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheels" bash "$work/install-step.sh" >/dev/null ||
  fail "the action's install step (install: pip) failed"
action_bin=$(head -n 1 "$work/runner/path")
[[ -x "$action_bin/leakgate" ]] || fail "the action's install step put no leakgate in GITHUB_PATH ($action_bin)"
pass "the action's install step installs leakgate-cli==${version} and adds it to GITHUB_PATH"

# A token shaped like an Anthropic API key, made here rather than committed (see
# tests/git_support's `token`): a fixed pseudo-random body, so runs are reproducible.
token=$(python3 -c '
import random, string
rng = random.Random(16)
body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(93))
print("sk-ant-api" + "03-" + body + "AA")')

scan_dir=$work/scan
mkdir -p "$scan_dir"
printf 'ANTHROPIC_API_KEY = "%s"\n' "$token" >"$scan_dir/settings.py"
set +e
"$work/venv/bin/leakgate" scan "$scan_dir" --format json --output "$work/scan.json" 2>/dev/null
code=$?
set -e
[[ "$code" == 1 ]] || fail "the installed leakgate scan exited $code on a file with a token, not 1"
pass "the installed binary finds a token (exit 1)"

# --- 4. the real pre-commit framework, with the mirror hook, offline ---------------------
hook_repo=$work/leakgate-pre-commit
mkdir -p "$hook_repo"
cp -R "$mirror"/. "$hook_repo"/
git -C "$hook_repo" init -q -b main
git -C "$hook_repo" add -A
git -C "$hook_repo" commit -q -m "leakgate pre-commit mirror"
rev=$(git -C "$hook_repo" rev-parse HEAD)

project=$work/project
mkdir -p "$project"
git -C "$project" init -q -b main
cat >"$project/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: leakgate
EOF
echo "# project" >"$project/README.md"
git -C "$project" add -A
git -C "$project" commit -q -m "initial commit"

# pre-commit installs the hook environment with pip; these make it offline and local.
export PRE_COMMIT_HOME=$work/pre-commit-home PRE_COMMIT_COLOR=never
export PIP_NO_INDEX=1 PIP_FIND_LINKS=$wheels
(cd "$project" && pre-commit install >/dev/null)

printf 'ANTHROPIC_API_KEY = "%s"\n' "$token" >"$project/settings.py"
git -C "$project" add settings.py
set +e
out=$(git -C "$project" commit -m "add settings" 2>&1)
code=$?
set -e
if [[ "$code" == 0 ]]; then
  fail "a commit adding a token went through the pre-commit hook:
$out"
fi
[[ "$out" == *"leakgate"*"Failed"* && "$out" == *"settings.py"* ]] ||
  fail "the commit was not refused by the leakgate hook naming settings.py:
$out"
[[ "$out" != *"$token"* ]] || fail "the hook printed the full token"
git -C "$project" rev-parse --verify --quiet HEAD~1 >/dev/null &&
  fail "a commit was recorded despite the hook"
hook_bin=$(ls "$PRE_COMMIT_HOME"/repo*/py_env-*/bin/leakgate 2>/dev/null | head -n 1)
[[ -x "$hook_bin" ]] || fail "pre-commit's hook environment has no leakgate binary:
$(ls -R "$PRE_COMMIT_HOME" | head -n 40)"
pass "pre-commit (language: python, offline) blocks a commit adding a token"

git -C "$project" rm -q --cached settings.py
rm "$project/settings.py"
echo "print('hello')" >"$project/app.py"
git -C "$project" add app.py
out=$(git -C "$project" commit -m "add app" 2>&1) || fail "a clean commit was blocked:
$out"
[[ "$out" == *"leakgate"*"Passed"* ]] || fail "the clean commit did not run the hook:
$out"
pass "pre-commit passes a clean commit"

echo "test-wheel: ${passed} passed, 0 failed"
