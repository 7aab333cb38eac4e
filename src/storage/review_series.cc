// The review schedule's recurring series (review_series.h): review_series kept in line with
// the registry and the profile (RFC 5545 RRULE), and the reviews opened when they come due.
#include "review_series.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/storage/registry_store.h"
#include "review_support.h"

namespace accord::storage::review_series {

namespace json = boost::json;
using domain::StateString;
using namespace review_support;  // NOLINT: this file's own helpers

namespace {

struct Series {
  std::string key, kind, party_id, subject_id, rrule;
  TimePoint anchor;
};

Result<TimePoint> OrgCreatedAt(Tx& tx) {
  auto row = tx.QueryOne(
      "SELECT e.time FROM rm_org o JOIN rm_subject_events e ON e.subject_kind = 'org' "
      "AND e.subject_id = o.id AND e.idx = o.created_index",
      {});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return NotFound("organisation");
  return ParseRfc3339((*row)->Text(0));
}

// When `party_id` last became active, by the ledger: the time of the first active version
// after the last version that was not (nullopt if it is not active now).
Result<std::optional<TimePoint>> ActivatedAt(Tx& tx, const std::string& party_id) {
  auto row = tx.QueryOne(
      "SELECT e.time FROM rm_subject_events e WHERE e.subject_kind = 'party' AND "
      "e.subject_id = ? AND e.idx = (SELECT MIN(o.from_idx) FROM rm_objects o WHERE "
      "o.kind = 'party' AND o.id = ? AND o.status = 'active' AND o.from_idx > "
      "COALESCE((SELECT MAX(p.from_idx) FROM rm_objects p WHERE p.kind = 'party' AND "
      "p.id = ? AND p.status <> 'active'), -1))",
      {party_id, party_id, party_id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<TimePoint>();
  auto t = ParseRfc3339((*row)->Text(0));
  if (!t.ok()) return std::optional<TimePoint>();
  return std::optional<TimePoint>(*t);
}

// What the registry says should be scheduled now, as a stream in key order (byte order, as
// the store sorts review_series): the organisation's and SLA series as they are, and one
// series per active partner and per-party kind, built only when asked for. With 100,000
// partners most series are unchanged, and comparing their keys is all a sync does.
class DesiredSeries {
 public:
  static Result<DesiredSeries> Load(Tx& tx, const policy::ReviewsPolicy& policy, TimePoint now) {
    DesiredSeries d;
    auto org = OrgCreatedAt(tx);
    if (!org.ok()) return std::move(org).error();
    d.today_ = SeriesAnchor(now);
    if (!policy.partner_list_review_rrule.empty()) {
      d.others_.push_back({"partner_list_review", "partner_list_review", "", "",
                           policy.partner_list_review_rrule, SeriesAnchor(*org)});
    }
    if (!policy.sla_report_rrule.empty()) {
      // Calendar quarters in UTC: the report for a quarter is due when it ends.
      d.others_.push_back(
          {"sla_report", "sla_report", "", "", policy.sla_report_rrule, QuarterStart(*org)});
    }
    for (const char* kind : {"activity_review", "party_review"}) {
      const std::string& rule = policy.RRuleFor(kind);
      if (!rule.empty()) d.streams_.push_back({kind, std::string(kind) + ":", rule, 0, {}});
    }
    if (!d.streams_.empty()) {
      // Covered by rm_objects_status: no document is read.
      ACCORD_TRY(tx.ForEach(
          "SELECT id FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND status = 'active' "
          "AND tag IN ('partner', 'subcontractor')",
          {kOpenVersion}, [&](const Row& row) {
            d.party_ids_.push_back(row.Text(0));
            return true;
          }));
      std::sort(d.party_ids_.begin(), d.party_ids_.end());
    }
    if (!policy.sla_review_rrule.empty()) {
      auto slas = tx.Query(
          "SELECT id, party_id, doc FROM rm_objects WHERE kind = 'agreement' AND to_idx = ? AND "
          "status = 'executed' AND tag = 'sla'",
          {kOpenVersion});
      if (!slas.ok()) return std::move(slas).error();
      for (const auto& row : *slas) {
        auto doc = domain::ParseStateDoc(row.Text(2));
        if (!doc) continue;
        std::string rule = StateString(*doc, "review_rrule");
        if (rule.empty()) {
          rule = policy.sla_review_rrule;
        } else if (auto parsed = ParseRRule(rule); parsed.ok()) {
          rule = FormatRRule(*parsed);
        }
        TimePoint anchor = d.today_;
        if (auto t = ParseRfc3339(StateString(*doc, "effective_at")); t.ok()) {
          anchor = SeriesAnchor(*t);
        }
        d.others_.push_back(
            {"sla_review:" + row.Text(0), "sla_review", row.Text(1), row.Text(0), rule, anchor});
      }
    }
    std::sort(d.others_.begin(), d.others_.end(),
              [](const Series& a, const Series& b) { return a.key < b.key; });
    for (auto& s : d.streams_) d.Fill(s);
    return d;
  }

  // The smallest key not yet taken, nullptr at the end.
  const std::string* Key() {
    head_ = -1;
    const std::string* best = nullptr;
    for (size_t k = 0; k < streams_.size(); ++k) {
      if (streams_[k].pos < party_ids_.size() && (!best || streams_[k].key < *best)) {
        best = &streams_[k].key;
        head_ = static_cast<int>(k);
      }
    }
    if (next_other_ < others_.size() && (!best || others_[next_other_].key < *best)) {
      best = &others_[next_other_].key;
      head_ = kOther;
    }
    return best;
  }
  // The rule of Key()'s series.
  const std::string& Rule() const {
    return head_ == kOther ? others_[next_other_].rrule : streams_[head_].rule;
  }
  // Key()'s series, and moves past it.
  Series Take() {
    if (head_ == kOther) return others_[next_other_++];
    Stream& s = streams_[head_];
    const std::string& id = party_ids_[s.pos];
    Series out{s.key, s.kind, id, id, s.rule, today_};
    ++s.pos;
    Fill(s);
    return out;
  }
  void Skip() {
    if (head_ == kOther) {
      ++next_other_;
    } else {
      ++streams_[head_].pos;
      Fill(streams_[head_]);
    }
  }

 private:
  static constexpr int kOther = -2;
  struct Stream {
    std::string kind, prefix, rule;
    size_t pos;
    std::string key;  // prefix + the party id at pos (reused: no allocation per party)
  };
  void Fill(Stream& s) {
    if (s.pos >= party_ids_.size()) return;
    s.key.assign(s.prefix);
    s.key += party_ids_[s.pos];
  }

  TimePoint today_;
  std::vector<std::string> party_ids_;  // sorted
  std::vector<Stream> streams_;         // per-party kinds
  std::vector<Series> others_;          // sorted by key
  size_t next_other_ = 0;
  int head_ = -1;
};

struct Next {
  int64_t period;
  TimePoint due;
};

// The first occurrence after the anchor that is due after `after` (occurrence 0, the anchor
// itself, is when the relationship began, not a review).
std::optional<Next> NextDue(const std::string& rrule, TimePoint anchor, TimePoint after) {
  auto rule = ParseRRule(rrule);
  if (!rule.ok()) return std::nullopt;
  auto occ = NextOccurrence(*rule, anchor, std::max(after, anchor));
  if (!occ) return std::nullopt;
  return Next{occ->index, occ->at};
}

std::string PeriodLabel(const std::string& kind, TimePoint due) {
  if (kind == "sla_report") return QuarterLabel(due - std::chrono::milliseconds(1));
  return Day(due);
}

Status UpsertSeries(Tx& tx, const Series& s, const Next& next, const policy::ReviewsPolicy& policy,
                    bool insert) {
  TimePoint open_at = next.due - std::chrono::days(policy.open_ahead_days);
  std::string sql =
      insert ? "INSERT INTO review_series(review_kind, party_id, subject_id, rrule, anchor, "
               "next_period, next_due_at, open_at, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(key) DO NOTHING"
             : "UPDATE review_series SET review_kind = ?, party_id = ?, subject_id = ?, rrule = ?, "
               "anchor = ?, next_period = ?, next_due_at = ?, open_at = ? WHERE key = ?";
  auto r = tx.Exec(sql, {s.kind, s.party_id, s.subject_id, s.rrule, FormatRfc3339(s.anchor),
                         next.period, FormatRfc3339(next.due), FormatRfc3339(open_at), s.key});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

struct SeriesChange {
  enum class Op { kAdd, kChange, kEnd } op;
  Series series;
  Next next{0, {}};
};

// What it takes to bring review_series in line with the registry, read without holding the
// write lock (it reads every active partner): a merge of two key-ordered streams. A series
// whose rule changed keeps its anchor; one whose subject left (party offboarded, SLA
// expired) ends, its open reviews stay.
Result<std::vector<SeriesChange>> PlanSync(Tx& tx, const policy::ReviewsPolicy& policy,
                                           TimePoint now) {
  auto desired = DesiredSeries::Load(tx, policy, now);
  if (!desired.ok()) return std::move(desired).error();
  std::vector<SeriesChange> changes;
  std::vector<std::pair<Series, std::string>> changed;  // with the stored anchor
  std::vector<Series> added;  // anchored after the scan: no query while a statement is open
  auto add = [&](Series s) { added.push_back(std::move(s)); };
  ACCORD_TRY(tx.ForEach("SELECT key, rrule, anchor FROM review_series ORDER BY key", {},
                        [&](const Row& row) {
                          const std::string& key = row.Text(0);
                          const std::string* want = desired->Key();
                          for (; want && *want < key; want = desired->Key()) add(desired->Take());
                          if (!want || *want != key) {
                            changes.push_back({SeriesChange::Op::kEnd, Series{.key = key}});
                          } else if (desired->Rule() == row.Text(1)) {
                            desired->Skip();
                          } else {
                            changed.emplace_back(desired->Take(), row.Text(2));
                          }
                          return true;
                        }));
  while (desired->Key()) add(desired->Take());
  std::map<std::string, std::optional<TimePoint>> activated;  // a party has two such series
  for (auto& s : added) {
    // A partner's own series count from the day it became active (its ledger time), not
    // from the tick that noticed it: a partner activated just before a long stop is due a
    // year after its activation, not a year after the restart.
    if (s.kind == "party_review" || s.kind == "activity_review") {
      auto it = activated.find(s.party_id);
      if (it == activated.end()) {
        auto at = ActivatedAt(tx, s.party_id);
        if (!at.ok()) return std::move(at).error();
        it = activated.emplace(s.party_id, *at).first;
      }
      if (it->second) s.anchor = SeriesAnchor(*it->second);
    }
    // A new series starts with its next occurrence: a store that gains a schedule (or a
    // party that returns) is not handed a backlog of reviews for years it did not track.
    if (auto next = NextDue(s.rrule, s.anchor, now)) {
      changes.push_back({SeriesChange::Op::kAdd, std::move(s), *next});
    }
  }
  for (auto& [s, stored_anchor] : changed) {
    if (auto anchor = ParseRfc3339(stored_anchor); anchor.ok()) s.anchor = *anchor;
    // The changed rule applies from the next occurrence after the latest one opened.
    auto last = tx.QueryOne("SELECT MAX(due_at) FROM rm_reviews WHERE series_key = ?", {s.key});
    if (!last.ok()) return std::move(last).error();
    TimePoint after = std::max(s.anchor, now);
    if (last->has_value() && !(*last)->IsNull(0)) {
      if (auto t = ParseRfc3339((*last)->Text(0)); t.ok()) after = std::max(after, *t);
    }
    if (auto next = NextDue(s.rrule, s.anchor, after)) {
      changes.push_back({SeriesChange::Op::kChange, std::move(s), *next});
    } else {
      changes.push_back({SeriesChange::Op::kEnd, Series{.key = s.key}});  // the new rule is over
    }
  }
  return changes;
}

// Applies a plan; another server may have applied the same one meanwhile (adds are skipped
// when present, changes and ends are idempotent).
Status ApplySync(Tx& tx, const std::vector<SeriesChange>& changes,
                 const policy::ReviewsPolicy& policy, ScheduleRun& run) {
  for (const auto& c : changes) {
    if (c.op == SeriesChange::Op::kEnd) {
      auto r = tx.Exec("DELETE FROM review_series WHERE key = ?", {c.series.key});
      if (!r.ok()) return std::move(r).error();
      ++run.series_ended;
      continue;
    }
    ACCORD_TRY(UpsertSeries(tx, c.series, c.next, policy, c.op == SeriesChange::Op::kAdd));
    ++(c.op == SeriesChange::Op::kAdd ? run.series_added : run.series_changed);
  }
  return Ok();
}

}  // namespace

Status SyncReviewSeries(Store& store, const policy::ReviewsPolicy& policy, TimePoint now,
                        ScheduleRun& run) {
  std::vector<SeriesChange> changes;
  ACCORD_TRY(store.Read([&](Tx& tx) -> Status {
    auto plan = PlanSync(tx, policy, now);
    if (!plan.ok()) return std::move(plan).error();
    changes = std::move(*plan);
    return Ok();
  }));
  if (changes.empty()) return Ok();
  return store.Write([&](Tx& tx) { return ApplySync(tx, changes, policy, run); });
}

// Opens every review whose series has reached its open_at (at most a few periods per series
// in one pass), then advances the series to its next occurrence.
Status OpenDueReviews(CommandContext& c, const policy::ReviewsPolicy& policy, ScheduleRun& run) {
  TimePoint now = c.Now();
  auto rows = c.tx().Query(
      "SELECT key, review_kind, party_id, subject_id, rrule, anchor, next_period, next_due_at "
      "FROM review_series WHERE open_at <= ? ORDER BY open_at, key LIMIT 5000",
      {FormatRfc3339(now)});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    Series s{row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), {}};
    auto anchor = ParseRfc3339(row.Text(5));
    auto due = ParseRfc3339(row.Text(7));
    if (!anchor.ok() || !due.ok()) continue;
    s.anchor = *anchor;
    Next next{row.Int(6), *due};
    for (int guard = 0; guard < 8; ++guard) {
      // One review per series and due date: a series that restarts (a party that returns, a
      // rule that changes) numbers its periods afresh but never reuses a due date.
      auto exists = c.tx().QueryOne("SELECT id FROM rm_reviews WHERE series_key = ? AND due_at = ?",
                                    {s.key, FormatRfc3339(next.due)});
      if (!exists.ok()) return std::move(exists).error();
      if (!exists->has_value()) {
        NewReview r{.kind = s.kind,
                    .party_id = s.party_id,
                    .agreement_id = s.kind == "sla_review" ? s.subject_id : "",
                    .due = next.due,
                    .series_key = s.key,
                    .period = next.period,
                    .period_label = PeriodLabel(s.kind, next.due)};
        auto opened = OpenReview(c, domain::SystemActor(), r, policy);
        if (!opened.ok()) return std::move(opened).error();
        ++run.reviews_opened;
      }
      auto following = NextDue(s.rrule, s.anchor, next.due);
      if (!following) {
        auto del = c.tx().Exec("DELETE FROM review_series WHERE key = ?", {s.key});
        if (!del.ok()) return std::move(del).error();
        break;
      }
      next = *following;
      ACCORD_TRY(UpsertSeries(c.tx(), s, next, policy, false));
      if (next.due - std::chrono::days(policy.open_ahead_days) > now) break;
    }
  }
  return Ok();
}

}  // namespace accord::storage::review_series
