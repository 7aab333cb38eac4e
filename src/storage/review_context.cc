#include "accord/storage/review_context.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "accord/domain/registry.h"
#include "accord/domain/role_titles.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/review.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

// A party's live objects of one kind (at ledger size `as_of` when given), at most `limit`.
Result<std::vector<StoredObject>> Of(Tx& tx, std::string kind, std::string party_id,
                                     std::string status = "",
                                     std::optional<int64_t> as_of = std::nullopt,
                                     size_t limit = 200) {
  ListQuery q;
  q.kind = std::move(kind);
  q.party_id = std::move(party_id);
  q.status = std::move(status);
  q.as_of = as_of;
  q.limit = limit;
  auto page = ListObjects(tx, q, Scope{});
  if (!page.ok()) return std::move(page).error();
  return std::move(page->items);
}

json::object Pick(const json::object& doc, std::initializer_list<const char*> keys) {
  json::object out;
  for (const char* k : keys) {
    if (const json::value* v = doc.if_contains(k); v && !v->is_null()) out[k] = *v;
  }
  return out;
}

// The names of a party's services and contacts, sorted: what the list review confirms.
struct PartyLine {
  json::object party;
  std::vector<std::string> services, contacts;
  int64_t version = 0;
};

Result<std::vector<std::string>> Names(Tx& tx, const char* kind, const std::string& party,
                                       std::optional<int64_t> as_of) {
  auto items = Of(tx, kind, party, "", as_of);
  if (!items.ok()) return std::move(items).error();
  std::vector<std::string> out;
  for (const auto& o : *items) out.push_back(StateString(o.doc, "name"));
  std::sort(out.begin(), out.end());
  return out;
}

// Partners and subcontractors (not offboarded) at `as_of`, by id.
Result<std::map<std::string, PartyLine>> PartnerLines(Tx& tx, std::optional<int64_t> as_of,
                                                      size_t& more) {
  std::map<std::string, PartyLine> out;
  for (const char* kind : {"partner", "subcontractor"}) {
    ListQuery q;
    q.kind = "party";
    q.tag = kind;
    q.as_of = as_of;
    q.limit = kPartnerListLimit + 1;
    auto page = ListObjects(tx, q, Scope{});
    if (!page.ok()) return std::move(page).error();
    for (const auto& p : page->items) {
      if (StateString(p.doc, "status") == "offboarded") continue;
      if (out.size() >= kPartnerListLimit) {
        ++more;
        continue;
      }
      PartyLine line;
      line.party = Pick(p.doc, {"id", "name", "kind", "status"});
      const json::value* v = p.doc.if_contains("version");
      line.version = v && v->is_int64() ? v->as_int64() : 0;
      auto services = Names(tx, "service", p.id, as_of);
      if (!services.ok()) return std::move(services).error();
      auto contacts = Names(tx, "contact", p.id, as_of);
      if (!contacts.ok()) return std::move(contacts).error();
      line.services = std::move(*services);
      line.contacts = std::move(*contacts);
      out.emplace(p.id, std::move(line));
    }
  }
  return out;
}

