#!/usr/bin/env bash
# Runs the benchmarks and load tests against BUILD_DIR and prints one table:
#   metric | measured | target | ok?
# A missed target is reported (MISSED), not fatal: benchmarks are read, not asserted.
# Real errors are fatal: a missing binary, a benchmark that fails, a server that will not
# start or does not exit cleanly, Cedar deciding a case differently from the access gate.
# ACCORD_BENCH_ONLY=gate runs only the access gate section (seconds instead of minutes);
# ACCORD_BENCH_ONLY=identity only the identity section (sign-in, token auth, wrk; ~1.5 min);
# ACCORD_BENCH_ONLY=reviews only the reviews section (scheduler pass, dashboard; ~3 min);
# ACCORD_BENCH_ONLY=trust only the public trust center under wrk (~1 min);
# ACCORD_BENCH_ONLY=portal only the web portal (first-load size, party list in Chromium; ~2 min);
# ACCORD_BENCH_ONLY=uploads only the upload memory runs (20 x 25 MiB, anonymous and signed in; ~1 min).
# ACCORD_BENCH_ONLY=evidence only the evidence bundle: export and verify of 100,000 events (~1 min).
# ACCORD_BENCH_ONLY=messaging only the PHI guard and the Secure Message open (seconds).
# ACCORD_BENCH_ONLY=status only the status page (probes, roll-ups, /status under wrk; ~1 min).
# ACCORD_BENCH_ONLY=scans only the scan imports: 100,000 SARIF results, a Trivy report (~1 min).
# ACCORD_BENCH_ONLY=compliance only the compliance status and matrix at 100,000 parties (~2 min).
# ACCORD_BENCH_ONLY=answers only the answer library: a 500-question questionnaire matched (seconds).
# ACCORD_BENCH_ONLY=questionnaires only the 300-question questionnaire the vendor opens (seconds).
# ACCORD_BENCH_ONLY=store only the store: durable appends against raw SQLite, the API read on
# each backend, the 100,000-party import on PostgreSQL and the same file on SQLite (~5 min).
set -euo pipefail

usage() {
  echo "usage: [ACCORD_BENCH_ONLY=gate|identity|reviews|trust|portal|uploads|evidence|messaging|scans|store|status|compliance|answers] bench/run.sh BUILD_DIR" >&2
  exit 2
}
[ $# -eq 1 ] || usage
build=$1
accord=$build/accord
bench=$build/accord_bench
die() { echo "bench/run.sh: $*" >&2; exit 1; }

only=${ACCORD_BENCH_ONLY:-}
bins=("$accord" "$bench")
[ "$only" = uploads ] && bins=("$accord")  # load from outside only: no accord_bench
for bin in "${bins[@]}"; do
  [ -x "$bin" ] || die "$bin is missing: build the accord and accord_bench targets first"
done
tools=(python3 openssl wrk curl)
case $only in
  "") ;;
  gate) tools=(python3) ;;
  identity | trust) tools=(python3 wrk) ;;
  reviews) tools=(python3) ;;
  portal) tools=(python3 curl node) ;;
  uploads) tools=(python3 curl) ;;
  evidence) tools=(python3) ;;
  messaging) tools=(python3) ;;
  store) tools=(python3 wrk curl) ;;
  status) tools=(python3 wrk) ;;
  scans) tools=(python3 curl) ;;
  compliance) tools=(python3) ;;
  answers) tools=(python3) ;;
  questionnaires) tools=(python3) ;;
  *) die "ACCORD_BENCH_ONLY=$only: expected gate, identity, reviews, trust, portal, uploads, evidence, messaging, scans, store, status, compliance, answers or questionnaires (or unset for everything)" ;;
esac
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/deps.sh bench"
done

