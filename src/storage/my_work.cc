#include "accord/storage/my_work.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <optional>

#include "accord/domain/event.h"
#include "accord/domain/registry.h"
#include "accord/domain/report_requests.h"
#include "accord/domain/reviews.h"
#include "accord/policy/changes_profile.h"
#include "accord/storage/breaches.h"
#include "accord/storage/change_requests.h"
#include "accord/storage/grants.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/breach_notice.h"
#include "accord/workflow/change_notice.h"
#include "accord/workflow/change_request.h"
#include "accord/workflow/entitlement_line.h"
#include "accord/workflow/grant.h"
#include "accord/workflow/report_request.h"
#include "accord/workflow/review.h"
#include "accord/workflow/soc2_report.h"
#include "accord/workflow/vendor_incident.h"
#include "my_work_colleagues.h"
#include "my_work_text.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

template <class Action>
bool Has(const std::vector<Action>& actions, Action a) {
  return std::find(actions.begin(), actions.end(), a) != actions.end();
}

// One item before names are looked up: only the items a group keeps are named.
struct Pending {
  json::object item;
  std::string name_party;  // party id whose name the item shows
  std::string name_actor;  // account id whose name goes into the detail ("Documented by …")
  std::string detail_prefix;
};

// A group counts every item and keeps the first `limit` (the caller's order).
class Group {
 public:
  Group(std::string_view kind, size_t limit) : kind_(kind), limit_(limit) {}
  bool Keeps() const { return kept_.size() < limit_; }
  void Count(int64_t n = 1) { count_ += n; }
  void Keep(Pending p) {
    ++count_;
    if (Keeps()) kept_.push_back(std::move(p));
  }
  std::vector<Pending>& kept() { return kept_; }
  std::string_view kind() const { return kind_; }
  size_t limit() const { return limit_; }
  int64_t count() const { return count_; }

 private:
  std::string_view kind_;
  size_t limit_;
  int64_t count_ = 0;
  std::vector<Pending> kept_;
};

json::object Item(std::string_view kind, const std::string& id, std::string title) {
  return json::object{{"kind", kind},
                      {"id", id},
                      {"title", std::move(title)},
                      {"detail", ""},
                      {"party_id", nullptr},
                      {"party_name", nullptr},
                      {"due_at", nullptr},
                      {"at", nullptr},
                      {"overdue", false},
                      {"href", nullptr}};
}

void SetDue(json::object& item, const std::string& due, TimePoint now) {
  if (due.empty()) return;
  item["due_at"] = due;
  auto t = ParseRfc3339(due.size() == 10 ? due + "T00:00:00Z" : due);
  item["overdue"] = t.ok() && *t < now;
}

void SetParty(Pending& p, const std::string& party_id) {
  if (party_id.empty()) return;
  p.item["party_id"] = party_id;
  p.name_party = party_id;
}

// Reads a group's rows (id, doc) and hands each parsed document to `take`.
template <class Fn>
Status EachDoc(Tx& tx, std::string_view sql, std::vector<Value> params, Fn take) {
  auto rows = tx.Query(sql, params);
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (doc) take(*doc);
  }
  return Ok();
}

class Builder {
 public:
  Builder(Tx& tx, const Viewer& v, TimePoint now) : tx_(tx), v_(v), now_(now), names_(tx) {}

  Status ReviewsToDocument(Group& g);
  Status ReviewsToApprove(Group& g);
  Status GrantsToApprove(Group& g);
  Status ReportRequests(Group& g);
  Status VendorAnswers(Group& g);
  Status ChangeNotices(Group& g);
  Status Soc2ToReview(Group& g);
  Status Findings(Group& g);
  Status EntitlementLines(Group& g);
  Status VendorIncidents(Group& g);
  Status ChangeRequests(Group& g);
  Status BreachNotices(Group& g);
  Status AccountRequests(Group& g);
  Status QuestionnaireSections(Group& g);

  // The kept items with their names, as JSON.
  Result<json::array> Finish(Group& g);

