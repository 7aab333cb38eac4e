// The [reviews] section of a profile (docs/profiles.md): who opens, documents and approves
// the recurring third-party reviews (TP-9 … TP-15), their schedules, reminders, finding
// deadlines and which change notices are substantial. Every key is optional.
#include <algorithm>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/rrule.h"
#include "accord/domain/identity.h"
#include "profile_internal.h"

namespace accord::policy {

int ReviewsPolicy::RemediationDays(std::string_view severity) const {
  if (severity == "critical") return remediation_critical_days;
  if (severity == "high") return remediation_high_days;
  if (severity == "medium") return remediation_medium_days;
  if (severity == "low") return remediation_low_days;
  return 0;
}

const std::string& ReviewsPolicy::RRuleFor(std::string_view review_kind) const {
  static const std::string kNotRecurring;
  if (review_kind == "partner_list_review") return partner_list_review_rrule;
  if (review_kind == "party_review") return party_review_rrule;
  if (review_kind == "activity_review") return activity_review_rrule;
  if (review_kind == "sla_review") return sla_review_rrule;
  if (review_kind == "sla_report") return sla_report_rrule;
  return kNotRecurring;
}

namespace internal {
namespace {

struct RolesKey {
  const char* key;
  std::vector<std::string> ReviewsPolicy::*field;
};

struct IntKey {
  const char* key;
  int ReviewsPolicy::*field;
  int min;
  int max;
};

struct ScheduleKey {
  const char* key;
  std::string ReviewsPolicy::*field;
};

struct BoolKey {
  const char* key;
  bool ReviewsPolicy::*field;
};

constexpr RolesKey kRolesKeys[] = {
    {"open_roles", &ReviewsPolicy::open_roles},
    {"assignee_roles", &ReviewsPolicy::assignee_roles},
    {"approve_roles", &ReviewsPolicy::approve_roles},
};

constexpr IntKey kIntKeys[] = {
    {"open_ahead_days", &ReviewsPolicy::open_ahead_days, 1, 180},
    {"overdue_reminder_days", &ReviewsPolicy::overdue_reminder_days, 1, 90},
    {"soc2_max_age_months", &ReviewsPolicy::soc2_max_age_months, 1, 36},
    {"scan_cadence_days", &ReviewsPolicy::scan_cadence_days, 1, 366},
};

// Most severe first: the order the deadlines may not shorten in.
constexpr IntKey kRemediationKeys[] = {
    {"critical", &ReviewsPolicy::remediation_critical_days, 1, 365},
    {"high", &ReviewsPolicy::remediation_high_days, 1, 365},
    {"medium", &ReviewsPolicy::remediation_medium_days, 1, 365},
    {"low", &ReviewsPolicy::remediation_low_days, 1, 365},
};

constexpr ScheduleKey kScheduleKeys[] = {
    {"partner_list_review", &ReviewsPolicy::partner_list_review_rrule},
    {"party_review", &ReviewsPolicy::party_review_rrule},
    {"activity_review", &ReviewsPolicy::activity_review_rrule},
    {"sla_review", &ReviewsPolicy::sla_review_rrule},
    {"sla_report", &ReviewsPolicy::sla_report_rrule},
};

constexpr BoolKey kSubstantialKeys[] = {
    {"ephi_systems", &ReviewsPolicy::substantial_if_ephi_systems},
    {"new_subprocessor", &ReviewsPolicy::substantial_if_new_subprocessor},
    {"new_data_location", &ReviewsPolicy::substantial_if_new_data_location},
};

template <typename Spec, size_t N>
const Spec* Find(const Spec (&specs)[N], std::string_view key) {
  for (const auto& spec : specs) {
    if (key == spec.key) return &spec;
  }
  return nullptr;
}

template <typename Spec, size_t N>
std::string KeysOf(const Spec (&specs)[N]) {
  std::string keys;
  for (const auto& spec : specs) keys += (keys.empty() ? "" : ", ") + std::string(spec.key);
  return keys;
}

// "unknown key (one of a, b, c)": the reader sees at once what was meant.
std::string UnknownKey(const std::string& keys) { return "unknown key (one of " + keys + ")"; }

bool ReadInt(const std::string& field, const toml::node& node, const IntKey& spec,
             Problems& problems, ReviewsPolicy& out) {
  const auto* v = node.as_integer();
  if (!v || v->get() < spec.min || v->get() > spec.max) {
    problems.Add(field,
                 "must be an integer between " + std::to_string(spec.min) + " and " +
                     std::to_string(spec.max),
                 LineOf(node));
    return false;
  }
  out.*(spec.field) = static_cast<int>(v->get());
  return true;
}

// Reviews are workforce duties (TP-12): a third party or an auditor never runs one.
void ReadWorkforceRoles(const std::string& field, const toml::node& node, Problems& problems,
                        std::vector<std::string>& out) {
  std::vector<std::string> roles;
  if (!ReadRoles(field, node, false, problems, roles)) return;
  if (roles.empty()) {
    problems.Add(field, "must name at least one role", LineOf(node));
    return;
  }
  for (const auto& role : roles) {
    if (!domain::IsWorkforceRole(role)) {
      problems.Add(
          field,
          "'" + role + "' is not a workforce role (security_officer, privacy_officer or staff)",
          LineOf(node));
      return;
    }
  }
  out = std::move(roles);
}

void ReadReminderDays(const std::string& field, const toml::node& node, Problems& problems,
                      std::vector<int>& out) {
  const std::string kShape =
      "must be an array of distinct integers between 0 and 365 (days before the due date; 0 = "
      "on it)";
  const auto* array = node.as_array();
  if (!array) {
    problems.Add(field, kShape, LineOf(node));
    return;
  }
  std::vector<int> days;
  for (const auto& item : *array) {
    const auto* v = item.as_integer();
    if (!v || v->get() < 0 || v->get() > 365) {
      problems.Add(field, kShape, LineOf(item));
      return;
    }
    int day = static_cast<int>(v->get());
    if (std::find(days.begin(), days.end(), day) != days.end()) {
      problems.Add(field, std::to_string(day) + " is listed twice: days must be distinct",
                   LineOf(item));
      return;
    }
    days.push_back(day);
  }
  std::sort(days.begin(), days.end(), std::greater<>());
  out = std::move(days);
}

void ParseSchedule(const toml::table& schedule, Problems& problems, ReviewsPolicy& out) {
  for (const auto& [key, node] : schedule) {
    std::string k(key.str());
    std::string field = "reviews.schedule." + k;
    const ScheduleKey* spec = Find(kScheduleKeys, k);
    if (!spec) {
      problems.Add(field, UnknownKey(KeysOf(kScheduleKeys)), LineOf(node));
      continue;
    }
    const auto* text = node.as_string();
    if (!text) {
      problems.Add(field, "must be an RRULE string such as \"FREQ=YEARLY\"", LineOf(node));
      continue;
    }
    auto rule = ParseRRule(text->get(), field);
    if (!rule.ok()) {
      const Error& e = rule.error();
      problems.Add(field, e.details.empty() ? e.message : e.details[0].reason, LineOf(node));
      continue;
    }
    // Policy duties recur for as long as the policy stands.
    if (rule->count || rule->until) {
      problems.Add(field, "a review schedule must not end: remove COUNT/UNTIL", LineOf(node));
      continue;
    }
    out.*(spec->field) = FormatRRule(*rule);
  }
}

void ParseRemediation(const toml::table& remediation, Problems& problems, ReviewsPolicy& out) {
  bool all_read = true;
  for (const auto& [key, node] : remediation) {
    std::string k(key.str());
    std::string field = "reviews.remediation_days." + k;
    const IntKey* spec = Find(kRemediationKeys, k);
    if (!spec) {
      problems.Add(field, UnknownKey(KeysOf(kRemediationKeys)), LineOf(node));
      continue;
    }
    all_read = ReadInt(field, node, *spec, problems, out) && all_read;
  }
  if (!all_read) return;
  // A more severe finding never gets longer to fix than a less severe one.
  for (size_t i = 1; i < std::size(kRemediationKeys); ++i) {
    const IntKey& more = kRemediationKeys[i - 1];
    const IntKey& less = kRemediationKeys[i];
    if (out.*(more.field) > out.*(less.field)) {
      problems.Add("reviews.remediation_days",
                   std::string(more.key) + " (" + std::to_string(out.*(more.field)) +
                       ") must be at most " + less.key + " (" + std::to_string(out.*(less.field)) +
                       "): critical <= high <= medium <= low",
                   LineOf(remediation));
    }
  }
}

void ParseSubstantialChange(const toml::table& substantial, Problems& problems,
                            ReviewsPolicy& out) {
  for (const auto& [key, node] : substantial) {
    std::string k(key.str());
    std::string field = "reviews.substantial_change." + k;
    const BoolKey* spec = Find(kSubstantialKeys, k);
    if (!spec) {
      problems.Add(field, UnknownKey(KeysOf(kSubstantialKeys)), LineOf(node));
      continue;
    }
    const auto* v = node.as_boolean();
    if (!v) {
      problems.Add(field, "must be true or false", LineOf(node));
      continue;
    }
    out.*(spec->field) = v->get();
  }
}

struct SectionKey {
  const char* key;
  void (*parse)(const toml::table&, Problems&, ReviewsPolicy&);
};

constexpr SectionKey kSections[] = {
    {"schedule", &ParseSchedule},
    {"remediation_days", &ParseRemediation},
    {"substantial_change", &ParseSubstantialChange},
};

}  // namespace

void ParseReviews(const toml::table& reviews, Problems& problems, ReviewsPolicy& out) {
  for (const auto& [key, node] : reviews) {
    std::string k(key.str());
    std::string field = "reviews." + k;
    if (const SectionKey* section = Find(kSections, k)) {
      if (const toml::table* table = node.as_table()) {
        section->parse(*table, problems, out);
      } else {
        problems.Add(field, "must be a section ([" + field + "])", LineOf(node));
      }
    } else if (k == "reminder_days_before") {
      ReadReminderDays(field, node, problems, out.reminder_days_before);
    } else if (const RolesKey* roles = Find(kRolesKeys, k)) {
      ReadWorkforceRoles(field, node, problems, out.*(roles->field));
    } else if (const IntKey* spec = Find(kIntKeys, k)) {
      ReadInt(field, node, *spec, problems, out);
    } else {
      problems.Add(field,
                   UnknownKey(KeysOf(kRolesKeys) + ", " + KeysOf(kIntKeys) +
                              ", reminder_days_before, " + KeysOf(kSections)),
                   LineOf(node));
    }
  }
}

}  // namespace internal
}  // namespace accord::policy
