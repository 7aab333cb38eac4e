#!/usr/bin/env bash
# Builds the web portal into web/dist: `npm ci` when node_modules is missing or older than the
# lockfile, then `vite build`. Needs Node 18 or later (scripts/deps.sh installs Debian's).
set -euo pipefail
cd "$(dirname "$0")/../web"
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "web: Node $(node --version) is too old; the portal's build needs Node 18 or later" >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
npx --no-install vite build --logLevel warn
echo "web: built web/dist ($(du -sh dist | cut -f1))"
# The evidence bundle's verify.html: one self-contained file, embedded by the C++ build from
# src/evidence/verify.html (committed, so building the server needs no Node).
npx --no-install vite build --config vite.verify.config.ts --logLevel warn
cmp -s dist-verify/verify.html ../src/evidence/verify.html || cp dist-verify/verify.html ../src/evidence/verify.html
echo "web: built verify.html ($(du -h dist-verify/verify.html | cut -f1))"