 private:
  workflow::review::Caller ReviewCaller() const { return {v_.id, v_.role, v_.break_glass}; }
  std::vector<workflow::review::Action> ReviewActions(const json::object& doc) const;
  Pending ReviewItem(std::string_view kind, const json::object& doc) const;
  // Open reviews in the states where the table allows `wanted`, narrowed by `where`; each
  // asked of the workflow. With `read_at_most`, only that many are read (the rest are
  // counted by the caller); returns how many were read.
  Result<int64_t> ReviewsWhere(Group& g, std::string_view where, std::vector<Value> params,
                               workflow::review::Action wanted, std::string_view detail,
                               bool name_documenter, std::optional<size_t> read_at_most = {});
  // My read marks of `kind`: item id → when read.
  Result<std::map<std::string, std::string>> Reads(std::string_view kind);

  Tx& tx_;
  const Viewer& v_;
  TimePoint now_;
  NameCache names_;
};

std::vector<workflow::review::Action> Builder::ReviewActions(const json::object& doc) const {
  namespace wf = workflow::review;
  auto state = wf::ParseState(StateString(doc, "status"));
  if (!state) return {};
  return wf::AllowedActions(v_.profile->reviews, ReviewCaller(), *state,
                            review_support::ReviewFacts(doc),
                            !StateString(doc, "party_id").empty());
}

Pending Builder::ReviewItem(std::string_view kind, const json::object& doc) const {
  std::string id = StateString(doc, "id");
  Pending p{Item(kind, id, StateString(doc, "title"))};
  SetParty(p, StateString(doc, "party_id"));
  SetDue(p.item, StateString(doc, "due_at"), now_);
  p.item["href"] = "/reviews/" + id;
  return p;
}

// The states in which the review table allows `action`, as SQL placeholders and their values.
std::string StatesAllowing(workflow::review::Action action, std::vector<Value>& params) {
  namespace wf = workflow::review;
  std::string marks;
  for (wf::State st : wf::kStates) {
    if (!wf::Next(st, action)) continue;
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(std::string(wf::Name(st)));
  }
  return marks.empty() ? "NULL" : marks;
}

Result<int64_t> Builder::ReviewsWhere(Group& g, std::string_view where, std::vector<Value> params,
                                      workflow::review::Action wanted, std::string_view detail,
                                      bool name_documenter, std::optional<size_t> read_at_most) {
  std::vector<Value> all{kOpenVersion};
  all.insert(all.end(), params.begin(), params.end());
  std::string sql =
      "SELECT o.doc FROM rm_reviews r JOIN rm_objects o ON o.kind = 'review' AND o.id = r.id "
      "AND o.to_idx = ? WHERE r.is_open = 1 AND " +
      std::string(where) + " AND r.status IN (" + StatesAllowing(wanted, all) +
      ") ORDER BY r.due_at, r.id";
  if (read_at_most) {
    sql += " LIMIT ?";
    all.emplace_back(static_cast<int64_t>(*read_at_most));
  }
  int64_t read = 0;
  ACCORD_TRY(EachDoc(tx_, sql, std::move(all), [&](const json::object& doc) {
    ++read;
    if (!Has(ReviewActions(doc), wanted)) return;
    if (!g.Keeps()) return g.Count();
    Pending p = ReviewItem(g.kind(), doc);
    p.detail_prefix = std::string(detail);
    if (name_documenter) {
      p.name_actor = review_support::ReviewFacts(doc).documented_by;
    } else if (doc.contains("awaiting_party") && doc.at("awaiting_party") == true) {
      p.detail_prefix += "; waiting for the party's answer";
    }
    g.Keep(std::move(p));
  }));
  return read;
}

// Only the assignee documents (the workflow's person rule), so a person's own reviews are
// counted by the index and only the first few are read: a busy assignee costs no more.
Status Builder::ReviewsToDocument(Group& g) {
  namespace wf = workflow::review;
  if (wf::RoleRefusal(v_.profile->reviews, v_.role, v_.break_glass, wf::Action::kDocument)) {
    return Ok();
  }
  std::vector<Value> params{v_.id};
  std::string states = StatesAllowing(wf::Action::kDocument, params);
  auto n = tx_.Query(
      "SELECT COUNT(*) FROM rm_reviews WHERE assignee_id = ? AND is_open = 1 AND status IN (" +
          states + ")",
      params);
  if (!n.ok()) return std::move(n).error();
  int64_t candidates = n->empty() ? 0 : n->front().Int(0);
  auto read = ReviewsWhere(g, "r.assignee_id = ?", {v_.id}, wf::Action::kDocument,
                           "Assigned to you", false, g.limit());
  if (!read.ok()) return std::move(read).error();
  g.Count(std::max<int64_t>(0, candidates - *read));
  return Ok();
}

