#include "accord/storage/object_views.h"

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/event.h"
#include "accord/domain/registry.h"
#include "accord/policy/changes_profile.h"
#include "accord/storage/agreement_renewal.h"
#include "accord/storage/change_requests.h"
#include "accord/storage/grants.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/review_context.h"
#include "accord/workflow/account.h"
#include "accord/workflow/agreement.h"
#include "accord/workflow/change_notice.h"
#include "accord/workflow/change_request.h"
#include "accord/workflow/entitlement_line.h"
#include "accord/workflow/finding.h"
#include "accord/workflow/grant.h"
#include "accord/workflow/report_request.h"
#include "accord/workflow/review.h"
#include "accord/workflow/soc2_report.h"
#include "accord/workflow/vendor_incident.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

bool IsActorRef(const json::object& o) {
  const json::value* id = o.if_contains("id");
  const json::value* role = o.if_contains("role");
  return id && id->is_string() && role && role->is_string();
}

template <class Action, class NameOf>
json::array ActionNames(const std::vector<Action>& actions, NameOf name_of) {
  json::array out;
  for (Action a : actions) out.emplace_back(name_of(a));
  return out;
}

// The kinds whose item view carries its history (a report request keeps its own).
bool KeepsHistory(std::string_view kind) {
  return kind == "review" || kind == "finding" || kind == "change_notice" || kind == "grant" ||
         kind == "soc2_report" || kind == "change_request" || kind == "vendor_incident";
}

json::array ReviewActions(const Viewer& v, const json::object& doc) {
  namespace wf = workflow::review;
  auto state = wf::ParseState(StateString(doc, "status"));
  if (!state || !v.profile) return {};
  wf::Caller caller{v.id, v.role, v.break_glass};
  return ActionNames(
      wf::AllowedActions(v.profile->reviews, caller, *state, review_support::ReviewFacts(doc),
                         !StateString(doc, "party_id").empty()),
      [](wf::Action a) { return wf::Name(a); });
}

json::array GrantActions(const Viewer& v, const json::object& doc, TimePoint now) {
  namespace wf = workflow::grant;
  auto state = wf::ParseState(StateString(doc, "status"));
  if (!state || !v.profile) return {};
  bool ended = EffectiveStatus(doc, now) == "expired";
  std::vector<wf::Action> actions = wf::AllowedActions(
      v.profile->access, v.id, v.role, *state, ended, domain::ActorIdOf(doc, "requested_by"));
  if (v.break_glass) std::erase_if(actions, [](wf::Action a) { return wf::BreakGlassRefusal(a); });
  return ActionNames(actions, [](wf::Action a) { return wf::Name(a); });
}

// The workflow kinds, listed across parties: their items name their party and the people who
// acted. A party's own records (services, agreements …) are read under it, and answer as
// they were written.
bool NamesParty(std::string_view kind) {
  return kind == "review" || kind == "finding" || kind == "change_notice" ||
         kind == "report_request" || kind == "grant" || kind == "soc2_report" ||
         kind == "change_request" || kind == "vendor_incident";
}

// A kind without person rules: the table and the caller's role.
template <class Workflow, class Allowed>
json::array SimpleActions(const json::object& doc, Allowed allowed) {
  auto state = Workflow::ParseState(StateString(doc, "status"));
  if (!state) return {};
  return ActionNames(allowed(*state), [](auto a) { return Workflow::Name(a); });
}

struct FindingFlow {
  static auto ParseState(std::string_view s) { return workflow::finding::ParseState(s); }
  static auto Name(workflow::finding::Action a) { return workflow::finding::Name(a); }
};
struct ChangeFlow {
  static auto ParseState(std::string_view s) { return workflow::change_notice::ParseState(s); }
  static auto Name(workflow::change_notice::Action a) { return workflow::change_notice::Name(a); }
};
struct Soc2Flow {
  static auto ParseState(std::string_view s) {
    return std::optional(workflow::soc2_report::StateOf(s));
  }
  static auto Name(workflow::soc2_report::Action a) { return workflow::soc2_report::Name(a); }
};
struct VendorIncidentFlow {
  static auto ParseState(std::string_view s) { return workflow::vendor_incident::ParseState(s); }
  static auto Name(workflow::vendor_incident::Action a) {
    return workflow::vendor_incident::Name(a);
  }
};
struct RequestFlow {
  static auto ParseState(std::string_view s) { return workflow::report_request::ParseState(s); }
  static auto Name(workflow::report_request::Action a) { return workflow::report_request::Name(a); }
};

