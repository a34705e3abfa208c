#!/usr/bin/env bash
# Fetches the issue-13 development corpus: pinned PyPI wheels and npm tarballs of popular
# packages that hold no live secrets, unpacked into a cache outside the repository.
# Run by hand (needs the package registries), never by `cargo test`.
#
#   scripts/corpus-fetch.sh [CACHE_DIR]     (default: ~/.cache/leakgate-corpus)
#
# Each package lands in CACHE_DIR/unpacked/<split>/<name>, where <split> is `tune` (the two
# thirds the rules and classifier are tuned on) or `heldout` (the third reported
# separately). The split was chosen before any tuning: every third package of each list,
# in the order below, is held aside.
set -euo pipefail

CACHE="${1:-$HOME/.cache/leakgate-corpus}"
mkdir -p "$CACHE/download" "$CACHE/unpacked/tune" "$CACHE/unpacked/heldout" "$CACHE/unpacked/fresh"

# name==version  split
PYPI=(
  "numpy==2.1.3 tune"
  "pandas==2.2.3 tune"
  "scipy==1.14.1 heldout"
  "matplotlib==3.9.2 tune"
  "transformers==4.46.3 tune"
  "openai==1.55.0 heldout"
  "anthropic==0.39.0 tune"
  "google-cloud-storage==2.18.2 tune"
  "azure-storage-blob==12.24.0 heldout"
  "stripe==11.3.0 tune"
  "twilio==9.3.7 tune"
  "slack_sdk==3.33.4 heldout"
  "PyGithub==2.5.0 tune"
  "fastapi==0.115.5 tune"
  "pydantic==2.10.1 heldout"
  "tornado==6.4.2 tune"
  "specklepy==3.2.8 tune"
)
NPM=(
  "@aws-sdk/client-s3@3.698.0 heldout"
  "@angular/core@19.0.0 tune"
  "vue@3.5.13 tune"
  "next@15.0.3 heldout"
  "@google-cloud/storage@7.14.0 tune"
  "@azure/storage-blob@12.26.0 tune"
  "@slack/web-api@7.7.0 heldout"
  "twilio@5.3.6 tune"
  "googleapis@144.0.0 tune"
  "three@0.170.0 heldout"
  "moment@2.30.1 tune"
  "jquery@3.7.1 tune"
  "monaco-editor@0.52.0 heldout"
  "@speckle/viewer@2.31.14 tune"
  "@speckle/objectloader2@2.28.0 tune"
  "@speckle/shared@2.28.0 heldout"
  # A second held-aside split (`fresh`), chosen on 2026-12-06 after the first had been
  # looked at: code in more languages (Objective-C, C++, Java, Kotlin, Swift, C, Lua),
  # reported only at the end, never tuned on.
  "react-native@0.76.5 fresh"
  "@capacitor/ios@6.2.0 fresh"
  "@capacitor/android@6.2.0 fresh"
)
# Crates (vendored C sources and their scripts), for the `fresh` split.
CRATES=(
  "libgit2-sys =0.17.0"
  "lua-src =547.0.0"
)