pg_script=$(dirname "$0")/../scripts/pg-test-server.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/accord-bench.XXXXXX")
shm_tmp=""
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    sleep 1
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -d "$tmp/pg" ]; then "$pg_script" stop "$tmp/pg" >/dev/null 2>&1 || true; fi
  rm -rf "$tmp" ${shm_tmp:+"$shm_tmp"}
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- table -------------------------------------------------------------------------------
rows=()
# row METRIC MEASURED TARGET OK(yes|no|info) [NOTE]
row() {
  local verdict
  case $4 in
    yes) verdict=ok ;;
    info) verdict=info ;;
    *) verdict=MISSED ;;
  esac
  rows+=("$1|$2|$3|$verdict${5:+ ($5)}")
}
# py EXPR ARGS...: evaluates a Python expression with the arguments as a list `a`.
py() {
  local expr=$1
  shift
  python3 -c "import sys; a = sys.argv[1:]; print($expr)" "$@"
}
yes_if() { py "'yes' if ($1) else 'no'" "${@:2}"; }
print_table() {
  echo
  printf '%-40s | %-10s | %-9s | %s\n' metric measured target "ok?"
  printf '%s\n' "-----------------------------------------+------------+-----------+--------------------"
  local r metric measured target verdict
  for r in "${rows[@]}"; do
    IFS='|' read -r metric measured target verdict <<<"$r"
    printf '%-40s | %10s | %-9s | %s\n' "$metric" "$measured" "$target" "$verdict"
  done
}

# bench_field FILE NAME FIELD: one field of one benchmark in Google Benchmark JSON output.
bench_field() {
  python3 - "$@" <<'EOF'
import json, sys
path, name, field = sys.argv[1:]
for b in json.load(open(path))["benchmarks"]:
    if b["name"] == name:
        if b.get("error_occurred"):
            sys.exit(f"{name}: {b.get('error_message')}")
        print(b[field])
        sys.exit(0)
sys.exit(f"{name} not found in {path}")
EOF
}

# run_bench FILTER OUT.json [SCRATCH_DIR]: the benchmarks' stores go under SCRATCH_DIR.
run_bench() {
  echo "== accord_bench --benchmark_filter=$1"
  TMPDIR=${3:-$tmp} ACCORD_BENCH_DIR=$tmp/ledger1m "$bench" --benchmark_filter="$1" --benchmark_min_time=1 \
    --benchmark_out="$2" --benchmark_out_format=json
}

# start_server OUT ARGS...: starts `accord serve ARGS --listen 127.0.0.1:0` with stdout in OUT,
# sets server_pid and port once it prints its listening line.
start_server() {
  local out=$1
  shift
  echo "== accord serve $* --listen 127.0.0.1:0"
  : >"$out"  # exists before the background job's redirection opens it
  "$accord" serve "$@" --listen 127.0.0.1:0 >"$out" 2>"$out.err" &
  server_pid=$!
  port=""
  for _ in $(seq 300); do
    port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$|\1|p' "$out")
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$out.err" >&2; die "accord serve exited"; }
    sleep 0.1
  done
  cat "$out.err" >&2
  die "accord serve did not print its port in 30 s"
}
# Sections in their own files; registry.sh also provides wrk_p99_ms, which identity.sh uses.
# shellcheck source=bench/registry.sh
. "$(dirname "$0")/registry.sh"
# shellcheck source=bench/identity.sh
. "$(dirname "$0")/identity.sh"
# shellcheck source=bench/reviews.sh
. "$(dirname "$0")/reviews.sh"
# shellcheck source=bench/trust.sh
. "$(dirname "$0")/trust.sh"
# shellcheck source=bench/portal.sh
. "$(dirname "$0")/portal.sh"
# shellcheck source=bench/uploads.sh
. "$(dirname "$0")/uploads.sh"
# shellcheck source=bench/evidence.sh
. "$(dirname "$0")/evidence.sh"
# shellcheck source=bench/messaging.sh
. "$(dirname "$0")/messaging.sh"
if [ "$only" = messaging ]; then
  messaging_bench
  print_table
  exit 0
fi
# shellcheck source=bench/status.sh
. "$(dirname "$0")/status.sh"
if [ "$only" = status ]; then
  status_bench
  print_table
  exit 0
fi
# shellcheck source=bench/compliance.sh
. "$(dirname "$0")/compliance.sh"
if [ "$only" = compliance ]; then
  compliance_bench
  print_table
  exit 0