// A change request's steps for this caller (TR-5); an emergency change's retrospective review
// is overdue past its due time, by the clock (never stored).
json::array ChangeRequestActions(const Viewer& v, json::object& doc, TimePoint now) {
  namespace wf = workflow::change_request;
  auto state = wf::ParseState(StateString(doc, "status"));
  if (!state) return {};
  std::string due = StateString(doc, "retrospective_due_at");
  doc["retrospective_overdue"] =
      wf::AwaitsRetrospective(*state) && !due.empty() && FormatRfc3339(now) > due;
  if (!v.profile) return {};
  const json::value* e = doc.if_contains("emergency");
  bool emergency = e && e->is_bool() && e->as_bool();
  wf::Caller caller{v.id, v.role, v.break_glass};
  return ActionNames(wf::AllowedActions(policy::ChangesPolicyOf(v.profile), v.profile->separation,
                                        caller, *state, emergency, DutiesOf(doc)),
                     [](wf::Action a) { return wf::Name(a); });
}

json::array ActionsFor(const Viewer& v, std::string_view kind, json::object& doc, TimePoint now) {
  if (kind == "review") return ReviewActions(v, doc);
  if (kind == "grant") return GrantActions(v, doc, now);
  if (kind == "finding") {
    // Separation of duties: who asked to accept the risk does not approve it.
    std::string requested_by;
    if (const json::value* ra = doc.if_contains("risk_acceptance"); ra && ra->is_object()) {
      requested_by = domain::ActorIdOf(ra->as_object(), "requested_by");
    }
    bool self_ok = v.profile && v.profile->separation.AllowsSelfApproval("finding.approve_risk");
    return SimpleActions<FindingFlow>(doc, [&](workflow::finding::State s) {
      return workflow::finding::AllowedActions(v.role, v.break_glass, s, v.id, requested_by,
                                               self_ok);
    });
  }
  if (kind == "change_notice" && v.profile) {
    return SimpleActions<ChangeFlow>(doc, [&](workflow::change_notice::State s) {
      return workflow::change_notice::AllowedActions(v.profile->reviews, v.role, v.break_glass, s);
    });
  }
  if (kind == "soc2_report" && v.profile) {
    return SimpleActions<Soc2Flow>(doc, [&](workflow::soc2_report::State s) {
      return workflow::soc2_report::AllowedActions(v.profile->reviews, v.role, v.break_glass, s);
    });
  }
  if (kind == "change_request") return ChangeRequestActions(v, doc, now);
  if (kind == "vendor_incident") {
    return SimpleActions<VendorIncidentFlow>(doc, [&](workflow::vendor_incident::State s) {
      return workflow::vendor_incident::AllowedActions(v.role, v.break_glass, s);
    });
  }
  if (kind == "report_request") {
    return SimpleActions<RequestFlow>(doc, [&](workflow::report_request::State s) {
      return workflow::report_request::AllowedActions(v.role, v.break_glass, s);
    });
  }
  return {};
}

}  // namespace

Result<std::string> NameCache::NameOf(const std::string& id) {
  if (auto it = names_.find(id); it != names_.end()) return it->second;
  std::string name;
  if (id.starts_with("usr_")) {
    auto user = GetObject(tx_, "user", id, Scope{});
    if (!user.ok()) return std::move(user).error();
    if (user->has_value()) {
      name = StateString((*user)->doc, "name");
      if (name.empty()) name = StateString((*user)->doc, "email");
    }
  }
  names_.emplace(id, name);
  return name;
}

