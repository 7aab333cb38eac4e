# Reviews and the scheduler (issue 6): a scheduler pass over 100,000 active parties and the
# dashboard's counts at 100,000 parties and 1,000,000 reviews, from the accord_bench review
# benchmarks (bench/review_bench.cc: one SQLite store under $tmp, ~3 minutes of which most is
# set-up). Sourced by bench/run.sh, which provides $tmp, run_bench, bench_field, row, py and
# yes_if.

# rv_field NAME FIELD [FORMAT [SCALE]]: a field of $tmp/reviews.json, divided by SCALE and
# formatted with FORMAT (a Python format spec).
rv_field() {
  local v
  v=$(bench_field "$tmp/reviews.json" "$1" "$2")
  py 'f"{float(a[0]) / float(a[2]):{a[1]}}"' "$v" "${3:-.1f}" "${4:-1}"
}

reviews_bench() {
  local sync=BM_ReviewSchedulePass_Sync/iterations:3/real_time
  local idle=BM_ReviewSchedulePass_Idle/real_time
  local first=BM_ReviewSchedulePass_FirstSync/iterations:1/manual_time
  local due=BM_ReviewSchedulePass_DueDay/iterations:20/real_time
  local dash=BM_Dashboard/real_time
  local work=BM_MyWork/real_time
  local flags=BM_RedFlags/real_time
  local ms note
  run_bench 'BM_ReviewSchedulePass|BM_Dashboard|BM_MyWork|BM_RedFlags' "$tmp/reviews.json"

  ms=$(rv_field "$sync" real_time .0f)
  row "scheduler pass, 100k parties, sync (ms)" "$ms" "< 1000" \
    "$(yes_if 'float(a[0]) < 1000' "$ms")" "nothing due; $(rv_field "$sync" iterations .0f) passes"
  row "  idle pass, nothing due (us)" "$(rv_field "$idle" real_time .1f)" "-" info \
    "nothing due: index probes, no event"
  note="$(rv_field "$first" findings_opened .0f) findings; 100k parties (300k events) set up"
  note+=" in $(rv_field "$first" parties_setup_s .0f) s"
  row "  first sync, 200k series (ms)" "$(rv_field "$first" real_time .0f)" "-" info "$note"
  note="$(rv_field "$due" reviews_opened .0f) reviews opened"
  note+=", $(rv_field "$due" reminders_queued .0f) reminders per pass"
  row "  due-day pass, anchors over a year (ms)" "$(rv_field "$due" real_time .0f)" "-" info "$note"
  ms=$(rv_field "$dash" real_time .2f)
  note="1M rows inserted in $(rv_field "$dash" reviews_setup_s .0f) s"
  row "dashboard, 100k parties + 1M reviews (ms)" "$ms" "< 50" \
    "$(yes_if 'float(a[0]) < 50' "$ms")" "$note"
  ms=$(rv_field "$work" real_time .1f)
  row "  my work, officer assigned ~50k open reviews (ms)" "$ms" "-" info \
    "$(rv_field "$work" items .0f) items waiting"
  ms=$(rv_field "$flags" real_time .1f)
  row "  red flags, 100k parties without agreements (ms)" "$ms" "-" info \
    "$(rv_field "$flags" flags .0f) flags"
}