fi
# shellcheck source=bench/answer_library.sh
. "$(dirname "$0")/answer_library.sh"
if [ "$only" = answers ]; then
  answer_library_bench
  print_table
  exit 0
fi
# shellcheck source=bench/questionnaires.sh
. "$(dirname "$0")/questionnaires.sh"
if [ "$only" = questionnaires ]; then
  questionnaire_bench
  print_table
  exit 0
fi
if [ "$only" = evidence ]; then
  evidence_bench
  print_table
  exit 0
fi
# shellcheck source=bench/scans.sh
. "$(dirname "$0")/scans.sh"
if [ "$only" = scans ]; then
  scans_bench
  print_table
  exit 0
fi
if [ "$only" = uploads ]; then
  upload_bench
  print_table
  exit 0
fi
if [ "$only" = trust ]; then
  trust_bench
  print_table
  exit 0
fi
if [ "$only" = portal ]; then
  portal_bench
  print_table
  exit 0
fi
if [ "$only" = identity ]; then
  identity_bench
  print_table
  exit 0
fi
if [ "$only" = reviews ]; then
  reviews_bench
  print_table
  exit 0
fi

if [ "$only" != store ]; then  # the access gate: not part of the store section
# --- 0. the access gate, and the same decision in Cedar ---------------------------------------
# accord_bench times policy::Evaluate on the "bench" request of bench/cedar/cases.json (3
# systems, a party with 5 agreements); bench/cedar/gate.mjs evaluates the same request as a
# pre-parsed Cedar policy set (cedar-wasm under node). Both first decide every case in
# cases.json: a disagreement is fatal, since comparing speeds only means something for the
# same decisions.
cedar_dir=$(cd "$(dirname "$0")/cedar" && pwd)
run_bench 'BM_Gate' "$tmp/gate.json"
declare -A gate_dps
for profile in luma bloomapi; do
  gate_dps[$profile]=$(bench_field "$tmp/gate.json" "BM_GateEvaluate/$profile" items_per_second)
  latency="BM_GateLatency/$profile/iterations:1/real_time"
  p50=$(bench_field "$tmp/gate.json" "$latency" p50_us)
  p99=$(bench_field "$tmp/gate.json" "$latency" p99_us)
  row "gate decisions/s, $profile (1 core)" "$(py 'f"{float(a[0]):,.0f}"' "${gate_dps[$profile]}")" \
    ">= 1M" "$(yes_if 'float(a[0]) >= 1e6' "${gate_dps[$profile]}")" "3 systems, 5 agreements"
  row "  gate latency p99, $profile (us)" "$(py 'f"{float(a[0]):.2f}"' "$p99")" "<= 5" \
    "$(yes_if 'float(a[0]) <= 5' "$p99")" "p50 $(py 'f"{float(a[0]):.2f}"' "$p50") us, 1M calls"
