# Vulnerability scans (issue 24, TR-4): a SARIF log of 100,000 results imported over HTTP into a
# new target (100,000 findings opened in one command), with the server's peak RSS (VmHWM), and a
# Trivy image report. Sourced by bench/run.sh, which provides $accord, $tmp, start_server, row,
# py, yes_if and die.

scans_sarif() {  # scans_sarif FILE N: a CodeQL-like SARIF 2.1.0 log with N results over 50 rules
  python3 - "$1" "$2" <<'EOF'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
rules = [{"id": f"js/rule-{r}", "shortDescription": {"text": f"Rule {r}"},
          "properties": {"security-severity": str(3 + r % 7)}} for r in range(50)]
with open(path, "w") as f:
    f.write('{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL", '
            '"semanticVersion": "2.19.3", "rules": ' + json.dumps(rules) + '}}, '
            '"versionControlProvenance": [{"repositoryUri": "https://git.bench.example/app"}], '
            '"results": [')
    for i in range(n):
        r = i % 50
        f.write(("," if i else "") + json.dumps({
            "ruleId": f"js/rule-{r}", "ruleIndex": r,
            "message": {"text": f"Finding {i} of rule {r}: user input reaches a sink."},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f"src/m{i // 100}.js"},
                                                "region": {"startLine": i % 1000 + 1}}}],
            "partialFingerprints": {"primaryLocationLineHash": f"{i:016x}:1"}}))
    f.write("]}]}")
EOF
}

scans_trivy() {  # scans_trivy FILE N: a Trivy image report with N vulnerabilities
  python3 - "$1" "$2" <<'EOF'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
sev = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
vulns = [{"VulnerabilityID": f"CVE-2024-{10000 + i}", "PkgName": f"pkg{i % 300}",
          "InstalledVersion": "1.0.0", "FixedVersion": "1.0.1", "Severity": sev[i % 4],
          "Title": f"Flaw {i}", "Description": "A flaw. " * 20} for i in range(n)]
json.dump({"SchemaVersion": 2, "Trivy": {"Version": "0.58.1"},
           "ArtifactName": "registry.bench.example/app:1", "ArtifactType": "container_image",
           "Results": [{"Target": "registry.bench.example/app:1 (debian 12.8)",
                        "Class": "os-pkgs", "Type": "debian", "Vulnerabilities": vulns}]},
          open(path, "w"))
EOF
}

# scans_post FORMAT FILE OUT TOKEN: seconds for one upload (fails the run on a non-2xx)
scans_post() {
  local start end
  start=$(date +%s.%N)
  curl -sS --fail-with-body -o "$3" -H "Authorization: Bearer $4" --data-binary "@$2" \
    "http://127.0.0.1:$port/api/v1/scans?format=$1" || die "scan import failed: $(head -c 500 "$3")"
  end=$(date +%s.%N)
  py 'f"{float(a[1]) - float(a[0]):.2f}"' "$start" "$end"
}

scans_bench() {
  local n=100000 out=$tmp/scans.out token secs opened hwm tsecs cpu0 cpu io0 mb
  scans_sarif "$tmp/bench.sarif" "$n"
  scans_trivy "$tmp/bench-trivy.json" 500
  start_server "$out" --demo --data-dir "$tmp/scans"
  token=$(sed -n 's/^  security_officer: //p' "$out")
  echo "== POST /api/v1/scans?format=sarif ($n results, $(du -h "$tmp/bench.sarif" | cut -f1))"
  # The server's CPU time too: on a machine shared with other work it varies far less than
  # the wall-clock time does.
  cpu0=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
  # And the bytes it wrote (the WAL at the commit; the checkpoint into the database follows).
  io0=$(awk '/^write_bytes:/ {print $2}' "/proc/$server_pid/io")
  secs=$(scans_post sarif "$tmp/bench.sarif" "$tmp/scan-sarif.json" "$token")
  cpu=$(awk -v c0="$cpu0" -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15 - c0) / hz}' \
    "/proc/$server_pid/stat")
  mb=$(awk -v b0="$io0" '/^write_bytes:/ {printf "%.0f", ($2 - b0) / 1e6}' "/proc/$server_pid/io")
  opened=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"]["opened"])' \
    "$tmp/scan-sarif.json")
  [ "$opened" -eq "$n" ] || die "opened $opened findings, expected $n"
  hwm=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")
  row "import a SARIF log of $n results (s)" "$secs" "< 10" "$(yes_if 'float(a[0]) < 10' "$secs")" \
    "streamed; server CPU $cpu s; wrote $mb MB; peak RSS $hwm MiB"
  echo "== POST /api/v1/scans?format=trivy (500 vulnerabilities, $(du -h "$tmp/bench-trivy.json" | cut -f1))"
  tsecs=$(scans_post trivy "$tmp/bench-trivy.json" "$tmp/scan-trivy.json" "$token")
  row "import a Trivy image report, 500 vulnerabilities (s)" "$tsecs" "< 1" \
    "$(yes_if 'float(a[0]) < 1' "$tsecs")"
  kill -TERM "$server_pid"
  wait "$server_pid" || die "accord serve (scans) did not exit cleanly"
  server_pid=""
}
