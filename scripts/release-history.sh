#!/usr/bin/env bash
# Builds the `history` benchmark repository of issue 17: successive releases of two large
# packages committed one after the other, so that history holds gigabytes of real content
# with real churn (botocore's service models change a few files a release; TypeScript's
# compiler bundles change entirely every release).
#
#   scripts/release-history.sh DEST
#
# Releases are downloaded once from PyPI and npm (`pip download`, `npm pack`) into CACHE
# and reused. The packages are committed side by side (packages/botocore/,
# packages/typescript/), interleaved in release order, one commit per release, each commit
# holding exactly that release's files. A few fake tokens (built here, at run time) are
# planted in some releases and removed later, so an audit has findings to attribute.
#
# Environment (defaults give ~1.7 GB of unique blob content, see docs/performance.md):
#   BOTOCORE_FROM=1.29.0 BOTOCORE_RELEASES=120    consecutive 1.29.x/1.30.x releases
#                                                  (before botocore gzipped its models)
#   TYPESCRIPT_RELEASES=24                         the last N stable 5.x releases
#   CACHE=~/.cache/leakgate-bench/dl               downloaded archives
# Needs: git, pip, npm, unzip, tar, python3.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 DEST" >&2; exit 2; }
dest=$1
[[ ! -e "$dest" ]] || { echo "error: $dest exists" >&2; exit 2; }
cache=${CACHE:-$HOME/.cache/leakgate-bench/dl}
botocore_from=${BOTOCORE_FROM:-1.29.0}
botocore_releases=${BOTOCORE_RELEASES:-120}
typescript_releases=${TYPESCRIPT_RELEASES:-24}
mkdir -p "$cache/botocore" "$cache/typescript"

unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_COMMON_DIR
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=release GIT_AUTHOR_EMAIL=release@example.org
export GIT_COMMITTER_NAME=release GIT_COMMITTER_EMAIL=release@example.org

# The version lists, oldest first (stable releases only).
versions_file=$cache/versions.txt
if [[ ! -s "$versions_file" ]]; then
  pip index versions botocore 2>/dev/null | sed -n 's/^Available versions: //p' | tr -d ' ' | tr ',' '\n' \
    | sort -V | sed 's/^/botocore /' > "$versions_file.tmp"
  npm view typescript versions --json | tr -d '", []' | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' \
    | sort -V | sed 's/^/typescript /' >> "$versions_file.tmp"
  mv "$versions_file.tmp" "$versions_file"
fi
mapfile -t botocore < <(awk '$1=="botocore"{print $2}' "$versions_file" \
  | awk -v from="$botocore_from" 'BEGIN{split(from,f,".")} {split($1,v,"."); if (v[1]>f[1] || (v[1]==f[1] && (v[2]>f[2] || (v[2]==f[2] && v[3]>=f[3])))) print}' \
  | head -n "$botocore_releases")
mapfile -t typescript < <(awk '$1=="typescript" && $2 ~ /^5\./{print $2}' "$versions_file" | tail -n "$typescript_releases")
echo "== ${#botocore[@]} botocore releases (${botocore[0]}..${botocore[-1]}), ${#typescript[@]} typescript releases (${typescript[0]}..${typescript[-1]})" >&2

fetch() { # package version -> archive path on stdout
  local package=$1 version=$2 archive
  if [[ $package == botocore ]]; then
    archive=$cache/botocore/botocore-$version-py3-none-any.whl
    [[ -s $archive ]] || pip download -q --no-deps --only-binary=:all: -d "$cache/botocore" "botocore==$version" >&2
  else
    archive=$cache/typescript/typescript-$version.tgz
    [[ -s $archive ]] || (cd "$cache/typescript" && npm pack -q "typescript@$version" >/dev/null)
  fi
  [[ -s $archive ]] || { echo "error: could not download $package $version" >&2; exit 2; }
  echo "$archive"
}
for v in "${botocore[@]}"; do fetch botocore "$v" >/dev/null; done
for v in "${typescript[@]}"; do fetch typescript "$v" >/dev/null; done
echo "== downloads cached in $cache ($(du -sh "$cache" | cut -f1))" >&2

# Fake tokens (never real): a GitHub classic PAT shape with a valid CRC-32 checksum, and an
# Anthropic key shape; written into a release's config module and taken out later.
fake_token() {
  python3 - "$1" <<'PY'
import random, sys, zlib
rng = random.Random(int(sys.argv[1]))
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
if int(sys.argv[1]) % 2:
    body = "".join(rng.choice(B62) for _ in range(30))
    v, crc = zlib.crc32(body.encode()), ""
    for _ in range(6):
        crc = B62[v % 62] + crc; v //= 62
    print("gh" + "p_" + body + crc)
else:
    print("sk-" + "ant-api03-" + "".join(rng.choice(B62 + "-_") for _ in range(93)) + "AA")
PY
}

git init -q -b main "$dest"
# No automatic gc in the middle (it made the final `git gc` fail with "gc is already running").
git -C "$dest" config gc.auto 0
unpack=$(mktemp -d)
trap 'rm -rf "$unpack"' EXIT
# Interleave: one TypeScript release after every (botocore / typescript) botocore releases.
every=$(( ${#botocore[@]} / (${#typescript[@]} > 0 ? ${#typescript[@]} : 1) ))
(( every >= 1 )) || every=1
date=1672531200   # 2023-01-01, one day per commit
commit_release() { # package version archive n
  local package=$1 version=$2 archive=$3 n=$4 into=$dest/packages/$1
  rm -rf "${unpack:?}"/* "$into"
  mkdir -p "$into"
  case "$archive" in
    *.whl) unzip -q "$archive" -d "$unpack"; cp -R "$unpack"/. "$into"/ ;;
    *) tar -xzf "$archive" -C "$unpack"; cp -R "$unpack"/package/. "$into"/ ;;
  esac
  # Every 10th release carries a token in a settings file; the next release drops it.
  if (( n % 10 == 3 )); then
    printf 'DEPLOY_TOKEN = "%s"\n' "$(fake_token "$n")" > "$into/deploy_settings.py"
  fi
  git -C "$dest" add -A -f
  date=$(( date + 86400 ))
  GIT_AUTHOR_DATE="$date +0000" GIT_COMMITTER_DATE="$date +0000" \
    git -C "$dest" commit -q -m "$package $version"
}
n=0 t=0
for v in "${botocore[@]}"; do
  n=$(( n + 1 ))
  commit_release botocore "$v" "$(fetch botocore "$v")" "$n"
  if (( n % every == 0 && t < ${#typescript[@]} )); then
    commit_release typescript "${typescript[$t]}" "$(fetch typescript "${typescript[$t]}")" "$(( 1000 + t ))"
    t=$(( t + 1 ))
  fi
  (( n % 20 == 0 )) && echo "   $n botocore, $t typescript releases committed" >&2
done
while (( t < ${#typescript[@]} )); do
  commit_release typescript "${typescript[$t]}" "$(fetch typescript "${typescript[$t]}")" "$(( 1000 + t ))"
  t=$(( t + 1 ))
done
echo "== packing (git gc)" >&2
git -C "$dest" gc -q
echo "== $dest: $(git -C "$dest" rev-list --count HEAD) commits, $(du -sh "$dest/.git/objects" | cut -f1) of objects" >&2
