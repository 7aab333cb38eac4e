# Answering our customers (issue 28, part 5): a 500-question customer questionnaire matched
# against a 2,000-answer library, from the accord_bench answer-library benchmarks
# (bench/answer_library_bench.cc: the matcher alone, and the whole import command on SQLite).
# Sourced by bench/run.sh, which provides $tmp, run_bench, bench_field, row, py and yes_if.

answer_library_bench() {
  local ms
  run_bench 'BM_AnswerLibraryMatch|BM_CustomerQuestionnaireImport' "$tmp/answer_library.json"
  ms=$(py 'f"{float(a[0]):.1f}"' \
    "$(bench_field "$tmp/answer_library.json" BM_AnswerLibraryMatch/real_time real_time)")
  row "match 500 questions to 2,000 answers (ms)" "$ms" "< 2000" \
    "$(yes_if 'float(a[0]) < 2000' "$ms")" "TF-IDF cosine, top 3 each"
  ms=$(py 'f"{float(a[0]):.1f}"' \
    "$(bench_field "$tmp/answer_library.json" BM_CustomerQuestionnaireImport/real_time real_time)")
  row "import + match a 500-question questionnaire (ms)" "$ms" "< 2000" \
    "$(yes_if 'float(a[0]) < 2000' "$ms")" "CSV, 2,000-answer library, one command"
}
