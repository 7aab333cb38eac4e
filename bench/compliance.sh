# Compliance (issue 23): one customer's inheritance matrix and the whole organisation's control
# status at 10,000 customers (each with a BAA) among 100,000 parties, from the accord_bench
# compliance benchmarks (bench/compliance_bench.cc: one SQLite store under $tmp, most of the
# time is set-up). Sourced by bench/run.sh, which provides $tmp, run_bench, bench_field, row, py
# and yes_if.

compliance_bench() {
  local org=BM_ComplianceOrgStatus/real_time
  local matrix=BM_ComplianceMatrix/real_time
  local ms
  run_bench 'BM_Compliance' "$tmp/compliance.json"
  ms=$(py 'f"{float(a[0]):.1f}"' "$(bench_field "$tmp/compliance.json" "$org" real_time)")
  row "compliance status, 10k customers / 100k parties (ms)" "$ms" "< 100" \
    "$(yes_if 'float(a[0]) < 100' "$ms")" "every control; parties and BAAs from memory"
  ms=$(py 'f"{float(a[0]):.1f}"' "$(bench_field "$tmp/compliance.json" "$matrix" real_time)")
  row "inheritance matrix, one customer (ms)" "$ms" "< 100" \
    "$(yes_if 'float(a[0]) < 100' "$ms")" "65 rows, its BAA, our hosts' controls"
}
