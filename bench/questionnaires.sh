# Questionnaires (issue 28): a 300-question questionnaire opened as the vendor portal opens it,
# from the accord_bench benchmark (bench/questionnaire_bench.cc). Sourced by bench/run.sh, which
# provides $tmp, run_bench, bench_field, row, py and yes_if.

questionnaire_bench() {
  local name=BM_QuestionnaireVendorOpen/real_time
  local ms
  run_bench 'BM_Questionnaire' "$tmp/questionnaire.json"
  ms=$(py 'f"{float(a[0]):.2f}"' "$(bench_field "$tmp/questionnaire.json" "$name" real_time)")
  row "questionnaire of 300 questions, vendor opens it (ms)" "$ms" "< 300" \
    "$(yes_if 'float(a[0]) < 300' "$ms")" "read, vendor view and JSON, every question answered"
}
