#include "accord/storage/red_flags.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "accord/domain/event.h"
#include "accord/domain/registry.h"
#include "accord/policy/gate.h"
#include "accord/storage/data_commitments.h"
#include "accord/storage/object_views.h"
#include "accord/storage/registry_store.h"
#include "my_work_text.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

std::string TypeWords(std::string_view type) {
  if (type == "dev_contract") return "development contract";
  std::string out(type);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;  // BAA, SLA, NDA, MSA, DPA
}

// "A BAA", "An SLA": by how the letters are said.
std::string WithArticle(const std::string& words) {
  bool vowel_sound = words == "SLA" || words == "NDA" || words == "MSA";
  return (vowel_sound ? "An " : "A ") + words;
}

std::optional<TimePoint> When(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto t = ParseRfc3339(text.size() == 10 ? text + "T00:00:00Z" : text);
  if (!t.ok()) return std::nullopt;
  return *t;
}

std::string Day(const std::string& time) { return my_work_text::HumanDay(time); }

std::string DaysText(int64_t days) {
  if (days <= 0) return "today";
  return std::to_string(days) + (days == 1 ? " day ago" : " days ago");
}

// One flag before names are looked up; `rank` orders kinds of wrong within a group (lower
// first), `since` the same rank (longest wrong first).
struct Flag {
  int rank = 0;
  std::string since;  // RFC 3339, "" when it never was right
  json::object item;
};

// The whole days since the flag's `since` (0 without one).
int64_t DaysOf(const Flag& f) {
  const json::value* d = f.item.if_contains("days");
  return d && d->is_int64() ? d->as_int64() : 0;
}

json::object FlagItem(std::string_view kind, const std::string& id, std::string title) {
  return json::object{{"kind", kind},
                      {"id", id},
                      {"title", std::move(title)},
                      {"detail", ""},
                      {"party_id", nullptr},
                      {"party_name", nullptr},
                      {"agreement_id", nullptr},
                      {"since", nullptr},
                      {"days", nullptr},
                      {"href", nullptr}};
}

class Flags {
 public:
  Flags(Tx& tx, const policy::Profile& profile, TimePoint now, size_t limit)
      : tx_(tx), profile_(profile), now_(now), limit_(limit), names_(tx) {}

  Status Agreements(std::vector<Flag>& out, int64_t& count);
  Status Soc2(std::vector<Flag>& out, int64_t& count);
  Status Reviews(std::vector<Flag>& out, int64_t& count);
  Status Findings(std::vector<Flag>& out, int64_t& count);
  Status Grants(std::vector<Flag>& out, int64_t& count);
  Status Commitments(std::vector<Flag>& out, int64_t& count);

  // Sorted, cut to the limit, named.
  Result<json::array> Finish(std::vector<Flag>& flags);

 private:
  struct Requirement {
    std::string party_kind, type;
    bool ephi_only = false;
  };
  std::vector<Requirement> Requirements() const;
  // The agreement types `party` (a stored party) needs, by the profile's [access] section.
  Result<std::vector<std::string>> RequiredTypes(const json::object& party);
  void SetSince(Flag& f, const std::string& since) const;

  Tx& tx_;
  const policy::Profile& profile_;
  TimePoint now_;
  size_t limit_;
  NameCache names_;
};

void Flags::SetSince(Flag& f, const std::string& since) const {
  f.since = since;
  auto t = When(since);
  if (!t) return;
  f.item["since"] = since;
  f.item["days"] = std::chrono::floor<std::chrono::days>(now_ - *t).count();
}

std::vector<Flags::Requirement> Flags::Requirements() const {
  using policy::AgreementType;
  using policy::PartyKind;
  std::vector<Requirement> out;
  const policy::AccessPolicy& a = profile_.access;
  for (PartyKind k : {PartyKind::kCustomer, PartyKind::kPartner, PartyKind::kSubcontractor,
                      PartyKind::kContractedDeveloper}) {
    auto always = a.RequiredFor(k, false);
    auto with_ephi = a.RequiredFor(k, true);
    for (int t = 0; t <= static_cast<int>(AgreementType::kDpa); ++t) {
      auto type = static_cast<AgreementType>(t);
      if (!with_ephi.Has(type)) continue;
      out.push_back(
          {std::string(policy::Name(k)), std::string(policy::Name(type)), !always.Has(type)});
    }
  }
  return out;
}

