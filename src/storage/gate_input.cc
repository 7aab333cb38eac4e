#include "accord/storage/gate_input.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/domain/transport.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr size_t kMaxLines = 20;

std::optional<TimePoint> TimeField(const json::object& o, std::string_view key) {
  std::string s = StateString(o, key);
  if (s.empty()) return std::nullopt;
  auto t = ParseRfc3339(s);
  if (!t.ok()) return std::nullopt;
  return *t;
}

bool Flag(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

bool HasEphiCategory(const json::object& o) {
  const json::value* v = o.if_contains("data_categories");
  if (!v || !v->is_array()) return false;
  for (const auto& c : v->as_array()) {
    if (c == "ephi") return true;
  }
  return false;
}

}  // namespace

Result<GrantInput> ParseGrantInput(const json::object& body) {
  using domain::FieldSpec;
  using domain::FieldType;
  static const std::vector<FieldSpec> kLine = {
      {.name = "system_id", .type = FieldType::kString, .required = true},
      {.name = "permission",
       .type = FieldType::kEnum,
       .required = true,
       .values = {"read", "write", "admin"}},
      {.name = "justification", .type = FieldType::kText, .max_length = 2000},
      {.name = "endpoints", .type = FieldType::kStringList, .max_length = 10},
  };
  static const std::vector<FieldSpec> kGrant = {
      {.name = "party_id", .type = FieldType::kId, .required = true},
      {.name = "contact_id", .type = FieldType::kId, .required = true},
      {.name = "purpose", .type = FieldType::kText, .max_length = 2000},
      {.name = "start_at", .type = FieldType::kTime, .required = true},
      {.name = "end_at", .type = FieldType::kTime, .required = true},
  };
  std::vector<ErrorDetail> details;
  json::object top;
  json::object without_lines = body;
  without_lines.erase("lines");
  domain::ValidateFields(kGrant, without_lines, false, "", top, details);
  GrantInput in;
  const json::value* lines = body.if_contains("lines");
  if (!lines || !lines->is_array() || lines->as_array().empty()) {
    details.push_back({"lines",
                       "must be a non-empty array of {system_id, permission, "
                       "justification}",
                       {}});
  } else if (lines->as_array().size() > kMaxLines) {
    details.push_back({"lines", "must have at most 20 systems", {}});
  } else {
    const auto& arr = lines->as_array();
    for (size_t i = 0; i < arr.size(); ++i) {
      std::string path = "lines[" + std::to_string(i) + "]";
      if (!arr[i].is_object()) {
        details.push_back({path, "must be an object", {}});
        continue;
      }
      json::object line;
      domain::ValidateFields(kLine, arr[i].as_object(), false, path, line, details);
      std::string ref = StateString(line, "system_id");
      for (const auto& other : in.lines) {
        if (!ref.empty() && other.system_ref == ref) {
          details.push_back({path + ".system_id", "is listed twice", {}});
        }
      }
      std::vector<std::string> endpoints;
      if (const json::value* e = line.if_contains("endpoints"); e && e->is_array()) {
        for (const auto& name : e->as_array()) {
          if (!name.is_string()) continue;
          std::string n(name.as_string());
          if (std::find(endpoints.begin(), endpoints.end(), n) != endpoints.end()) {
            details.push_back({path + ".endpoints", "names " + n + " twice", {}});
          }
          endpoints.push_back(std::move(n));
        }
      }
      in.lines.push_back({ref, StateString(line, "permission"), StateString(line, "justification"),
                          std::move(endpoints)});
    }
  }
  auto start = TimeField(top, "start_at"), end = TimeField(top, "end_at");
  if (start && end && *end <= *start) details.push_back({"end_at", "must be after start_at", {}});
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  in.party_id = StateString(top, "party_id");
  in.contact_id = StateString(top, "contact_id");
  in.purpose = StateString(top, "purpose");
  in.start = *start;
  in.end = *end;
  return in;
}