// Separation of duties is in each review (who documented it): every waiting one is asked.
Status Builder::ReviewsToApprove(Group& g) {
  namespace wf = workflow::review;
  if (wf::RoleRefusal(v_.profile->reviews, v_.role, v_.break_glass, wf::Action::kApprove)) {
    return Ok();
  }
  auto read = ReviewsWhere(g, "1 = 1", {}, wf::Action::kApprove, "Documented by ", true);
  if (!read.ok()) return std::move(read).error();
  return Ok();
}

Status Builder::GrantsToApprove(Group& g) {
  namespace wf = workflow::grant;
  if (wf::RoleRefusal(v_.profile->access, v_.role, wf::Action::kApprove)) return Ok();
  return EachDoc(
      tx_,
      "SELECT doc FROM rm_objects WHERE kind = 'grant' AND to_idx = ? AND status = 'requested' "
      "ORDER BY id",
      {kOpenVersion}, [&](const json::object& doc) {
        auto state = wf::ParseState(StateString(doc, "status"));
        if (!state) return;
        bool ended = EffectiveStatus(doc, now_) == "expired";
        auto allowed = wf::AllowedActions(v_.profile->access, v_.id, v_.role, *state, ended,
                                          domain::ActorIdOf(doc, "requested_by"));
        if (!Has(allowed, wf::Action::kApprove)) return;
        if (!g.Keeps()) return g.Count();
        std::string id = StateString(doc, "id");
        Pending p{Item(g.kind(), id, "Access request")};
        SetParty(p, StateString(doc, "party_id"));
        SetDue(p.item, StateString(doc, "start_at"), now_);
        p.item["at"] = StateString(doc, "created_at");
        p.item["href"] = "/access#grant-" + id;
        p.name_actor = domain::ActorIdOf(doc, "requested_by");
        p.detail_prefix = "Requested by ";
        p.item["detail"] = my_work_text::GrantLines(doc);
        g.Keep(std::move(p));
      });
}

Status Builder::ReportRequests(Group& g) {
  namespace wf = workflow::report_request;
  return EachDoc(
      tx_,
      "SELECT doc FROM rm_objects WHERE kind = 'report_request' AND to_idx = ? AND status IN "
      "('received', 'in_progress') ORDER BY id",
      {kOpenVersion}, [&](const json::object& doc) {
        auto state = wf::ParseState(StateString(doc, "status"));
        if (!state) return;
        auto allowed = wf::AllowedActions(v_.role, v_.break_glass, *state);
        bool decide = Has(allowed, wf::Action::kApprove);
        if (!decide && !Has(allowed, wf::Action::kLink)) return;
        if (!g.Keeps()) return g.Count();
        std::string label = domain::ReportTypeLabel(StateString(doc, "report_type"));
        if (!label.empty())
          label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
        Pending p{Item(g.kind(), StateString(doc, "id"),
                       label + " for " + StateString(doc, "organisation"))};
        SetParty(p, StateString(doc, "party_id"));
        SetDue(p.item, StateString(doc, "needed_by"), now_);
        p.item["at"] = StateString(doc, "created_at");
        std::string who;
        if (const json::value* r = doc.if_contains("requester"); r && r->is_object()) {
          who = StateString(r->as_object(), "name");
        }
        p.item["detail"] = (who.empty() ? "" : "Asked by " + who + "; ") +
                           (decide ? "the NDA is in force: approve or reject"
                                   : "link it to a customer or partner");
        g.Keep(std::move(p));
      });
}

Result<std::map<std::string, std::string>> Builder::Reads(std::string_view kind) {
  auto rows = tx_.Query("SELECT item_id, read_at FROM my_work_reads WHERE user_id = ? AND kind = ?",
                        {v_.id, std::string(kind)});
  if (!rows.ok()) return std::move(rows).error();
  std::map<std::string, std::string> out;
  for (const auto& r : *rows) out.emplace(r.Text(0), r.Text(1));
  return out;
}

