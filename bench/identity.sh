# Identity (issue: sign-in cost, token authentication overhead, revocation reach): the
# accord_bench identity benchmarks, then wrk on /healthz and on an authenticated API read
# against the same `accord serve --demo`. Sourced by bench/run.sh, which provides $tmp,
# run_bench, bench_field, start_server, row, py, yes_if, die, and wrk_p99_ms (registry.sh).

# identity_wrk NAME URL [ARGS...]: wrk -t2 -c16 -d10s --latency, output in $tmp/wrk-NAME.txt.
# A non-2xx answer is fatal: its rate would not be the rate of the request meant.
identity_wrk() {
  local name=$1 url=$2
  shift 2
  echo "== wrk -t2 -c16 -d10s --latency $* $url"
  wrk -t2 -c16 -d10s --latency "$@" "$url" | tee "$tmp/wrk-$name.txt" || die "wrk failed"
  if grep -q 'Non-2xx' "$tmp/wrk-$name.txt"; then die "$url answered non-2xx under load"; fi
  grep -q '^Requests/sec:' "$tmp/wrk-$name.txt" || die "wrk printed no Requests/sec"
}

identity_bench() {
  local json=$tmp/identity.json name us lat rps_health rps_parties p99_health p99_parties
  run_bench 'BM_Password|BM_TotpVerify|BM_TokenAuth|BM_SessionAuth|BM_AuthRouter|BM_Revocation' \
    "$json"
  row "sign-in password check, Argon2id (ms)" \
    "$(py 'f"{float(a[0]):.1f}"' "$(bench_field "$json" BM_PasswordVerify cpu_time)")" "-" info \
    "m=19456 KiB t=2 p=1, 1 core"
  row "  password hash, Argon2id (ms)" \
    "$(py 'f"{float(a[0]):.1f}"' "$(bench_field "$json" BM_PasswordHash cpu_time)")" "-" info
  row "  TOTP verify, +-1 step (us)" \
    "$(py 'f"{float(a[0]):.2f}"' "$(bench_field "$json" BM_TotpVerify cpu_time)")" "-" info

  for threads in 1 2; do
    name="BM_TokenAuthCached/real_time/threads:$threads"
    lat=$(bench_field "$json" "$name" latency_ns)
    us=$(py 'f"{float(a[0]) / 1000:.2f}"' "$lat")
    row "token auth, cached, $threads thread(s) (us)" "$us" "< 5" "$(yes_if 'float(a[0]) < 5' "$us")" \
      "$(py 'f"{float(a[0]):,.0f} auth/s"' "$(bench_field "$json" "$name" items_per_second)")"
  done
  row "  token auth, uncached: DB path (us)" \
    "$(py 'f"{float(a[0]):.1f}"' "$(bench_field "$json" BM_TokenAuthUncached/real_time real_time)")" \
    "-" info "taken once per 500 ms per credential"
  for threads in 1 2; do
    name="BM_SessionAuthCached/real_time/threads:$threads"
    row "  session auth, cached, $threads thread(s) (us)" \
      "$(py 'f"{float(a[0]) / 1000:.2f}"' "$(bench_field "$json" "$name" latency_ns)")" "-" info
  done
  row "  session auth, uncached (us)" \
    "$(py 'f"{float(a[0]):.1f}"' "$(bench_field "$json" BM_SessionAuthUncached/real_time real_time)")" "-" info
  row "  router dispatch with token auth (us)" \
    "$(py 'f"{float(a[0]) / 1000:.2f}"' "$(bench_field "$json" BM_AuthRouterDispatch real_time)")" "-" info \
    "match + auth + role + handler"
  name='BM_RevocationReach/iterations:1/real_time'
  local worst mean
  worst=$(bench_field "$json" "$name" worst_ms)
  mean=$(bench_field "$json" "$name" mean_ms)
  row "token revocation reaches a 2nd server (ms)" "$(py 'f"{float(a[0]):.0f}"' "$worst")" \
    "< 1000" "$(yes_if 'float(a[0]) < 1000' "$worst")" \
    "worst of 8; mean $(py 'f"{float(a[0]):.0f}"' "$mean") ms"

  # The same server, the same wrk settings: what authentication + a database read cost
  # over the bare HTTP path.
  local out=$tmp/identity-serve.out token
  start_server "$out" --demo --data-dir "$tmp/identity-serve"
  token=$(sed -n 's/^  security_officer: //p' "$out")
  [ -n "$token" ] || die "accord serve --demo printed no security_officer token"
  identity_wrk id-healthz "http://127.0.0.1:$port/healthz"
  identity_wrk id-parties "http://127.0.0.1:$port/api/v1/parties?limit=50" \
    -H "Authorization: Bearer $token"
  rps_health=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-id-healthz.txt")
  rps_parties=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-id-parties.txt")
  p99_health=$(wrk_p99_ms "$tmp/wrk-id-healthz.txt")
  p99_parties=$(wrk_p99_ms "$tmp/wrk-id-parties.txt")
  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (identity) did not exit cleanly"
  server_pid=""
  row "GET /healthz, wrk -t2 -c16 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps_health")" "-" \
    info "p99 $(py 'f"{float(a[0]):.2f}"' "$p99_health") ms"
  row "GET /api/v1/parties?limit=50, token (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps_parties")" \
    "-" info "p99 $(py 'f"{float(a[0]):.2f}"' "$p99_parties") ms; same run, demo data"
  rm -rf "$tmp/identity-serve"
}
