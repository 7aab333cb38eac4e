# The registry at 100,000 parties (issue 4): CSV import over HTTP, then the first page of
# /api/v1/parties with a name filter under wrk. Sourced by bench/run.sh, which provides
# $accord, $tmp, start_server, row, py, yes_if and die.

registry_csv() {  # registry_csv FILE N: a spreadsheet-like file of N parties
  python3 - "$1" "$2" <<'EOF'
import random, sys
path, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = ["acme", "health", "care", "medical", "clinic", "labs", "systems", "data", "cloud",
         "north", "south", "river", "summit", "valley", "bright", "blue", "green", "partners",
         "group", "digital", "bay", "pacific", "atlas", "harbor", "cedar", "pine", "oak"]
kinds = ["customer", "partner", "subcontractor", "contracted_developer"]
with open(path, "w") as f:
    f.write("name,kind,status,criticality,infrastructure_partner,data_categories,location\n")
    for i in range(n):
        name = " ".join(random.sample(words, 2)).title() + f" {i:06d}"
        f.write(f"{name},{random.choice(kinds)},{random.choice(['prospect', 'active'])},"
                f"{random.choice(['low', 'medium', 'high'])},{random.choice(['true', 'false'])},"
                f"ephi;pii,\"Somewhere, US\"\n")
EOF
}

# wrk_p99_ms FILE: the 99th percentile latency from `wrk --latency` output, in ms.
wrk_p99_ms() {
  python3 - "$1" <<'EOF'
import re, sys
for line in open(sys.argv[1]):
    m = re.match(r"\s+99%\s+([\d.]+)(us|ms|s)\s*$", line)
    if m:
        v, unit = float(m.group(1)), m.group(2)
        print(v / 1000 if unit == "us" else v * 1000 if unit == "s" else v)
        sys.exit(0)
sys.exit("no 99% line in wrk output")
EOF
}

registry_bench() {
  local n=100000 out=$tmp/registry.out token start end secs imported p99 rps
  registry_csv "$tmp/parties.csv" "$n"
  start_server "$out" --demo --data-dir "$tmp/registry"
  token=$(sed -n 's/^  security_officer: //p' "$out")
  echo "== POST /api/v1/parties/import ($n rows, $(du -h "$tmp/parties.csv" | cut -f1))"
  start=$(date +%s.%N)
  curl -sS --fail-with-body -o "$tmp/import.json" -H "Authorization: Bearer $token" \
    -H "Content-Type: text/csv" --data-binary "@$tmp/parties.csv" \
    "http://127.0.0.1:$port/api/v1/parties/import" || die "import failed: $(cat "$tmp/import.json")"
  end=$(date +%s.%N)
  imported=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["imported"])' \
    "$tmp/import.json")
  [ "$imported" -eq "$n" ] || die "imported $imported parties, expected $n"
  secs=$(py 'f"{float(a[1]) - float(a[0]):.1f}"' "$start" "$end")
  row "import $n parties, CSV over HTTP (s)" "$secs" "< 60" "$(yes_if 'float(a[0]) < 60' "$secs")" \
    "one transaction, SQLite"

  echo "== wrk -t2 -c16 -d10s --latency GET /api/v1/parties?q=acme&limit=50"
  wrk -t2 -c16 -d10s --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/parties?q=acme&limit=50" | tee "$tmp/wrk-parties.txt" ||
    die "wrk failed"
  p99=$(wrk_p99_ms "$tmp/wrk-parties.txt")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-parties.txt")
  grep -q 'Non-2xx' "$tmp/wrk-parties.txt" && die "GET /api/v1/parties answered non-2xx under load"
  row "GET /api/v1/parties?q=acme&limit=50 at 100k, p99 (ms)" "$(py 'f"{float(a[0]):.2f}"' "$p99")" \
    "< 20" "$(yes_if 'float(a[0]) < 20' "$p99")" "$(py 'f"{float(a[0]):,.0f} req/s"' "$rps")"

  echo "== wrk -t2 -c16 -d5s --latency GET /api/v1/parties?limit=50 (no filter)"
  wrk -t2 -c16 -d5s --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/parties?limit=50" | tee "$tmp/wrk-parties-all.txt" ||
    die "wrk failed"
  p99=$(wrk_p99_ms "$tmp/wrk-parties-all.txt")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-parties-all.txt")
  row "  same without a filter, p99 (ms)" "$(py 'f"{float(a[0]):.2f}"' "$p99")" "-" info \
    "$(py 'f"{float(a[0]):,.0f} req/s"' "$rps")"

  # The vendor inventory (issue 20): a sorted first page with a filter on its columns.
  echo "== wrk -t2 -c16 -d5s --latency GET /api/v1/parties?sort=-name&sla=none&limit=50"
  wrk -t2 -c16 -d5s --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/parties?sort=-name&sla=none&limit=50" |
    tee "$tmp/wrk-parties-sorted.txt" || die "wrk failed"
  grep -q 'Non-2xx' "$tmp/wrk-parties-sorted.txt" && die "the sorted inventory answered non-2xx"
  p99=$(wrk_p99_ms "$tmp/wrk-parties-sorted.txt")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk-parties-sorted.txt")
  row "  inventory sorted by name, filtered, p99 (ms)" "$(py 'f"{float(a[0]):.2f}"' "$p99")" \
    "< 20" "$(yes_if 'float(a[0]) < 20' "$p99")" "$(py 'f"{float(a[0]):,.0f} req/s"' "$rps")"

  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (registry) did not exit cleanly"
  server_pid=""
  rm -rf "$tmp/registry" "$tmp/parties.csv"
}