Result<std::unique_ptr<GateInput>> GateInput::Load(Tx& tx, const GrantInput& input,
                                                   const Scope& scope) {
  std::unique_ptr<GateInput> g(new GateInput());
  g->input_ = &input;
  auto party = GetObject(tx, "party", input.party_id, scope);
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return ValidationError("party_id", "no party has id " + input.party_id);
  g->party_obj_ = std::move(**party);
  const json::object& p = g->party_obj_.doc;
  auto contact = GetObject(tx, "contact", input.contact_id, Scope{input.party_id});
  if (!contact.ok()) return std::move(contact).error();
  if (!contact->has_value()) {
    return ValidationError("contact_id", "no contact of this party has id " + input.contact_id);
  }
  auto kind = policy::ParsePartyKind(StateString(p, "kind"));
  auto status = policy::ParsePartyStatus(StateString(p, "status"));
  if (!kind || !status) return Internal("party " + input.party_id + " has a malformed state");
  bool ephi = HasEphiCategory(p);
  for (const std::string kind : {"service", "agreement", "due_diligence", "control"}) {
    auto children = LiveChildren(tx, kind, "party_id", input.party_id);
    if (!children.ok()) return std::move(children).error();
    for (auto& child : *children) {
      g->objects_.push_back(std::move(child));
      g->Add(kind, g->objects_.back(), ephi);
    }
  }
  g->party_ =
      policy::GateParty{g->party_obj_.id,  *kind,        *status,        ephi, g->agreements_,
                        g->due_diligence_, g->controls_, g->permissions_};
  // Systems: wildcards go to the gate (which explains the denial); unknown ids are errors.
  std::vector<ErrorDetail> details;
  g->systems_.reserve(input.lines.size());
  for (size_t i = 0; i < input.lines.size(); ++i) {
    const auto& line = input.lines[i];
    if (line.system_ref.find('*') != std::string::npos) continue;
    auto sys = GetObject(tx, "system", line.system_ref, Scope{});
    if (!sys.ok()) return std::move(sys).error();
    if (!sys->has_value()) {
      details.push_back({"lines[" + std::to_string(i) + "].system_id",
                         "no system has id " + line.system_ref,
                         {}});
      continue;
    }
    g->objects_.push_back(std::move(**sys));
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  for (const auto& line : input.lines) {
    const policy::GateSystem* system = nullptr;
    for (const auto& o : g->objects_) {
      if (o.id != line.system_ref) continue;
      auto env = policy::ParseEnvironment(StateString(o.doc, "environment"));
      g->systems_.push_back({o.id,
                             domain::StateString(o.doc, "name").empty()
                                 ? std::string_view(o.id)
                                 : std::string_view(o.doc.at("name").as_string()),
                             env.value_or(policy::Environment::kProduction),
                             Flag(o.doc, "contains_ephi"), Flag(o.doc, "infrastructure"),
                             g->EndpointsOf(o)});
      system = &g->systems_.back();
      break;
    }
    auto& named = g->line_endpoints_.emplace_back();
    for (const std::string& name : line.endpoints) {
      const policy::GateEndpoint* found = nullptr;
      if (system) {
        for (const auto& e : system->endpoints) {
          if (e.ref.substr(e.ref.find('/') + 1) == name) found = &e;
        }
      }
      named.push_back({name, found});
    }
    g->lines_.push_back(
        {line.system_ref, system,
         policy::ParsePermission(line.permission).value_or(policy::Permission::kAdmin),
         line.justification, named});
  }
  return g;
}

std::span<const policy::GateEndpoint> GateInput::EndpointsOf(const StoredObject& system) {
  auto& out = endpoints_.emplace_back();
  const json::value* list = system.doc.if_contains("endpoints");
  if (!list || !list->is_array()) return out;
  for (const auto& item : list->as_array()) {
    if (!item.is_object()) continue;
    const json::object& e = item.as_object();
    const domain::TransportProtocol* protocol =
        domain::FindTransportProtocol(StateString(e, "protocol"));
    strings_.push_back(system.id + "/" + StateString(e, "name"));
    // Judged from the protocol table now, not from the stored flag: an unknown protocol is
    // treated as plaintext.
    out.push_back({strings_.back(), protocol ? protocol->name : std::string_view("unknown"),
                   protocol == nullptr || protocol->plaintext});
  }
  return out;
}

void GateInput::Add(const std::string& kind, const StoredObject& o, bool& ephi) {
  const json::object& d = o.doc;
  std::string_view id = o.id;
  if (kind == "service") {
    ephi = ephi || Flag(d, "handles_ephi");
    return;
  }
  if (kind == "agreement") {
    auto type = policy::ParseAgreementType(StateString(d, "type"));
    auto status = policy::ParseAgreementStatus(StateString(d, "status"));
    if (!type || !status) return;
    // No effective date yet: never in force.
    agreements_.push_back({id, *type, *status,
                           TimeField(d, "effective_at").value_or(TimePoint::max()),
                           TimeField(d, "expires_at")});
    return;
  }
  auto date = TimeField(d, "date");
  if (!date) return;
  bool passed = StateString(d, "result") == "passed";
  if (kind == "due_diligence") {
    due_diligence_.push_back({id, *date, passed});
  } else if (StateString(d, "type") == "infrastructure_permission") {
    if (!passed) return;
    strings_.push_back(StateString(d, "system_id"));
    permissions_.push_back({id, strings_.back(), *date, TimeField(d, "valid_until")});
  } else {
    controls_.push_back({id, *date, passed});
  }
}

policy::GateRequest GateInput::Request(TimePoint now) const {
  return policy::GateRequest{&party_, lines_, input_->start, input_->end, now};
}

json::array GateInput::LinesJson() const {
  json::array out;
  for (const auto& l : lines_) {
    json::object line{{"system_id", l.system_ref},
                      {"permission", policy::Name(l.permission)},
                      {"justification", l.justification}};
    if (!l.endpoints.empty()) {
      json::array names;
      for (const auto& e : l.endpoints) names.emplace_back(e.ref);
      line["endpoints"] = std::move(names);
    }
    if (l.system) {
      line["system_name"] = l.system->name;
      line["environment"] = policy::Name(l.system->environment);
      line["contains_ephi"] = l.system->contains_ephi;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace accord::storage
