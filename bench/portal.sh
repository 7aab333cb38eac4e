# The web portal (issue 8): the JavaScript a first load ships, gzipped, and how soon the party
# list's first page is visible in Chromium at 100,000 parties (Performance API marks, read by
# web/tests/perf-parties.mjs). Sourced by bench/run.sh, which provides $accord, $tmp,
# start_server, row, py, yes_if, die and registry_csv (bench/registry.sh).

portal_bench() {
  local web dist index js_gz css_gz out result
  web=$(cd "$(dirname "${BASH_SOURCE[0]}")/../web" && pwd)
  dist=$web/dist
  [ -f "$dist/index.html" ] || die "$dist/index.html is missing: run make web"
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing: run scripts/deps.sh test"
  # The first load: the entry script and the modules and styles index.html names (their .gz
  # twins are what a browser receives). Screens loaded later (import()) are not counted.
  read -r js_gz css_gz < <(python3 - "$dist" <<'PY'
import os, re, sys
dist = sys.argv[1]
html = open(os.path.join(dist, "index.html")).read()
refs = re.findall(r'(?:src|href)="/app/(assets/[^"]+)"', html)
def gz(path):
    p = os.path.join(dist, path)
    return os.path.getsize(p + ".gz") if os.path.exists(p + ".gz") else os.path.getsize(p)
js = sum(gz(r) for r in refs if r.endswith(".js"))
css = sum(gz(r) for r in refs if r.endswith(".css"))
print(f"{js / 1024:.1f} {css / 1024:.1f}")
PY
)
  row "portal first-load JS, gzipped (KB)" "$js_gz" "< 150" "$(yes_if 'float(a[0]) < 150' "$js_gz")" \
    "CSS $css_gz KB"

  local n=100000
  registry_csv "$tmp/portal-parties.csv" "$n"
  out=$tmp/portal.out
  start_server "$out" --demo --data-dir "$tmp/portal" --web-dir "$dist"
  local token password
  token=$(sed -n 's/^  security_officer: //p' "$out")
  password=$(sed -n 's/^  officer@luma\.example  password \([^ ]*\) .*/\1/p' "$out")
  echo "== import $n parties for the portal"
  curl -sS --fail-with-body -o "$tmp/portal-import.json" -H "Authorization: Bearer $token" \
    -H "Content-Type: text/csv" --data-binary "@$tmp/portal-parties.csv" \
    "http://127.0.0.1:$port/api/v1/parties/import" || die "import failed: $(cat "$tmp/portal-import.json")"
  echo "== node web/tests/perf-parties.mjs (Chromium, 5 runs)"
  result=$tmp/portal-perf.json
  ACCORD_URL="http://127.0.0.1:$port" ACCORD_EMAIL=officer@luma.example ACCORD_PASSWORD="$password" \
    node "$web/tests/perf-parties.mjs" >"$result" 2>"$tmp/portal-perf.err" || true
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$result" 2>/dev/null ||
    die "perf-parties.mjs failed: $(cat "$tmp/portal-perf.err")"
  cat "$result"
  local warm in_app cold
  warm=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["warm_navigation_ms"]["median"])' "$result")
  in_app=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["in_app_navigation_ms"]["median"])' "$result")
  cold=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cold_navigation_ms"]["median"])' "$result")
  row "party list at 100k: first page, load (ms)" "$warm" "< 300" "$(yes_if 'float(a[0]) < 300' "$warm")" \
    "median of 5; cold cache $cold ms"
  row "  same, in-app navigation (ms)" "$in_app" "< 300" "$(yes_if 'float(a[0]) < 300' "$in_app")" \
    "click on Parties to first row"
  local sorted
  sorted=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sorted_navigation_ms"]["median"])' "$result")
  row "  same, sorted and filtered inventory (ms)" "$sorted" "< 300" "$(yes_if 'float(a[0]) < 300' "$sorted")" \
    "sort=-name&sla=none, load"
  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (portal) did not exit cleanly"
  server_pid=""
  rm -rf "$tmp/portal" "$tmp/portal-parties.csv"
}
