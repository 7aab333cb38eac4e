# Identity (issue: sign-in cost, token authentication overhead, revocation reach): the
# accord_bench identity benchmarks, then wrk on /healthz and on an authenticated API read
# against the same `accord serve --demo`. Sourced by bench/run.sh, which provides $tmp,
# run_bench, bench_field, start_server, row, py, yes_if, die, and wrk_p99_ms (registry.sh).

# identity_wrk NAME URL [ARGS...]: wrk -t2 -c${WRK_CONNECTIONS:-16} -d10s --latency, output
# in $tmp/wrk-NAME.txt. A non-2xx answer is fatal: its rate would not be the rate of the
# request meant.
identity_wrk() {
  local name=$1 url=$2 conns=${WRK_CONNECTIONS:-16}
  shift 2
  echo "== wrk -t2 -c$conns -d10s --latency GET $url"
  wrk -t2 -c"$conns" -d10s --latency "$@" "$url" | tee "$tmp/wrk-$name.txt" || die "wrk failed"
  if grep -q 'Non-2xx' "$tmp/wrk-$name.txt"; then die "$url answered non-2xx under load"; fi
  grep -q '^Requests/sec:' "$tmp/wrk-$name.txt" || die "wrk printed no Requests/sec"
}

# id_field NAME FIELD [FORMAT [SCALE]]: a field of $tmp/identity.json, divided by SCALE and
# formatted with FORMAT (a Python format spec).
id_field() {
  local v
  v=$(bench_field "$tmp/identity.json" "$1" "$2")
  py 'f"{float(a[0]) / float(a[2]):{a[1]}}"' "$v" "${3:-.2f}" "${4:-1}"
}

identity_bench() {
  local name threads us out=$tmp/identity-serve.out token rps_health rps_parties
  run_bench 'BM_Password|BM_TotpVerify|BM_TokenAuth|BM_SessionAuth|BM_AuthRouter|BM_Revocation' \
    "$tmp/identity.json"
  row "sign-in password check, Argon2id (ms)" "$(id_field BM_PasswordVerify cpu_time .1f)" "-" \
    info "m=19456 KiB t=2 p=1, 1 core"
  row "  password hash, Argon2id (ms)" "$(id_field BM_PasswordHash cpu_time .1f)" "-" info
  row "  TOTP verify, +-1 step (us)" "$(id_field BM_TotpVerify cpu_time)" "-" info

  # latency_ns: each thread's wall time per call (real_time with 2 threads is 1 / throughput).
  for threads in 1 2; do
    name="BM_TokenAuthCached/real_time/threads:$threads"
    us=$(id_field "$name" latency_ns .2f 1000)
    row "token auth, cached, threads:$threads (us)" "$us" "< 5" \
      "$(yes_if 'float(a[0]) < 5' "$us")" "$(id_field "$name" items_per_second ,.0f) auth/s"
  done
  row "  token auth, uncached: DB path (us)" \
    "$(id_field BM_TokenAuthUncached/real_time real_time .1f)" "-" info \
    "taken once per 500 ms per credential"
  for threads in 1 2; do
    row "  session auth, cached, threads:$threads (us)" \
      "$(id_field "BM_SessionAuthCached/real_time/threads:$threads" latency_ns .2f 1000)" "-" info
  done
  row "  session auth, uncached (us)" \
    "$(id_field BM_SessionAuthUncached/real_time real_time .1f)" "-" info
  row "  router dispatch with token auth (us)" \
    "$(id_field BM_AuthRouterDispatch real_time .2f 1000)" "-" info \
    "match + auth + role + handler"
  name='BM_RevocationReach/iterations:1/real_time'
  us=$(id_field "$name" worst_ms .0f)
  row "revoked token refused by 2nd server (ms)" "$us" "< 1000" \
    "$(yes_if 'float(a[0]) < 1000' "$us")" "worst of 8; mean $(id_field "$name" mean_ms .0f) ms"

  # Single sign-on's callback without the provider's round trip (issue 25): flow read, ID
  # token checked with the keys cached (RS256), flow used up, session and ledger event written.
  run_bench 'BM_Sso' "$tmp/sso.json"
  us=$(bench_field "$tmp/sso.json" BM_SsoCallback/real_time real_time)
  row "SSO callback, server time (ms)" "$(py 'f"{float(a[0]):.2f}"' "$us")" "< 5" \
    "$(yes_if 'float(a[0]) < 5' "$us")" "1 durable write + token check"
  row "  ID token check, RS256, keys cached (us)" \
    "$(bench_field "$tmp/sso.json" BM_SsoTokenCheck cpu_time | xargs printf '%.1f')" "-" info

  # One server, the same wrk settings: what authentication and a database read add to the
  # bare HTTP path.
  start_server "$out" --demo --data-dir "$tmp/identity-serve"
  token=$(sed -n 's/^  security_officer: //p' "$out")
  [ -n "$token" ] || die "accord serve --demo printed no security_officer token"
  identity_wrk id-healthz "http://127.0.0.1:$port/healthz"
  identity_wrk id-parties "http://127.0.0.1:$port/api/v1/parties?limit=50" \
    -H "Authorization: Bearer $token"
  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (identity) did not exit cleanly"
  server_pid=""
  rps_health=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-id-healthz.txt")
  rps_parties=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-id-parties.txt")
  row "GET /healthz, wrk -t2 -c16 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps_health")" "-" \
    info "p99 $(py 'f"{float(a[0]):.2f}"' "$(wrk_p99_ms "$tmp/wrk-id-healthz.txt")") ms"
  row "GET /api/v1/parties?limit=50 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps_parties")" "-" \
    info "bearer token, same server; p99 $(py 'f"{float(a[0]):.2f}"' \
    "$(wrk_p99_ms "$tmp/wrk-id-parties.txt")") ms"
  rm -rf "$tmp/identity-serve"
}