// Newest first, then kept up to the group's limit: news is counted in full but few.
void KeepNewest(Group& g, std::vector<Pending>& news) {
  std::stable_sort(news.begin(), news.end(), [](const Pending& a, const Pending& b) {
    return StateString(a.item, "at") > StateString(b.item, "at");
  });
  for (auto& p : news) g.Keep(std::move(p));
}

Status Builder::VendorAnswers(Group& g) {
  auto reads = Reads("vendor_answer");
  if (!reads.ok()) return std::move(reads).error();
  std::vector<Pending> news;
  // The LIKE is the partial index rm_objects_answered's own condition (migration 7).
  ACCORD_TRY(EachDoc(tx_,
                     "SELECT doc FROM rm_objects WHERE kind = 'review' AND to_idx = ? AND "
                     "doc LIKE '%\"party_responses\":[{%'",
                     {kOpenVersion}, [&](const json::object& doc) {
                       if (!domain::IsOpenReviewStatus(StateString(doc, "status"))) return;
                       // For whoever works the review and whoever asked the party.
                       bool mine = review_support::ReviewFacts(doc).assignee_id == v_.id;
                       const json::value* asked = doc.if_contains("party_requests");
                       for (size_t i = 0;
                            !mine && asked && asked->is_array() && i < asked->as_array().size();
                            ++i) {
                         const json::value& q = asked->as_array()[i];
                         mine = q.is_object() && domain::ActorIdOf(q.as_object(), "by") == v_.id;
                       }
                       if (!mine) return;
                       const json::array& answers = doc.at("party_responses").as_array();
                       const json::object& last = answers.back().as_object();
                       std::string at = StateString(last, "at");
                       std::string id = StateString(doc, "id");
                       if (auto it = reads->find(id); it != reads->end() && it->second >= at)
                         return;
                       Pending p = ReviewItem(g.kind(), doc);
                       p.item["title"] = "New answer: " + StateString(doc, "title");
                       p.item["at"] = at;
                       p.item["detail"] = my_work_text::Excerpt(StateString(last, "message"));
                       news.push_back(std::move(p));
                     }));
  KeepNewest(g, news);
  return Ok();
}

Status Builder::ChangeNotices(Group& g) {
  namespace wf = workflow::change_notice;
  auto reads = Reads("change_notice");
  if (!reads.ok()) return std::move(reads).error();
  std::vector<Pending> news;
  ACCORD_TRY(EachDoc(
      tx_,
      "SELECT doc FROM rm_objects WHERE kind = 'change_notice' AND to_idx = ? AND "
      "status = 'under_review' ORDER BY id",
      {kOpenVersion}, [&](const json::object& doc) {
        // For those who record what becomes of a change (the workflow's roles).
        auto state = wf::ParseState(StateString(doc, "status"));
        if (!state ||
            wf::AllowedActions(v_.profile->reviews, v_.role, v_.break_glass, *state).empty()) {
          return;
        }
        std::string id = StateString(doc, "id");
        if (reads->contains(id)) return;
        Pending p{Item(g.kind(), id, StateString(doc, "title"))};
        std::string party = StateString(doc, "party_id");
        SetParty(p, party);
        SetDue(p.item, StateString(doc, "planned_at"), now_);
        p.item["overdue"] = false;  // a plan, not a deadline of ours
        p.item["at"] = StateString(doc, "created_at");
        p.item["href"] = "/parties/" + party + "#sec-changes";
        p.item["detail"] = my_work_text::Excerpt(StateString(doc, "description"));
        news.push_back(std::move(p));
      }));
  KeepNewest(g, news);
  return Ok();
}

