#include "accord/storage/data_commitments.h"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <set>

#include "accord/core/time.h"
#include "accord/domain/event.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "my_work_text.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

bool Flag(const json::object& o, const char* key, bool absent) {
  const json::value* v = o.if_contains(key);
  return v && v->is_bool() ? v->as_bool() : absent;
}

size_t ClauseRank(std::string_view key) {
  auto it = std::find(std::begin(kDataUseClauses), std::end(kDataUseClauses), key);
  return static_cast<size_t>(it - std::begin(kDataUseClauses));
}

// A finding opened for a DPF re-certification says so in its rule; its source names the
// participation.
constexpr const char* kDpfRule = "dpf_recertification_due";
// How long before the due date the finding opens.
constexpr auto kDpfNotice = std::chrono::days(30);

}  // namespace

std::string DataUseWords(std::string_view key) {
  if (key == "no_sale_or_sharing") return "no sale or sharing of customer data";
  if (key == "no_advertising_use") return "no use of customer data for advertising";
  if (key == "ai_zero_data_retention") return "zero retention of customer data by AI models";
  if (key == "no_model_training") return "no training of models on customer data";
  if (key == "dpf_participation") return "participation in the Data Privacy Framework";
  return std::string(key);
}

Result<std::vector<json::object>> PublishedCommitments(Tx& tx, TimePoint now) {
  std::string at = FormatRfc3339(now);
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'data_commitment' AND to_idx = ? ORDER BY id",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc || !Flag(*doc, "public", true) || StateString(*doc, "since") > at) continue;
    out.push_back(std::move(*doc));
  }
  std::stable_sort(out.begin(), out.end(), [](const json::object& a, const json::object& b) {
    size_t ra = ClauseRank(StateString(a, "key")), rb = ClauseRank(StateString(b, "key"));
    return ra != rb ? ra < rb : StateString(a, "statement") < StateString(b, "statement");
  });
  return out;
}

Result<std::vector<std::string>> BoundClauses(Tx& tx, const std::string& party_id, TimePoint now) {
  std::string at = FormatRfc3339(now);
  auto agreements = LiveChildren(tx, "agreement", "party_id", party_id);
  if (!agreements.ok()) return std::move(agreements).error();
  std::set<std::string> bound;
  for (const auto& a : *agreements) {
    const json::object& doc = a.doc;
    if (StateString(doc, "status") != "executed") continue;
    std::string from = StateString(doc, "effective_at"), until = StateString(doc, "expires_at");
    if ((!from.empty() && from > at) || (!until.empty() && until <= at)) continue;
    const json::value* use = doc.if_contains("data_use");
    if (!use || !use->is_object()) continue;
    for (const auto& [key, value] : use->as_object()) {
      if (value.is_bool() && value.as_bool()) bound.insert(std::string(key));
    }
  }
  std::vector<std::string> out;
  for (std::string_view key : kDataUseClauses) {
    if (bound.contains(std::string(key))) out.emplace_back(key);
  }
  return out;
}

Result<std::vector<CommitmentGap>> CommitmentGaps(Tx& tx, const json::object& party,
                                                  TimePoint now) {
  std::vector<CommitmentGap> gaps;
  auto commitments = PublishedCommitments(tx, now);
  if (!commitments.ok()) return std::move(commitments).error();
  bool ai = Flag(party, "ai_provider", false);
  std::set<std::string> excepted;
  if (const json::value* e = party.if_contains("commitment_exceptions"); e && e->is_array()) {
    for (const auto& x : e->as_array()) {
      if (x.is_object()) excepted.insert(StateString(x.as_object(), "commitment"));
    }
  }
  std::vector<const json::object*> applying;
  for (const auto& c : *commitments) {
    std::string applies = StateString(c, "applies_to");
    if (applies == "organisation" || (applies == "ai_providers" && !ai)) continue;
    if (StateString(c, "key") == "other" || excepted.contains(StateString(c, "key"))) continue;
    applying.push_back(&c);
  }
  if (applying.empty()) return gaps;
  std::vector<std::string> bound;
  if (std::string id = StateString(party, "id"); !id.empty()) {
    auto clauses = BoundClauses(tx, id, now);
    if (!clauses.ok()) return std::move(clauses).error();
    bound = std::move(*clauses);
  }
  std::set<std::string> reported;
  for (const json::object* c : applying) {
    std::string key = StateString(*c, "key");
    if (std::find(bound.begin(), bound.end(), key) != bound.end()) continue;
    if (!reported.insert(key).second) continue;  // two statements of one commitment
    gaps.push_back({key, StateString(*c, "statement"), StateString(*c, "since")});
  }
  return gaps;
}

