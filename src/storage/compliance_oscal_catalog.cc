// The control catalog itself as an OSCAL 1.2.2 catalog (issue 23): one group per HIPAA
// safeguard with its standards as controls and their implementation specifications nested in
// them, and a group of Accord's own controls. The citation is each control's label; Required or
// Addressable, the default inheritance and the customer's responsibility are properties and
// parts, so a GRC tool that imports OSCAL reads our catalog as written
// (domain::CatalogFromOscal reads it back).
#include <boost/json.hpp>
#include <map>
#include <vector>

#include "accord/storage/compliance.h"
#include "compliance_oscal.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

// Our own property names live in Accord's namespace (OSCAL's rule for names it does not define).
constexpr const char* kNs = "urn:accord:oscal";

std::string GroupToken(std::string_view framework, std::string_view title) {
  std::string out(framework);
  out += '-';
  for (char ch : title) {
    out += ch == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

json::object Prop(std::string_view name, std::string_view value, bool ours) {
  json::object p{{"name", name}, {"value", value}};
  if (ours) p["ns"] = kNs;
  return p;
}

json::object ControlJson(const domain::CatalogControl& c) {
  std::string token = oscal::ControlToken(c);
  json::array props{Prop("label", c.id, false)};
  if (!c.requirement.empty()) props.push_back(Prop("requirement", c.requirement, true));
  if (!c.applicable) props.push_back(Prop("applicable", "false", true));
  props.push_back(Prop("customer-inherits", domain::Name(c.customer), true));
  props.push_back(Prop("host-provides", domain::Name(c.host), true));
  // HIPAA's own text is the regulation's (cited in back-matter): the statement is its title.
  json::array parts{json::object{{"id", token + "_smt"},
                                 {"name", "statement"},
                                 {"prose", c.description.empty() ? c.title : c.description}}};
  if (!c.responsibility.empty()) {
    parts.push_back(json::object{{"id", token + "_gdn"},
                                 {"name", "guidance"},
                                 {"title", "What stays with the customer"},
                                 {"prose", c.responsibility}});
  }
  json::object out{{"id", token},
                   {"class", c.kind},
                   {"title", c.title},
                   {"props", std::move(props)},
                   {"parts", std::move(parts)}};
  return out;
}

}  // namespace

json::object OscalCatalog(const domain::Catalog& catalog, const std::string& org,
                          const std::string& at) {
  // Groups in the catalog's order: HIPAA's safeguards, then Accord's controls.
  std::vector<std::string> order;
  std::map<std::string, json::array> controls;  // by group token
  std::map<std::string, std::string> titles;
  std::map<std::string, json::object*> by_id;  // a standard, for its specifications
  std::map<std::string, std::vector<const domain::CatalogControl*>> children;
  for (const auto& c : catalog.controls()) {
    if (!c.parent.empty()) children[c.parent].push_back(&c);
  }
  for (const auto& c : catalog.controls()) {
    if (!c.parent.empty() && catalog.Find(c.parent)) continue;  // nested in its standard
    std::string title = c.framework == "hipaa"
                            ? (c.safeguard.empty() ? "Other" : c.safeguard) + " Safeguards"
                            : std::string("Accord controls");
    if (c.framework == "hipaa" &&
        (c.safeguard == "Organizational" || c.safeguard == "Policies and Procedures")) {
      title = c.safeguard == "Organizational" ? "Organizational Requirements"
                                              : "Policies, Procedures and Documentation";
    }
    std::string group = GroupToken(c.framework, c.framework == "hipaa" ? c.safeguard : "own");
    if (!titles.contains(group)) {
      order.push_back(group);
      titles[group] = title;
    }
    json::object control = ControlJson(c);
    if (auto it = children.find(c.id); it != children.end()) {
      json::array nested;
      for (const auto* spec : it->second) nested.push_back(ControlJson(*spec));
      control["controls"] = std::move(nested);
    }
    controls[group].push_back(std::move(control));
  }
  json::array groups;
  for (const auto& g : order) {
    groups.push_back(
        json::object{{"id", g}, {"title", titles[g]}, {"controls", std::move(controls[g])}});
  }
  json::object metadata = oscal::Metadata("HIPAA Security Rule and Accord controls", org, at);
  json::object back_matter{
      {"resources", json::array{json::object{
                        {"uuid", oscal::Uuid("resource:hipaa-security-rule")},
                        {"title", "45 CFR Part 164, Subpart C (the HIPAA Security Rule)"},
                        {"rlinks", json::array{json::object{{"href", oscal::kHipaaSource}}}}}}}};
  return json::object{{"catalog", json::object{{"uuid", oscal::Uuid("catalog:" + org)},
                                               {"metadata", std::move(metadata)},
                                               {"groups", std::move(groups)},
                                               {"back-matter", std::move(back_matter)}}}};
}

}  // namespace accord::storage
