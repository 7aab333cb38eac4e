# The public trust center (issue 9): wrk -t2 -c64 on its pages, JSON and security.txt against
# `accord serve --demo`; target >= 20,000 req/s for the trust page and the subprocessor list
# (answers are cached for up to 5 s while the ledger does not grow: one read of the ledger
# head per request, so this measures the HTTP path, that read and the cache). Sourced by
# bench/run.sh, which provides $tmp, start_server, row, py, yes_if, die, identity_wrk
# (identity.sh) and wrk_p99_ms (registry.sh).

trust_bench() {
  local out=$tmp/trust-serve.out path name rps target
  start_server "$out" --demo --data-dir "$tmp/trust-serve"
  for path in /trust /trust/subprocessors /api/v1/public/trust /trust/subprocessors.atom \
    /.well-known/security.txt /trust/request; do
    name=trust$(echo "$path" | tr '/.' '--')
    WRK_CONNECTIONS=64 identity_wrk "$name" "http://127.0.0.1:$port$path"
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-$name.txt")
    target="-"
    case $path in /trust | /trust/subprocessors) target=">= 20000" ;; esac
    if [ "$target" = "-" ]; then
      row "GET $path, wrk -t2 -c64 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps")" "-" info \
        "p99 $(py 'f"{float(a[0]):.2f}"' "$(wrk_p99_ms "$tmp/wrk-$name.txt")") ms"
    else
      row "GET $path, wrk -t2 -c64 (req/s)" "$(py 'f"{float(a[0]):,.0f}"' "$rps")" "$target" \
        "$(yes_if 'float(a[0]) >= 20000' "$rps")" \
        "public, cached 5 s; p99 $(py 'f"{float(a[0]):.2f}"' \
        "$(wrk_p99_ms "$tmp/wrk-$name.txt")") ms"
    fi
  done
  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (trust) did not exit cleanly"
  server_pid=""
  rm -rf "$tmp/trust-serve"
}
