#include "accord/storage/reviews.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <tuple>

#include "accord/core/ids.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/review.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;

namespace {

// --- small helpers -------------------------------------------------------------------------

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Day(TimePoint t) { return FormatRfc3339(t).substr(0, 10); }

void Bump(json::object& state, TimePoint now) {
  state["updated_at"] = FormatRfc3339(now);
  const json::value* version = state.if_contains("version");
  state["version"] = (version && version->is_int64() ? version->as_int64() : 0) + 1;
}

Result<uint64_t> AppendState(CommandContext& c, const std::string& kind, const std::string& type,
                             const domain::Actor& actor, const json::object& state,
                             json::object extra = {}) {
  extra["state"] = state;
  return c.Append(domain::Event{.type = type,
                                .actor = actor,
                                .subject = {kind, StateString(state, "id")},
                                .payload = std::move(extra)});
}

Result<json::object> Load(Tx& tx, std::string_view kind, const std::string& id,
                          std::string_view noun) {
  auto o = GetObject(tx, kind, id, Scope{});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value()) return NotFound(std::string(noun) + " " + id);
  return std::move((*o)->doc);
}

Error Conflict(std::string message, std::string field, std::string reason) {
  return Error{
      ErrorCode::kConflict, std::move(message), {{std::move(field), std::move(reason), {}}}};
}

// An active account, for an assignee or an owner; `roles` empty = any workforce role.
Result<json::object> ActiveUser(Tx& tx, const std::string& field, const std::string& user_id,
                                const std::vector<std::string>& roles) {
  auto user = FindUser(tx, user_id);
  if (!user.ok()) return std::move(user).error();
  if (!user->has_value()) return ValidationError(field, "no account has id " + user_id);
  const json::object& u = **user;
  if (StateString(u, "status") != "active") {
    return ValidationError(field, "the account " + StateString(u, "email") + " is not active");
  }
  std::string role = StateString(u, "role");
  if (roles.empty() ? !domain::IsWorkforceRole(role) : !Contains(roles, role)) {
    std::string names;
    for (const auto& r : roles) names += (names.empty() ? "" : ", ") + r;
    return ValidationError(field, "must be an account with one of the roles " +
                                      (names.empty() ? std::string("of the workforce") : names) +
                                      " (is " + role + ")");
  }
  return std::move(**user);
}

json::object UserRef(const json::object& u) {
  return json::object{{"id", StateString(u, "id")},
                      {"email", StateString(u, "email")},
                      {"name", StateString(u, "name")},
                      {"role", StateString(u, "role")}};
}

