// The [access] section of a profile: the gate's rules (docs/profiles.md).
#include <algorithm>
#include <optional>
#include <regex>
#include <set>

#include "accord/domain/role_titles.h"
#include "profile_internal.h"

namespace accord::policy::internal {
namespace {

constexpr int kMaxGrantDaysLimit = 3650;

// Roles that may approve access (CONTRACT.md roles). An auditor is read-only and a third
// party must never approve its own access, so neither is accepted.
constexpr std::string_view kApproverRoles[] = {"security_officer", "privacy_officer", "staff"};

// Every wire name of an enum, for "one of: ..." in messages.
template <typename E>
std::string AllNames() {
  std::string out;
  for (int i = 0; i < 32 && Name(static_cast<E>(i)) != "unknown"; ++i) {
    out += (out.empty() ? "" : ", ") + std::string(Name(static_cast<E>(i)));
  }
  return out;
}

template <typename E>
std::optional<E> ParseEnum(std::string_view name);
template <>
std::optional<PartyKind> ParseEnum(std::string_view n) {
  return ParsePartyKind(n);
}
template <>
std::optional<Environment> ParseEnum(std::string_view n) {
  return ParseEnvironment(n);
}
template <>
std::optional<Permission> ParseEnum(std::string_view n) {
  return ParsePermission(n);
}
template <>
std::optional<AgreementType> ParseEnum(std::string_view n) {
  return ParseAgreementType(n);
}
template <>
std::optional<PartyStatus> ParseEnum(std::string_view n) {
  return ParsePartyStatus(n);
}

// Reads one section or sub-table with its own field prefix ("access.rules[2]").
class Reader {
 public:
  Reader(Problems& problems, std::string prefix)
      : problems_(problems), prefix_(std::move(prefix)) {}

  std::string Field(std::string_view key) const { return prefix_ + "." + std::string(key); }
  void Fail(std::string_view key, std::string reason, const toml::node& node) {
    problems_.Add(Field(key), std::move(reason), LineOf(node));
  }

  std::optional<std::string> String(std::string_view key, const toml::node& node) {
    if (const auto* v = node.as_string()) return v->get();
    Fail(key, "must be a string", node);
    return std::nullopt;
  }

  std::optional<int> Int(std::string_view key, const toml::node& node, int min, int max) {
    const auto* v = node.as_integer();
    if (!v) {
      Fail(key, "must be an integer", node);
      return std::nullopt;
    }
    if (v->get() < min || v->get() > max) {
      Fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max), node);
      return std::nullopt;
    }
    return static_cast<int>(v->get());
  }