// Every active party against the agreements its kind needs, in one pass over the parties of
// each kind (the index alone, unless a requirement depends on ePHI) and one over the
// agreements: 100,000 parties cost a few scans, not a query each. A party without an executed
// agreement of a type is flagged with its nearest miss (the latest expiry, a termination, an
// unsigned draft); one that never had any, in creation order up to the limit.
Status Flags::Agreements(std::vector<Flag>& out, int64_t& count) {
  auto requirements = Requirements();
  if (requirements.empty()) return Ok();
  using Key = std::pair<std::string, std::string>;  // party, agreement type
  std::set<Key> executed;
  std::map<Key, Flag> lapsed;
  // What is in force: ids only (no document is read for the many executed agreements).
  auto in_force = tx_.Query(
      "SELECT party_id, tag FROM rm_objects WHERE kind = 'agreement' AND to_idx = ? AND "
      "status = 'executed'",
      {kOpenVersion});
  if (!in_force.ok()) return std::move(in_force).error();
  for (const auto& row : *in_force) executed.insert({row.Text(0), row.Text(1)});
  auto agreements = tx_.Query(
      "SELECT party_id, tag, id, status, doc FROM rm_objects WHERE kind = 'agreement' AND "
      "to_idx = ? AND status IN ('expired', 'terminated', 'draft', 'sent')",
      {kOpenVersion});
  if (!agreements.ok()) return std::move(agreements).error();
  for (const auto& row : *agreements) {
    Key key{row.Text(0), row.Text(1)};
    std::string status = row.Text(3);
    auto doc = domain::ParseStateDoc(row.Text(4));
    if (!doc) continue;
    int rank = status == "expired" ? 0 : status == "terminated" ? 1 : 2;
    std::string since = rank == 0   ? StateString(*doc, "expires_at")
                        : rank == 1 ? StateString(*doc, "updated_at")
                                    : "";
    auto it = lapsed.find(key);
    if (it != lapsed.end() &&
        (it->second.rank < rank || (it->second.rank == rank && it->second.since >= since))) {
      continue;
    }
    std::string words = TypeWords(key.second);
    std::string detail = rank == 0   ? "The " + words + " expired on " + Day(since)
                         : rank == 1 ? "The " + words + " was terminated on " + Day(since)
                                     : WithArticle(words) + " is drafted but not signed";
    Flag f{rank, "", FlagItem("agreement_missing", key.first, "No " + words + " in force")};
    if (rank < 2) SetSince(f, since);
    f.item["agreement_id"] = row.Text(2);
    f.item["detail"] = rank < 2 ? detail + " (" + DaysText(DaysOf(f)) + ")" : detail;
    lapsed[key] = std::move(f);
  }
  // Parties that handle ePHI through a service (the party's own categories are read below).
  std::set<std::string> ephi_services;
  bool any_ephi_only = std::any_of(requirements.begin(), requirements.end(),
                                   [](const Requirement& r) { return r.ephi_only; });
  if (any_ephi_only) {
    // Stored documents are canonical: the flag is spelled exactly so.
    auto rows = tx_.Query(
        "SELECT party_id FROM rm_objects WHERE kind = 'service' AND to_idx = ? AND "
        "doc LIKE '%\"handles_ephi\":true%'",
        {kOpenVersion});
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& r : *rows) ephi_services.insert(r.Text(0));
  }
  size_t missing = 0;
  for (const char* kind : {"customer", "partner", "subcontractor", "contracted_developer"}) {
    std::vector<const Requirement*> mine;
    bool needs_ephi = false;
    for (const auto& r : requirements) {
      if (r.party_kind != kind) continue;
      mine.push_back(&r);
      needs_ephi = needs_ephi || r.ephi_only;
    }
    if (mine.empty()) continue;
    auto parties = tx_.Query(
        needs_ephi ? "SELECT id, CASE WHEN doc LIKE '%\"ephi\"%' THEN 1 ELSE 0 END FROM "
                     "rm_objects WHERE kind = 'party' AND to_idx = ? AND status = 'active' AND "
                     "tag = ? ORDER BY id"
                   : "SELECT id, 0 FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND "
                     "status = 'active' AND tag = ? ORDER BY id",
        {kOpenVersion, std::string(kind)});
    if (!parties.ok()) return std::move(parties).error();
    for (const auto& row : *parties) {
      const std::string& party = row.Text(0);
      bool ephi = row.Int(1) != 0 || ephi_services.contains(party);
      for (const Requirement* r : mine) {
        if (r->ephi_only && !ephi) continue;
        Key key{party, r->type};
        if (executed.contains(key)) continue;
        ++count;
        if (auto it = lapsed.find(key); it != lapsed.end()) {
          out.push_back(std::move(it->second));
          lapsed.erase(it);
        } else if (missing < limit_) {
          ++missing;
          std::string words = TypeWords(r->type);
          Flag f{3, "", FlagItem("agreement_missing", party, "No " + words + " in force")};
          f.item["detail"] = "No " + words + " was ever signed";
          out.push_back(std::move(f));
        }
      }
    }
  }
  for (auto& f : out) {
    std::string party = StateString(f.item, "id");
    f.item["party_id"] = party;
    f.item["href"] = "/parties/" + party + "#sec-agreements";
  }
  return Ok();
}

