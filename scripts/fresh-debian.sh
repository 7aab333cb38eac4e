#!/usr/bin/env bash
# Checks the README's promise on a brand-new Debian 12: a minimal root made by debootstrap with
# only git, make, sudo and ca-certificates, a `git clone` of this repository's branch inside it,
# then `make test` (and, with --run, `make run` until the demo answers /healthz). Nothing of
# this machine is visible inside but the kernel and the network to Debian's and npm's
# registries: no shared/ folder, no Node, no compilers, no ccache.
#
#   sudo scripts/fresh-debian.sh DIR [--run]    DIR: an empty folder with ~8 GB free
#   sudo scripts/fresh-debian.sh DIR --run-only  `make run` alone, as a first-time user would
#
# Prints each step's minutes; the logs stay in DIR (make-test.log, make-run.log). Needs root
# (debootstrap, chroot, mounts) and the debootstrap package. Remove DIR afterwards with
# `sudo scripts/fresh-debian.sh DIR --clean` (it unmounts first).
set -euo pipefail
dir=${1:?usage: scripts/fresh-debian.sh DIR [--run|--clean]}
mode=${2:-}
repo=$(cd "$(dirname "$0")/.." && pwd)
root=$dir/root
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
root=$dir/root

unmount() {
  for m in dev/shm dev/pts dev sys proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
  done
  return 0
}
if [ "$mode" = --clean ]; then
  unmount
  rm -rf "$dir"
  exit 0
fi
trap unmount EXIT

minutes() { awk -v s="$1" -v e="$(date +%s)" 'BEGIN { printf "%.1f min", (e - s) / 60 }'; }

if [ ! -x "$root/usr/bin/git" ]; then
  command -v debootstrap >/dev/null || { echo "install debootstrap first" >&2; exit 1; }
  t=$(date +%s)
  debootstrap --variant=minbase --include=git,make,sudo,ca-certificates bookworm "$root" \
    http://deb.debian.org/debian >"$dir/debootstrap.log" 2>&1
  echo "debootstrap: $(minutes "$t")"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A TLS-inspecting proxy between this machine and the registries: its CA certificates come
# along, as on any machine behind it (npm and Node read them through NODE_EXTRA_CA_CERTS).
extra_ca=""
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
  extra_ca=NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount -t devpts devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"

# The committed branch, as a clone would get it (no untracked or ignored files).
rm -rf "$root/src" && mkdir -p "$root/src"
refs=(HEAD)
if branch=$(git -C "$repo" symbolic-ref --short HEAD 2>/dev/null); then refs+=("$branch"); fi
git -C "$repo" bundle create "$root/src/accord.bundle" "${refs[@]}" 2>/dev/null
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  CI=true $extra_ca bash -lc "$1"; }
in_root 'cd /src && git clone -q accord.bundle accord && git -C accord log -1 --format="clone: %h %s"'

t=$(date +%s)
if [ "$mode" = --run-only ]; then
  :
elif in_root 'cd /src/accord && make test </dev/null' >"$dir/make-test.log" 2>&1; then
  echo "make test: passed in $(minutes "$t") ($(grep -E 'tests passed' "$dir/make-test.log" | tail -1))"
else
  echo "make test: FAILED after $(minutes "$t"); see $dir/make-test.log"
  grep -E 'tests passed|\*\*\*Failed|Error' "$dir/make-test.log" | tail -20
  exit 1
fi

if [ "$mode" = --run ] || [ "$mode" = --run-only ]; then
  t=$(date +%s)
  in_root 'cd /src/accord && (make run LISTEN=127.0.0.1:18080 DATA_DIR=/tmp/demo </dev/null >/tmp/run.log 2>&1 &)
    for i in $(seq 1 900); do
      if grep -q "listening on" /tmp/run.log 2>/dev/null; then break; fi; sleep 1; done
    sleep 2; cat /tmp/run.log
    exec 3<>/dev/tcp/127.0.0.1/18080 && printf "GET /healthz HTTP/1.0\r\n\r\n" >&3 && cat <&3
    pkill -f "accord serve" || true' >"$dir/make-run.log" 2>&1 || true
  if grep -q '"status"' "$dir/make-run.log"; then
    echo "make run: demo answered /healthz after $(minutes "$t")"
  else
    echo "make run: FAILED; see $dir/make-run.log"
    exit 1
  fi
fi