Result<std::string> PartyName(Tx& tx, const std::string& party_id) {
  if (party_id.empty()) return std::string();
  auto party = GetObject(tx, "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return NotFound("party " + party_id);
  return StateString((*party)->doc, "name");
}

// --- reminders -----------------------------------------------------------------------------

std::vector<int> DaysBefore(const policy::ReviewsPolicy& policy) {
  std::vector<int> days = policy.reminder_days_before;
  std::sort(days.rbegin(), days.rend());
  return days;
}

// The latest slot already reached at `now` (0 before the first): a review opened late is
// announced at once, not with every reminder it missed.
int64_t LatestSlot(TimePoint due, TimePoint now, int64_t from,
                   const policy::ReviewsPolicy& policy) {
  int64_t slot = from;
  while (slot < 100000 && ReminderSlotAt(due, slot + 1, policy) <= now) ++slot;
  return slot;
}

Status ScheduleReminders(Tx& tx, const std::string& review_id, TimePoint due, TimePoint now,
                         const policy::ReviewsPolicy& policy) {
  int64_t slot = LatestSlot(due, now, 0, policy);
  auto r = tx.Exec(
      "INSERT INTO review_reminders(review_id, next_at, sent) VALUES (?, ?, ?) "
      "ON CONFLICT(review_id) DO NOTHING",
      {review_id, FormatRfc3339(ReminderSlotAt(due, slot, policy)), slot});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status EndReminders(Tx& tx, const std::string& review_id) {
  auto r = tx.Exec("DELETE FROM review_reminders WHERE review_id = ?", {review_id});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

// --- reviews -------------------------------------------------------------------------------

std::string DefaultTitle(const NewReview& r, const std::string& party_name) {
  std::string title = domain::ReviewKindTitle(r.kind);
  if (!party_name.empty()) title += ": " + party_name;
  if (!r.period_label.empty() && r.kind == "sla_report") return title + " " + r.period_label;
  return title + " (due " + Day(r.due) + ")";
}

bool IsOpenStatus(std::string_view status) {
  return status == "open" || status == "assigned" || status == "documented";
}

// What the review workflow's person rules read of a stored review.
workflow::review::Facts ReviewFacts(const json::object& state) {
  workflow::review::Facts f;
  if (const json::value* a = state.if_contains("assignee"); a && a->is_object()) {
    f.assignee_id = StateString(a->as_object(), "id");
    f.assignee_email = StateString(a->as_object(), "email");
  }
  if (const json::value* d = state.if_contains("documentation"); d && d->is_object()) {
    f.documented_by = domain::ActorIdOf(d->as_object(), "documented_by");
  }
  return f;
}

// A change review is approved only after its risk assessment (TP-9).
Status CheckRiskAssessmentFirst(Tx& tx, const json::object& review) {
  std::string notice_id = StateString(review, "change_notice_id");
  if (StateString(review, "review_kind") != "change_review" || notice_id.empty()) return Ok();
  auto notice = Load(tx, "change_notice", notice_id, "change notice");
  if (!notice.ok()) return std::move(notice).error();
  std::string risk_id = StateString(*notice, "risk_assessment_id");
  if (risk_id.empty()) return Ok();
  auto risk = Load(tx, "review", risk_id, "review");
  if (!risk.ok()) return std::move(risk).error();
  if (StateString(*risk, "status") == "approved") return Ok();
  return Conflict("the change is substantial: its risk assessment " + risk_id +
                      " must be approved before the change review (TP-9)",
                  "risk_assessment_id", "is " + StateString(*risk, "status"));
}

Status SetChangeNoticeStatus(CommandContext& c, const domain::Actor& actor,
                             const std::string& notice_id, const std::string& status,
                             const std::string& comment) {
  auto notice = Load(c.tx(), "change_notice", notice_id, "change notice");
  if (!notice.ok()) return std::move(notice).error();
  json::object state = std::move(*notice);
  // Only a change still under review moves: an implemented or withdrawn one is final.
  if (StateString(state, "status") != "under_review") return Ok();
  state["status"] = status;
  Bump(state, c.Now());
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  auto r = AppendState(c, "change_notice", "change_notice.status_changed", actor, state,
                       std::move(extra));
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status CancelReview(CommandContext& c, const domain::Actor& actor, const std::string& id,
                    const std::string& reason) {
  auto loaded = Load(c.tx(), "review", id, "review");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  if (!domain::IsOpenReviewStatus(StateString(state, "status"))) return Ok();
  state["status"] = "cancelled";
  Bump(state, c.Now());
  ACCORD_TRY(EndReminders(c.tx(), id));
  auto r =
      AppendState(c, "review", "review.cancelled", actor, state, json::object{{"comment", reason}});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

// --- findings ------------------------------------------------------------------------------

// Why these reports of one party do not meet TP-11 now, or "" when one does: reviewed in
// the last soc2_max_age_months, over a period that ended no more than that before its
// review (or bridged by a letter still in force).
std::string Soc2GapOf(const std::vector<json::object>& reports, TimePoint now,
                      const policy::ReviewsPolicy& policy) {
  auto months = std::chrono::months(policy.soc2_max_age_months);
  std::string max_age = std::to_string(policy.soc2_max_age_months) + " months";
  std::string oldest_review = FormatRfc3339(now - months);
  std::string reason = "no SOC 2 report is recorded";
  for (const auto& doc : reports) {
    std::string reviewed = StateString(doc, "reviewed_at");
    auto reviewed_at = ParseRfc3339(reviewed);
    if (!reviewed_at.ok()) continue;
    if (reviewed < oldest_review) {
      reason = "the latest SOC 2 report was reviewed on " + reviewed.substr(0, 10) +
               ", more than " + max_age + " ago";
      continue;
    }
    std::string period_end = StateString(doc, "period_end");
    std::string bridge;
    if (const json::value* b = doc.if_contains("bridge_letter"); b && b->is_object()) {
      bridge = StateString(b->as_object(), "covered_until");
    }
    if (period_end >= FormatRfc3339(*reviewed_at - months) || bridge >= FormatRfc3339(now)) {
      return std::string();
    }
    reason = "the SOC 2 report reviewed on " + reviewed.substr(0, 10) +
             " covers a period that ended on " + period_end.substr(0, 10) + ", more than " +
             max_age + " before its review";
  }
  return reason;
}

// --- schedule ------------------------------------------------------------------------------

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
  auto add = [&](Series s) {
    // A new series starts with its next occurrence: a store that gains a schedule (or a
    // party that returns) is not handed a backlog of reviews for years it did not track.
    if (auto next = NextDue(s.rrule, s.anchor, now)) {
      changes.push_back({SeriesChange::Op::kAdd, std::move(s), *next});
    }
  };
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

Status MarkOverdueReviews(CommandContext& c, ScheduleRun& run) {
  auto rows = c.tx().Query(
      "SELECT id FROM rm_reviews WHERE is_open = 1 AND overdue = 0 AND due_at < ? "
      "ORDER BY due_at LIMIT 5000",
      {FormatRfc3339(c.Now())});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto loaded = Load(c.tx(), "review", row.Text(0), "review");
    if (!loaded.ok()) return std::move(loaded).error();
    json::object state = std::move(*loaded);
    state["overdue"] = true;
    Bump(state, c.Now());
    auto r = AppendState(c, "review", "review.overdue", domain::SystemActor(), state);
    if (!r.ok()) return std::move(r).error();
    ++run.reviews_overdue;
  }
  return Ok();
}

// Open findings past their due date and not yet marked.
Result<std::vector<json::object>> OverdueFindings(Tx& tx, TimePoint now) {
  std::string at = FormatRfc3339(now);
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? AND status = 'open' "
      "AND doc NOT LIKE '%\"overdue\":true%'",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc || StateString(*doc, "due_at") >= at) continue;
    const json::value* flagged = doc->if_contains("overdue");
    if (flagged && flagged->is_bool() && flagged->as_bool()) continue;
    out.push_back(std::move(*doc));
  }
  return out;
}

Status MarkOverdueFindings(CommandContext& c, std::vector<json::object> findings,
                           ScheduleRun& run) {
  for (auto& state : findings) {
    state["overdue"] = true;
    Bump(state, c.Now());
    auto r = AppendState(c, "finding", "finding.overdue", domain::SystemActor(), state);
    if (!r.ok()) return std::move(r).error();
    ++run.findings_overdue;
  }
  return Ok();
}

// TP-11 for every active infrastructure partner: the findings to open (one open finding per
// party at a time). Three queries whatever the number of parties.
Result<std::vector<NewFinding>> Soc2Findings(Tx& tx, TimePoint now,
                                             const policy::ReviewsPolicy& policy) {
  // Stored documents are RFC 8785 canonical, so the flag has exactly this spelling.
  auto rows = tx.Query(
      "SELECT id, doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND status = 'active' "
      "AND tag IN ('partner', 'subcontractor') AND doc LIKE '%\"infrastructure_partner\":true%'",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<NewFinding> out;
  if (rows->empty()) return out;
  std::map<std::string, std::vector<json::object>> reports;
  auto report_rows =
      tx.Query("SELECT party_id, doc FROM rm_objects WHERE kind = 'soc2_report' AND to_idx = ?",
               {kOpenVersion});
  if (!report_rows.ok()) return std::move(report_rows).error();
  for (const auto& r : *report_rows) {
    if (auto doc = domain::ParseStateDoc(r.Text(1))) reports[r.Text(0)].push_back(std::move(*doc));
  }
  // Parties with an open soc2_report_missing finding, or one whose risk was accepted within
  // the report's maximum age (the acceptance stands as long as a report would have).
  std::set<std::string> flagged;
  std::string accepted_since = FormatRfc3339(now - std::chrono::months(policy.soc2_max_age_months));
  auto finding_rows = tx.Query(
      "SELECT party_id, status, doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? "
      "AND status IN ('open', 'risk_accepted') "
      "AND doc LIKE '%\"rule\":\"soc2_report_missing\"%'",
      {kOpenVersion});
  if (!finding_rows.ok()) return std::move(finding_rows).error();
  for (const auto& r : *finding_rows) {
    if (r.Text(1) == "risk_accepted") {
      auto doc = domain::ParseStateDoc(r.Text(2));
      const json::value* res = doc ? doc->if_contains("resolution") : nullptr;
      if (!res || !res->is_object() || StateString(res->as_object(), "at") < accepted_since) {
        continue;
      }
    }
    flagged.insert(r.Text(0));
  }
  static const std::vector<json::object> kNone;
  for (const auto& row : *rows) {
    std::string party_id = row.Text(0);
    if (flagged.contains(party_id)) continue;
    auto it = reports.find(party_id);
    std::string gap = Soc2GapOf(it == reports.end() ? kNone : it->second, now, policy);
    if (gap.empty()) continue;
    auto doc = domain::ParseStateDoc(row.Text(1));
    std::string name = doc ? StateString(*doc, "name") : party_id;
    out.push_back(NewFinding{.title = "No current SOC 2 report for " + name,
                             .description = gap + " (TP-11: infrastructure partners' SOC 2 reports "
                                                  "are reviewed every year)",
                             .severity = "high",
                             .party_id = party_id,
                             .source_kind = "schedule",
                             .source_id = party_id,
                             .rule = "soc2_report_missing"});
  }
  return out;
}

// Says how far the due date is from now (a reminder may go out later than its slot).
std::string ReminderSubject(const json::object& review, TimePoint due, TimePoint now) {
  std::string title = StateString(review, "title");
  if (now <= due) {
    auto left = std::chrono::floor<std::chrono::days>(due - now).count();
    if (left == 0) return "Due today (" + Day(due) + "): " + title;
    return "Due in " + std::to_string(left) + (left == 1 ? " day (" : " days (") + Day(due) +
           "): " + title;
  }
  auto late = std::chrono::floor<std::chrono::days>(now - due).count();
  return "Overdue by " + std::to_string(late) + (late == 1 ? " day" : " days") + " (due " +
         Day(due) + "): " + title;
}

// Queues the latest reminder each review has reached; a review no longer open drops out.
Status QueueReminders(Tx& tx, TimePoint now, const policy::ReviewsPolicy& policy,
                      ScheduleRun& run) {
  auto rows = tx.Query(
      "SELECT review_id, sent FROM review_reminders WHERE next_at <= ? ORDER BY next_at "
      "LIMIT 5000",
      {FormatRfc3339(now)});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    std::string id = row.Text(0);
    auto o = GetObject(tx, "review", id, Scope{});
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value() || !domain::IsOpenReviewStatus(StateString((*o)->doc, "status"))) {
      ACCORD_TRY(EndReminders(tx, id));
      continue;
    }
    const json::object& review = (*o)->doc;
    auto due = ParseRfc3339(StateString(review, "due_at"));
    if (!due.ok()) continue;
    int64_t slot = LatestSlot(*due, now, row.Int(1), policy);
    bool overdue = now > *due;
    std::vector<std::string> roles = policy.open_roles;
    std::vector<std::string> users;
    if (const json::value* a = review.if_contains("assignee"); a && a->is_object()) {
      std::string assignee = StateString(a->as_object(), "id");
      users.push_back(assignee);
      // The assignee alone until it is late, unless the account has lapsed meanwhile.
      auto user = FindUser(tx, assignee);
      if (!user.ok()) return std::move(user).error();
      bool active = user->has_value() && StateString(**user, "status") == "active";
      if (!overdue && active) roles.clear();
    }
    if (overdue)
      roles.insert(roles.end(), policy.approve_roles.begin(), policy.approve_roles.end());
    OutboxMessage m{.dedupe_key = "reminder:" + id + ":" + std::to_string(slot),
                    .subject = ReminderSubject(review, *due, now),
                    .body = StateString(review, "title") +
                            "\nKind: " + StateString(review, "review_kind") +
                            "\nStatus: " + StateString(review, "status") +
                            "\nDue: " + StateString(review, "due_at") + "\nReview: " + id + "\n",
                    .ref_kind = "review",
                    .ref_id = id};
    auto queued = QueueForUsers(tx, roles, users, std::move(m), now);
    if (!queued.ok()) return std::move(queued).error();
    run.reminders_queued += *queued;
    auto r = tx.Exec("UPDATE review_reminders SET next_at = ?, sent = ? WHERE review_id = ?",
                     {FormatRfc3339(ReminderSlotAt(*due, slot + 1, policy)), slot + 1, id});
    if (!r.ok()) return std::move(r).error();
  }
  return Ok();
}

Result<bool> AnythingDue(Tx& tx, TimePoint now) {
  std::string at = FormatRfc3339(now);
  for (const char* sql :
       {"SELECT 1 FROM review_series WHERE open_at <= ? LIMIT 1",
        "SELECT 1 FROM rm_reviews WHERE is_open = 1 AND overdue = 0 AND due_at < ? LIMIT 1",
        "SELECT 1 FROM review_reminders WHERE next_at <= ? LIMIT 1"}) {
    auto row = tx.QueryOne(sql, {at});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) return true;
  }
  return false;
}

}  // namespace