  std::optional<bool> Bool(std::string_view key, const toml::node& node) {
    if (const auto* v = node.as_boolean()) return v->get();
    Fail(key, "must be true or false", node);
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> Strings(std::string_view key, const toml::node& node) {
    const auto* array = node.as_array();
    if (!array) {
      Fail(key, "must be an array of strings", node);
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (!s) {
        Fail(key, "must be an array of strings", item);
        return std::nullopt;
      }
      out.push_back(s->get());
    }
    return out;
  }

  // An array of wire names, e.g. ["production", "staging"]; at least one.
  template <typename E>
  std::optional<EnumSet<E>> Set(std::string_view key, const toml::node& node) {
    auto names = Strings(key, node);
    if (!names) return std::nullopt;
    if (names->empty()) {
      Fail(key, "must name at least one of: " + AllNames<E>(), node);
      return std::nullopt;
    }
    EnumSet<E> set;
    for (const auto& n : *names) {
      auto v = ParseEnum<E>(n);
      if (!v) {
        Fail(key, "unknown value '" + n + "' (one of: " + AllNames<E>() + ")", node);
        return std::nullopt;
      }
      set.Add(*v);
    }
    return set;
  }

  Problems& problems() { return problems_; }
  const std::string& prefix() const { return prefix_; }

 private:
  Problems& problems_;
  std::string prefix_;
};

// --- rule params ------------------------------------------------------------------------

// Which `params` keys each check reads; any other key is a mistake in the profile.
std::set<std::string_view> ParamKeys(CheckKind check) {
  switch (check) {
    case CheckKind::kPartyStatus:
      return {"party_kinds", "statuses"};
    case CheckKind::kDueDiligence:
    case CheckKind::kControls:
      return {"party_kinds", "max_age_days"};
    case CheckKind::kAgreementInForce:
      return {"party_kinds"};
    case CheckKind::kNoProductionEphi:
      return {"party_kinds", "environments"};
    case CheckKind::kTimeBound:
      return {"party_kinds", "max_backdate_hours"};
    case CheckKind::kMinimumNecessary:
      return {"party_kinds", "require_justification"};
    case CheckKind::kDeveloperNoProductionWrite:
      return {"party_kinds", "environments", "permissions"};
    case CheckKind::kInfrastructurePermission:
      return {"party_kinds", "permissions"};
    case CheckKind::kApproval:
      return {"party_kinds", "environments", "permissions", "ephi_only"};
    case CheckKind::kEncryptedTransit:
      return {"party_kinds", "require_endpoint"};
  }
  return {};
}

template <typename T>
void Assign(T& target, const std::optional<T>& value) {
  if (value) target = *value;
}

void ReadParam(Reader& r, std::string_view key, const toml::node& node, RuleParams& p) {
  if (key == "party_kinds") return Assign(p.party_kinds, r.Set<PartyKind>(key, node));
  if (key == "statuses") return Assign(p.statuses, r.Set<PartyStatus>(key, node));
  if (key == "environments") return Assign(p.environments, r.Set<Environment>(key, node));
  if (key == "permissions") return Assign(p.permissions, r.Set<Permission>(key, node));
  if (key == "max_age_days") return Assign(p.max_age_days, r.Int(key, node, 0, 36500));
  if (key == "max_backdate_hours") {
    return Assign(p.max_backdate_hours, r.Int(key, node, 0, 24 * 365));
  }
  if (key == "require_justification") return Assign(p.require_justification, r.Bool(key, node));
  if (key == "ephi_only") return Assign(p.ephi_only, r.Bool(key, node));
  if (key == "require_endpoint") return Assign(p.require_endpoint, r.Bool(key, node));
}

void ReadParams(Reader& rule_reader, const toml::node& node, AccessRule& rule) {
  const auto* table = node.as_table();
  if (!table) return rule_reader.Fail("params", "must be a table", node);
  Reader r(rule_reader.problems(), rule_reader.Field("params"));
  const auto allowed = ParamKeys(rule.check);
  for (const auto& [key, value] : *table) {
    if (!allowed.contains(key.str())) {
      r.Fail(key.str(), "unknown parameter for check " + std::string(Name(rule.check)), value);
      continue;
    }
    ReadParam(r, key.str(), value, rule.params);
  }
}

// --- one rule -----------------------------------------------------------------------------

const std::regex& RuleIdPattern() {
  static const std::regex re("^[a-z0-9][a-z0-9_.-]*$");
  return re;
}

const std::regex& SeedRefPattern() {
  static const std::regex re("^[A-Z]{2}-[0-9]+$");
  return re;
}

void ReadRuleText(Reader& r, std::string_view key, const toml::node& node, AccessRule& rule) {
  auto value = r.String(key, node);
  if (!value) return;
  if (key == "id") {
    if (!std::regex_match(*value, RuleIdPattern())) {
      return r.Fail(key, "must be lower case letters, digits, '.', '_' or '-'", node);
    }
    rule.id = *value;
  } else if (key == "seed_ref") {
    if (!std::regex_match(*value, SeedRefPattern())) {
      return r.Fail(key, "must be a MISSION id such as TP-4", node);
    }
    rule.seed_ref = *value;
  } else if (key == "seed") {
    rule.seed = *value;
  } else if (key == "statement") {
    rule.statement = *value;
  } else if (key == "citation") {
    rule.citation = *value;
  } else if (key == "remedy") {
    rule.remedy = *value;
  } else if (key == "reason") {
    rule.reason = *value;
  }
}

constexpr std::string_view kRuleTextKeys[] = {"id",       "seed_ref", "seed",  "statement",
                                              "citation", "remedy",   "reason"};
constexpr std::string_view kRequiredRuleKeys[] = {"id",   "check",     "seed_ref",
                                                  "seed", "statement", "remedy"};

bool IsRuleTextKey(std::string_view key) {
  return std::find(std::begin(kRuleTextKeys), std::end(kRuleTextKeys), key) !=
         std::end(kRuleTextKeys);
}

// The check first: it decides which params are valid.
bool ReadCheck(Reader& r, const toml::table& table, AccessRule& rule) {
  const toml::node* node = table.get("check");
  if (!node) return false;
  auto name = r.String("check", *node);
  if (!name) return false;
  auto check = ParseCheckKind(*name);
  if (!check) {
    r.Fail("check", "unknown check '" + *name + "' (one of: " + AllNames<CheckKind>() + ")", *node);
    return false;
  }
  rule.check = *check;
  rule.params = DefaultParams(*check);
  return true;
}

std::optional<AccessRule> ReadRule(Problems& problems, const toml::node& node, size_t index) {
  Reader r(problems, "access.rules[" + std::to_string(index) + "]");
  const auto* table = node.as_table();
  if (!table) {
    problems.Add(r.prefix(), "must be a table ([[access.rules]])", LineOf(node));
    return std::nullopt;
  }
  AccessRule rule;
  rule.line = LineOf(node);
  const bool check_ok = ReadCheck(r, *table, rule);
  for (const auto& [key, value] : *table) {
    std::string_view k = key.str();
    if (k == "check") continue;
    if (k == "params") {
      if (check_ok) ReadParams(r, value, rule);
    } else if (IsRuleTextKey(k)) {
      ReadRuleText(r, k, value, rule);
    } else {
      r.Fail(k, "unknown key", value);
    }
  }
  for (std::string_view k : kRequiredRuleKeys) {
    if (!table->contains(k)) problems.Add(r.Field(k), "is required", rule.line);
  }
  if (check_ok && rule.check != CheckKind::kApproval && !rule.reason.empty()) {
    r.Fail("reason", "only approval rules take a reason (the others explain each failure)",
           *table->get("reason"));
  }
  return rule;
}

// --- the section --------------------------------------------------------------------------

void ReadRequiredAgreements(Reader& access, std::string_view key, const toml::node& node,
                            std::array<EnumSet<AgreementType>, 4>& out) {
  const auto* table = node.as_table();
  if (!table) return access.Fail(key, "must be a table of party kind = [agreement types]", node);
  Reader r(access.problems(), access.Field(key));
  for (const auto& [kind_name, types] : *table) {
    auto kind = ParsePartyKind(kind_name.str());
    if (!kind) {
      r.Fail(kind_name.str(), "unknown party kind (one of: " + AllNames<PartyKind>() + ")", types);
      continue;
    }
    if (auto set = r.Set<AgreementType>(kind_name.str(), types)) {
      out[static_cast<size_t>(*kind)] = *set;
    }
  }
}

void ReadApprovers(Reader& r, const toml::node& node, AccessPolicy& out) {
  auto roles = r.Strings("approver_roles", node);
  if (!roles) return;
  if (roles->empty()) return r.Fail("approver_roles", "must name at least one role", node);
  for (const auto& role : *roles) {
    if (std::find(std::begin(kApproverRoles), std::end(kApproverRoles), role) ==
        std::end(kApproverRoles)) {
      return r.Fail("approver_roles",
                    "'" + role +
                        "' cannot approve access (security_officer, privacy_officer "
                        "or staff)",
                    node);
    }
  }
  out.approver_roles = *roles;
}

void ReadRules(Reader& r, const toml::node& node, AccessPolicy& out) {
  const auto* array = node.as_array();
  if (!array) return r.Fail("rules", "must be an array of tables ([[access.rules]])", node);
  if (array->empty()) return r.Fail("rules", "at least one rule is required", node);
  if (array->size() > AccessPolicy::kMaxRules) {
    return r.Fail("rules", "at most " + std::to_string(AccessPolicy::kMaxRules) + " rules", node);
  }
  for (size_t i = 0; i < array->size(); ++i) {
    if (auto rule = ReadRule(r.problems(), *array->get(i), i)) out.rules.push_back(*rule);
  }
}

std::string ApprovalReason(const std::vector<std::string>& roles) {
  return "needs approval by " + domain::RoleList(roles);
}

// Rules against each other and against the section: unique ids, and what checks need.
void CheckConsistency(const toml::table& access, Problems& problems, AccessPolicy& out) {
  const int line = LineOf(access);
  std::set<std::string> ids;
  bool agreements_missing = !access.contains("required_agreements");
  for (size_t i = 0; i < out.rules.size(); ++i) {
    AccessRule& rule = out.rules[i];
    const std::string field = "access.rules[" + std::to_string(i) + "]";
    if (!rule.id.empty() && !ids.insert(rule.id).second) {
      problems.Add(field + ".id", "duplicate rule id '" + rule.id + "'", rule.line);
    }
    // A key that is present but wrong has its own error already.
    if (rule.check == CheckKind::kTimeBound && !access.contains("max_grant_days")) {
      problems.Add("access.max_grant_days", "is required by the time_bound rule " + rule.id, line);
    }
    if (rule.check == CheckKind::kApproval && !access.contains("approver_roles")) {
      problems.Add("access.approver_roles", "is required by the approval rule " + rule.id, line);
    }
    if (rule.check == CheckKind::kAgreementInForce && agreements_missing) {
      problems.Add("access.required_agreements", "is required by the rule " + rule.id, line);
      agreements_missing = false;  // said once
    }
    if (rule.check == CheckKind::kApproval && rule.reason.empty()) {
      rule.reason = ApprovalReason(out.approver_roles);
    }
  }
}

}  // namespace

void ParseAccess(const toml::table& access, Problems& problems, AccessPolicy& out) {
  Reader r(problems, "access");
  for (const auto& [key, node] : access) {
    std::string_view k = key.str();
    if (k == "approver_roles") {
      ReadApprovers(r, node, out);
    } else if (k == "max_grant_days") {
      Assign(out.max_grant_days, r.Int(k, node, 1, kMaxGrantDaysLimit));
    } else if (k == "required_agreements") {
      ReadRequiredAgreements(r, k, node, out.required_agreements);
    } else if (k == "required_agreements_if_ephi") {
      ReadRequiredAgreements(r, k, node, out.required_agreements_if_ephi);
    } else if (k == "rules") {
      ReadRules(r, node, out);
    } else {
      r.Fail(k, "unknown key", node);
    }
  }
  if (!access.contains("rules")) {
    problems.Add("access.rules", "at least one [[access.rules]] is required", LineOf(access));
  }
  CheckConsistency(access, problems, out);
}

}  // namespace accord::policy::internal