// SOC 2 reports a party submitted, for those who review them (the workflow's roles).
Status Builder::Soc2ToReview(Group& g) {
  namespace wf = workflow::soc2_report;
  if (wf::AllowedActions(v_.profile->reviews, v_.role, v_.break_glass, wf::State::kSubmitted)
          .empty()) {
    return Ok();
  }
  std::vector<Pending> news;
  ACCORD_TRY(EachDoc(
      tx_,
      "SELECT doc FROM rm_objects WHERE kind = 'soc2_report' AND to_idx = ? AND "
      "status = 'submitted' ORDER BY id",
      {kOpenVersion}, [&](const json::object& doc) {
        std::string type = StateString(doc, "type") == "type1" ? "I" : "II";
        Pending p{Item(g.kind(), StateString(doc, "id"),
                       "SOC 2 Type " + type + " report from " + StateString(doc, "auditor"))};
        std::string party = StateString(doc, "party_id");
        SetParty(p, party);
        p.item["at"] = StateString(doc, "created_at");
        p.item["detail"] = "Period to " + my_work_text::HumanDay(StateString(doc, "period_end"));
        p.item["href"] = "/parties/" + party + "#sec-soc2";
        news.push_back(std::move(p));
      }));
  KeepNewest(g, news);
  return Ok();
}

Status Builder::Findings(Group& g) {
  std::vector<Pending> mine;
  // Only documents that name the person are read (the schedule may have opened thousands of
  // findings nobody owns yet); the owner is then checked on each.
  ACCORD_TRY(EachDoc(tx_,
                     "SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? AND "
                     "status IN ('open', 'acceptance_requested') "
                     "AND doc LIKE ? ORDER BY id",
                     {kOpenVersion, "%\"" + v_.id + "\"%"}, [&](const json::object& doc) {
                       if (domain::ActorIdOf(doc, "owner") != v_.id) return;
                       Pending p{Item(g.kind(), StateString(doc, "id"), StateString(doc, "title"))};
                       SetParty(p, StateString(doc, "party_id"));
                       SetDue(p.item, StateString(doc, "due_at"), now_);
                       p.item["at"] = StateString(doc, "created_at");
                       p.item["detail"] = my_work_text::Severity(StateString(doc, "severity"));
                       p.item["href"] = my_work_text::FindingHref(doc);
                       mine.push_back(std::move(p));
                     }));
  // Soonest due first; a finding without a due date last.
  std::stable_sort(mine.begin(), mine.end(), [](const Pending& a, const Pending& b) {
    std::string da = StateString(a.item, "due_at"), db = StateString(b.item, "due_at");
    if (da.empty() != db.empty()) return db.empty();
    return da < db;
  });
  for (auto& p : mine) g.Keep(std::move(p));
  return Ok();
}

Status Builder::EntitlementLines(Group& g) {
  namespace wf = workflow::entitlement_line;
  const policy::IdentityPolicy& policy = v_.profile->identity;
  if (wf::ReviewerRefusal(policy, v_.role, v_.break_glass)) return Ok();
  std::vector<json::object> campaigns;
  ACCORD_TRY(EachDoc(tx_,
                     "SELECT doc FROM rm_objects WHERE kind = 'entitlement_review' AND to_idx = ? "
                     "AND status IN ('open', 'overdue')",
                     {kOpenVersion}, [&](const json::object& doc) { campaigns.push_back(doc); }));
  std::stable_sort(campaigns.begin(), campaigns.end(), [](const auto& a, const auto& b) {
    return StateString(a, "due_at") < StateString(b, "due_at");
  });
  for (const auto& c : campaigns) {
    std::string id = StateString(c, "id");
    const json::value* lines = c.if_contains("lines");
    if (!lines || !lines->is_array()) continue;
    for (const auto& lv : lines->as_array()) {
      if (!lv.is_object()) continue;
      const json::object& line = lv.as_object();
      if (!line.contains("decision") || !line.at("decision").is_null()) continue;
      wf::Facts facts{.review_id = id,
                      .line_id = StateString(line, "line_id"),
                      .campaign_completed = false,
                      .line_kind = StateString(line, "kind"),
                      .user_id = StateString(line, "user_id")};
      if (wf::AllowedActions(policy, v_.role, v_.break_glass, v_.id, wf::State::kUndecided, facts)
              .empty()) {
        continue;
      }
      if (!g.Keeps()) {
        g.Count();
        continue;
      }
      Pending p{Item(g.kind(), id, my_work_text::LineTitle(line))};
      p.item["line_id"] = facts.line_id;
      SetParty(p, StateString(line, "party_id"));
      SetDue(p.item, StateString(c, "due_at"), now_);
      p.item["at"] = StateString(c, "created_at");
      p.item["detail"] = StateString(c, "title");
      g.Keep(std::move(p));
    }
  }
  return Ok();
}