done
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d "$cedar_dir/node_modules" ] ||
     [ "$cedar_dir/package-lock.json" -nt "$cedar_dir/node_modules" ]; then
    (cd "$cedar_dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in bench/cedar failed"
  fi
  echo "== accord_bench --gate-cases; node bench/cedar/gate.mjs"
  "$bench" --gate-cases="$cedar_dir/cases.json" >"$tmp/gate_cases.json" ||
    die "accord_bench --gate-cases failed"
  node "$cedar_dir/gate.mjs" --cases "$cedar_dir/cases.json" >"$tmp/cedar.json" ||
    die "bench/cedar/gate.mjs failed"
  agreed=$(python3 - "$cedar_dir/cases.json" "$tmp/gate_cases.json" "$tmp/cedar.json" <<'PY'
import json, sys
cases, gate, cedar = (json.load(open(p)) for p in sys.argv[1:])
expect = {(c["name"], p): e for c in cases["cases"] for p, e in c["expect"].items()}
ours = {(r["name"], r["profile"]): r for r in gate["results"]}
theirs = {(r["name"], r["profile"]): r for r in cedar["results"]}
bad = 0
for key, e in sorted(expect.items()):
    want = (e["decision"], sorted(e["denied"]))
    got = {who: (r[key]["decision"], sorted(r[key]["denied"])) if key in r else None
           for who, r in (("gate", ours), ("cedar", theirs))}
    if got["gate"] != want or got["cedar"] != want:
        bad += 1
        print(f"MISMATCH {key[0]} ({key[1]}): expected {want}, gate {got['gate']}, "
              f"cedar {got['cedar']}", file=sys.stderr)
print(f"{len(expect) - bad}/{len(expect)}")
sys.exit(1 if bad else 0)
PY
) || die "Cedar and the access gate decide differently (see MISMATCH above)"
  echo "gate and Cedar agree on $agreed decisions (cases.json x profiles)"
  cedar_version=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["cedar"], "node", d["node"])' "$tmp/cedar.json")
  for profile in luma bloomapi; do
    cedar_dps=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["profiles"][sys.argv[2]]["decisions_per_second"])' \
      "$tmp/cedar.json" "$profile")
    row "  Cedar decisions/s, $profile" "$(py 'f"{float(a[0]):,.0f}"' "$cedar_dps")" "-" info \
      "cedar-wasm $cedar_version; 3 calls/decision, entities parsed per call"
    row "  accord / Cedar, $profile" "$(py 'f"{float(a[0]) / float(a[1]):,.0f}x"' "${gate_dps[$profile]}" "$cedar_dps")" \
      "-" info "both agree on $agreed case decisions"
  done
else
  row "Cedar side-by-side" "-" "-" info "node/npm missing: scripts/deps.sh bench installs them"
fi
if [ "$only" = gate ]; then
  print_table
  exit 0
fi
messaging_bench  # issue 26: the PHI guard and the Secure Message open
fi

# --- 1. durable appends ------------------------------------------------------------------
# BM_Fsync measures the disk's durable-write latency: with 64 writers each waiting for its
# commit, events/s cannot exceed 64 / (fsync + batch time), whatever the code does.
# BM_RawSqliteAppend is raw SQLite on the same disk in the same minute (WAL, synchronous=FULL,
# 32-row transactions, one table): the appends are judged against it as well as in absolute
# terms, since a shared machine's disk varies by the minute.
run_bench 'BM_DurableAppend|BM_Fsync|BM_RawSqliteAppend' "$tmp/append.json"
name='BM_DurableAppend/real_time/threads:64'
eps=$(bench_field "$tmp/append.json" "$name" items_per_second)
batch=$(bench_field "$tmp/append.json" "$name" batch)
cpu_us=$(bench_field "$tmp/append.json" "$name" cpu_us)
raw_cpu_us=$(bench_field "$tmp/append.json" 'BM_RawSqliteAppend/real_time' cpu_time)
fsync_us=$(bench_field "$tmp/append.json" 'BM_Fsync/real_time' real_time)
raw_eps=$(bench_field "$tmp/append.json" 'BM_RawSqliteAppend/real_time' items_per_second)
row "durable appends, 64 writers (events/s)" "$(py 'f"{float(a[0]):,.0f}"' "$eps")" \
  ">= 50,000" "$(yes_if 'float(a[0]) >= 50000' "$eps")" \
  "avg batch $(py 'f"{float(a[0]):.1f}, {float(a[1]):.1f} us CPU per event"' "$batch" "$cpu_us")"
row "  raw SQLite, 32-row transactions (rows/s)" "$(py 'f"{float(a[0]):,.0f}"' "$raw_eps")" "-" info \
  "WAL, synchronous=FULL, one table, same run, $(py 'f"{float(a[0]) / 32:.1f}"' "$raw_cpu_us") us CPU per row"
ratio=$(py 'f"{float(a[0]) / float(a[1]):.2f}"' "$eps" "$raw_eps")
row "  durable appends / raw SQLite" "$ratio" ">= 0.5" "$(yes_if 'float(a[0]) >= 0.5' "$ratio")"
row "  disk fdatasync, 64 KiB (ms)" "$(py 'f"{float(a[0])/1000:.2f}"' "$fsync_us")" "-" info \
  "64 writers / fsync = $(py 'f"{64e6/float(a[0]):,.0f}"' "$fsync_us") events/s at most"
