// OSCAL exports (issue 23): our System Security Plan, whose by-components export what a
// customer inherits (`provided`) and what stays with it (`responsibilities`), so a customer's
// own SSP can point at them; and a component definition of Accord's capabilities. Valid against
// NIST's OSCAL 1.2.2 JSON schemas (tests/testdata/oscal/schema/, checked by the tests).
#include <boost/json.hpp>
#include <map>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/domain/registry.h"
#include "accord/storage/compliance.h"
#include "compliance_oscal.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace oscal {

constexpr const char* kOscalVersion = "1.2.2";
extern const char* const kHipaaSource =
    "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C";

// A UUID derived from `name` (the same export twice is the same document): SHA-256's first 16
// bytes with the version and variant bits OSCAL's pattern asks for.
std::string Uuid(std::string_view name) {
  std::string hex = HexEncode(Sha256(name)).substr(0, 32);
  hex[12] = '5';
  hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

// An OSCAL token for a catalog id: "164.308(b)(1)" → "hipaa-164.308-b-1", "TP-11" → "accord-tp-11".
std::string ControlToken(const domain::CatalogControl& c) {
  std::string out = c.framework + "-";
  for (char ch : c.id) {
    if (ch == '(') {
      out += '-';
    } else if (ch != ')') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  return out;
}

json::object Metadata(const std::string& title, const std::string& org, const std::string& at) {
  return json::object{
      {"title", title},
      {"last-modified", at},
      {"version", at.substr(0, 10)},
      {"oscal-version", kOscalVersion},
      {"roles", json::array{json::object{{"id", "provider"}, {"title", "Service provider"}},
                            json::object{{"id", "customer"}, {"title", "Customer"}}}},
      {"parties", json::array{json::object{{"uuid", Uuid("party:" + org)},
                                           {"type", "organization"},
                                           {"name", org.empty() ? "Accord" : org}}}}};
}

}  // namespace oscal

namespace {

using oscal::ControlToken;
using oscal::kHipaaSource;
using oscal::Metadata;
using oscal::Uuid;

std::string ImplementationState(const std::string& status) {
  if (status == "operating" || status == "documented" || status == "inherited") {
    return "implemented";
  }
  if (status == "failing") return "partial";
  if (status == "not_applicable") return "not-applicable";
  return "planned";
}

}  // namespace

json::object OscalSsp(const domain::Catalog& catalog, const json::object& matrix,
                      const json::object& controls) {
  std::string org = StateString(matrix, "organisation");
  std::string at = StateString(matrix, "at");
  std::string component = Uuid("component:this-system:" + org);
  std::map<std::string, const json::object*> status_of;
  for (const auto& item : controls.at("items").as_array()) {
    status_of[StateString(item.as_object(), "id")] = &item.as_object();
  }
  json::array requirements;
  for (const auto& r : matrix.at("rows").as_array()) {
    const json::object& row = r.as_object();
    const domain::CatalogControl* c = catalog.Find(StateString(row, "control"));
    if (!c) continue;
    const json::object* st = status_of[c->id];
    std::string status = st ? StateString(*st, "status") : "not_mapped";
    std::string summary = st ? StateString(*st, "summary") : "";
    std::string token = ControlToken(*c);
    std::string inherited = StateString(row, "inherited");
    json::object by{
        {"component-uuid", component},
        {"uuid", Uuid("by:" + token)},
        {"description", c->title + ": " + StatusWords(status) +
                            (summary.empty() ? "" : " (" + summary + ")") + "."},
        {"implementation-status", json::object{{"state", ImplementationState(status)}}}};
    json::object exported{{"description", "What a customer of the service inherits for " + c->id +
                                              ": " + InheritedWords(inherited) + "."}};
    std::string provided_uuid = Uuid("provided:" + token);
    if (inherited != "no") {
      exported["provided"] = json::array{json::object{
          {"uuid", provided_uuid},
          {"description", inherited == "yes" ? "We carry " + c->title + " for the customer."
                                             : "We carry part of " + c->title + "."}}};
    }
    if (std::string text = StateString(row, "responsibility"); !text.empty()) {
      json::object resp{{"uuid", Uuid("responsibility:" + token)}, {"description", text}};
      if (inherited != "no") resp["provided-uuid"] = provided_uuid;
      exported["responsibilities"] = json::array{std::move(resp)};
    }
    by["export"] = std::move(exported);
    requirements.push_back(json::object{{"uuid", Uuid("requirement:" + token)},
                                        {"control-id", token},
                                        {"by-components", json::array{std::move(by)}}});
  }
  std::string name = org.empty() ? "Accord" : org;
  json::object ssp{
      {"uuid", Uuid("ssp:" + org + ":" + at)},
      {"metadata", Metadata(name + " System Security Plan (HIPAA Security Rule)", org, at)},
      {"import-profile", json::object{{"href", kHipaaSource}}},
      {"system-characteristics",
       json::object{
           {"system-ids", json::array{json::object{{"id", Uuid("system:" + org)}}}},
           {"system-name", name},
           {"description", "The service " + name + " provides to its customers, run with Accord."},
           {"security-sensitivity-level", "moderate"},
           {"system-information",
            json::object{
                {"information-types",
                 json::array{json::object{
                     {"uuid", Uuid("information-type:ephi")},
                     {"title", "Electronic protected health information"},
                     {"description", "ePHI received, kept or sent for customers."},
                     {"confidentiality-impact", json::object{{"base", "fips-199-high"}}},
                     {"integrity-impact", json::object{{"base", "fips-199-moderate"}}},
                     {"availability-impact", json::object{{"base", "fips-199-moderate"}}}}}}}},
           {"status", json::object{{"state", "operational"}}},
           {"authorization-boundary",
            json::object{{"description",
                          "The service and the infrastructure it runs on; the "
                          "host's physical safeguards are inherited."}}}}},
      {"system-implementation",
       json::object{{"users", json::array{json::object{{"uuid", Uuid("user:security-officer")},
                                                       {"title", "Security Officer"},
                                                       {"role-ids", json::array{"provider"}}}}},
                    {"components", json::array{json::object{
                                       {"uuid", component},
                                       {"type", "this-system"},
                                       {"title", name},
                                       {"description", "The whole service."},
                                       {"status", json::object{{"state", "operational"}}}}}}}},
      {"control-implementation",
       json::object{{"description",
                     "Each HIPAA Security Rule specification: its status computed "
                     "by Accord from live records, what a customer inherits "
                     "(provided) and what stays with it (responsibilities)."},
                    {"implemented-requirements", std::move(requirements)}}}};
  return json::object{{"system-security-plan", std::move(ssp)}};
}

json::object OscalComponentDefinition(const domain::Catalog& catalog,
                                      const policy::Profile& profile, const std::string& org,
                                      const std::string& at) {
  std::map<std::string, std::vector<std::string>> sources;
  for (const auto& m : profile.compliance.mappings) {
    for (const auto& c : m.controls) sources[c].push_back(m.source);
  }
  json::array requirements;
  for (const auto& c : catalog.controls()) {
    if (c.framework != "hipaa") continue;
    auto it = sources.find(c.id);
    if (it == sources.end()) continue;
    std::string by;
    for (const auto& s : it->second) by += (by.empty() ? "" : ", ") + s;
    std::string token = ControlToken(c);
    requirements.push_back(json::object{{"uuid", Uuid("cd-requirement:" + token)},
                                        {"control-id", token},
                                        {"description", c.title + ": implemented by " + by + "."}});
  }
  json::object component{
      {"uuid", Uuid("component:accord")},
      {"type", "software"},
      {"title", "Accord"},
      {"description",
       "Third-party risk and compliance records in a verifiable ledger: the "
       "access gate, agreements, reviews, findings and their evidence."},
      {"purpose", "Keeps and proves an organisation's HIPAA Security Rule controls."},
      {"control-implementations",
       json::array{json::object{{"uuid", Uuid("cd-implementation:hipaa:" + profile.name)},
                                {"source", kHipaaSource},
                                {"description", "The profile " + profile.name +
                                                    "'s mapping of its rules and workflows."},
                                {"implemented-requirements", std::move(requirements)}}}}};
  return json::object{
      {"component-definition",
       json::object{{"uuid", Uuid("component-definition:" + org + ":" + profile.sha256)},
                    {"metadata", Metadata("Accord component definition", org, at)},
                    {"components", json::array{std::move(component)}}}}};
}

}  // namespace accord::storage
