#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang-15 under ASan+UBSan into build/fuzz and runs
# each in turn on its seed corpus, then prints executions, exec/s and new coverage per target.
#   FUZZ_RUNS     executions per target (default 10000000)
#   FUZZ_TIME     seconds per target at most, the safety cap (default 1800)
#   FUZZ_TARGETS  which targets, space-separated (default: every fuzz/*_fuzz.cc)
# New inputs go to build/fuzz/corpus/<target>/ (the seeds in fuzz/corpus/ are only read);
# a crash, leak, hang or sanitizer report goes to build/fuzz/artifacts/<target>/. Copy such an
# input to fuzz/corpus/<target>/crash-<what> together with its fix (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${FUZZ_RUNS:-10000000}
max_time=${FUZZ_TIME:-1800}
out=build/fuzz

scripts/deps.sh fuzz
cmake -S fuzz -B "$out" -G Ninja -DCMAKE_CXX_COMPILER=clang++-15 >/dev/null
cmake --build "$out" -j "${JOBS:-$(nproc)}"

targets=${FUZZ_TARGETS:-$(cd fuzz && ls -- *_fuzz.cc | sed 's/_fuzz\.cc$//')}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Function names and lines in reports: any llvm-symbolizer will do (clang-15 does not bring one).
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for s in llvm-symbolizer-15 llvm-symbolizer-14 llvm-symbolizer; do
    if command -v "$s" >/dev/null; then export ASAN_SYMBOLIZER_PATH=$(command -v "$s"); break; fi
  done
fi
results="$out/results.txt"
printf '%-16s %12s %9s %8s %8s %10s %7s  %s\n' target executions exec/s seconds "cov+" "cov" corpus findings >"$results"
failed=0
for t in $targets; do
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  dict=()
  [ -f "fuzz/dict/$t.dict" ] && dict=(-dict="fuzz/dict/$t.dict")
  log="$out/$t.log"
  echo "fuzz: $t (up to $runs executions or ${max_time}s; log $log)"
  status=0
  "$out/${t}_fuzz" -runs="$runs" -max_total_time="$max_time" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" "${dict[@]}" \
    "$out/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  inited=$(grep -m1 -oE 'INITED cov: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo "$inited")
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  seconds=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' || echo -)
  corpus=$(find "$out/corpus/$t" "fuzz/corpus/$t" -type f | wc -l)
  findings=$(find "$out/artifacts/$t" -type f | wc -l)
  if [ "$status" -ne 0 ]; then failed=1; findings="$findings (exit $status, see the log)"; fi
  printf '%-16s %12s %9s %8s %8s %10s %7s  %s\n' "$t" "$execs" "$speed" "$seconds" \
    "$((cov - inited))" "$cov" "$corpus" "$findings" >>"$results"
done
echo
cat "$results"
exit $failed