# The same on tmpfs, where fsync is free: what the code alone reaches on this CPU.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm_tmp=$(mktemp -d /dev/shm/accord-bench.XXXXXX)
  run_bench 'BM_DurableAppend' "$tmp/append_shm.json" "$shm_tmp"
  eps_shm=$(bench_field "$tmp/append_shm.json" "$name" items_per_second)
  batch_shm=$(bench_field "$tmp/append_shm.json" "$name" batch)
  cpu_shm=$(bench_field "$tmp/append_shm.json" "$name" cpu_us)
  row "  same on tmpfs, no fsync (events/s)" "$(py 'f"{float(a[0]):,.0f}"' "$eps_shm")" "-" info \
    "avg batch $(py 'f"{float(a[0]):.1f}, {float(a[1]):.1f} us CPU per event"' "$batch_shm" "$cpu_shm")"
fi

# The same on PostgreSQL (a throw-away local server, default durability settings).
echo "== PostgreSQL server for the side-by-side runs"
"$pg_script" start "$tmp/pg" || die "could not start PostgreSQL (scripts/deps.sh bench installs it)"
pg_url=$(cat "$tmp/pg/url")
pg_db() {  # pg_db NAME: creates a database, prints its URL
  psql -q "$pg_url" -c "CREATE DATABASE $1" >/dev/null || die "CREATE DATABASE $1 failed"
  echo "${pg_url%/*}/$1"
}
ACCORD_BENCH_DB=$(pg_db append) run_bench 'BM_DurableAppend' "$tmp/append_pg.json"
eps_pg=$(bench_field "$tmp/append_pg.json" "$name" items_per_second)
batch_pg=$(bench_field "$tmp/append_pg.json" "$name" batch)
row "  same on PostgreSQL (events/s)" "$(py 'f"{float(a[0]):,.0f}"' "$eps_pg")" "-" info \
  "avg batch $(py 'f"{float(a[0]):.1f}"' "$batch_pg")"

if [ "$only" != store ]; then  # sections 2 to 5: not part of the store section
# --- 2. leaf hashing vs openssl speed ------------------------------------------------------
run_bench 'BM_LeafHash' "$tmp/hash.json"
echo "== openssl speed -evp sha256 -seconds 1"
openssl speed -evp sha256 -seconds 1 >"$tmp/openssl.txt" 2>/dev/null ||
  die "openssl speed failed"
# Bytes/s for one block size from openssl's table ('k' = 1000 bytes/s).
openssl_rate() {
  python3 - "$tmp/openssl.txt" "$1" <<'EOF'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
for i, line in enumerate(lines):
    if line.startswith("type"):
        sizes = re.findall(r"(\d+) bytes", line)
        values = re.findall(r"([\d.]+)k", lines[i + 1])
        print(float(dict(zip(sizes, values))[sys.argv[2]]) * 1000)
        sys.exit(0)
sys.exit("no table in openssl speed output")
EOF
}
for size in 256 1024; do
  ours=$(bench_field "$tmp/hash.json" "BM_LeafHash/$size" bytes_per_second)
  theirs=$(openssl_rate "$size")
  ratio=$(py 'f"{float(a[0]) / float(a[1]):.2f}"' "$ours" "$theirs")
  row "leaf hash $size B / openssl speed" "$ratio" ">= 0.5" "$(yes_if 'float(a[0]) >= 0.5' "$ratio")" \
    "$(py 'f"{float(a[0])/1e6:.0f} vs {float(a[1])/1e6:.0f} MB/s"' "$ours" "$theirs")"
done

# --- 3. verify 1,000,000 events -------------------------------------------------------------
# The benchmark builds the ledger in $tmp/ledger1m (untimed) and verifies it in-process.
run_bench 'BM_Verify1M' "$tmp/verify.json"
inproc_ms=$(bench_field "$tmp/verify.json" 'BM_Verify1M/iterations:1/real_time' real_time)
echo "== accord ledger verify --data-dir $tmp/ledger1m"
start=$(date +%s.%N)
"$accord" ledger verify --data-dir "$tmp/ledger1m" >"$tmp/verify.out" 2>&1 ||
  { cat "$tmp/verify.out" >&2; die "accord ledger verify failed"; }
