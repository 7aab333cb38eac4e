// The reviews' own read model (issue 6): one rm_reviews row per review with the columns the
// scheduler and the reports filter on, and rm_review_stats, per kind and due day, how many
// reviews are open, were approved on time and were approved late. The dashboard sums a few
// hundred stats rows instead of counting a million reviews.
#include <boost/json.hpp>

#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/storage/projection.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

struct Contribution {
  std::string kind;
  std::string due_day;
  int open = 0, on_time = 0, late = 0;
};

Contribution Of(const std::string& kind, const std::string& due_at, bool is_open,
                const std::string& approved_at) {
  Contribution c{kind, due_at.substr(0, 10)};
  if (is_open) {
    c.open = 1;
  } else if (!approved_at.empty()) {
    (approved_at <= due_at ? c.on_time : c.late) = 1;
  }
  return c;
}

Status AddStats(Tx& tx, const Contribution& c, int sign) {
  if (c.open + c.on_time + c.late == 0) return Ok();
  return tx.ExecDeferred(
      "INSERT INTO rm_review_stats(review_kind, due_day, open_count, on_time, late) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT(review_kind, due_day) DO UPDATE SET "
      "open_count = rm_review_stats.open_count + excluded.open_count, "
      "on_time = rm_review_stats.on_time + excluded.on_time, "
      "late = rm_review_stats.late + excluded.late",
      {c.kind, c.due_day, int64_t{sign * c.open}, int64_t{sign * c.on_time},
       int64_t{sign * c.late}});
}

class ReviewsProjection final : public Projection {
 public:
  std::string_view name() const override { return "reviews"; }
  std::vector<ProjectedTable> tables() const override {
    return {{"rm_reviews", "id"}, {"rm_review_stats", "review_kind, due_day"}};
  }

  Status Apply(Tx& tx, uint64_t, const domain::Event& e) override {
    if (e.subject.kind != "review") return Ok();
    const json::value* state = e.payload.if_contains("state");
    if (!state || !state->is_object()) return Ok();
    const json::object& s = state->as_object();
    auto prev =
        tx.QueryOne("SELECT review_kind, due_at, is_open, approved_at FROM rm_reviews WHERE id = ?",
                    {e.subject.id});
    if (!prev.ok()) return std::move(prev).error();
    if (prev->has_value()) {
      const Row& r = **prev;
      ACCORD_TRY(
          AddStats(tx, Of(r.Text(0), r.Text(1), r.Int(2) != 0, r.IsNull(3) ? "" : r.Text(3)), -1));
    }
    std::string kind = StateString(s, "review_kind"), due = StateString(s, "due_at");
    std::string status = StateString(s, "status"), approved = StateString(s, "approved_at");
    bool open = domain::IsOpenReviewStatus(status);
    const json::value* overdue = s.if_contains("overdue");
    const json::value* period = s.if_contains("period");
    std::string series = StateString(s, "series_key");
    std::string assignee;
    if (const json::value* a = s.if_contains("assignee"); a && a->is_object()) {
      assignee = StateString(a->as_object(), "id");
    }
    ACCORD_TRY(tx.ExecDeferred(
        "INSERT INTO rm_reviews(id, review_kind, party_id, status, is_open, overdue, due_at, "
        "approved_at, series_key, period, assignee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET status = excluded.status, is_open = excluded.is_open, "
        "overdue = excluded.overdue, due_at = excluded.due_at, approved_at = excluded.approved_at, "
        "assignee_id = excluded.assignee_id",
        {e.subject.id, kind, StateString(s, "party_id"), status, int64_t{open ? 1 : 0},
         int64_t{overdue && overdue->is_bool() && overdue->as_bool() ? 1 : 0}, due,
         approved.empty() ? Value(Null()) : Value(approved),
         series.empty() ? Value(Null()) : Value(series),
         period && period->is_int64() ? Value(period->as_int64()) : Value(Null()), assignee}));
    return AddStats(tx, Of(kind, due, open, approved), +1);
  }
};

}  // namespace

std::unique_ptr<Projection> MakeReviewsProjection() {
  return std::make_unique<ReviewsProjection>();
}

}  // namespace accord::storage