Result<std::string> NameCache::PartyName(const std::string& id) {
  if (auto it = parties_.find(id); it != parties_.end()) return it->second;
  auto party = GetObject(tx_, "party", id, Scope{});
  if (!party.ok()) return std::move(party).error();
  std::string name = party->has_value() ? StateString((*party)->doc, "name") : "";
  parties_.emplace(id, name);
  return name;
}

Status NameCache::Name(json::object& doc) {
  auto name_one = [&](json::object& ref) -> Status {
    if (!IsActorRef(ref) || ref.contains("name")) return Ok();
    auto name = NameOf(std::string(ref.at("id").as_string()));
    if (!name.ok()) return std::move(name).error();
    if (!name->empty()) ref["name"] = *name;
    return Ok();
  };
  // Two levels: a field ({by}), a field's member (documentation.documented_by) or a list's
  // items (rejections[].by, history[].by).
  for (auto& [key, value] : doc) {
    (void)key;
    if (value.is_object()) {
      ACCORD_TRY(name_one(value.as_object()));
      for (auto& [k2, inner] : value.as_object()) {
        (void)k2;
        if (inner.is_object()) ACCORD_TRY(name_one(inner.as_object()));
      }
    } else if (value.is_array()) {
      for (auto& item : value.as_array()) {
        if (!item.is_object()) continue;
        ACCORD_TRY(name_one(item.as_object()));
        for (auto& [k2, inner] : item.as_object()) {
          (void)k2;
          if (inner.is_object()) ACCORD_TRY(name_one(inner.as_object()));
        }
      }
    }
  }
  return Ok();
}

Result<json::array> ObjectHistory(Tx& tx, NameCache& names, std::string_view kind,
                                  std::string_view id, std::optional<int64_t> as_of) {
  std::string sql = "SELECT from_idx, status FROM rm_objects WHERE kind = ? AND id = ?";
  std::vector<Value> params{std::string(kind), std::string(id)};
  if (as_of) {
    sql += " AND from_idx < ?";
    params.emplace_back(*as_of);
  }
  auto rows = tx.Query(sql + " ORDER BY from_idx", params);
  if (!rows.ok()) return std::move(rows).error();
  json::array out;
  for (const auto& r : *rows) {
    auto leaf = ReadLeaf(tx, static_cast<uint64_t>(r.Int(0)));
    if (!leaf.ok()) return std::move(leaf).error();
    auto event = domain::ParseStateDoc(leaf->leaf);
    if (!event) continue;
    std::string type = StateString(*event, "type");
    size_t dot = type.find('.');
    json::object entry{{"action", dot == std::string::npos ? type : type.substr(dot + 1)},
                       {"status", r.Text(1)},
                       {"at", StateString(*event, "time")}};
    json::object by{{"id", "system"}, {"role", "system"}};
    if (const json::value* a = event->if_contains("actor"); a && a->is_object()) {
      by = a->as_object();
    }
    auto name = names.NameOf(StateString(by, "id"));
    if (!name.ok()) return std::move(name).error();
    if (!name->empty()) by["name"] = *name;
    entry["by"] = std::move(by);
    if (const json::value* p = event->if_contains("payload"); p && p->is_object()) {
      for (const char* f : {"comment", "reason", "message"}) {
        std::string text = StateString(p->as_object(), f);
        if (!text.empty()) {
          entry["comment"] = text;
          break;
        }
      }
    }
    out.push_back(std::move(entry));
  }
  return out;
}

bool HasWorkflowView(std::string_view kind) { return kind == "review" || kind == "grant"; }