for entry in "${PYPI[@]}"; do
  read -r spec split <<<"$entry"
  name="${spec%%==*}"
  dest="$CACHE/unpacked/$split/pypi-$name"
  [ -d "$dest" ] && continue
  dl="$CACHE/download/pypi-$name"
  mkdir -p "$dl"
  pip download --quiet --no-deps --only-binary=:all: -d "$dl" "$spec" \
    || pip download --quiet --no-deps -d "$dl" "$spec"
  mkdir -p "$dest.tmp"
  for f in "$dl"/*; do
    case "$f" in
      *.whl|*.zip) python3 -m zipfile -e "$f" "$dest.tmp" ;;
      *.tar.gz) tar -xzf "$f" -C "$dest.tmp" ;;
    esac
  done
  mv "$dest.tmp" "$dest"
  echo "fetched $spec -> $split"
done

for entry in "${NPM[@]}"; do
  read -r spec split <<<"$entry"
  name="${spec%@*}"
  flat="npm-$(echo "$name" | tr '/@' '__')"
  dest="$CACHE/unpacked/$split/$flat"
  [ -d "$dest" ] && continue
  dl="$CACHE/download/$flat"
  mkdir -p "$dl"
  (cd "$dl" && npm pack --silent "$spec" >/dev/null)
  mkdir -p "$dest.tmp"
  for f in "$dl"/*.tgz; do tar -xzf "$f" -C "$dest.tmp"; done
  mv "$dest.tmp" "$dest"
  echo "fetched $spec -> $split"
done
# Crates come through cargo itself: a throwaway manifest naming them, then `cargo vendor`.
for entry in "${CRATES[@]}"; do
  read -r name version <<<"$entry"
  dest="$CACHE/unpacked/fresh/crate-$name"
  [ -d "$dest" ] && continue
  work="$CACHE/download/crate-$name"
  rm -rf "$work" && mkdir -p "$work/src"
  printf '[package]\nname = "corpus-fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = "%s"\n' \
    "$name" "$version" >"$work/Cargo.toml"
  echo 'fn main() {}' >"$work/src/main.rs"
  (cd "$work" && cargo vendor --quiet vendor >/dev/null)
  mv "$work/vendor/$name" "$dest"
  echo "fetched $name $version -> fresh"
done

# A third pair of splits (`wild-tune`, `wild-heldout`), chosen on 2026-12-07 before any scan:
# code in the languages and formats the splits above lack: Go (Kubernetes, etcd, Prometheus,
# HashiCorp, Docker, containerd, cloud SDK libraries, as Debian 12 ships their sources in
# golang-*-dev packages), HCL/Terraform test data, and YAML + Python (Ansible's collections,
# Debian's `ansible` package). The rule, fixed before any scan: the Debian packages alternate
# wild-tune / wild-heldout in the order below (first one tune); Ansible's collections, each
# taken as one unit, alternate the same way in sorted `namespace.name` order.
DEBS=(
  "golang-k8s-kube-openapi-dev=0.0~git20211014.b3fe75c-2"
  "golang-etcd-server-dev=3.4.23-4"
  "golang-github-prometheus-alertmanager-dev=0.25.0-1"
  "golang-github-hashicorp-terraform-json-dev=0.5.0-3"
  "golang-github-hashicorp-hcl-v2-dev=2.14.1-2"
  "golang-github-docker-docker-dev=20.10.24+dfsg1-1+deb12u1"
  "golang-github-containerd-containerd-dev=1.6.20~ds1-1+deb12u3"
  "golang-github-gophercloud-gophercloud-dev=0.12.0-1"
  "golang-golang-x-crypto-dev=1:0.4.0-1"
  "golang-github-google-go-github-dev=48.1.0-2"
  "golang-github-minio-minio-go-v7-dev=7.0.46-1"
  "golang-github-go-git-go-git-dev=5.4.2-3"
  "golang-google-cloud-dev=0.56.0-3"
  "golang-github-xanzy-go-gitlab-dev=0.73.1-2"
  "golang-github-prometheus-client-golang-dev=1.14.0-3"
  "golang-github-prometheus-common-dev=0.39.0-2"
  "golang-github-hashicorp-go-tfe-dev=0.11.1+git20201207.19dc0b8-3"
  "golang-github-hashicorp-go-getter-dev=1.4.1-1"
  "golang-k8s-utils-dev=0.0~git20221128.99ec85e-1"
  "golang-github-spf13-viper-dev=1.10.1-1"
  "golang-github-lib-pq-dev=1.10.7-2"
  "golang-github-go-sql-driver-mysql-dev=1.5.0-2"
  "golang-golang-x-oauth2-dev=0.3.0-1"
  "golang-github-golang-jwt-jwt-dev=4.4.3-1"
  "golang-github-hashicorp-serf-dev=0.9.4~ds1-1"
  "golang-github-hashicorp-go-azure-helpers-dev=0.13.1-3"
  "ansible-core=2.14.18-0+deb12u2"
)
ANSIBLE="ansible=7.7.0+dfsg-3+deb12u1"
mkdir -p "$CACHE/unpacked/wild-tune" "$CACHE/unpacked/wild-heldout"
wild_split() { if [ $(($1 % 2)) -eq 0 ]; then echo wild-tune; else echo wild-heldout; fi; }
# Downloads one pinned Debian package and unpacks its files (not its control data) into $2.
deb_unpack() {
  local spec="$1" into="$2" dl="$CACHE/download/deb-${1%%=*}"
  mkdir -p "$dl" "$into.tmp"
  # A Debian mirror keeps one revision of a package. When the pinned revision is gone (a
  # stable update replaced it, or this machine's package index is older: `apt-get update`
  # first), take the revision the mirror has,
  # and say so: the upstream source is the same release, the Debian patches may differ.
  if ! (cd "$dl" && ls ./*.deb >/dev/null 2>&1); then
    if ! (cd "$dl" && apt-get download -q "$spec" >/dev/null 2>&1); then
      local have
      have=$(apt-cache policy "${spec%%=*}" | awk '/Candidate:/ {print $2}')
      [ -n "$have" ] && [ "$have" != "(none)" ] || { echo "corpus-fetch: $spec: not in this mirror" >&2; return 1; }
      echo "corpus-fetch: $spec is not in this mirror; using ${spec%%=*}=$have" >&2
      (cd "$dl" && apt-get download -q "${spec%%=*}=$have" >/dev/null)
    fi
  fi
  for f in "$dl"/*.deb; do dpkg-deb -x "$f" "$into.tmp"; done
  mv "$into.tmp" "$into"
}
i=0
for spec in "${DEBS[@]}"; do
  split=$(wild_split $i); i=$((i + 1))
  dest="$CACHE/unpacked/$split/deb-${spec%%=*}"
  [ -d "$dest" ] && continue
  deb_unpack "$spec" "$dest"
  echo "fetched $spec -> $split"
done
if ! ls -d "$CACHE"/unpacked/wild-*/ansible-* >/dev/null 2>&1; then
  whole="$CACHE/download/ansible-unpacked"
  [ -d "$whole" ] || deb_unpack "$ANSIBLE" "$whole"
  i=0
  for coll in $(cd "$whole"/usr/lib/python3/dist-packages/ansible_collections && ls -d */*/ | sort); do
    coll="${coll%/}"
    split=$(wild_split $i); i=$((i + 1))
    mv "$whole/usr/lib/python3/dist-packages/ansible_collections/$coll" \
      "$CACHE/unpacked/$split/ansible-${coll/\//.}"
  done
  echo "fetched $ANSIBLE ($i collections) -> wild-tune / wild-heldout"
fi

# A fourth split (`wild-fresh`), chosen on 2026-12-07 after wild-heldout had been looked at and
# before any scan of these: twelve more Debian 12 golang-*-dev source packages (about 100 MB),
# other projects than the 26 above (snapd, Azure storage, MongoDB driver, Syncthing, OpenShift
# API types, vSphere, NATS, CFSSL, step-ca, containers/image, CloudStack, Git LFS). Reported
# only at the end of a tuning round, never tuned on.
FRESH_DEBS=(
  "golang-github-snapcore-snapd-dev=2.57.6-1+deb12u1"
  "golang-github-tombuildsstuff-giovanni-dev=0.20.0-1"
  "golang-mongodb-mongo-driver-dev=1.8.4+ds1-3"
  "golang-github-syncthing-syncthing-dev=1.19.2~ds1-1"
  "golang-github-openshift-api-dev=4.0+git20190508.81d064c-4"
  "golang-github-vmware-govmomi-dev=0.24.2-3"
  "golang-github-nats-io-nats-server-dev=2.9.10-1"
  "golang-github-cloudflare-cfssl-dev=1.2.0+git20160825.89.7fb22c8-3.1"
  "golang-github-smallstep-certificates-dev=0.19.0-1"
  "golang-github-containers-image-dev=5.23.1-4"
  "golang-github-xanzy-go-cloudstack-dev=2.9.0-1"
  "golang-github-git-lfs-git-lfs-dev=3.3.0-1+deb12u2"
)
mkdir -p "$CACHE/unpacked/wild-fresh"
for spec in "${FRESH_DEBS[@]}"; do
  dest="$CACHE/unpacked/wild-fresh/deb-${spec%%=*}"
  [ -d "$dest" ] && continue
  deb_unpack "$spec" "$dest"
  echo "fetched $spec -> wild-fresh"
done
# A fifth split (`wild-fresh2`), chosen on 2026-12-07 at 02:30 UTC, after wild-fresh's
# generic-api-key findings had been read (so wild-fresh became a tuning set) and before any
# scan of these: ten more Debian 12 golang-*-dev source packages, projects not used above
# (PostgreSQL driver, web frameworks, OIDC, LDAP, IMAP, AWS SDK v2, DigitalOcean, Slack,
# OpenAPI runtime, InfluxDB client). Reported once at the end of session 8, never tuned on.
FRESH2_DEBS=(
  "golang-github-jackc-pgx-v4-dev=4.15.0-4"
  "golang-github-gin-gonic-gin-dev=1.8.1-1"
  "golang-github-coreos-go-oidc-dev=2.1.0-2"
  "golang-github-go-ldap-ldap-dev=3.4.4-2"
  "golang-github-emersion-go-imap-dev=1.2.0-2"
  "golang-github-labstack-echo-dev=4.2.1-3"
  "golang-github-aws-aws-sdk-go-v2-dev=1.17.1-3"
  "golang-github-digitalocean-godo-dev=1.37.0-2"
  "golang-github-slack-go-slack-dev=0.11.3-2"
  "golang-github-go-openapi-runtime-dev=0.23.3-1"
  "golang-github-influxdata-influxdb1-client-dev=0.0~git20220302.a9ab567-2"
)
mkdir -p "$CACHE/unpacked/wild-fresh2"
for spec in "${FRESH2_DEBS[@]}"; do
  dest="$CACHE/unpacked/wild-fresh2/deb-${spec%%=*}"
  [ -d "$dest" ] && continue
  deb_unpack "$spec" "$dest"
  echo "fetched $spec -> wild-fresh2"
done
# A sixth and seventh split (`wild-tune3`, `wild-fresh3`), chosen on 2026-12-07 at 03:45 UTC
# before any scan of these: languages the splits above lack, as Debian 12 ships them with
# their sources (Ruby gems and a Rails app, PHP libraries and apps, Node.js libraries, Python
# libraries and apps). Java, Kotlin and C# are left out: Debian ships those as compiled jars
# and assemblies only. Each package's split is fixed here: `wild-tune3` is read and tuned on,
# `wild-fresh3` is held aside and measured once, at the end of a tuning round.
LANG_DEBS=(
  "ruby-rack=2.2.22-0+deb12u2 wild-tune3"
  "ruby-octokit=4.20.0-1 wild-fresh3"
  "ruby-fog-aws=3.15.0-1 wild-tune3"
  "ruby-aws-sdk-core=3.168.1-2 wild-fresh3"
  "ruby-net-ssh=1:7.0.1-1 wild-tune3"
  "ruby-oauth2=1.4.4-1+deb12u1 wild-fresh3"
  "ruby-gitlab=4.17.0-3 wild-tune3"
  "redmine=5.0.4-5+deb12u1 wild-fresh3"
  "ruby-devise=4.8.1-1 wild-tune3"
  "ruby-kubeclient=4.9.3-2 wild-fresh3"
  "ruby-jwt=2.5.0-1+deb12u1 wild-tune3"
  "ruby-omniauth=2.1.1-1 wild-fresh3"
  "ruby-graphql=1.13.15-1 wild-tune3"
  "ruby-mail=2.7.1+dfsg1-2 wild-fresh3"
  "ruby-httparty=0.21.0-1 wild-tune3"
  "roundcube-core=1.6.5+dfsg-1+deb12u14 wild-tune3"
  "phpmyadmin=4:5.2.1+dfsg-1+deb12u1 wild-fresh3"
  "php-laravel-framework=8.83.26+dfsg-2 wild-tune3"
  "php-phpseclib=2.0.42-1+deb12u5 wild-fresh3"
  "mediawiki=1:1.39.17-1+deb12u2 wild-tune3"
  "dokuwiki=0.0.20220731.a-2 wild-fresh3"
  "php-sabre-dav=1.8.12-10 wild-tune3"
  "composer=2.5.5-1+deb12u5 wild-fresh3"
  "php-twig=3.5.1-1+deb12u3 wild-tune3"
  "node-axios=1.2.1+dfsg-1+deb12u1 wild-fresh3"
  "node-express=4.18.2+~4.17.14-1 wild-tune3"
  "node-passport=0.6.0+~1.0.0-2 wild-fresh3"
  "node-superagent=8.0.5-1 wild-tune3"
  "node-request=2.88.1-6 wild-fresh3"
  "node-ws=8.11.0+~cs13.7.3-1 wild-tune3"
  "python3-botocore=1.29.27+repack-1 wild-fresh3"
  "python3-django=3:3.2.25-0+deb12u7 wild-tune3"
  "python3-openstacksdk=0.101.0-2 wild-fresh3"
  "python3-paramiko=2.12.0-2 wild-tune3"
  "python3-msal=1.21.0-1 wild-fresh3"
  "python3-oauthlib=3.2.2-1 wild-tune3"
  "sqlmap=1.7.2-1 wild-fresh3"
  "python3-keystoneclient=1:5.0.1-3 wild-tune3"
  "python3-jwt=2.6.0-1+deb12u1 wild-fresh3"
  "python3-twilio=7.7.1+ds1-1 wild-tune3"
  "python3-kubernetes=22.6.0-2 wild-tune3"
  "python3-google-auth=1.5.1-3 wild-tune3"
)
mkdir -p "$CACHE/unpacked/wild-tune3" "$CACHE/unpacked/wild-fresh3"
for entry in "${LANG_DEBS[@]}"; do
  read -r spec split <<<"$entry"
  dest="$CACHE/unpacked/$split/deb-${spec%%=*}"
  [ -d "$dest" ] && continue
  deb_unpack "$spec" "$dest"
  echo "fetched $spec -> $split"
done
# An eighth and ninth split (`wild-tune4`, `wild-fresh4`), chosen on 2026-12-07 at 06:05 UTC
# before any scan of these: Java, Kotlin, C# and Swift, which the splits above lack. Java is
# the JDK's own source (Debian 12's openjdk-17-source ships it as src.zip), one unit per
# module; Kotlin, Swift and C# come from npm packages that ship their Android/iOS/Windows
# sources (React Native modules, react-native-windows) and from pythonnet's sdist (C#).
# The rule, fixed before any scan: units sorted by unpacked bytes, largest first (ties by
# name), each given to the split furthest below its share (two thirds wild-tune4, one third
# wild-fresh4). That rule gave the wild-fresh4 list below (77 of 231 MB); every other unit
# is wild-tune4. wild-fresh4 is measured once at the start and once at the end, never read.
JDK_SOURCE="openjdk-17-source=17.0.21.1+2-1~deb12u1"
FRESH4_UNITS=" jdk-java.desktop jdk-java.prefs jdk-java.rmi jdk-java.se jdk-java.security.jgss
  jdk-java.security.sasl jdk-java.smartcardio jdk-java.sql jdk-jdk.attach jdk-jdk.crypto.ec
  jdk-jdk.dynalink jdk-jdk.hotspot.agent jdk-jdk.incubator.vector jdk-jdk.internal.ed
  jdk-jdk.internal.opt jdk-jdk.internal.vm.compiler.management jdk-jdk.jdeps
  jdk-jdk.jdwp.agent jdk-jdk.jlink jdk-jdk.jpackage jdk-jdk.naming.dns jdk-jdk.naming.rmi
  jdk-jdk.unsupported jdk-jdk.xml.dom npm-_sentry_react-native npm-expo-modules-core
  npm-react-native-windows "
NATIVE_NPM=(
  "react-native-windows@0.76.0"
  "expo-modules-core@2.1.4"
  "@stripe/stripe-react-native@0.41.0"
  "@react-native-firebase/auth@21.6.1"
  "@react-native-google-signin/google-signin@13.1.0"
  "react-native-purchases@8.4.0"
  "@sentry/react-native@6.4.0"
)
mkdir -p "$CACHE/unpacked/wild-tune4" "$CACHE/unpacked/wild-fresh4"
# shellcheck disable=SC2086 # word splitting flattens the list's line breaks on purpose
split4() { case " $(echo $FRESH4_UNITS) " in *" $1 "*) echo wild-fresh4 ;; *) echo wild-tune4 ;; esac; }
if ! ls -d "$CACHE"/unpacked/wild-*4/jdk-* >/dev/null 2>&1; then
  whole="$CACHE/download/openjdk-17-source-unpacked"
  [ -d "$whole" ] || deb_unpack "$JDK_SOURCE" "$whole"
  modules="$CACHE/download/openjdk-17-src-zip"
  rm -rf "$modules" && mkdir -p "$modules"
  python3 -m zipfile -e "$whole/usr/lib/jvm/openjdk-17/lib/src.zip" "$modules"
  n=0
  for module in $(cd "$modules" && ls); do
    mv "$modules/$module" "$CACHE/unpacked/$(split4 "jdk-$module")/jdk-$module"
    n=$((n + 1))
  done
  echo "fetched $JDK_SOURCE ($n modules) -> wild-tune4 / wild-fresh4"
fi
for spec in "${NATIVE_NPM[@]}"; do
  name="${spec%@*}"
  flat="npm-$(echo "$name" | tr '/@' '__')"
  split=$(split4 "$flat")
  dest="$CACHE/unpacked/$split/$flat"
  [ -d "$dest" ] && continue
  dl="$CACHE/download/$flat-4"
  mkdir -p "$dl"
  (cd "$dl" && ls ./*.tgz >/dev/null 2>&1 || npm pack --silent "$spec" >/dev/null)
  mkdir -p "$dest.tmp"
  for f in "$dl"/*.tgz; do tar -xzf "$f" -C "$dest.tmp"; done
  mv "$dest.tmp" "$dest"
  echo "fetched $spec -> $split"
done
if [ ! -d "$CACHE/unpacked/wild-tune4/pypi-pythonnet" ]; then
  dl="$CACHE/download/pypi-pythonnet-sdist"
  mkdir -p "$dl" "$CACHE/unpacked/wild-tune4/pypi-pythonnet.tmp"
  ls "$dl"/*.tar.gz >/dev/null 2>&1 \
    || pip download --quiet --no-deps --no-binary=:all: -d "$dl" "pythonnet==3.0.5"
  tar -xzf "$dl"/pythonnet-3.0.5.tar.gz -C "$CACHE/unpacked/wild-tune4/pypi-pythonnet.tmp"
  mv "$CACHE/unpacked/wild-tune4/pypi-pythonnet.tmp" "$CACHE/unpacked/wild-tune4/pypi-pythonnet"
  echo "fetched pythonnet==3.0.5 (sdist) -> wild-tune4"
fi
# A tenth split (`wild-tune5`, tuning only, no held-aside part), chosen on 2026-12-07 at
# 06:50 UTC before any scan, after wild-fresh4's last measurement: more Kotlin, Swift, Java
# and Objective-C, from npm modules that store credentials or wrap a platform (keychain,
# sensitive-info, biometrics, Cordova's Android and iOS platforms, WebView, device info,
# Vision Camera) and jep's sdist (Java, C and Python). About 12 MB: too small for a figure
# per 100 MB of its own, read for the shapes it holds.
TUNE5_NPM=(
  "react-native-keychain@10.0.0"
  "react-native-sensitive-info@6.1.4"
  "react-native-biometrics@3.0.1"
  "cordova-android@15.1.0"
  "cordova-ios@8.1.1"
  "react-native-webview@13.12.5"
  "react-native-device-info@14.0.4"
  "react-native-vision-camera@4.6.3"
)
mkdir -p "$CACHE/unpacked/wild-tune5"
for spec in "${TUNE5_NPM[@]}"; do
  name="${spec%@*}"
  flat="npm-$(echo "$name" | tr '/@' '__')"
  dest="$CACHE/unpacked/wild-tune5/$flat"
  [ -d "$dest" ] && continue
  dl="$CACHE/download/$flat-5"
  mkdir -p "$dl"
  (cd "$dl" && ls ./*.tgz >/dev/null 2>&1 || npm pack --silent "$spec" >/dev/null)
  mkdir -p "$dest.tmp"
  for f in "$dl"/*.tgz; do tar -xzf "$f" -C "$dest.tmp"; done
  mv "$dest.tmp" "$dest"
  echo "fetched $spec -> wild-tune5"
done
if [ ! -d "$CACHE/unpacked/wild-tune5/pypi-jep" ]; then
  dl="$CACHE/download/pypi-jep-sdist"
  mkdir -p "$dl" "$CACHE/unpacked/wild-tune5/pypi-jep.tmp"
  ls "$dl"/*.tar.gz >/dev/null 2>&1 || pip download --quiet --no-deps --no-binary=:all: -d "$dl" "jep==4.2.2"
  tar -xzf "$dl"/jep-4.2.2.tar.gz -C "$CACHE/unpacked/wild-tune5/pypi-jep.tmp"
  mv "$CACHE/unpacked/wild-tune5/pypi-jep.tmp" "$CACHE/unpacked/wild-tune5/pypi-jep"
  echo "fetched jep==4.2.2 (sdist) -> wild-tune5"
fi
du -sh "$CACHE/unpacked/tune" "$CACHE/unpacked/heldout" "$CACHE/unpacked/fresh" \
  "$CACHE/unpacked/wild-tune" "$CACHE/unpacked/wild-heldout" "$CACHE/unpacked/wild-fresh" \
  "$CACHE/unpacked/wild-fresh2" "$CACHE/unpacked/wild-tune3" "$CACHE/unpacked/wild-fresh3" \
  "$CACHE/unpacked/wild-tune4" "$CACHE/unpacked/wild-fresh4" "$CACHE/unpacked/wild-tune5"