Status Flags::Soc2(std::vector<Flag>& out, int64_t& count) {
  const policy::ReviewsPolicy& policy = profile_.reviews;
  // The scheduler's own list (review_schedule.cc): active infrastructure partners.
  auto rows = tx_.Query(
      "SELECT id FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND status = 'active' "
      "AND tag IN ('partner', 'subcontractor') AND doc LIKE '%\"infrastructure_partner\":true%'",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return Ok();
  std::map<std::string, std::vector<json::object>> reports;
  auto report_rows =
      tx_.Query("SELECT party_id, doc FROM rm_objects WHERE kind = 'soc2_report' AND to_idx = ?",
                {kOpenVersion});
  if (!report_rows.ok()) return std::move(report_rows).error();
  for (const auto& r : *report_rows) {
    if (auto doc = domain::ParseStateDoc(r.Text(1))) reports[r.Text(0)].push_back(std::move(*doc));
  }
  // Counted in full; only the ones shown are written out (the schedule's own list may hold
  // thousands of partners that never sent a report).
  struct Gap {
    int rank;
    std::string since, party, reason;
  };
  std::vector<Gap> gaps;
  static const std::vector<json::object> kNone;
  for (const auto& row : *rows) {
    std::string party = row.Text(0);
    auto it = reports.find(party);
    const auto& mine = it == reports.end() ? kNone : it->second;
    std::string gap = review_support::Soc2GapOf(mine, now_, policy);
    if (gap.empty()) continue;
    ++count;
    // Since the last review stopped counting (its age limit), when there was one.
    std::string latest;
    for (const auto& r : mine) latest = std::max(latest, StateString(r, "reviewed_at"));
    std::string since;
    if (auto t = When(latest)) {
      since = FormatRfc3339(*t + std::chrono::months(policy.soc2_max_age_months));
    }
    gaps.push_back({since.empty() ? 1 : 0, since, party, std::move(gap)});
  }
  std::stable_sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.since < b.since;
  });
  if (gaps.size() > limit_) gaps.resize(limit_);
  for (auto& g : gaps) {
    Flag f{g.rank, "", FlagItem("soc2_missing", g.party, "No current SOC 2 review")};
    if (!g.since.empty()) SetSince(f, g.since);
    g.reason[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(g.reason[0])));
    f.item["detail"] = my_work_text::HumanDates(g.reason);
    f.item["party_id"] = g.party;
    f.item["href"] = "/parties/" + g.party + "#sec-soc2";
    out.push_back(std::move(f));
  }
  return Ok();
}

Status Flags::Reviews(std::vector<Flag>& out, int64_t& count) {
  std::string now = FormatRfc3339(now_);
  auto n = tx_.QueryOne("SELECT COUNT(*) FROM rm_reviews WHERE is_open = 1 AND due_at < ?", {now});
  if (!n.ok()) return std::move(n).error();
  count += n->has_value() ? (*n)->Int(0) : 0;
  auto rows = tx_.Query(
      "SELECT o.doc FROM rm_reviews r JOIN rm_objects o ON o.kind = 'review' AND o.id = r.id "
      "AND o.to_idx = ? WHERE r.is_open = 1 AND r.due_at < ? ORDER BY r.due_at, r.id LIMIT ?",
      {kOpenVersion, now, static_cast<int64_t>(limit_)});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc) continue;
    std::string id = StateString(*doc, "id");
    Flag f{0, "", FlagItem("review_overdue", id, StateString(*doc, "title"))};
    SetSince(f, StateString(*doc, "due_at"));
    f.item["detail"] = "Was due " + DaysText(DaysOf(f));
    if (std::string party = StateString(*doc, "party_id"); !party.empty()) {
      f.item["party_id"] = party;
    }
    f.item["href"] = "/reviews/" + id;
    out.push_back(std::move(f));
  }
  return Ok();
}

