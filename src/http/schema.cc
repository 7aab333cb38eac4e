// JSON Schema builders and the named components of the OpenAPI document.
#include "accord/http/schema.h"

#include <boost/json.hpp>

#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "incident_routes.h"

namespace accord::http::schema {

namespace json = boost::json;

object String() { return object{{"type", "string"}}; }
object Text(std::string_view description) {
  return object{{"type", "string"}, {"description", description}};
}
object Time() { return object{{"type", "string"}, {"format", "date-time"}}; }
object Int() { return object{{"type", "integer"}}; }
object Number() { return object{{"type", "number"}}; }
object Bool() { return object{{"type", "boolean"}}; }

object Enum(std::initializer_list<std::string_view> values) {
  json::array list;
  for (auto v : values) list.emplace_back(v);
  return object{{"type", "string"}, {"enum", std::move(list)}};
}

object ArrayOf(object items) { return object{{"type", "array"}, {"items", std::move(items)}}; }

object Nullable(object s) {
  if (s.contains("$ref")) return object{{"oneOf", json::array{s, object{{"type", "null"}}}}};
  json::value& type = s["type"];
  if (type.is_string()) type = json::array{type, "null"};
  if (json::value* values = s.if_contains("enum")) values->as_array().emplace_back(nullptr);
  return s;
}

object OneOf(std::initializer_list<object> alternatives) {
  json::array list;
  for (const auto& a : alternatives) list.emplace_back(a);
  return object{{"oneOf", std::move(list)}};
}

object AnyObject(std::string_view description) {
  return object{{"type", "object"}, {"description", description}, {"additionalProperties", true}};
}

object Object(std::initializer_list<std::pair<std::string_view, object>> required,
              std::initializer_list<std::pair<std::string_view, object>> optional) {
  object props;
  json::array names;
  for (const auto& [name, s] : required) {
    props[name] = s;
    names.emplace_back(name);
  }
  for (const auto& [name, s] : optional) props[name] = s;
  object out{{"type", "object"}, {"properties", std::move(props)}};
  if (!names.empty()) out["required"] = std::move(names);
  return out;
}

object Object(std::initializer_list<std::pair<std::string_view, object>> properties) {
  return Object(properties, {});
}

object Ref(std::string_view name) {
  return object{{"$ref", "#/components/schemas/" + std::string(name)}};
}

std::string KindComponent(std::string_view kind) {
  std::string out;
  bool upper = true;
  for (char c : kind) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

object KindRef(std::string_view kind) { return Ref(KindComponent(kind)); }

object Page(object item) {
  return Object({{"items", ArrayOf(std::move(item))}, {"next_cursor", Nullable(String())}});
}

object Deleted() {
  return Object({{"id", String()}, {"deleted", Bool()}, {"ledger_index", Int()}});
}

object ActorRef() { return Ref("Actor"); }

namespace {

object ErrorSchema() {
  object detail = Object({{"field", String()}, {"reason", String()}}, {{"line", Int()}});
  return Object({{"error", Object({{"code", String()},
                                   {"message", String()},
                                   {"details", ArrayOf(std::move(detail))}})}});
}

// What a review is about (storage/review_context.h), on a one-review read.
object ReviewContext() {
  object party =
      Object({{"id", String()}, {"name", String()}, {"kind", String()}}, {{"status", String()}});
  object named =
      Object({{"id", String()}, {"name", String()}}, {{"kind", String()}, {"status", String()}});
  object line = Object({{"id", String()},
                        {"name", String()},
                        {"kind", String()},
                        {"services", ArrayOf(String())},
                        {"contacts", ArrayOf(String())},
                        {"change", Enum({"added", "changed", "unchanged"})},
                        {"changes", ArrayOf(Enum({"services", "contacts", "details"}))}},
                       {{"status", String()}});
  object partner_list = Object({{"parties", ArrayOf(std::move(line))},
                                {"removed", ArrayOf(std::move(named))},
                                {"more", Int()},
                                {"since", Nullable(Time())},
                                {"since_review_id", Nullable(String())}});
  object soc2 = Object({{"id", String()},
                        {"type", String()},
                        {"period_end", Time()},
                        {"auditor", String()},
                        {"opinion", String()},
                        {"status", String()}},
                       {{"period_start", Time()}, {"reviewed_at", Time()}});
  object finding =
      Object({{"id", String()}, {"title", String()}, {"severity", String()}, {"status", String()}},
             {{"due_at", Time()}});
  object notice = Object({{"id", String()}, {"title", String()}, {"status", String()}},
                         {{"description", String()},
                          {"planned_at", Time()},
                          {"new_data_location", String()},
                          {"new_subprocessor", Bool()},
                          {"substantial", Bool()},
                          {"substantial_reasons", ArrayOf(String())},
                          {"risk_assessment_id", String()},
                          {"change_review_id", String()}});
  object document = Object({{"id", String()}, {"filename", String()}},
                           {{"content_type", String()}, {"size", Int()}});
  object reason = Object({{"text", String()}}, {{"href", String()}, {"link_text", String()}});
  object approval = Object({{"blocked", Bool()}, {"reasons", ArrayOf(std::move(reason))}});
  object out = Object({{"party", Nullable(std::move(party))},
                       {"agreements", ArrayOf(KindRef("agreement"))},
                       {"soc2_reports", ArrayOf(std::move(soc2))},
                       {"open_findings", ArrayOf(std::move(finding))},
                       {"change_notice", Nullable(std::move(notice))},
                       {"partner_list", Nullable(std::move(partner_list))},
                       {"documents", ArrayOf(std::move(document))},
                       {"approval", Nullable(std::move(approval))}});
  out["description"] =
      "what the review is about, as it stands now (one review's read; not with as_of): its "
      "party's agreements, SOC 2 reports and open findings, the change notice, the partner list "
      "with what changed since the last approved list review, the documents it names, and why "
      "the caller cannot approve it";
  return out;
}

// What a campaign's line is about (storage/entitlement_reviews.cc writes it) and what the caller
// may decide on it.
void CampaignLines(object& props) {
  json::value* lines = props.if_contains("lines");
  if (!lines || !lines->is_object()) return;
  json::value* items = lines->as_object().if_contains("items");
  if (!items || !items->is_object()) return;
  object& item = items->as_object();
  if (!item["properties"].is_object()) item["properties"] = object{};
  object& p = item["properties"].as_object();
  p["kind"] = Enum({"user_role", "break_glass", "grant"});
  // Times as written (an ended break-glass line may carry an empty "until").
  for (const char* f :
       {"line_id", "user_id", "email", "name", "role", "party_id", "party_name", "grant_id",
        "purpose", "summary", "reason", "session_id", "start_at", "end_at", "at", "until"}) {
    p[f] = String();
  }
  p["allowed_actions"] = object{{"type", "array"},
                                {"items", object{{"type", "string"}}},
                                {"description", "what the caller may decide on this line now"}};
}

// A kind's view: its field specs, plus what every view carries.
object KindView(const domain::KindSpec& spec) {
  object view = domain::ViewSchemaOf(spec.fields);
  object& props = view["properties"].as_object();
  props["ledger_index"] =
      object{{"type", "integer"}, {"description", "the ledger entry that wrote this version"}};
  view["required"].as_array().emplace_back("ledger_index");
  // What a view adds for the person looking (storage/object_views.h).
  const std::string& kind = spec.kind;
  if (kind == "review" || kind == "finding" || kind == "change_notice" ||
      kind == "report_request" || kind == "grant" || kind == "soc2_report" ||
      kind == "vendor_incident" || kind == "breach_notice") {
    props["party_name"] = object{{"type", "string"}, {"description", "the party's name"}};
  }
  if (kind == "review" || kind == "grant" || kind == "finding" || kind == "change_notice" ||
      kind == "report_request" || kind == "agreement" || kind == "soc2_report" || kind == "user" ||
      kind == "change_request" || kind == "vendor_incident" || kind == "breach_assessment" ||
      kind == "breach_notice") {
    props["allowed_actions"] =
        object{{"type", "array"},
               {"items", object{{"type", "string"}}},
               {"description", "what the caller may do now: the portal offers only these"}};
  }
  if (kind == "review" || kind == "finding" || kind == "change_notice" || kind == "grant" ||
      kind == "soc2_report" || kind == "user" || kind == "change_request" ||
      kind == "vendor_incident") {
    props["history"] = object{
        {"type", "array"},
        {"description", "every version, oldest first (one object's read, not in lists)"},
        {"items",
         Object({{"action", String()}, {"status", String()}, {"at", Time()}, {"by", ActorRef()}},
                {{"comment", String()}})}};
  }
  if (kind == "review") props["context"] = ReviewContext();
  if (kind == "entitlement_review") CampaignLines(props);
  if (kind == "party") {
    // The vendor inventory (storage/party_inventory.h): org-wide lists, current state only.
    auto agreement = [] {
      return Object({{"state", Enum({"in_force", "expired", "terminated", "unsigned", "none"})},
                     {"expires_at", Nullable(Time())},
                     {"agreement_id", Nullable(String())}});
    };
    object inventory = Object({{"baa", agreement()},
                               {"sla", agreement()},
                               {"soc2_period_end", Nullable(Time())},
                               {"last_review_at", Nullable(Time())},
                               {"next_review_at", Nullable(Time())}});
    inventory["description"] =
        "in the organisation's lists: its BAA and SLA, SOC 2 period and reviews";
    props["inventory"] = std::move(inventory);
  }
  if (!spec.kind.empty()) view["description"] = "a " + domain::KindTitle(spec);
  // A grant keeps the gate's whole decision, which has its own component.
  if (spec.kind == "grant") props["decision"] = Ref("GateDecision");
  return view;
}

}  // namespace

object Components() {
  object out;
  out["Error"] = ErrorSchema();
  out["Actor"] = Object({{"id", String()}, {"role", String()}},
                        {{"name", Nullable(String())}, {"email", Nullable(String())}});
  object evidence = Object({{"kind", String()}, {"ref", String()}, {"state", String()}});
  object rule = Object({{"id", String()},
                        {"outcome", Enum({"pass", "deny", "needs_approval", "not_applicable"})},
                        {"reason", String()},
                        {"remedy", String()},
                        {"seed_ref", String()},
                        {"citation", String()},
                        {"statement", String()},
                        {"evidence", ArrayOf(std::move(evidence))}});
  out["GateDecision"] = Object({{"decision", Enum({"allow", "deny", "needs_approval"})},
                                {"rules", ArrayOf(std::move(rule))}});
  for (const auto& spec : domain::RegistryKinds()) out[KindComponent(spec.kind)] = KindView(spec);
  out["Incident"] = IncidentSchema();  // TR-8: not a registry kind (incident_routes.h)
  return out;
}

}  // namespace accord::http::schema
