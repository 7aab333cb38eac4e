# Sourced by bench/run.sh: messaging (issue 26). The PHI guard's messages/s over its labelled
# corpus on one core, and a Secure Message's open: unwrap its data key and decrypt 1 MiB.
messaging_bench() {
  run_bench 'BM_PhiGuard|BM_SecureMessageOpen1MB' "$tmp/messaging.json"
  local mps open_ms
  mps=$(bench_field "$tmp/messaging.json" BM_PhiGuard items_per_second)
  open_ms=$(bench_field "$tmp/messaging.json" BM_SecureMessageOpen1MB real_time)
  row "PHI guard messages/s (1 core)" "$(py 'f"{float(a[0]):,.0f}"' "$mps")" ">= 20,000" \
    "$(yes_if 'float(a[0]) >= 20000' "$mps")" "350-message labelled corpus"
  row "Secure Message open, 1 MB (ms)" "$(py 'f"{float(a[0]):.2f}"' "$open_ms")" "< 20" \
    "$(yes_if 'float(a[0]) < 20' "$open_ms")" "unwrap + AES-256-GCM decrypt"
}
