# Upload memory (issue 21): 20 clients at once each send a 25 MiB document to
# `accord serve --demo`, first anonymously (answered from the headers, before the body), then
# with the security officer's token (streamed to a temporary file; clients answered 503 retry
# after Retry-After). The row is the server's peak RSS over each run; target < 100 MiB.
# Sourced by bench/run.sh, which provides $tmp, start_server, row, py, yes_if and die.

upload_bench() {
  local out=$tmp/upload-serve.out token party result peak statuses mode
  start_server "$out" --demo --data-dir "$tmp/upload-serve"
  token=$(sed -n 's/^  security_officer: //p' "$out")
  [ -n "$token" ] || die "accord serve --demo printed no security_officer token"
  party=$(curl -sf -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/parties?limit=1" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])') ||
    die "no demo party to upload to"
  for mode in anonymous authorised; do
    echo "== 20 concurrent 25 MiB uploads, $mode"
    result=$(python3 "$(dirname "${BASH_SOURCE[0]}")/upload_load.py" "$port" "$server_pid" \
      "/api/v1/parties/$party/documents" \
      "$([ "$mode" = authorised ] && echo "$token")") || die "upload_load.py failed"
    echo "$result"
    peak=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["peak_rss_mib"])' "$result")
    statuses=$(python3 - "$result" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
print(", ".join(f"{n} x {s}" for s, n in sorted(d["statuses"].items())) +
      f"; {d['seconds']} s; {d['before_rss_mib']} MiB before")
PY
)
    row "upload RSS, 20x25 MiB $mode (MiB)" "$peak" "< 100" \
      "$(yes_if 'float(a[0]) < 100' "$peak")" "peak RSS; $statuses"
  done
  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (uploads) did not exit cleanly"
  server_pid=""
  rm -rf "$tmp/upload-serve"
}
