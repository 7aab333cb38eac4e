#include "accord/domain/compliance_catalog.h"

#include <boost/json.hpp>
#include <map>

namespace accord::embedded {
std::string_view HipaaSecurityRuleText();
std::string_view AccordControlsText();
}  // namespace accord::embedded

namespace accord::domain {

namespace json = boost::json;

std::string_view Name(Inherited i) {
  switch (i) {
    case Inherited::kYes:
      return "yes";
    case Inherited::kPartially:
      return "partially";
    case Inherited::kNo:
      break;
  }
  return "no";
}

Result<Inherited> ParseInherited(std::string_view text) {
  if (text == "yes") return Inherited::kYes;
  if (text == "partially") return Inherited::kPartially;
  if (text == "no") return Inherited::kNo;
  return ValidationError("inherited", "must be yes, partially or no");
}

Catalog::Catalog(std::vector<CatalogControl> controls) : controls_(std::move(controls)) {}

const CatalogControl* Catalog::Find(std::string_view id) const {
  for (const auto& c : controls_) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

namespace {

std::string Text(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

Result<json::value> ParseJson(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return ValidationError(std::string(what), "is not a JSON object");
  return v;
}

}  // namespace

Result<Catalog> ParseCatalog(std::string_view hipaa_json, std::string_view accord_json) {
  auto hipaa = ParseJson(hipaa_json, "hipaa");
  if (!hipaa.ok()) return std::move(hipaa).error();
  auto accord = ParseJson(accord_json, "accord");
  if (!accord.ok()) return std::move(accord).error();
  const json::value* entries = hipaa->as_object().if_contains("entries");
  if (!entries || !entries->is_array()) return ValidationError("hipaa.entries", "is missing");
  std::vector<CatalogControl> out;
  for (const auto& e : entries->as_array()) {
    if (!e.is_object()) return ValidationError("hipaa.entries", "must hold objects");
    const json::object& o = e.as_object();
    CatalogControl c{.id = Text(o, "citation"),
                     .framework = "hipaa",
                     .kind = Text(o, "kind"),
                     .title = Text(o, "title"),
                     .requirement = Text(o, "requirement"),
                     .safeguard = Text(o, "safeguard"),
                     .parent = Text(o, "standard_citation")};
    if (c.id.empty() || c.title.empty()) {
      return ValidationError("hipaa.entries", "every entry needs a citation and a title");
    }
    out.push_back(std::move(c));
  }
  const json::object& a = accord->as_object();
  std::map<std::string, const json::object*> inheritance;
  if (const json::value* rows = a.if_contains("inheritance"); rows && rows->is_array()) {
    for (const auto& r : rows->as_array()) {
      if (r.is_object()) inheritance[Text(r.as_object(), "control")] = &r.as_object();
    }
  }
  for (auto& c : out) {
    auto it = inheritance.find(c.id);
    if (it == inheritance.end()) continue;
    const json::object& row = *it->second;
    auto customer = ParseInherited(Text(row, "customer"));
    if (!customer.ok()) return ValidationError("accord.inheritance." + c.id, "customer: yes|...");
    c.customer = *customer;
    if (auto host = ParseInherited(Text(row, "host")); host.ok()) c.host = *host;
    c.responsibility = Text(row, "responsibility");
    if (const json::value* ap = row.if_contains("applicable"); ap && ap->is_bool()) {
      c.applicable = ap->as_bool();
    }
  }
  if (const json::value* controls = a.if_contains("controls"); controls && controls->is_array()) {
    for (const auto& v : controls->as_array()) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      out.push_back(CatalogControl{.id = Text(o, "id"),
                                   .framework = "accord",
                                   .kind = "control",
                                   .title = Text(o, "title"),
                                   .description = Text(o, "description")});
    }
  }
  return Catalog(std::move(out));
}

const Catalog& BuiltinCatalog() {
  static const Catalog kCatalog = [] {
    auto c = ParseCatalog(embedded::HipaaSecurityRuleText(), embedded::AccordControlsText());
    // The files are compiled in and checked by the tests: a failure here is a build mistake.
    return c.ok() ? std::move(*c) : Catalog();
  }();
  return kCatalog;
}

namespace {

// The prose of a control's "statement" part and its sub-parts, one paragraph each.
void Prose(const json::object& part, std::string& out) {
  if (std::string p = Text(part, "prose"); !p.empty()) out += (out.empty() ? "" : "\n") + p;
  if (const json::value* parts = part.if_contains("parts"); parts && parts->is_array()) {
    for (const auto& sub : parts->as_array()) {
      if (sub.is_object()) Prose(sub.as_object(), out);
    }
  }
}

Status AddControls(const json::array& controls, const std::string& path, const std::string& parent,
                   std::string_view framework, std::vector<CatalogControl>& out, int depth);

Status AddGroups(const json::array& groups, const std::string& path, std::string_view framework,
                 std::vector<CatalogControl>& out, int depth) {
  if (depth > 16) return ValidationError(path, "groups nest too deep");
  for (size_t i = 0; i < groups.size(); ++i) {
    std::string at = path + "[" + std::to_string(i) + "]";
    if (!groups[i].is_object()) return ValidationError(at, "must be an object");
    const json::object& g = groups[i].as_object();
    if (const json::value* c = g.if_contains("controls"); c && c->is_array()) {
      ACCORD_TRY(AddControls(c->as_array(), at + ".controls", "", framework, out, depth + 1));
    }
    if (const json::value* sub = g.if_contains("groups"); sub && sub->is_array()) {
      ACCORD_TRY(AddGroups(sub->as_array(), at + ".groups", framework, out, depth + 1));
    }
  }
  return Ok();
}

Status AddControls(const json::array& controls, const std::string& path, const std::string& parent,
                   std::string_view framework, std::vector<CatalogControl>& out, int depth) {
  if (depth > 16) return ValidationError(path, "controls nest too deep");
  for (size_t i = 0; i < controls.size(); ++i) {
    std::string at = path + "[" + std::to_string(i) + "]";
    if (!controls[i].is_object()) return ValidationError(at, "must be an object");
    const json::object& o = controls[i].as_object();
    CatalogControl c{.id = Text(o, "id"),
                     .framework = std::string(framework),
                     .kind = parent.empty() ? "control" : "control_enhancement",
                     .title = Text(o, "title"),
                     .parent = parent};
    if (c.id.empty()) return ValidationError(at + ".id", "is required");
    if (c.title.empty()) return ValidationError(at + ".title", "is required");
    if (const json::value* parts = o.if_contains("parts"); parts && parts->is_array()) {
      for (const auto& p : parts->as_array()) {
        if (p.is_object() && Text(p.as_object(), "name") == "statement") {
          Prose(p.as_object(), c.description);
        }
      }
    }
    std::string id = c.id;
    out.push_back(std::move(c));
    if (const json::value* sub = o.if_contains("controls"); sub && sub->is_array()) {
      ACCORD_TRY(AddControls(sub->as_array(), at + ".controls", id, framework, out, depth + 1));
    }
  }
  return Ok();
}

}  // namespace

Result<Catalog> CatalogFromOscal(const json::value& oscal, std::string_view framework) {
  const json::value* catalog =
      oscal.is_object() ? oscal.as_object().if_contains("catalog") : nullptr;
  if (!catalog || !catalog->is_object()) return ValidationError("catalog", "is required");
  const json::object& c = catalog->as_object();
  std::vector<CatalogControl> out;
  if (const json::value* groups = c.if_contains("groups"); groups && groups->is_array()) {
    ACCORD_TRY(AddGroups(groups->as_array(), "catalog.groups", framework, out, 0));
  }
  if (const json::value* controls = c.if_contains("controls"); controls && controls->is_array()) {
    ACCORD_TRY(AddControls(controls->as_array(), "catalog.controls", "", framework, out, 0));
  }
  if (out.empty()) return ValidationError("catalog", "holds no controls");
  return Catalog(std::move(out));
}

}  // namespace accord::domain