end=$(date +%s.%N)
cat "$tmp/verify.out"
checked=$(sed -n 's/^ledger OK: size \([0-9]*\),.*/\1/p' "$tmp/verify.out")
[ "${checked:-0}" -ge 1000000 ] || die "verify checked ${checked:-no} events, expected 1,000,000"
secs=$(py 'f"{float(a[1]) - float(a[0]):.2f}"' "$start" "$end")
row "accord ledger verify, 1M events (s)" "$secs" "< 10" "$(yes_if 'float(a[0]) < 10' "$secs")" \
  "in-process $(py 'f"{float(a[0])/1000:.2f}"' "$inproc_ms") s"
# Restore of the same 1,000,000 events (tree and read models rebuilt) into each backend.
echo "== accord backup / restore of 1,000,000 events"
"$accord" backup --data-dir "$tmp/ledger1m" --out "$tmp/1m.backup" || die "backup failed"
rm -rf "$tmp/ledger1m"
for target in sqlite postgres; do
  db="sqlite://$tmp/restore-$target/accord.db"
  [ "$target" = postgres ] && db=$(pg_db restore1m)
  start=$(date +%s.%N)
  "$accord" restore --in "$tmp/1m.backup" --data-dir "$tmp/restore-$target" --db "$db" ||
    die "restore into $target failed"
  end=$(date +%s.%N)
  secs=$(py 'f"{float(a[1]) - float(a[0]):.1f}"' "$start" "$end")
  row "restore 1M events into $target (s)" "$secs" "< 60" "$(yes_if 'float(a[0]) < 60' "$secs")" \
    "incl. read models and verify"
  rm -rf "$tmp/restore-$target"
done
rm -f "$tmp/1m.backup"

# --- 3b. a witness's cosignature per checkpoint ------------------------------------------------
# One round against a real `accord witness` on loopback after each new checkpoint (issue 22).
ACCORD_BINARY=$accord run_bench 'BM_WitnessCosign' "$tmp/witness.json"
witness_ms=$(bench_field "$tmp/witness.json" 'BM_WitnessCosign/iterations:50/real_time' real_time)
row "witness cosigning per checkpoint (ms)" "$(py 'f"{float(a[0]):.1f}"' "$witness_ms")" "< 50" \
  "$(yes_if 'float(a[0]) < 50' "$witness_ms")" "proof, HTTP, fsynced witness state, stored"

# --- 4 and 5. accord serve: /healthz throughput and resident memory ----------------------
rss_mib() {
  local kb
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status") || die "server $server_pid is gone"
  py 'f"{int(a[0]) / 1024:.1f}"' "$kb"
}
start_server "$tmp/serve.out" --data-dir "$tmp/serve"
sleep 3
idle_rss=$(rss_mib)

echo "== wrk -t2 -c64 -d10s http://127.0.0.1:$port/healthz"
wrk -t2 -c64 -d10s "http://127.0.0.1:$port/healthz" | tee "$tmp/wrk.txt" || die "wrk failed"
rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk.txt")
[ -n "$rps" ] || die "wrk printed no Requests/sec"
bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$tmp/wrk.txt")
sleep 1
busy_rss=$(rss_mib)

kill -TERM "$server_pid"
for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server_pid" 2>/dev/null && die "accord serve did not exit 30 s after SIGTERM"
rc=0
wait "$server_pid" || rc=$?
server_pid=""
[ "$rc" -eq 0 ] || { cat "$tmp/serve.out.err" >&2; die "accord serve exited $rc after SIGTERM"; }

rps_ok=$(yes_if 'float(a[0]) >= 50000' "$rps")
[ -z "$bad" ] || rps_ok=no
row "GET /healthz, wrk -t2 -c64 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps")" ">= 50,000" \
  "$rps_ok" "${bad:+$bad non-2xx}"
