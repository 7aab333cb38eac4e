// The registry's generic object machinery: finding a kind, lifecycles, rules across fields,
// building a new object and applying a patch, reading stored states. The kinds themselves
// are in registry_kinds.cc.
#include "accord/domain/registry.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/soc2.h"
#include "accord/domain/transport.h"

namespace accord::domain {

namespace json = boost::json;

namespace {

bool IsTrue(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

void CheckAgreement(const json::object& s, std::vector<ErrorDetail>& details) {
  std::string effective = StateString(s, "effective_at"), expires = StateString(s, "expires_at");
  if (!effective.empty() && !expires.empty() && expires <= effective) {
    details.push_back({"expires_at", "must be after effective_at", {}});
  }
  std::string type = StateString(s, "type"), status = StateString(s, "status");
  if (s.contains("baa") && type != "baa") {
    details.push_back({"baa", "only a baa agreement has a BAA checklist", {}});
  }
  if (s.contains("sla") && type != "sla") {
    details.push_back({"sla", "only an sla agreement has SLA sections", {}});
  }
  if (std::string rule = StateString(s, "review_rrule"); !rule.empty()) {
    if (type != "sla") {
      details.push_back({"review_rrule", "only an sla agreement has an SLA review cadence", {}});
    } else if (auto parsed = ParseRRule(rule, "review_rrule"); !parsed.ok()) {
      for (const auto& d : parsed.error().details) details.push_back(d);
    } else if (parsed->count || parsed->until) {
      details.push_back({"review_rrule", "must not end: remove COUNT/UNTIL", {}});
    }
  }
  if (status != "executed") return;
  if (effective.empty()) {
    details.push_back({"effective_at", "is required before the agreement is executed", {}});
  }
  if (type == "baa") {
    const json::value* baa = s.if_contains("baa");
    json::object empty;
    const json::object& b = baa && baa->is_object() ? baa->as_object() : empty;
    for (const char* item : {"safeguards", "subcontractor_flow_down", "incident_reporting"}) {
      if (!IsTrue(b, item)) {
        details.push_back({std::string("baa.") + item,
                           "must be confirmed (HIPAA 164.314(a)(2)(i)) before the BAA is executed",
                           {}});
      }
    }
    if (StateString(b, "responsibilities").empty()) {
      details.push_back(
          {"baa.responsibilities", "must be assigned before the BAA is executed", {}});
    }
  }
  if (type == "sla") {
    const json::value* sla = s.if_contains("sla");
    json::object empty;
    const json::object& o = sla && sla->is_object() ? sla->as_object() : empty;
    for (const char* item :
         {"liability", "service_definitions", "security_controls", "service_management"}) {
      if (!IsTrue(o, item)) {
        details.push_back({std::string("sla.") + item,
                           "must be covered before the SLA is executed (3rd Party Policy)",
                           {}});
      }
    }
  }
}

}  // namespace

const KindSpec* FindKind(std::string_view kind) {
  for (const auto& k : RegistryKinds()) {
    if (k.kind == kind) return &k;
  }
  return nullptr;
}

bool IsRegistryKind(std::string_view kind) { return FindKind(kind) != nullptr; }

std::string StatusList(const std::vector<std::string>& statuses) {
  if (statuses.empty()) return "none (final)";
  std::string out;
  for (const auto& s : statuses) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::optional<json::object> ParseStateDoc(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

std::string StateString(const json::object& state, std::string_view key) {
  const json::value* v = state.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

const json::array& StateArray(const json::object& state, std::string_view key) {
  static const json::array kEmpty;
  const json::value* v = state.if_contains(key);
  return v && v->is_array() ? v->as_array() : kEmpty;
}

std::string InherentRiskTier(const json::object& party) {
  int score = 0;
  if (const json::value* cats = party.if_contains("data_categories"); cats && cats->is_array()) {
    for (const auto& c : cats->as_array()) {
      if (c == "ephi") score += 3;
      if (c == "pii" || c == "financial" || c == "credentials") score += 2;
      if (c == "confidential") score += 1;
    }
  }
  std::string access = StateString(party, "access_level");
  if (access == "production") score += 3;
  if (access == "non_production") score += 1;
  std::string criticality = StateString(party, "criticality");
  if (criticality == "high") score += 3;
  if (criticality == "medium") score += 1;
  if (score >= 6) return "high";
  if (score >= 3) return "medium";
  return "low";
}

void CheckObject(const KindSpec& spec, const json::object& state,
                 std::vector<ErrorDetail>& details) {
  if (spec.kind == "agreement") CheckAgreement(state, details);
  if (spec.kind == "certification") {
    std::string from = StateString(state, "valid_from"), until = StateString(state, "valid_until");
    if (!from.empty() && !until.empty() && until <= from) {
      details.push_back({"valid_until", "must be after valid_from", {}});
    }
  }
  if (spec.kind == "soc2_report") {
    std::string start = StateString(state, "period_start"), end = StateString(state, "period_end");
    if (StateString(state, "type") == "type2" && start.empty()) {
      details.push_back(
          {"period_start", "is required for a Type II report (its audit period)", {}});
    }
    if (!start.empty() && !end.empty() && end <= start) {
      details.push_back({"period_end", "must be after period_start", {}});
    }
    std::string reviewed = StateString(state, "reviewed_at");
    if (!reviewed.empty() && !end.empty() && reviewed < end) {
      details.push_back({"reviewed_at", "must not be before period_end", {}});
    }
    CheckSoc2Controls(state, details);
  }
  if (spec.kind == "system") CheckEndpoints(state, details);
  if (spec.kind == "data_commitment") {
    std::string kind = StateString(state, "evidence_kind"), id = StateString(state, "evidence_id");
    if (kind.empty() && !id.empty()) {
      details.push_back({"evidence_kind", "is required with evidence_id", {}});
    } else if ((kind == "document" || kind == "certification") && id.empty()) {
      details.push_back({"evidence_id", "is required: the " + kind + " that backs it", {}});
    } else if (kind == "agreement_clause" && id.empty() &&
               StateString(state, "evidence_note").empty()) {
      details.push_back(
          {"evidence_note", "names the clause (or give the agreement as evidence_id)", {}});
    }
  }
  if (spec.kind == "dpf_participation") {
    std::string url = StateString(state, "listing_url");
    if (!url.empty() && !url.starts_with("https://")) {
      details.push_back({"listing_url", "must be an https:// address", {}});
    }
  }
  if (spec.kind == "control" && StateString(state, "type") == "infrastructure_permission" &&
      StateString(state, "system_id").empty()) {
    details.push_back({"system_id", "is required for an infrastructure_permission", {}});
  }
  std::string next = StateString(state, "next_due_at"), date = StateString(state, "date");
  if (!next.empty() && !date.empty() && next <= date) {
    details.push_back({"next_due_at", "must be after date", {}});
  }
}

namespace {

void Finish(const KindSpec& spec, json::object& state) {
  if (spec.kind == "party") state["risk_tier"] = InherentRiskTier(state);
  // An officer's recorded override (a questionnaire's suggestion, issue 28) outlives edits.
  if (const json::value* o = state.if_contains("risk_tier_override");
      spec.kind == "party" && o && o->is_object()) {
    state["risk_tier"] = StateString(o->as_object(), "tier");
  }
  if (spec.kind == "system") MarkPlaintextEndpoints(state);
}

std::string InitialStatus(const KindSpec& spec, const json::object& state) {
  if (spec.kind == "party") return "prospect";
  if (spec.kind == "agreement") return "draft";
  // A SOC 2 report recorded with its review is reviewed; otherwise it awaits one.
  if (spec.kind == "soc2_report") return state.contains("reviewed_at") ? "reviewed" : "submitted";
  return "";
}

}  // namespace

Result<json::object> NewObject(const KindSpec& spec, const json::object& body, std::string id,
                               std::string parent_id, TimePoint now) {
  std::vector<ErrorDetail> details;
  json::object state;
  ValidateFields(spec.fields, body, false, "", state, details);
  if (!spec.status_field.empty() && !state.contains(spec.status_field)) {
    state[spec.status_field] = InitialStatus(spec, state);
  }
  if (details.empty()) CheckObject(spec, state, details);
  if (!details.empty()) return ValidationErrors(std::move(details));
  if (spec.kind == "party" && !state.contains("criticality")) state["criticality"] = "medium";
  state["id"] = std::move(id);
  if (!spec.parent_kind.empty()) state[spec.parent_kind + "_id"] = std::move(parent_id);
  std::string at = FormatRfc3339(now);
  state["created_at"] = at;
  state["updated_at"] = at;
  state["version"] = 1;
  Finish(spec, state);
  return state;
}

Result<json::object> PatchObject(const KindSpec& spec, const json::object& current,
                                 const json::object& body, TimePoint now,
                                 std::vector<std::string>& changed, NextStatusesFn next_statuses) {
  std::vector<ErrorDetail> details;
  json::object state = current;
  ValidateFields(spec.fields, body, true, "", state, details);
  if (details.empty() && !spec.status_field.empty()) {
    std::string from = StateString(current, spec.status_field);
    std::string to = StateString(state, spec.status_field);
    std::vector<std::string> next = next_statuses(spec.kind, from);
    if (to.empty()) {
      // null cleared it: every object with a lifecycle is always in some status.
      details.push_back(
          {spec.status_field, "cannot be null; allowed next: " + StatusList(next), {}});
    } else if (from != to && std::find(next.begin(), next.end(), to) == next.end()) {
      details.push_back(
          {spec.status_field,
           "cannot change from " + from + " to " + to + "; allowed next: " + StatusList(next),
           {}});
    }
  }
  if (details.empty()) CheckObject(spec, state, details);
  if (!details.empty()) return ValidationErrors(std::move(details));
  Finish(spec, state);
  for (const auto& [key, value] : state) {
    const json::value* before = current.if_contains(key);
    if (!before || *before != value) changed.emplace_back(key);
  }
  for (const auto& [key, value] : current) {
    if (!state.contains(key)) changed.emplace_back(key);
  }
  if (changed.empty()) return state;
  state["updated_at"] = FormatRfc3339(now);
  const json::value* version = current.if_contains("version");
  state["version"] = (version && version->is_int64() ? version->as_int64() : 0) + 1;
  return state;
}

std::string WithArticle(std::string_view noun) {
  bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

std::string KindTitle(const KindSpec& spec) {
  std::string t = spec.kind;
  for (char& ch : t) {
    if (ch == '_') ch = ' ';
  }
  return t;
}

}  // namespace accord::domain