// Vendor incidents the status runner opened, for those who assess them (the workflow's roles).
Status Builder::VendorIncidents(Group& g) {
  namespace wf = workflow::vendor_incident;
  if (wf::AllowedActions(v_.role, v_.break_glass, wf::State::kOpen).empty()) return Ok();
  std::vector<Pending> news;
  ACCORD_TRY(EachDoc(tx_,
                     "SELECT doc FROM rm_objects WHERE kind = 'vendor_incident' AND to_idx = ? AND "
                     "status = 'open' ORDER BY id",
                     {kOpenVersion}, [&](const json::object& doc) {
                       Pending p{Item(g.kind(), StateString(doc, "id"),
                                      "Vendor incident: " + StateString(doc, "name"))};
                       std::string party = StateString(doc, "party_id");
                       SetParty(p, party);
                       p.item["at"] = StateString(doc, "created_at");
                       p.item["detail"] = my_work_text::VendorIncidentDetail(doc);
                       p.item["href"] = "/status?party=" + party + "#sec-incidents";
                       news.push_back(std::move(p));
                     }));
  KeepNewest(g, news);
  return Ok();
}

// Change requests waiting for this person's review, approval or release (TR-5): the workflow's
// AllowedActions for them, separation of duties included; an emergency change's review and
// approval after its release are the retrospective review, due by its window.
Status Builder::ChangeRequests(Group& g) {
  namespace wf = workflow::change_request;
  const policy::ChangesPolicy& changes = policy::ChangesPolicyOf(v_.profile);
  const wf::Caller caller{v_.id, v_.role, v_.break_glass};
  std::vector<Pending> mine;
  ACCORD_TRY(EachDoc(
      tx_,
      "SELECT doc FROM rm_objects WHERE kind = 'change_request' AND to_idx = ? AND status IN "
      "('submitted', 'tested', 'reviewed', 'approved', 'emergency_released', "
      "'emergency_reviewed') ORDER BY id",
      {kOpenVersion}, [&](const json::object& doc) {
        auto state = wf::ParseState(StateString(doc, "status"));
        if (!state) return;
        const json::value* e = doc.if_contains("emergency");
        const bool emergency = e && e->is_bool() && e->as_bool();
        auto actions = wf::AllowedActions(changes, v_.profile->separation, caller, *state,
                                          emergency, DutiesOf(doc));
        std::optional<wf::Action> step;
        for (wf::Action a : {wf::Action::kReview, wf::Action::kApprove, wf::Action::kRelease}) {
          if (!step && Has(actions, a)) step = a;
        }
        if (!step) return;
        const bool retrospective = wf::AwaitsRetrospective(*state);
        Pending p{Item(g.kind(), StateString(doc, "id"), StateString(doc, "title"))};
        p.item["detail"] = my_work_text::ChangeStep(wf::Name(*step), retrospective);
        p.item["at"] = StateString(doc, "updated_at");
        if (retrospective) SetDue(p.item, StateString(doc, "retrospective_due_at"), now_);
        p.item["href"] = "/changes/" + StateString(doc, "id");
        mine.push_back(std::move(p));
      }));
  // Retrospective reviews by their due time first, then the longest waiting.
  std::stable_sort(mine.begin(), mine.end(), [](const Pending& a, const Pending& b) {
    std::string da = StateString(a.item, "due_at"), db = StateString(b.item, "due_at");
    if (da.empty() != db.empty()) return db.empty();
    if (da != db) return da < db;
    return StateString(a.item, "at") < StateString(b.item, "at");
  });
  for (auto& p : mine) g.Keep(std::move(p));
  return Ok();
}

// TR-8: each covered entity's notice still due, for the people who may send it.
Status Builder::BreachNotices(Group& g) {
  namespace wf = workflow::breach_notice;
  if (wf::AllowedActions(v_.role, v_.break_glass, wf::State::kDue).empty()) return Ok();
  auto due = DueBreachNotices(tx_, now_, SIZE_MAX);
  if (!due.ok()) return std::move(due).error();
  for (const auto& n : *due) {
    Pending p{
        Item(g.kind(), StateString(n, "id"), "Breach notice to " + StateString(n, "party_name"))};
    SetParty(p, StateString(n, "party_id"));
    SetDue(p.item, StateString(n, "deadline_at"), now_);
    p.item["at"] = StateString(n, "created_at");
    p.item["detail"] = StateString(n, "deadline_basis");
    p.item["href"] = "/incidents/" + StateString(n, "incident_id");
    g.Keep(std::move(p));
  }
  return Ok();
}