row "accord serve RSS, idle (MiB)" "$idle_rss" "< 30" "$(yes_if 'float(a[0]) < 30' "$idle_rss")"
row "accord serve RSS, after wrk (MiB)" "$busy_rss" "< 30" \
  "$(yes_if 'float(a[0]) < 30' "$busy_rss")" "SIGTERM: exit $rc"
fi

# --- 6. a database-backed API read on each backend ---------------------------------------------
# GET /api/v1/ledger/entries/1 with a bearer token: authentication and the read both hit the store.
api_read() {  # api_read LABEL DB
  local out=$tmp/api-$1.out pid token
  start_server "$out" --demo --data-dir "$tmp/api-$1" --db "$2"
  pid=$server_pid
  token=$(sed -n 's/^  security_officer: //p' "$out")
  echo "== wrk -t2 -c64 -d5s GET /api/v1/ledger/entries/1 ($1)"
  wrk -t2 -c64 -d5s -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/ledger/entries/1" | tee "$tmp/wrk-$1.txt" || die "wrk failed"
  kill -TERM "$pid"
  wait "$pid" || die "accord serve ($1) did not exit cleanly"
  server_pid=""
  local r bad
  r=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-$1.txt")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$tmp/wrk-$1.txt")
  local target=- ok=info note=${bad:+$bad non-2xx}
  if [ "$1" = postgres ]; then  # issue 21: twice the 5.6k req/s of then, SQLite beside it
    target=">= 11,200"
    ok=$(yes_if 'float(a[0]) >= 11200' "$r")
    note="sqlite $(py 'f"{float(a[0]):,.0f}"' "${api_rps[sqlite]}") in the same run${bad:+, $bad non-2xx}"
  fi
  row "GET ledger entry, $1 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$r")" "$target" "$ok" "$note"
  api_rps[$1]=$r
}
declare -A api_rps
api_read sqlite "sqlite://$tmp/api-sqlite/accord.db"
api_read postgres "$(pg_db api)"
# PostgreSQL pays a network round trip per statement where SQLite pays a function call: the
# same route on SQLite in the same run is its yardstick (5.6k vs 34k req/s, 0.16, with three
# round trips per read; issue 21 asks for twice that: 11,200 req/s, and the ratio printed).
pg_ratio=$(py 'f"{float(a[0]) / float(a[1]):.2f}"' "${api_rps[postgres]}" "${api_rps[sqlite]}")
row "  postgres / sqlite, same route" "$pg_ratio" ">= 0.33" "$(yes_if 'float(a[0]) >= 0.33' "$pg_ratio")" \
  "one statement, sent alone, per read"
if [ "$only" = store ]; then
  registry_import_postgres
  print_table
  exit 0
fi

# --- 7. the registry at 100,000 parties (bench/registry.sh) ----------------------------------
registry_bench
registry_import_postgres

# --- 8. identity: sign-in cost, token authentication, revocation (bench/identity.sh) ----------
identity_bench

# --- 9. reviews: the scheduler pass and the dashboard at 100,000 parties (bench/reviews.sh) ----
reviews_bench

# --- 10. the public trust center under wrk (bench/trust.sh) -----------------------------------
trust_bench

# --- 11. the web portal: first-load size, the party list in Chromium (bench/portal.sh) --------
portal_bench

# --- 12. upload memory: 20 concurrent 25 MiB uploads, anonymous and signed in (bench/uploads.sh)
upload_bench

# --- 13. the evidence bundle: export and verify of 100,000 events (bench/evidence.sh) ---------
evidence_bench

# --- 14. the status page: probes, roll-ups, /status under wrk (bench/status.sh) ---------------
status_bench

# --- 15. vulnerability scans: 100,000 SARIF results, a Trivy report (bench/scans.sh) -----------
scans_bench

# --- 16. compliance: the status and a customer's matrix at 100,000 parties (bench/compliance.sh)
compliance_bench

# --- 17. answering customers: 500 questions against 2,000 answers (bench/answer_library.sh) ---
answer_library_bench
# --- 18. questionnaires: a 300-question questionnaire opened by the vendor (bench/questionnaires.sh)
questionnaire_bench

# --- table ------------------------------------------------------------------------------------
print_table
