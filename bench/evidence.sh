# Sourced by bench/run.sh: the evidence bundle (issue 22). BM_EvidenceExport100k writes the
# bundle of a ledger of 100,000 events that reference 1,000 documents (built untimed), and
# BM_EvidenceVerify100k checks it as `accord evidence verify` does.
evidence_bench() {
  run_bench 'BM_Evidence' "$tmp/evidence.json"
  local export_ms verify_ms mib secs
  export_ms=$(bench_field "$tmp/evidence.json" 'BM_EvidenceExport100k/iterations:1/real_time' real_time)
  verify_ms=$(bench_field "$tmp/evidence.json" 'BM_EvidenceVerify100k/iterations:1/real_time' real_time)
  mib=$(bench_field "$tmp/evidence.json" 'BM_EvidenceExport100k/iterations:1/real_time' mib)
  secs=$(py 'f"{float(a[0])/1000:.2f}"' "$export_ms")
  row "evidence export, 100k events + 1k documents (s)" "$secs" "< 10" \
    "$(yes_if 'float(a[0]) < 10' "$secs")" "$(py 'f"{float(a[0]):.0f}"' "$mib") MiB zip"
  secs=$(py 'f"{float(a[0])/1000:.2f}"' "$verify_ms")
  row "evidence verify, same bundle (s)" "$secs" "< 10" "$(yes_if 'float(a[0]) < 10' "$secs")" \
    "offline, every file, proof and signature"
}