# The same 100,000-party import into a PostgreSQL store (pg_db from bench/run.sh): one
# transaction whose inserts go out as multi-row statements. The same file into SQLite right
# after is its yardstick (issue 21), with both wall-clock time and CPU seconds.
registry_import_postgres() {
  local n=100000 label db out token start end secs imported cpu0 cpu
  registry_csv "$tmp/parties-pg.csv" "$n"
  # CPU seconds of the server and its database sessions: steadier than the wall clock on a
  # shared machine. Only this run's PostgreSQL server's sessions: other runs on the machine
  # may have a database of the same name.
  local postmaster
  postmaster=$(head -1 "$(cat "$tmp/pg/datadir")/db/postmaster.pid")
  import_cpu() {
    local p t=0
    for p in $server_pid $(pgrep -P "$postmaster" -f "postgres: [a-z]* registry " || true); do
      [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    echo "$t"
  }
  for label in PostgreSQL SQLite; do
    out=$tmp/registry-$label.out
    db="sqlite://$tmp/registry-$label/accord.db"
    [ "$label" = PostgreSQL ] && db=$(pg_db registry)
    start_server "$out" --demo --data-dir "$tmp/registry-$label" --db "$db"
    token=$(sed -n 's/^  security_officer: //p' "$out")
    echo "== POST /api/v1/parties/import ($n rows) on $label"
    cpu0=$(import_cpu)
    start=$(date +%s.%N)
    # Given up on after 15 minutes (reported, not fatal).
    if curl -sS --fail-with-body -o "$tmp/import-pg.json" -H "Authorization: Bearer $token" \
      -H "Content-Type: text/csv" --data-binary "@$tmp/parties-pg.csv" --max-time 900 \
      "http://127.0.0.1:$port/api/v1/parties/import"; then
      end=$(date +%s.%N)
      cpu=$(py 'f"{(int(a[1]) - int(a[0])) / int(a[2]):.1f}"' "$cpu0" "$(import_cpu)" "$(getconf CLK_TCK)")
      imported=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["imported"])' \
        "$tmp/import-pg.json")
      [ "$imported" -eq "$n" ] || die "imported $imported parties on $label, expected $n"
      secs=$(py 'f"{float(a[1]) - float(a[0]):.1f}"' "$start" "$end")
      if [ "$label" = PostgreSQL ]; then
        row "  same on PostgreSQL (s)" "$secs" "< 60" "$(yes_if 'float(a[0]) < 60' "$secs")" \
          "one transaction; CPU $cpu s, server and database"
      else
        row "    same file on SQLite, same run (s)" "$secs" "-" info "CPU $cpu s"
      fi
    else
      row "  same on $label (s)" "> 900" "< 60" no "gave up after 15 minutes"
      kill -KILL "$server_pid"
      wait "$server_pid" 2>/dev/null || true
      server_pid=""
      rm -rf "$tmp/registry-$label"
      continue
    fi
    kill -TERM "$server_pid"
    wait "$server_pid" || die "accord serve (registry, $label) did not exit cleanly"
    server_pid=""
    rm -rf "$tmp/registry-$label"
  done
  rm -f "$tmp/parties-pg.csv"
}
