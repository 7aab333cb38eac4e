# The status page (issue 27): 10,000 HTTP probes against loopback on one thread, the daily
# roll-up of 100 components' 1-minute samples, a year's attainment for 100 components
# (accord_bench BM_Status*), and /status and /api/v2/summary.json under wrk -t2 -c64 against
# `accord serve --demo` (cached 5 s while the ledger does not grow; target >= 20,000 req/s).
# Sourced by bench/run.sh, which provides $tmp, start_server, row, py, yes_if, die,
# run_bench, bench_field, identity_wrk (identity.sh) and wrk_p99_ms (registry.sh).

status_bench() {
  run_bench 'BM_Status' "$tmp/status.json"
  local probes_s rollup_ms year_ms
  probes_s=$(bench_field "$tmp/status.json" "BM_StatusHttpProbes/10000/iterations:1" real_time)
  row "10,000 HTTP probes, loopback, 1 thread (s)" "$(py 'f"{float(a[0])/1000:.2f}"' "$probes_s")" \
    "< 60" "$(yes_if 'float(a[0]) < 60000' "$probes_s")" "one core; 64 at once"
  rollup_ms=$(bench_field "$tmp/status.json" "BM_StatusRollUpDay/iterations:3" real_time)
  row "roll-up of a day, 100 components (ms)" "$(py 'f"{float(a[0]):.0f}"' "$rollup_ms")" "-" info \
    "144,000 1-minute samples"
  year_ms=$(bench_field "$tmp/status.json" "BM_StatusYearAttainment/iterations:5" real_time)
  row "a year's uptime, 100 components (ms)" "$(py 'f"{float(a[0]):.0f}"' "$year_ms")" "< 1000" \
    "$(yes_if 'float(a[0]) < 1000' "$year_ms")" "month, quarter, year from daily roll-ups"
  local out=$tmp/status-serve.out path name rps
  start_server "$out" --demo --data-dir "$tmp/status-serve"
  for path in /status /api/v2/summary.json; do
    name=status$(echo "$path" | tr '/.' '--')
    WRK_CONNECTIONS=64 identity_wrk "$name" "http://127.0.0.1:$port$path"
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-$name.txt")
    row "GET $path, wrk -t2 -c64 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps")" ">= 20000" \
      "$(yes_if 'float(a[0]) >= 20000' "$rps")" \
      "public, cached 5 s; p99 $(py 'f"{float(a[0]):.2f}"' "$(wrk_p99_ms "$tmp/wrk-$name.txt")") ms"
  done
  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (status) did not exit cleanly"
  server_pid=""
  rm -rf "$tmp/status-serve"
}