TimePoint ReminderSlotAt(TimePoint due, int64_t slot, const policy::ReviewsPolicy& policy) {
  auto days = DaysBefore(policy);
  auto n = static_cast<int64_t>(days.size());
  if (slot < n) return due - std::chrono::days(days[slot]);
  int64_t late = slot - n + 1;
  return due + std::chrono::days(std::max(policy.overdue_reminder_days, 1)) * late;
}

Result<json::object> OpenReview(CommandContext& c, const domain::Actor& actor, const NewReview& r,
                                const policy::ReviewsPolicy& policy) {
  if (!domain::IsReviewKind(r.kind)) {
    std::string kinds;
    for (const auto& k : domain::ReviewKinds()) kinds += (kinds.empty() ? "" : ", ") + k;
    return ValidationError("review_kind", "must be one of: " + kinds);
  }
  if (domain::IsPartyReviewKind(r.kind) && r.party_id.empty()) {
    return ValidationError("party_id", "is required for a " + r.kind);
  }
  if (!domain::IsPartyReviewKind(r.kind) && !r.party_id.empty()) {
    return ValidationError("party_id", "a " + r.kind + " covers every party: leave it out");
  }
  auto party_name = PartyName(c.tx(), r.party_id);
  if (!party_name.ok()) {
    if (party_name.error().code == ErrorCode::kNotFound) {
      return ValidationError("party_id", "no party has id " + r.party_id);
    }
    return std::move(party_name).error();
  }
  if (!r.agreement_id.empty()) {
    auto agreement = GetObject(c.tx(), "agreement", r.agreement_id, Scope{});
    if (!agreement.ok()) return std::move(agreement).error();
    if (!agreement->has_value() || (*agreement)->party_id != r.party_id) {
      return ValidationError("agreement_id", "no agreement of this party has id " + r.agreement_id);
    }
  }
  json::value assignee = nullptr;
  std::string status = "open";
  if (!r.assignee_id.empty()) {
    auto user = ActiveUser(c.tx(), "assignee_id", r.assignee_id, policy.assignee_roles);
    if (!user.ok()) return std::move(user).error();
    assignee = UserRef(*user);
    status = "assigned";
  }
  TimePoint now = c.Now();
  std::string at = FormatRfc3339(now);
  std::string id = r.id.empty() ? NewId("rev", now) : r.id;
  json::object state{
      {"id", id},
      {"title", r.title.empty() ? DefaultTitle(r, *party_name) : r.title},
      {"review_kind", r.kind},
      {"status", status},
      {"party_id", r.party_id.empty() ? json::value(nullptr) : json::value(r.party_id)},
      {"agreement_id", r.agreement_id.empty() ? json::value(nullptr) : json::value(r.agreement_id)},
      {"change_notice_id",
       r.change_notice_id.empty() ? json::value(nullptr) : json::value(r.change_notice_id)},
      {"due_at", FormatRfc3339(r.due)},
      {"period", r.period ? json::value(*r.period) : json::value(nullptr)},
      {"period_label", r.period_label.empty() ? json::value(nullptr) : json::value(r.period_label)},
      {"series_key", r.series_key.empty() ? json::value(nullptr) : json::value(r.series_key)},
      {"opened_by", ActorJson(actor)},
      {"assignee", assignee},
      {"documentation", nullptr},
      {"rejections", json::array{}},
      {"approved_by", nullptr},
      {"approved_at", nullptr},
      {"on_time", nullptr},
      {"overdue", false},
      {"created_at", at},
      {"updated_at", at},
      {"version", 1}};
  json::object extra;
  if (!r.comment.empty()) extra["comment"] = r.comment;
  auto index = AppendState(c, "review", "review.opened", actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  ACCORD_TRY(ScheduleReminders(c.tx(), id, r.due, now, policy));
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> ApplyReviewAction(CommandContext& c, const domain::Actor& actor,
                                       const std::string& review_id, const ReviewAction& a,
                                       const policy::ReviewsPolicy& policy) {
  auto loaded = Load(c.tx(), "review", review_id, "review");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  namespace wf = workflow::review;
  auto action = wf::ParseAction(a.action);
  if (!action) return ValidationError("action", "unknown action '" + a.action + "'");
  auto current = wf::ParseState(status);
  if (!current) return Internal("review " + review_id + " has an unknown status " + status);
  if (!wf::Next(*current, *action)) {
    return Conflict("review " + review_id + " is " + status + ": " + a.action +
                        " is not possible now (allowed: " + wf::PossibleActions(*current) + ")",
                    "action", "not allowed while " + status);
  }
  const wf::Facts facts = ReviewFacts(state);
  if (auto no = wf::PersonRefusal(policy, actor.id, facts, *action)) return *no;
  TimePoint now = c.Now();
  std::string at = FormatRfc3339(now);
  json::object extra;
  if (!a.comment.empty()) extra["comment"] = a.comment;
  std::string type;
  if (a.action == "assign") {
    if (a.assignee_id.empty()) return ValidationError("assignee_id", "is required to assign");
    auto user = ActiveUser(c.tx(), "assignee_id", a.assignee_id, policy.assignee_roles);
    if (!user.ok()) return std::move(user).error();
    state["assignee"] = UserRef(*user);
    state["status"] = "assigned";
    type = "review.assigned";
  } else if (a.action == "document") {
    if (!a.documentation) {
      return ValidationError("documentation", "is required to document a review");
    }
    auto missing =
        domain::MissingReviewSections(StateString(state, "review_kind"), *a.documentation);
    if (!missing.empty()) return domain::ValidationErrors(std::move(missing));
    // Referenced reports are this party's; referenced evidence exists.
    std::vector<ErrorDetail> details;
    std::string party_id = StateString(state, "party_id");
    auto check_ids = [&](const char* field, std::string_view kind,
                         const std::string& what) -> Status {
      const json::value* ids = a.documentation->if_contains(field);
      if (!ids || !ids->is_array()) return Ok();
      for (const auto& v : ids->as_array()) {
        std::string ref(v.as_string());
        auto o = GetObject(c.tx(), kind, ref, Scope{});
        if (!o.ok()) return std::move(o).error();
        bool mine = o->has_value() && (kind != "soc2_report" || (*o)->party_id == party_id);
        if (!mine) details.push_back({std::string("documentation.") + field, what + ref, {}});
      }
      return Ok();
    };
    ACCORD_TRY(check_ids(
        "soc2_report_ids", "soc2_report",
        party_id.empty() ? "no SOC 2 report has id " : "no SOC 2 report of this party has id "));
    ACCORD_TRY(check_ids("evidence", "document", "no document has id "));
    if (!details.empty()) return domain::ValidationErrors(std::move(details));
    json::object doc = *a.documentation;
    doc["documented_by"] = ActorJson(actor);
    doc["documented_at"] = at;
    state["documentation"] = std::move(doc);
    state["status"] = "documented";
    type = "review.documented";
  } else if (a.action == "request_info") {
    // Ask the party's contacts for something (evidence, an answer): they read the message
    // and answer with POST /api/v1/reviews/{id}/responses; the status does not change.
    if (StateString(state, "party_id").empty()) {
      return ValidationError("action", "this review concerns no party: there is nobody to ask");
    }
    if (a.comment.empty()) {
      return ValidationError("comment", "is required: what the party is asked for");
    }
    if (!state.contains("party_requests")) state["party_requests"] = json::array{};
    state["party_requests"].as_array().push_back(
        json::object{{"by", ActorJson(actor)}, {"at", at}, {"message", a.comment}});
    state["awaiting_party"] = true;
    type = "review.info_requested";
  } else if (a.action == "approve") {
    ACCORD_TRY(CheckRiskAssessmentFirst(c.tx(), state));
    state["status"] = "approved";
    state["approved_by"] = ActorJson(actor);
    state["approved_at"] = at;
    // Only reached when the profile allows it ([separation]); the approval says so.
    if (wf::IsSelfApproval(actor.id, facts, *action)) state["self_approved"] = true;
    state["on_time"] = at <= StateString(state, "due_at");
    type = "review.approved";
  } else {  // reject: back to the assignee for further review and documentation
    if (a.comment.empty()) {
      return ValidationError("comment", "is required to reject: say what needs further review");
    }
    state["rejections"].as_array().push_back(
        json::object{{"by", ActorJson(actor)}, {"at", at}, {"comment", a.comment}});
    state["status"] = "assigned";
    type = "review.rejected";
  }
  Bump(state, now);
  auto index = AppendState(c, "review", type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  if (a.action == "approve") {
    ACCORD_TRY(EndReminders(c.tx(), review_id));
    std::string notice_id = StateString(state, "change_notice_id");
    if (StateString(state, "review_kind") == "change_review" && !notice_id.empty()) {
      ACCORD_TRY(SetChangeNoticeStatus(c, actor, notice_id, "approved", a.comment));
    }
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> RespondToReview(CommandContext& c, const domain::Actor& actor,
                                     const std::string& party_id, const std::string& review_id,
                                     const std::string& message,
                                     const std::vector<std::string>& documents) {
  auto loaded = Load(c.tx(), "review", review_id, "review");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  // Another party's review does not exist as far as this contact knows (TP-7).
  if (party_id.empty() || StateString(state, "party_id") != party_id) {
    return NotFound("review " + review_id);
  }
  const json::value* asked = state.if_contains("party_requests");
  if (!asked || !asked->is_array() || asked->as_array().empty()) {
    return Conflict("review " + review_id + " has asked your organisation nothing", "review",
                    "no request to answer");
  }
  std::string status = StateString(state, "status");
  if (!IsOpenStatus(status)) {
    return Conflict("review " + review_id + " is " + status + ": it takes no more answers",
                    "review", "closed");
  }
  std::vector<ErrorDetail> details;
  for (const auto& id : documents) {
    auto doc = GetObject(c.tx(), "document", id, Scope{party_id});
    if (!doc.ok()) return std::move(doc).error();
    if (!doc->has_value()) {
      details.push_back({"documents", "no document of your organisation has id " + id, {}});
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  TimePoint now = c.Now();
  json::array ids;
  for (const auto& id : documents) ids.push_back(json::value(id));
  if (!state.contains("party_responses")) state["party_responses"] = json::array{};
  state["party_responses"].as_array().push_back(json::object{{"by", ActorJson(actor)},
                                                             {"at", FormatRfc3339(now)},
                                                             {"message", message},
                                                             {"documents", std::move(ids)}});
  state["awaiting_party"] = false;
  Bump(state, now);
  auto index = AppendState(c, "review", "review.party_responded", actor, state);
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::array> PartyRequests(Tx& tx, const std::string& party_id) {
  auto rows =
      tx.Query("SELECT doc FROM rm_objects WHERE party_id = ? AND kind = 'review' AND to_idx = ?",
               {party_id, kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (!doc || !IsOpenStatus(StateString(*doc, "status"))) continue;
    const json::value* asked = doc->if_contains("party_requests");
    if (!asked || !asked->is_array() || asked->as_array().empty()) continue;
    json::object item;
    for (const char* f : {"id", "title", "review_kind", "status", "due_at", "party_requests",
                          "party_responses", "awaiting_party"}) {
      if (const json::value* v = doc->if_contains(f)) item[f] = *v;
    }
    if (!item.contains("party_responses")) item["party_responses"] = json::array{};
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const json::object& a, const json::object& b) {
    return StateString(a, "due_at") < StateString(b, "due_at");
  });
  return json::array(out.begin(), out.end());
}

Result<json::object> RecordChangeNotice(CommandContext& c, const domain::Actor& actor,
                                        const json::object& body,
                                        const policy::ReviewsPolicy& policy) {
  TimePoint now = c.Now();
  std::vector<ErrorDetail> details;
  std::string party_id = StateString(body, "party_id");
  auto party = GetObject(c.tx(), "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return ValidationError("party_id", "no party has id " + party_id);
  if (StateString((*party)->doc, "status") == "offboarded") {
    return ValidationError("party_id", "the party is offboarded");
  }
  auto planned = ParseRfc3339(StateString(body, "planned_at"));
  if (!planned.ok()) return ValidationError("planned_at", "must be an RFC 3339 time");
  if (*planned <= now) {
    details.push_back({"planned_at",
                       "must be in the future: a change is reviewed before it is "
                       "implemented (TP-9); record one already made with "
                       "action implemented",
                       {}});
  }
  auto ids = [&](const char* field) {
    std::vector<std::string> out;
    if (const json::value* v = body.if_contains(field); v && v->is_array()) {
      for (const auto& x : v->as_array()) out.emplace_back(x.as_string());
    }
    return out;
  };
  std::vector<std::string> reasons;
  if (const json::value* s = body.if_contains("substantial"); s && s->is_bool() && s->as_bool()) {
    reasons.push_back("marked substantial by " + actor.id);
  }
  for (const auto& sid : ids("service_ids")) {
    auto svc = GetObject(c.tx(), "service", sid, Scope{party_id});
    if (!svc.ok()) return std::move(svc).error();
    if (!svc->has_value()) {
      details.push_back({"service_ids", "no service of this party has id " + sid, {}});
    }
  }
  for (const auto& sid : ids("system_ids")) {
    auto sys = GetObject(c.tx(), "system", sid, Scope{});
    if (!sys.ok()) return std::move(sys).error();
    if (!sys->has_value()) {
      details.push_back({"system_ids", "no system has id " + sid, {}});
      continue;
    }
    const json::value* ephi = (*sys)->doc.if_contains("contains_ephi");
    if (policy.substantial_if_ephi_systems && ephi && ephi->is_bool() && ephi->as_bool()) {
      // Not named: the party reads its own notice, and our system names are not its business.
      if (!Contains(reasons, "touches a system holding ePHI")) {
        reasons.push_back("touches a system holding ePHI");
      }
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  const json::value* sub = body.if_contains("new_subprocessor");
  if (policy.substantial_if_new_subprocessor && sub && sub->is_bool() && sub->as_bool()) {
    reasons.push_back("brings in a new subprocessor");
  }
  std::string location = StateString(body, "new_data_location");
  if (policy.substantial_if_new_data_location && !location.empty()) {
    reasons.push_back("moves data to a new location (" + location + ")");
  }
  bool substantial = !reasons.empty();
  std::string id = NewId("chg", now);
  std::string review_id = NewId("rev", now);
  std::string risk_id = substantial ? NewId("rev", now) : "";
  std::string at = FormatRfc3339(now);
  json::object state = body;
  json::array reason_json;
  for (const auto& r : reasons) reason_json.push_back(json::value(r));
  state["id"] = id;
  state["substantial"] = substantial;
  state["substantial_tag"] = substantial ? "substantial" : "routine";
  state["substantial_reasons"] = std::move(reason_json);
  state["status"] = "under_review";
  state["change_review_id"] = review_id;
  state["risk_assessment_id"] = substantial ? json::value(risk_id) : json::value(nullptr);
  state["implemented_at"] = nullptr;
  state["finding_id"] = nullptr;
  state["created_at"] = at;
  state["updated_at"] = at;
  state["version"] = 1;
  auto index = AppendState(c, "change_notice", "change_notice.created", actor, state);
  if (!index.ok()) return std::move(index).error();
  std::string title = StateString(body, "title");
  NewReview review{.kind = "change_review",
                   .party_id = party_id,
                   .change_notice_id = id,
                   .title = "Change review: " + title,
                   .due = *planned,
                   .id = review_id};
  auto opened = OpenReview(c, actor, review, policy);
  if (!opened.ok()) return std::move(opened).error();
  if (substantial) {
    review.kind = "risk_assessment";
    review.title = "Risk assessment: " + title;
    review.id = risk_id;
    auto risk = OpenReview(c, actor, review, policy);
    if (!risk.ok()) return std::move(risk).error();
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> ChangeNoticeAction(CommandContext& c, const domain::Actor& actor,
                                        const std::string& id, const std::string& action,
                                        std::optional<TimePoint> at, const std::string& comment,
                                        const policy::ReviewsPolicy& policy) {
  auto loaded = Load(c.tx(), "change_notice", id, "change notice");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  if (status == "implemented" || status == "withdrawn") {
    return Conflict("change notice " + id + " is " + status + " already", "action",
                    "the change is " + status);
  }
  TimePoint now = c.Now();
  TimePoint when = at.value_or(now);
  if (when > now) return ValidationError("at", "must not be in the future");
  if (action == "withdrawn") {
    for (const char* field : {"change_review_id", "risk_assessment_id"}) {
      std::string rid = StateString(state, field);
      if (!rid.empty()) ACCORD_TRY(CancelReview(c, actor, rid, "the change was withdrawn"));
    }
    state["status"] = "withdrawn";
  } else if (action == "implemented") {
    state["status"] = "implemented";
    state["implemented_at"] = FormatRfc3339(when);
    auto review = Load(c.tx(), "review", StateString(state, "change_review_id"), "review");
    if (!review.ok()) return std::move(review).error();
    std::string approved_at = StateString(*review, "approved_at");
    bool approved_before =
        StateString(*review, "status") == "approved" && approved_at <= FormatRfc3339(when);
    if (!approved_before) {
      NewFinding f{.title = "Change implemented without approval: " + StateString(state, "title"),
                   .description = "The change was implemented on " + FormatRfc3339(when) +
                                  " before its change review was approved (TP-9: changes to "
                                  "third-party services are reviewed before implementation).",
                   .severity = "high",
                   .party_id = StateString(state, "party_id"),
                   .source_kind = "change_notice",
                   .source_id = id,
                   .rule = "unapproved_change"};
      auto finding = OpenFinding(c, actor, f, policy);
      if (!finding.ok()) return std::move(finding).error();
      std::string finding_id = StateString(*finding, "id");
      state["finding_id"] = finding_id;
      // Its reviews can no longer come before it: the finding carries the follow-up.
      for (const char* field : {"change_review_id", "risk_assessment_id"}) {
        std::string rid = StateString(state, field);
        if (rid.empty()) continue;
        ACCORD_TRY(
            CancelReview(c, actor, rid,
                         "the change was implemented before approval; see finding " + finding_id));
      }
    }
  } else {
    return ValidationError("action", "must be implemented or withdrawn");
  }
  Bump(state, now);
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  auto index =
      AppendState(c, "change_notice", "change_notice." + action, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> OpenFinding(CommandContext& c, const domain::Actor& actor, const NewFinding& f,
                                 const policy::ReviewsPolicy& policy) {
  const auto& severities = domain::FindingSeverities();
  if (!Contains(severities, f.severity)) {
    return ValidationError("severity", "must be one of: critical, high, medium, low");
  }
  TimePoint now = c.Now();
  if (f.due && *f.due <= now) return ValidationError("due_at", "must be in the future");
  if (!f.party_id.empty()) {
    auto name = PartyName(c.tx(), f.party_id);
    if (!name.ok()) {
      if (name.error().code == ErrorCode::kNotFound) {
        return ValidationError("party_id", "no party has id " + f.party_id);
      }
      return std::move(name).error();
    }
  }
  json::value owner = nullptr;
  if (!f.owner_id.empty()) {
    auto user = ActiveUser(c.tx(), "owner_id", f.owner_id, {});
    if (!user.ok()) return std::move(user).error();
    owner = UserRef(*user);
  }
  TimePoint due = f.due.value_or(now + std::chrono::days(policy.RemediationDays(f.severity)));
  std::string at = FormatRfc3339(now);
  std::string id = NewId("fnd", now);
  json::object state{
      {"id", id},
      {"title", f.title},
      {"description", f.description.empty() ? json::value(nullptr) : json::value(f.description)},
      {"severity", f.severity},
      {"status", "open"},
      {"party_id", f.party_id.empty() ? json::value(nullptr) : json::value(f.party_id)},
      {"source",
       json::object{{"kind", f.source_kind.empty() ? "manual" : f.source_kind},
                    {"id", f.source_id.empty() ? json::value(nullptr) : json::value(f.source_id)}}},
      {"rule", f.rule.empty() ? "manual" : f.rule},
      {"owner", owner},
      {"due_at", FormatRfc3339(due)},
      {"overdue", false},
      {"resolution", nullptr},
      {"opened_by", ActorJson(actor)},
      {"created_at", at},
      {"updated_at", at},
      {"version", 1}};
  auto index = AppendState(c, "finding", "finding.opened", actor, state);
  if (!index.ok()) return std::move(index).error();
  OutboxMessage m{.dedupe_key = "finding:" + id,
                  .subject = "New " + f.severity + " finding: " + f.title,
                  .body = f.title + "\nSeverity: " + f.severity + "\nDue: " + FormatRfc3339(due) +
                          "\nFinding: " + id + "\n",
                  .ref_kind = "finding",
                  .ref_id = id};
  std::vector<std::string> users;
  if (!f.owner_id.empty()) users.push_back(f.owner_id);
  auto queued = QueueForUsers(c.tx(), policy.open_roles, users, std::move(m), now);
  if (!queued.ok()) return std::move(queued).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> ApplyFindingAction(CommandContext& c, const domain::Actor& actor,
                                        const std::string& finding_id, const std::string& action,
                                        const std::string& comment, const std::string& owner_id,
                                        const std::vector<std::string>& evidence,
                                        const policy::ReviewsPolicy&) {
  auto loaded = Load(c.tx(), "finding", finding_id, "finding");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  std::string at = FormatRfc3339(c.Now());
  bool open = status == "open";
  if (action != "reopen" && !open) {
    return Conflict("finding " + finding_id + " is " + status + " (allowed: reopen)", "action",
                    "not allowed while " + status);
  }
  if (action == "reopen" && open) {
    return Conflict("finding " + finding_id + " is open (allowed: assign, resolve, accept_risk)",
                    "action", "the finding is open");
  }
  if (action != "assign" && comment.empty()) {
    return ValidationError("comment", "is required to " + action);
  }
  if (action == "assign") {
    if (owner_id.empty()) return ValidationError("owner_id", "is required to assign");
    auto user = ActiveUser(c.tx(), "owner_id", owner_id, {});
    if (!user.ok()) return std::move(user).error();
    state["owner"] = UserRef(*user);
  } else if (action == "resolve" || action == "accept_risk") {
    if (action == "resolve" && evidence.empty()) {
      return ValidationError("evidence",
                             "is required to resolve: upload the proof and list its document id");
    }
    json::array ev;
    for (const auto& d : evidence) {
      auto doc = GetObject(c.tx(), "document", d, Scope{});
      if (!doc.ok()) return std::move(doc).error();
      if (!doc->has_value()) return ValidationError("evidence", "no document has id " + d);
      ev.push_back(json::value(d));
    }
    state["status"] = action == "resolve" ? "resolved" : "risk_accepted";
    state["resolution"] = json::object{{"by", ActorJson(actor)},
                                       {"at", at},
                                       {"comment", comment},
                                       {"evidence", std::move(ev)},
                                       {"on_time", at <= StateString(state, "due_at")}};
  } else if (action == "reopen") {
    state["status"] = "open";
    state["resolution"] = nullptr;
  } else {
    return ValidationError("action", "must be assign, resolve, accept_risk or reopen");
  }
  Bump(state, c.Now());
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  std::string type = action == "assign"        ? "finding.assigned"
                     : action == "resolve"     ? "finding.resolved"
                     : action == "accept_risk" ? "finding.risk_accepted"
                                               : "finding.reopened";
  auto index = AppendState(c, "finding", type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<std::vector<std::string>> RaiseSoc2Findings(CommandContext& c, const domain::Actor& actor,
                                                   const json::object& report,
                                                   const policy::ReviewsPolicy& policy) {
  std::vector<std::string> ids;
  std::string party_id = StateString(report, "party_id");
  std::string report_id = StateString(report, "id");
  auto party_name = PartyName(c.tx(), party_id);
  if (!party_name.ok()) return std::move(party_name).error();
  auto open = [&](NewFinding f) -> Status {
    f.party_id = party_id;
    f.source_kind = "soc2_report";
    f.source_id = report_id;
    auto r = OpenFinding(c, actor, f, policy);
    if (!r.ok()) return std::move(r).error();
    ids.push_back(StateString(*r, "id"));
    return Ok();
  };
  std::string opinion = StateString(report, "opinion");
  if (opinion == "adverse" || opinion == "disclaimer" || opinion == "qualified") {
    ACCORD_TRY(open({.title = "SOC 2 opinion " + opinion + ": " + *party_name,
                     .description = "The auditor (" + StateString(report, "auditor") + ") gave a " +
                                    opinion + " opinion.",
                     .severity = opinion == "qualified" ? "medium" : "high",
                     .rule = "soc2_opinion"}));
  }
  if (const json::value* ex = report.if_contains("exceptions"); ex && ex->is_array()) {
    for (const auto& e : ex->as_array()) {
      const json::object& o = e.as_object();
      std::string severity = StateString(o, "severity");
      ACCORD_TRY(
          open({.title = "SOC 2 exception (" + *party_name + "): " + StateString(o, "control"),
                .description = StateString(o, "description"),
                .severity = severity.empty() ? "medium" : severity,
                .rule = "soc2_exception"}));
    }
  }
  return ids;
}

Result<std::string> Soc2Gap(Tx& tx, const std::string& party_id, TimePoint now,
                            const policy::ReviewsPolicy& policy) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'soc2_report' AND party_id = ? AND to_idx = ?",
      {party_id, kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> reports;
  for (const auto& row : *rows) {
    if (auto doc = domain::ParseStateDoc(row.Text(0))) reports.push_back(std::move(*doc));
  }
  return Soc2GapOf(reports, now, policy);
}

Result<ScheduleRun> RunReviewSchedule(EventLog& log, const policy::ReviewsPolicy& policy,
                                      bool sync) {
  ScheduleRun run;
  TimePoint now = log.clock().Now();
  if (sync) {
    std::vector<SeriesChange> changes;
    ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
      auto plan = PlanSync(tx, policy, now);
      if (!plan.ok()) return std::move(plan).error();
      changes = std::move(*plan);
      return Ok();
    }));
    if (!changes.empty()) {
      ACCORD_TRY(log.store().Write([&](Tx& tx) { return ApplySync(tx, changes, policy, run); }));
    }
  }
  // Most passes find nothing due: look first (three index probes, plus the SOC 2 and finding
  // checks when syncing), so a quiet pass takes no write lock.
  bool due = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto any = AnythingDue(tx, now);
    if (!any.ok()) return std::move(any).error();
    due = *any;
    if (due || !sync) return Ok();
    auto soc2 = Soc2Findings(tx, now, policy);
    if (!soc2.ok()) return std::move(soc2).error();
    auto late = OverdueFindings(tx, now);
    if (!late.ok()) return std::move(late).error();
    due = !soc2->empty() || !late->empty();
    return Ok();
  }));
  if (due) {
    // Planned again inside the write transaction: another server may have done it meanwhile.
    // Counted from the committed result: a command may run again after a rolled-back batch.
    auto r = log.Execute([&policy, sync](CommandContext& c) -> Result<json::value> {
      ScheduleRun inner;
      ACCORD_TRY(OpenDueReviews(c, policy, inner));
      ACCORD_TRY(MarkOverdueReviews(c, inner));
      if (sync) {
        auto soc2 = Soc2Findings(c.tx(), c.Now(), policy);
        if (!soc2.ok()) return std::move(soc2).error();
        for (const auto& f : *soc2) {
          auto opened = OpenFinding(c, domain::SystemActor(), f, policy);
          if (!opened.ok()) return std::move(opened).error();
          ++inner.findings_opened;
        }
        auto late = OverdueFindings(c.tx(), c.Now());
        if (!late.ok()) return std::move(late).error();
        ACCORD_TRY(MarkOverdueFindings(c, std::move(*late), inner));
      }
      return json::value(json::array{inner.reviews_opened, inner.reviews_overdue,
                                     inner.findings_opened, inner.findings_overdue});
    });
    if (!r.ok()) return std::move(r).error();
    const json::array& counts = r->as_array();
    run.reviews_opened += static_cast<int>(counts[0].as_int64());
    run.reviews_overdue += static_cast<int>(counts[1].as_int64());
    run.findings_opened += static_cast<int>(counts[2].as_int64());
    run.findings_overdue += static_cast<int>(counts[3].as_int64());
  }
  ACCORD_TRY(log.store().Write([&](Tx& tx) { return QueueReminders(tx, now, policy, run); }));
  return run;
}

// --- dashboard and report ------------------------------------------------------------------

Result<json::object> ReviewDashboard(Tx& tx, TimePoint now) {
  std::string today = Day(now);
  std::string soon = Day(now + std::chrono::days(30));
  auto day_start = ParseRfc3339(today + "T00:00:00Z");
  if (!day_start.ok()) return std::move(day_start).error();
  std::string tomorrow = FormatRfc3339(*day_start + std::chrono::days(1));
  std::map<std::string, json::object> kinds;
  for (const auto& k : domain::ReviewKinds()) {
    kinds[k] = json::object{{"open", 0},
                            {"due_next_30_days", 0},
                            {"overdue", 0},
                            {"done_on_time", 0},
                            {"done_late", 0}};
  }
  auto add = [&](const std::string& kind, const char* key, int64_t n) {
    auto it = kinds.find(kind);
    if (it == kinds.end() || n == 0) return;
    it->second[key] = it->second[key].as_int64() + n;
  };
  // Whole days from the stats; today's open reviews one by one (before or after now).
  auto stats = tx.Query(
      "SELECT review_kind, "
      "SUM(open_count), "
      "SUM(CASE WHEN due_day < ? THEN open_count ELSE 0 END), "
      "SUM(CASE WHEN due_day > ? AND due_day <= ? THEN open_count ELSE 0 END), "
      "SUM(on_time), SUM(late) FROM rm_review_stats GROUP BY review_kind",
      {today, today, soon});
  if (!stats.ok()) return std::move(stats).error();
  for (const auto& r : *stats) {
    add(r.Text(0), "open", r.Int(1));
    add(r.Text(0), "overdue", r.Int(2));
    add(r.Text(0), "due_next_30_days", r.Int(3));
    add(r.Text(0), "done_on_time", r.Int(4));
    add(r.Text(0), "done_late", r.Int(5));
  }
  std::string now_text = FormatRfc3339(now);
  auto today_rows = tx.Query(
      "SELECT review_kind, SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN due_at >= ? THEN 1 ELSE 0 END) FROM rm_reviews "
      "WHERE is_open = 1 AND overdue IN (0, 1) AND due_at >= ? AND due_at < ? "
      "GROUP BY review_kind",
      {now_text, now_text, today + "T00:00:00.000Z", tomorrow});
  if (!today_rows.ok()) return std::move(today_rows).error();
  for (const auto& r : *today_rows) {
    add(r.Text(0), "overdue", r.Int(1));
    add(r.Text(0), "due_next_30_days", r.Int(2));
  }
  json::object by_kind, totals{{"open", 0},
                               {"due_next_30_days", 0},
                               {"overdue", 0},
                               {"done_on_time", 0},
                               {"done_late", 0}};
  for (auto& [k, v] : kinds) {
    for (auto& [key, n] : v) totals[key] = totals[key].as_int64() + n.as_int64();
    by_kind[k] = std::move(v);
  }
  json::object severities{{"critical", 0}, {"high", 0}, {"medium", 0}, {"low", 0}};
  int64_t findings_overdue = 0;
  auto findings = tx.Query(
      "SELECT tag, COUNT(*), SUM(CASE WHEN doc LIKE '%\"overdue\":true%' THEN 1 ELSE 0 END) "
      "FROM rm_objects WHERE kind = 'finding' AND status = 'open' AND to_idx = ? GROUP BY tag",
      {kOpenVersion});
  if (!findings.ok()) return std::move(findings).error();
  int64_t open_findings = 0;
  for (const auto& r : *findings) {
    if (severities.contains(r.Text(0))) severities[r.Text(0)] = r.Int(1);
    open_findings += r.Int(1);
    findings_overdue += r.Int(2);
  }
  return json::object{
      {"at", now_text},
      {"reviews", json::object{{"by_kind", std::move(by_kind)}, {"totals", std::move(totals)}}},
      {"findings", json::object{{"open", open_findings},
                                {"open_by_severity", std::move(severities)},
                                {"overdue", findings_overdue}}}};
}

Result<json::object> SlaReviewReport(Tx& tx, TimePoint start, TimePoint end,
                                     const std::string& label, TimePoint now) {
  std::string from = FormatRfc3339(start), to = FormatRfc3339(end), now_text = FormatRfc3339(now);
  // Findings by party: opened and closed within the quarter.
  std::map<std::string, std::pair<int64_t, int64_t>> findings;
  auto frows = tx.Query(
      "SELECT party_id, doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ?", {kOpenVersion});
  if (!frows.ok()) return std::move(frows).error();
  int64_t opened_total = 0, closed_total = 0;
  for (const auto& r : *frows) {
    auto doc = domain::ParseStateDoc(r.Text(1));
    if (!doc) continue;
    std::string created = StateString(*doc, "created_at");
    std::string closed;
    if (const json::value* res = doc->if_contains("resolution"); res && res->is_object()) {
      closed = StateString(res->as_object(), "at");
    }
    auto& f = findings[r.Text(0)];
    if (created >= from && created < to) ++f.first, ++opened_total;
    if (!closed.empty() && closed >= from && closed < to) ++f.second, ++closed_total;
  }
  // The quarter's reviews in one query (the IN lists let rm_reviews_due serve a due_at
  // range), by party; "" holds the organisation-wide ones (list review, previous report).
  struct Due {
    std::string id, kind, status, due, approved;
  };
  std::map<std::string, std::vector<Due>> due_by_party;
  auto rrows = tx.Query(
      "SELECT party_id, id, review_kind, status, due_at, approved_at FROM rm_reviews "
      "WHERE is_open IN (0, 1) AND overdue IN (0, 1) AND due_at >= ? AND due_at < ?",
      {from, to});
  if (!rrows.ok()) return std::move(rrows).error();
  for (const auto& r : *rrows) {
    due_by_party[r.Text(0)].push_back(
        {r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.IsNull(5) ? "" : r.Text(5)});
  }
  for (auto& [_, list] : due_by_party) {
    std::sort(list.begin(), list.end(), [](const Due& a, const Due& b) {
      return std::tie(a.due, a.id) < std::tie(b.due, b.id);
    });
  }
  auto approved_json = [](const std::string& a) {
    return a.empty() ? json::value(nullptr) : json::value(a);
  };
  json::array parties;
  int64_t required = 0, on_time = 0, late = 0, missed = 0, pending = 0;
  auto prows = tx.Query(
      "SELECT id, doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? "
      "AND tag IN ('partner', 'subcontractor') ORDER BY name_lc, id",
      {kOpenVersion});
  if (!prows.ok()) return std::move(prows).error();
  for (const auto& p : *prows) {
    auto pdoc = domain::ParseStateDoc(p.Text(1));
    if (!pdoc) continue;
    std::string party_id = p.Text(0);
    json::array reviews;
    if (auto it = due_by_party.find(party_id); it != due_by_party.end()) {
      for (const auto& r : it->second) {
        if (r.status == "cancelled") continue;
        std::string outcome;
        if (!r.approved.empty()) {
          outcome = r.approved <= r.due ? "on_time" : "late";
        } else {
          outcome = r.due < now_text ? "missed" : "pending";
        }
        ++required;
        (outcome == "on_time"  ? on_time
         : outcome == "late"   ? late
         : outcome == "missed" ? missed
                               : pending)++;
        reviews.push_back(json::object{{"id", r.id},
                                       {"review_kind", r.kind},
                                       {"status", r.status},
                                       {"due_at", r.due},
                                       {"approved_at", approved_json(r.approved)},
                                       {"outcome", outcome}});
      }
    }
    std::string party_status = StateString(*pdoc, "status");
    auto fit = findings.find(party_id);
    if (reviews.empty() && party_status != "active" && fit == findings.end()) continue;
    parties.push_back(
        json::object{{"party_id", party_id},
                     {"name", StateString(*pdoc, "name")},
                     {"kind", StateString(*pdoc, "kind")},
                     {"status", party_status},
                     {"reviews", std::move(reviews)},
                     {"findings_opened", fit == findings.end() ? 0 : fit->second.first},
                     {"findings_closed", fit == findings.end() ? 0 : fit->second.second}});
  }
  json::array org_reviews;
  for (const auto& r : due_by_party[""]) {
    org_reviews.push_back(json::object{{"id", r.id},
                                       {"review_kind", r.kind},
                                       {"status", r.status},
                                       {"due_at", r.due},
                                       {"approved_at", approved_json(r.approved)}});
  }
  return json::object{{"quarter", label},
                      {"from", from},
                      {"to", to},
                      {"generated_at", now_text},
                      {"summary", json::object{{"parties", static_cast<int64_t>(parties.size())},
                                               {"reviews_required", required},
                                               {"on_time", on_time},
                                               {"late", late},
                                               {"missed", missed},
                                               {"pending", pending},
                                               {"findings_opened", opened_total},
                                               {"findings_closed", closed_total}}},
                      {"organisation_reviews", std::move(org_reviews)},
                      {"parties", std::move(parties)}};
}

}  // namespace accord::storage
