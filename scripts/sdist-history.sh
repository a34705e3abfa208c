#!/usr/bin/env bash
# Makes a git repository with real history out of released source archives: one commit per
# archive, in the order given, each holding exactly that release's files. For benchmarks on
# real code (scripts/bench-staged.sh with REPO=), e.g. four Django releases from PyPI:
#
#   pip download --no-deps --no-binary :all: -d /tmp/sdists 'django==4.2.*' ...
#   scripts/sdist-history.sh /tmp/django-repo /tmp/sdists/django-4.2.*.tar.gz ...
#
# Usage: scripts/sdist-history.sh DEST ARCHIVE...   (.tar.gz, .tgz or .zip; DEST must not exist)
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 DEST ARCHIVE..." >&2; exit 2; }
dest=$1
shift
[[ ! -e "$dest" ]] || { echo "error: $dest exists" >&2; exit 2; }

unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_COMMON_DIR
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=release GIT_AUTHOR_EMAIL=release@example.org
export GIT_COMMITTER_NAME=release GIT_COMMITTER_EMAIL=release@example.org

mkdir -p "$dest"
git -C "$dest" init -q -b main
unpack=$(mktemp -d)
trap 'rm -rf "$unpack"' EXIT
for archive in "$@"; do
  rm -rf "${unpack:?}"/*
  case "$archive" in
    *.zip) unzip -q "$archive" -d "$unpack" ;;
    *) tar -xzf "$archive" -C "$unpack" ;;
  esac
  # An sdist holds one top folder (name-version/); its content is the release.
  top=$(find "$unpack" -mindepth 1 -maxdepth 1)
  [[ $(wc -l <<<"$top") == 1 && -d "$top" ]] || top=$unpack
  git -C "$dest" rm -q -r --ignore-unmatch . >/dev/null
  cp -R "$top"/. "$dest"/
  git -C "$dest" add -A -f
  git -C "$dest" commit -q -m "$(basename "$archive")"
  echo "$(basename "$archive"): $(git -C "$dest" ls-files | wc -l) files" >&2
done
# Packed, as a clone is.
git -C "$dest" gc -q
