// The [compliance] section of a profile (docs/compliance.md): which catalog controls each
// access rule and workflow implements, and the organisation's own inheritance answers.
#include <algorithm>

#include "accord/domain/compliance_catalog.h"
#include "profile_internal.h"

namespace accord::policy {

const std::vector<ComplianceWorkflow>& ComplianceWorkflows() {
  static const std::vector<ComplianceWorkflow> kWorkflows = {
      {"baa_in_force", "Business associate agreements in force", "live"},
      {"agreements_in_force", "Every agreement the profile requires, in force", "live"},
      {"soc2_reviews", "Current SOC 2 review of every infrastructure partner", "live"},
      {"third_party_reviews", "Third-party reviews done by their due dates", "live"},
      {"findings", "Findings resolved by their deadlines", "live"},
      {"ledger", "Signed, append-only ledger of every change", "live"},
      {"access_gate", "The access gate's rules on every access request", "enforced"},
      {"sign_in", "Sign-in: multi-factor authentication and session limits", "enforced"},
      {"break_glass", "Break-glass emergency access, time-limited and alerted", "enforced"},
      {"entitlement_reviews", "Periodic entitlement review campaigns", "enforced"},
      {"onboarding_gate", "Workforce onboarding gate before any access", "enforced"},
      {"tenant_isolation", "Each third party sees only its own records", "enforced"},
      {"change_review", "Third-party change notices reviewed before they take effect", "enforced"},
      {"backups", "Backups taken and restores tested", "procedure"},
      {"incident_response", "Incident response and breach notification", "procedure"},
  };
  return kWorkflows;
}

namespace internal {

namespace {

bool IsWorkflow(std::string_view name) {
  const auto& all = ComplianceWorkflows();
  return std::any_of(all.begin(), all.end(),
                     [&](const ComplianceWorkflow& w) { return w.name == name; });
}

std::string WorkflowNames() {
  std::string names;
  for (const auto& w : ComplianceWorkflows())
    names += (names.empty() ? "" : ", ") + std::string(w.name);
  return names;
}

// A list of catalog ids; every unknown one is a problem on its own line.
std::vector<std::string> ReadControls(const std::string& field, const toml::node& node,
                                      Problems& problems) {
  std::vector<std::string> out;
  const toml::array* list = node.as_array();
  if (!list || list->empty()) {
    problems.Add(field, "must be a non-empty list of control ids, e.g. [\"164.308(b)(1)\"]",
                 LineOf(node));
    return out;
  }
  const auto& catalog = domain::BuiltinCatalog();
  for (const auto& item : *list) {
    const auto* s = item.as_string();
    if (!s) {
      problems.Add(field, "each control must be a string id", LineOf(item));
      continue;
    }
    if (!catalog.Find(s->get())) {
      problems.Add(field,
                   "unknown control '" + s->get() +
                       "' (a HIPAA citation such as 164.308(b)(1) or an Accord control such as "
                       "TP-11; docs/compliance.md lists them)",
                   LineOf(item));
      continue;
    }
    out.push_back(s->get());
  }
  return out;
}

void ReadMappings(const std::string& section, const toml::table& table, bool rules,
                  const AccessPolicy& access, Problems& problems, CompliancePolicy& out) {
  for (const auto& [key, node] : table) {
    std::string k(key.str());
    std::string field = "compliance." + section + "." + k;
    if (rules) {
      bool known = std::any_of(access.rules.begin(), access.rules.end(),
                               [&](const AccessRule& r) { return r.id == k; });
      if (!known) {
        problems.Add(field, "no [[access.rules]] has the id '" + k + "'", LineOf(node));
        continue;
      }
    } else if (!IsWorkflow(k)) {
      problems.Add(field, "unknown workflow (one of " + WorkflowNames() + ")", LineOf(node));
      continue;
    }
    auto controls = ReadControls(field, node, problems);
    if (controls.empty()) continue;
    out.mappings.push_back(ComplianceMapping{.source = (rules ? "rule:" : "workflow:") + k,
                                             .controls = std::move(controls),
                                             .line = LineOf(node)});
  }
}

void ReadInheritance(const toml::table& table, Problems& problems, CompliancePolicy& out) {
  const auto& catalog = domain::BuiltinCatalog();
  for (const auto& [key, node] : table) {
    std::string k(key.str());
    std::string field = "compliance.inheritance." + k;
    if (!catalog.Find(k)) {
      problems.Add(field, "unknown control", LineOf(node));
      continue;
    }
    const toml::table* row = node.as_table();
    if (!row) {
      problems.Add(field, "must be { inherited = \"yes|partially|no\", responsibility = \"...\" }",
                   LineOf(node));
      continue;
    }
    InheritanceOverride o{.control = k};
    bool reported = false;
    for (const auto& [rk, rv] : *row) {
      std::string name(rk.str());
      const auto* s = rv.as_string();
      if (name != "inherited" && name != "responsibility") {
        problems.Add(field + "." + name, "unknown key", LineOf(rv));
        reported = true;
      } else if (!s) {
        problems.Add(field + "." + name, "must be a string", LineOf(rv));
        reported = true;
      } else if (name == "inherited" && !domain::ParseInherited(s->get()).ok()) {
        problems.Add(field + ".inherited", "must be yes, partially or no", LineOf(rv));
        reported = true;
      } else {
        (name == "inherited" ? o.inherited : o.responsibility) = s->get();
      }
    }
    if (reported) continue;
    if (o.inherited.empty()) {
      problems.Add(field + ".inherited", "is required", LineOf(node));
      continue;
    }
    out.inheritance.push_back(std::move(o));
  }
}

}  // namespace

void ParseCompliance(const toml::table& compliance, const AccessPolicy& access, Problems& problems,
                     CompliancePolicy& out) {
  for (const auto& [key, node] : compliance) {
    std::string k(key.str());
    const toml::table* table = node.as_table();
    if (k != "rules" && k != "workflows" && k != "inheritance") {
      problems.Add("compliance." + k, "unknown key (rules, workflows, inheritance)", LineOf(node));
      continue;
    }
    if (!table) {
      problems.Add("compliance." + k, "must be a section ([compliance." + k + "])", LineOf(node));
      continue;
    }
    if (k == "inheritance") {
      ReadInheritance(*table, problems, out);
    } else {
      ReadMappings(k, *table, k == "rules", access, problems, out);
    }
  }
  std::stable_sort(out.mappings.begin(), out.mappings.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
}

}  // namespace internal
}  // namespace accord::policy