std::string RecertificationDue(const json::object& participation) {
  auto last = ParseRfc3339(StateString(participation, "last_recertified_at"));
  if (!last.ok()) return "";
  // DPF participants re-certify every year.
  auto day = std::chrono::floor<std::chrono::days>(*last);
  std::chrono::year_month_day ymd{day};
  ymd = ymd + std::chrono::years(1);
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / std::chrono::last;  // 29 February
  return FormatRfc3339(TimePoint(std::chrono::sys_days(ymd) + (*last - day)));
}

Result<std::optional<json::object>> PublishedDpf(Tx& tx) {
  // The most recently changed public participation: an organisation has one.
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'dpf_participation' AND to_idx = ? "
      "ORDER BY from_idx DESC",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc || !Flag(*doc, "public", true)) continue;
    std::string url = StateString(*doc, "listing_url");
    return std::optional<json::object>(json::object{
        {"frameworks", doc->contains("frameworks") ? doc->at("frameworks") : json::array{}},
        {"status", StateString(*doc, "status")},
        {"last_recertified_at", StateString(*doc, "last_recertified_at")},
        {"recertification_due", RecertificationDue(*doc)},
        {"listing_url", url.empty() ? json::value(nullptr) : json::value(url)}});
  }
  return std::optional<json::object>();
}

namespace {

// Active participations whose re-certification is due within kDpfNotice and which have no
// finding opened since their last re-certification (that finding covers this cycle).
Result<std::vector<NewFinding>> DueDpfFindings(Tx& tx, TimePoint now) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'dpf_participation' AND to_idx = ? AND "
      "tag = 'active'",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<NewFinding> out;
  if (rows->empty()) return out;
  // The newest finding of the rule per participation, whatever became of it.
  std::map<std::string, std::string> opened;
  auto findings =
      tx.Query("SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? AND doc LIKE ?",
               {kOpenVersion, std::string("%\"rule\":\"") + kDpfRule + "\"%"});
  if (!findings.ok()) return std::move(findings).error();
  for (const auto& f : *findings) {
    auto doc = domain::ParseStateDoc(f.Text(0));
    const json::value* source = doc ? doc->if_contains("source") : nullptr;
    if (!source || !source->is_object()) continue;
    std::string id = StateString(source->as_object(), "id");
    opened[id] = std::max(opened[id], StateString(*doc, "created_at"));
  }
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc) continue;
    std::string due = RecertificationDue(*doc);
    auto due_at = ParseRfc3339(due);
    if (!due_at.ok() || *due_at - kDpfNotice > now) continue;
    std::string id = StateString(*doc, "id");
    if (auto it = opened.find(id);
        it != opened.end() && it->second >= StateString(*doc, "last_recertified_at")) {
      continue;
    }
    out.push_back(NewFinding{
        .title = "Data Privacy Framework re-certification due " + my_work_text::HumanDay(due),
        .description = "Our DPF participation was last re-certified on " +
                       my_work_text::HumanDay(StateString(*doc, "last_recertified_at")) +
                       ". Re-certify it on the DPF website before " + my_work_text::HumanDay(due) +
                       ", then record the new date, or the trust center shows a lapsed "
                       "participation.",
        .severity = "medium",
        .source_kind = "dpf_participation",
        .source_id = id,
        .rule = kDpfRule,
        .due = *due_at > now ? std::optional<TimePoint>(*due_at) : std::nullopt});
  }
  return out;
}

}  // namespace

Result<int> RaiseDpfRecertificationFindings(EventLog& log, const policy::ReviewsPolicy& policy) {
  // Most ticks find nothing: look in a read first, so a quiet tick takes no write lock.
  bool any = false;
  TimePoint now = log.clock().Now();
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto due = DueDpfFindings(tx, now);
    if (!due.ok()) return std::move(due).error();
    any = !due->empty();
    return Ok();
  }));
  if (!any) return 0;
  // Planned again inside the write: another server may have opened them meanwhile.
  auto r = log.Execute([&policy](CommandContext& c) -> Result<json::value> {
    auto due = DueDpfFindings(c.tx(), c.Now());
    if (!due.ok()) return std::move(due).error();
    for (const auto& f : *due) {
      auto opened = OpenFinding(c, domain::SystemActor(), f, policy);
      if (!opened.ok()) return std::move(opened).error();
    }
    return json::value(static_cast<int64_t>(due->size()));
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