namespace {

// An agreement's actions need one fact from the store: whether a renewal of it stands.
Status AgreementActions(Tx& tx, const Viewer& v, json::object& view) {
  namespace wf = workflow::agreement;
  auto state = wf::ParseState(StateString(view, "status"));
  json::array out;
  if (state && v.profile) {
    auto facts = AgreementFacts(tx, view);
    if (!facts.ok()) return std::move(facts).error();
    out = ActionNames(wf::AllowedActions(v.role, *state, *facts),
                      [](wf::Action a) { return wf::Name(a); });
  }
  view["allowed_actions"] = std::move(out);
  return Ok();
}

// An account's actions (the identity admin's buttons) and, read on its own, its history.
Status AccountView(Tx& tx, NameCache& names, const Viewer& v, json::object& view, bool detail,
                   std::optional<int64_t> as_of) {
  namespace wf = workflow::account;
  json::array out;
  if (auto state = wf::ParseState(StateString(view, "status")); state && v.profile) {
    out = ActionNames(wf::AllowedActions(v.profile->identity, v.role, v.break_glass, v.id, *state,
                                         {StateString(view, "id")}),
                      [](wf::Action a) { return wf::Name(a); });
  }
  view["allowed_actions"] = std::move(out);
  if (!detail) return Ok();
  auto history = ObjectHistory(tx, names, "user", StateString(view, "id"), as_of);
  if (!history.ok()) return std::move(history).error();
  view["history"] = std::move(*history);
  return Ok();
}

// A campaign's lines each say what this caller may decide (never their own account's line).
Status CampaignView(NameCache& names, const Viewer& v, json::object& view) {
  namespace wf = workflow::entitlement_line;
  bool completed = StateString(view, "status") == "completed";
  json::value* lines = view.if_contains("lines");
  if (lines && lines->is_array()) {
    for (auto& item : lines->as_array()) {
      if (!item.is_object()) continue;
      json::object& line = item.as_object();
      std::string decision = StateString(line, "decision");
      auto state =
          decision.empty() ? std::optional(wf::State::kUndecided) : wf::ParseState(decision);
      json::array out;
      if (state && v.profile) {
        wf::Facts facts{.review_id = StateString(view, "id"),
                        .line_id = StateString(line, "line_id"),
                        .campaign_completed = completed,
                        .line_kind = StateString(line, "kind"),
                        .user_id = StateString(line, "user_id")};
        out = ActionNames(
            wf::AllowedActions(v.profile->identity, v.role, v.break_glass, v.id, *state, facts),
            [](wf::Action a) { return wf::Name(a); });
      }
      line["allowed_actions"] = std::move(out);
    }
  }
  return names.Name(view);
}

}  // namespace

Status DecorateView(Tx& tx, NameCache& names, const Viewer& viewer, std::string_view kind,
                    json::object& view, bool detail, TimePoint now, std::optional<int64_t> as_of) {
  // A document names who uploaded it (storage::StoreDocument answers the same).
  if (kind == "document") return names.Name(view);
  if (kind == "agreement") return AgreementActions(tx, viewer, view);
  if (kind == "user") return AccountView(tx, names, viewer, view, detail, as_of);
  if (kind == "entitlement_review") return CampaignView(names, viewer, view);
  if (!NamesParty(kind)) return Ok();
  // A report recorded before reports had a status was recorded with its review.
  if (kind == "soc2_report" && StateString(view, "status").empty()) view["status"] = "reviewed";
  view["allowed_actions"] = ActionsFor(viewer, kind, view, now);
  ACCORD_TRY(names.Name(view));
  if (std::string party_id = StateString(view, "party_id"); !party_id.empty()) {
    auto party = names.PartyName(party_id);
    if (!party.ok()) return std::move(party).error();
    view["party_name"] = *party;
  }
  // Who at our end reviewed a party's SOC 2 report is not for the party's contact.
  bool hide_history = kind == "soc2_report" && !viewer.sees_comments;
  if (detail && KeepsHistory(kind) && !hide_history) {
    auto history = ObjectHistory(tx, names, kind, StateString(view, "id"), as_of);
    if (!history.ok()) return std::move(history).error();
    if (!viewer.sees_comments) {
      for (auto& entry : *history) entry.as_object().erase("comment");
    }
    view["history"] = std::move(*history);
  }
  // A review read on its own says what it is about (as it stands now, so not for as_of).
  if (detail && kind == "review" && !as_of) {
    auto context = ReviewContext(tx, viewer, view);
    if (!context.ok()) return std::move(context).error();
    view["context"] = std::move(*context);
  }
  return Ok();
}

}  // namespace accord::storage