json::array Strings(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

// The list the partner-list review confirms, marked against the list as it stood when the
// last such review was approved.
Result<json::object> PartnerList(Tx& tx, const json::object& review) {
  ListQuery rq;
  rq.kind = "review";
  rq.tag = "partner_list_review";
  rq.status = "approved";
  rq.limit = 500;
  auto approved = ListObjects(tx, rq, Scope{});
  if (!approved.ok()) return std::move(approved).error();
  const StoredObject* last = nullptr;
  for (const auto& r : approved->items) {
    if (r.id == StateString(review, "id")) continue;
    if (!last || StateString(r.doc, "approved_at") > StateString(last->doc, "approved_at")) {
      last = &r;
    }
  }
  size_t more = 0, more_then = 0;
  auto now = PartnerLines(tx, std::nullopt, more);
  if (!now.ok()) return std::move(now).error();
  std::map<std::string, PartyLine> then;
  if (last) {
    auto t = PartnerLines(tx, last->from_idx + 1, more_then);
    if (!t.ok()) return std::move(t).error();
    then = std::move(*t);
  }
  json::array parties;
  for (const auto& [id, line] : *now) {
    json::object item = line.party;
    item["services"] = Strings(line.services);
    item["contacts"] = Strings(line.contacts);
    json::array changes;
    std::string change = "unchanged";
    if (last) {
      auto it = then.find(id);
      if (it == then.end()) {
        change = "added";
      } else {
        if (it->second.services != line.services) changes.emplace_back("services");
        if (it->second.contacts != line.contacts) changes.emplace_back("contacts");
        if (it->second.version != line.version) changes.emplace_back("details");
        if (!changes.empty()) change = "changed";
      }
    }
    item["change"] = change;
    item["changes"] = std::move(changes);
    parties.push_back(std::move(item));
  }
  json::array removed;
  for (const auto& [id, line] : then) {
    if (!now->contains(id)) removed.push_back(line.party);
  }
  json::object out{{"parties", std::move(parties)},
                   {"removed", std::move(removed)},
                   {"more", static_cast<int64_t>(more)}};
  out["since"] = last ? json::value(StateString(last->doc, "approved_at")) : json::value(nullptr);
  out["since_review_id"] = last ? json::value(last->id) : json::value(nullptr);
  return out;
}

// The documents the review's evidence and the party's answers name: id and file name.
Result<json::array> Documents(Tx& tx, const json::object& review) {
  std::vector<std::string> ids;
  auto add = [&](const json::value* list) {
    if (!list || !list->is_array()) return;
    for (const auto& v : list->as_array()) {
      if (v.is_string() && std::find(ids.begin(), ids.end(), v.as_string()) == ids.end()) {
        ids.emplace_back(v.as_string());
      }
    }
  };
  if (const json::value* d = review.if_contains("documentation"); d && d->is_object()) {
    add(d->as_object().if_contains("evidence"));
  }
  if (const json::value* rs = review.if_contains("party_responses"); rs && rs->is_array()) {
    for (const auto& r : rs->as_array()) {
      if (r.is_object()) add(r.as_object().if_contains("documents"));
    }
  }
  json::array out;
  for (const auto& id : ids) {
    auto doc = GetObject(tx, "document", id, Scope{});
    if (!doc.ok()) return std::move(doc).error();
    if (!doc->has_value()) continue;
    out.push_back(Pick((*doc)->doc, {"id", "filename", "content_type", "size"}));
  }
  return out;
}

// Why this caller cannot approve a documented review, in words, each with a link where the
// fix is elsewhere; null when the review is not waiting for approval.
Result<json::value> Approval(Tx& tx, const Viewer& viewer, const json::object& review) {
  if (StateString(review, "status") != "documented" || !viewer.profile) return json::value(nullptr);
  namespace wf = workflow::review;
  const policy::ReviewsPolicy& policy = viewer.profile->reviews;
  json::array reasons;
  auto reason = [&](std::string text, std::string href = "", std::string link = "") {
    json::object r{{"text", std::move(text)}};
    if (!href.empty()) r["href"] = std::move(href);
    if (!link.empty()) r["link_text"] = std::move(link);
    reasons.push_back(std::move(r));
  };
  if (viewer.break_glass) {
    reason("Not during emergency access: a review is approved by someone signed in as themselves.");
  } else if (wf::RoleRefusal(policy, viewer.role, false, wf::Action::kApprove)) {
    reason("Only " + domain::RoleList(policy.approve_roles) + " approves reviews.");
  } else if (wf::PersonRefusal(policy, viewer.id, review_support::ReviewFacts(review),
                               wf::Action::kApprove)) {
    reason("You documented this review, so someone else approves it (separation of duties).");
  }
  std::string notice_id = StateString(review, "change_notice_id");
  if (StateString(review, "review_kind") == "change_review" && !notice_id.empty()) {
    auto notice = GetObject(tx, "change_notice", notice_id, Scope{});
    if (!notice.ok()) return std::move(notice).error();
    std::string risk_id =
        notice->has_value() ? StateString((*notice)->doc, "risk_assessment_id") : std::string();
    if (!risk_id.empty()) {
      auto risk = GetObject(tx, "review", risk_id, Scope{});
      if (!risk.ok()) return std::move(risk).error();
      if (risk->has_value() && StateString((*risk)->doc, "status") != "approved") {
        reason("The change is substantial: its risk assessment must be approved first.",
               "/reviews/" + risk_id, StateString((*risk)->doc, "title"));
      }
    }
  }
  return json::value(json::object{{"blocked", !reasons.empty()}, {"reasons", std::move(reasons)}});
}

}  // namespace

Result<json::object> ReviewContext(Tx& tx, const Viewer& viewer, const json::object& review) {
  json::object out;
  std::string party_id = StateString(review, "party_id");
  out["party"] = nullptr;
  json::array agreements, soc2, findings;
  if (!party_id.empty()) {
    auto party = GetObject(tx, "party", party_id, Scope{});
    if (!party.ok()) return std::move(party).error();
    if (party->has_value()) out["party"] = Pick((*party)->doc, {"id", "name", "kind", "status"});
    auto agr = Of(tx, "agreement", party_id);
    if (!agr.ok()) return std::move(agr).error();
    for (const auto& a : *agr) agreements.push_back(ObjectView(a));
    auto reports = Of(tx, "soc2_report", party_id);
    if (!reports.ok()) return std::move(reports).error();
    for (const auto& r : *reports) {
      json::object brief = Pick(r.doc, {"id", "type", "period_start", "period_end", "auditor",
                                        "opinion", "status", "reviewed_at"});
      if (!brief.contains("status")) brief["status"] = "reviewed";
      soc2.push_back(std::move(brief));
    }
    auto open = Of(tx, "finding", party_id, "open");
    if (!open.ok()) return std::move(open).error();
    for (const auto& f : *open) {
      findings.push_back(Pick(f.doc, {"id", "title", "severity", "due_at", "status"}));
    }
  }
  out["agreements"] = std::move(agreements);
  out["soc2_reports"] = std::move(soc2);
  out["open_findings"] = std::move(findings);
  out["change_notice"] = nullptr;
  if (std::string notice_id = StateString(review, "change_notice_id"); !notice_id.empty()) {
    auto notice = GetObject(tx, "change_notice", notice_id, Scope{});
    if (!notice.ok()) return std::move(notice).error();
    if (notice->has_value()) {
      out["change_notice"] =
          Pick((*notice)->doc, {"id", "title", "description", "planned_at", "status",
                                "new_data_location", "new_subprocessor", "substantial",
                                "substantial_reasons", "risk_assessment_id", "change_review_id"});
    }
  }
  out["partner_list"] = nullptr;
  if (StateString(review, "review_kind") == "partner_list_review") {
    auto list = PartnerList(tx, review);
    if (!list.ok()) return std::move(list).error();
    out["partner_list"] = std::move(*list);
  }
  auto docs = Documents(tx, review);
  if (!docs.ok()) return std::move(docs).error();
  out["documents"] = std::move(*docs);
  auto approval = Approval(tx, viewer, review);
  if (!approval.ok()) return std::move(approval).error();
  out["approval"] = std::move(*approval);
  return out;
}

}  // namespace accord::storage