Status Flags::Findings(std::vector<Flag>& out, int64_t& count) {
  std::string now = FormatRfc3339(now_);
  auto rows = tx_.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? AND "
      "status IN ('open', 'acceptance_requested')",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc) continue;
    std::string due = StateString(*doc, "due_at");
    if (due.empty() || due >= now) continue;
    ++count;
    Flag f{0, "", FlagItem("finding_overdue", StateString(*doc, "id"), StateString(*doc, "title"))};
    SetSince(f, due);
    f.item["detail"] =
        my_work_text::Severity(StateString(*doc, "severity")) + ", was due " + DaysText(DaysOf(f));
    if (std::string party = StateString(*doc, "party_id"); !party.empty()) {
      f.item["party_id"] = party;
    }
    f.item["href"] = my_work_text::FindingHref(*doc);
    out.push_back(std::move(f));
  }
  return Ok();
}

Result<std::vector<std::string>> Flags::RequiredTypes(const json::object& party) {
  auto kind = policy::ParsePartyKind(StateString(party, "kind"));
  if (!kind) return std::vector<std::string>{};
  bool ephi = false;
  if (const json::value* c = party.if_contains("data_categories"); c && c->is_array()) {
    for (const auto& v : c->as_array()) ephi = ephi || (v.is_string() && v.as_string() == "ephi");
  }
  if (!ephi) {
    auto services = LiveChildren(tx_, "service", "party_id", StateString(party, "id"));
    if (!services.ok()) return std::move(services).error();
    for (const auto& s : *services) {
      const json::value* h = s.doc.if_contains("handles_ephi");
      ephi = ephi || (h && h->is_bool() && h->as_bool());
    }
  }
  std::vector<std::string> out;
  auto required = profile_.access.RequiredFor(*kind, ephi);
  for (int t = 0; t <= static_cast<int>(policy::AgreementType::kDpa); ++t) {
    auto type = static_cast<policy::AgreementType>(t);
    if (required.Has(type)) out.emplace_back(policy::Name(type));
  }
  return out;
}

// Approved access whose end is still ahead, against each agreement its party needs: the
// latest-ending executed one must last as long as the access.
Status Flags::Grants(std::vector<Flag>& out, int64_t& count) {
  std::string now = FormatRfc3339(now_);
  auto rows = tx_.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'grant' AND to_idx = ? AND status = 'approved' "
      "ORDER BY id",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::map<std::string, std::vector<std::string>> required;           // party → types
  std::map<std::string, std::map<std::string, std::string>> longest;  // party → type → end
  for (const auto& row : *rows) {
    auto grant = domain::ParseStateDoc(row.Text(0));
    if (!grant) continue;
    std::string end = StateString(*grant, "end_at");
    if (end <= now) continue;
    std::string party = StateString(*grant, "party_id");
    if (!required.contains(party)) {
      auto p = GetObject(tx_, "party", party, Scope{});
      if (!p.ok()) return std::move(p).error();
      std::vector<std::string> types;
      if (p->has_value()) {
        auto t = RequiredTypes((*p)->doc);
        if (!t.ok()) return std::move(t).error();
        types = std::move(*t);
      }
      required[party] = types;
      auto agreements = LiveChildren(tx_, "agreement", "party_id", party);
      if (!agreements.ok()) return std::move(agreements).error();
      for (const auto& a : *agreements) {
        if (StateString(a.doc, "status") != "executed") continue;
        std::string expires = StateString(a.doc, "expires_at");
        std::string& best = longest[party][StateString(a.doc, "type")];
        // "~" sorts after any time: an agreement without an end lasts.
        std::string key = expires.empty() ? "~" : expires;
        if (key > best) best = key;
      }
    }
    for (const auto& type : required[party]) {
      std::string best = longest[party][type];
      std::string words = TypeWords(type);
      if (!best.empty() && (best == "~" || best >= end)) continue;
      ++count;
      std::string id = StateString(*grant, "id");
      Flag f{best.empty() ? 0 : 1, "",
             FlagItem("grant_outlives_agreement", id, "Access outlasts its " + words)};
      f.item["party_id"] = party;
      f.item["detail"] =
          best.empty()
              ? "No " + words + " is in force; the access runs to " + Day(end)
              : "The " + words + " ends on " + Day(best) + "; the access runs to " + Day(end);
      if (!best.empty()) SetSince(f, best);
      f.item["href"] = "/access#grant-" + id;
      out.push_back(std::move(f));
    }
  }
  return Ok();
}