// Issue 28, item 2 (my_work_colleagues.cc): both groups' items come ready; only names here.
Status Builder::AccountRequests(Group& g) {
  auto items = my_work_colleagues::AccountRequestsToDecide(tx_, v_);
  if (!items.ok()) return std::move(items).error();
  for (auto& i : *items) {
    Pending p{Item(g.kind(), StateString(i, "id"), StateString(i, "title"))};
    SetParty(p, StateString(i, "party_id"));
    for (const char* f : {"detail", "at", "href"}) p.item[f] = i[f];
    g.Keep(std::move(p));
  }
  return Ok();
}

Status Builder::QuestionnaireSections(Group& g) {
  auto items = my_work_colleagues::SectionsAssignedTo(tx_, v_);
  if (!items.ok()) return std::move(items).error();
  for (auto& i : *items) {
    Pending p{Item(g.kind(), StateString(i, "id"), StateString(i, "title"))};
    SetParty(p, StateString(i, "party_id"));
    SetDue(p.item, StateString(i, "due_at"), now_);
    for (const char* f : {"detail", "at", "href"}) p.item[f] = i[f];
    g.Keep(std::move(p));
  }
  return Ok();
}

Result<json::array> Builder::Finish(Group& g) {
  json::array out;
  for (auto& p : g.kept()) {
    if (!p.name_party.empty()) {
      auto name = names_.PartyName(p.name_party);
      if (!name.ok()) return std::move(name).error();
      p.item["party_name"] = *name;
      if (g.kind() == "grant_to_approve" && !name->empty()) {
        p.item["title"] = "Access for " + *name;
      }
    }
    if (!p.detail_prefix.empty()) {
      std::string detail = p.detail_prefix;
      if (!p.name_actor.empty()) {
        auto name = names_.NameOf(p.name_actor);
        if (!name.ok()) return std::move(name).error();
        detail += name->empty() ? "someone else" : *name;
      }
      std::string rest = StateString(p.item, "detail");
      p.item["detail"] = rest.empty() ? detail : detail + ": " + rest;
    }
    out.push_back(std::move(p.item));
  }
  return out;
}

}  // namespace

Result<json::object> MyWork(Tx& tx, const Viewer& viewer, TimePoint now, size_t limit) {
  if (!viewer.profile) return Internal("my work needs the store's policy profile");
  Builder b(tx, viewer, now);
  using Step = Status (Builder::*)(Group&);
  constexpr Step kSteps[] = {
      &Builder::ReviewsToDocument, &Builder::ReviewsToApprove, &Builder::GrantsToApprove,
      &Builder::ReportRequests, &Builder::VendorAnswers, &Builder::ChangeNotices,
      &Builder::Soc2ToReview, &Builder::Findings, &Builder::EntitlementLines,
      &Builder::VendorIncidents, &Builder::ChangeRequests, &Builder::BreachNotices,
      // Issue 28, item 2.
      &Builder::AccountRequests, &Builder::QuestionnaireSections};
  static_assert(std::size(kSteps) == std::size(kWorkKinds));
  json::array groups;
  int64_t total = 0;
  for (size_t i = 0; i < std::size(kSteps); ++i) {
    Group g(kWorkKinds[i], limit);
    // A party's contact has one group of work here (TP-7: nothing of the organisation's).
    const bool contact = viewer.role == "third_party_contact";
    if (!contact || kWorkKinds[i] == "questionnaire_section") ACCORD_TRY((b.*kSteps[i])(g));
    auto items = b.Finish(g);
    if (!items.ok()) return std::move(items).error();
    total += g.count();
    groups.push_back(json::object{{"kind", g.kind()},
                                  {"title", my_work_text::GroupTitle(g.kind())},
                                  {"count", g.count()},
                                  {"items", std::move(*items)}});
  }
  return json::object{{"at", FormatRfc3339(now)}, {"total", total}, {"groups", std::move(groups)}};
}

}  // namespace accord::storage