// TR-11: public subprocessors (listed or planned) whose agreements in force do not make a
// data-use commitment we publish that applies to them, without an exception.
Status Flags::Commitments(std::vector<Flag>& out, int64_t& count) {
  auto rows = tx_.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND status IN ('active', "
      "'onboarding') AND doc LIKE '%\"public_subprocessor\":true%' ORDER BY id",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto party = domain::ParseStateDoc(row.Text(0));
    if (!party) continue;
    auto gaps = CommitmentGaps(tx_, *party, now_);
    if (!gaps.ok()) return std::move(gaps).error();
    std::string id = StateString(*party, "id");
    for (const auto& g : *gaps) {
      ++count;
      Flag f{0, "", FlagItem("commitment_missing", id, "Not bound to " + DataUseWords(g.key))};
      SetSince(f, g.since);
      f.item["detail"] = "We publish \"" + g.statement +
                         "\", but its agreements in force do not say so: add the clause to its "
                         "agreement or record an exception with a reason";
      f.item["party_id"] = id;
      f.item["href"] = "/parties/" + id + "#sec-agreements";
      out.push_back(std::move(f));
    }
  }
  return Ok();
}

Result<json::array> Flags::Finish(std::vector<Flag>& flags) {
  std::stable_sort(flags.begin(), flags.end(), [](const Flag& a, const Flag& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.since < b.since;
  });
  if (flags.size() > limit_) flags.resize(limit_);
  json::array out;
  for (auto& f : flags) {
    std::string party = StateString(f.item, "party_id");
    if (!party.empty()) {
      auto name = names_.PartyName(party);
      if (!name.ok()) return std::move(name).error();
      f.item["party_name"] = *name;
    }
    out.push_back(std::move(f.item));
  }
  return out;
}

std::string_view GroupTitle(std::string_view kind) {
  if (kind == "agreement_missing") return "Required agreements not in force";
  if (kind == "soc2_missing") return "Infrastructure partners without a current SOC 2 review";
  if (kind == "review_overdue") return "Overdue reviews";
  if (kind == "finding_overdue") return "Overdue findings";
  if (kind == "commitment_missing") return "Subprocessors not bound to our published commitments";
  return "Access that outlasts its agreement";
}

}  // namespace

Result<json::object> RedFlags(Tx& tx, const policy::Profile& profile, TimePoint now, size_t limit) {
  Flags flags(tx, profile, now, limit);
  using Step = Status (Flags::*)(std::vector<Flag>&, int64_t&);
  constexpr Step kSteps[] = {&Flags::Agreements, &Flags::Soc2,   &Flags::Reviews,
                             &Flags::Findings,   &Flags::Grants, &Flags::Commitments};
  static_assert(std::size(kSteps) == std::size(kRedFlagKinds));
  json::array groups;
  int64_t total = 0;
  for (size_t i = 0; i < std::size(kSteps); ++i) {
    std::vector<Flag> found;
    int64_t count = 0;
    ACCORD_TRY((flags.*kSteps[i])(found, count));
    auto items = flags.Finish(found);
    if (!items.ok()) return std::move(items).error();
    total += count;
    groups.push_back(json::object{{"kind", kRedFlagKinds[i]},
                                  {"title", GroupTitle(kRedFlagKinds[i])},
                                  {"count", count},
                                  {"items", std::move(*items)}});
  }
  return json::object{{"at", FormatRfc3339(now)}, {"total", total}, {"groups", std::move(groups)}};
}

}  // namespace accord::storage
