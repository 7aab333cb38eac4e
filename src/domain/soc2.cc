#include "accord/domain/soc2.h"

#include <array>
#include <cctype>

#include "accord/domain/registry.h"

namespace accord::domain {

namespace json = boost::json;
using F = FieldType;

FieldSpec Soc2ExceptionsField() {
  return {.name = "exceptions",
          .type = F::kObjectList,
          .max_length = 200,
          .fields = {{.name = "control", .type = F::kString, .required = true},
                     {.name = "description", .type = F::kText, .max_length = 4000},
                     {.name = "severity",
                      .type = F::kEnum,
                      .values = {"critical", "high", "medium", "low"}}},
          .description = "exceptions the auditor noted; each becomes a finding"};
}

FieldSpec Soc2UserEntityControlsField() {
  return {.name = "user_entity_controls",
          .type = F::kObjectList,
          .max_length = 200,
          .fields = {{.name = "control", .type = F::kString, .required = true},
                     {.name = "owner_id", .type = F::kId, .required = true},
                     {.name = "in_place", .type = F::kBool},
                     {.name = "hipaa_citation",
                      .type = F::kString,
                      .max_length = 40,
                      .description = "the HIPAA specification it serves, e.g. "
                                     "164.308(a)(1)(ii)(A)"}},
          .description = "complementary user entity controls, each with our owner"};
}

const std::vector<FieldSpec>& Soc2ActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action", .type = F::kEnum, .required = true, .values = {"review"}},
      {.name = "reviewed_at",
       .type = F::kTime,
       .description = "when the report was reviewed (default now; not in the future)"},
      Soc2ExceptionsField(),
      Soc2UserEntityControlsField(),
      {.name = "summary", .type = F::kText, .max_length = 4000},
  };
  return kFields;
}

const std::vector<std::string>& Soc2ReviewerFields() {
  static const std::vector<std::string> kNames = {"reviewed_at", "exceptions",
                                                  "user_entity_controls", "summary"};
  return kNames;
}

namespace {

// One parenthesised paragraph of the kind `level` expects at `text[i]`; advances `i`.
bool Paragraph(std::string_view text, size_t& i, int level) {
  if (i >= text.size() || text[i] != '(') return false;
  size_t close = text.find(')', i);
  if (close == std::string_view::npos || close == i + 1) return false;
  std::string_view p = text.substr(i + 1, close - i - 1);
  auto all = [&](auto pred) {
    for (char c : p) {
      if (!pred(static_cast<unsigned char>(c))) return false;
    }
    return true;
  };
  bool ok = false;
  switch (level) {
    case 0:  // (a): a lower-case letter
      ok = p.size() == 1 && std::islower(static_cast<unsigned char>(p[0]));
      break;
    case 1:  // (1): a number
      ok = p.size() <= 2 && all([](unsigned char c) { return std::isdigit(c); }) && p[0] != '0';
      break;
    case 2: {  // (ii): a roman numeral up to 20
      static constexpr std::array<std::string_view, 20> kRoman = {
          "i",  "ii",  "iii",  "iv",  "v",  "vi",  "vii",  "viii",  "ix",  "x",
          "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
      for (auto r : kRoman) ok = ok || p == r;
      break;
    }
    case 3:  // (A): a capital letter
      ok = p.size() == 1 && std::isupper(static_cast<unsigned char>(p[0]));
      break;
  }
  if (ok) i = close + 1;
  return ok;
}

}  // namespace

std::optional<std::string> HipaaCitationProblem(std::string_view text) {
  const std::string form = "must cite 45 CFR Part 164 like 164.308(a)(1)(ii)(A)";
  if (text.size() < 7 || text.substr(0, 4) != "164.") return form;
  size_t i = 4;
  while (i < text.size() && i < 7 && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i != 7) return form + " (a three-digit section after 164.)";
  int section = std::stoi(std::string(text.substr(4, 3)));
  // Subparts C (security, 164.302-318), D (breach notification, 164.400-414) and E (privacy,
  // 164.500-534).
  bool known = (section >= 302 && section <= 318) || (section >= 400 && section <= 414) ||
               (section >= 500 && section <= 534);
  if (!known) return "section 164." + std::to_string(section) + " is not a HIPAA section";
  for (int level = 0; level < 4 && i < text.size(); ++level) {
    if (!Paragraph(text, i, level)) {
      return form + " (paragraphs in the order (a), (1), (ii), (A))";
    }
  }
  if (i != text.size()) return form;
  return std::nullopt;
}

void CheckSoc2Controls(const json::object& state, std::vector<ErrorDetail>& details) {
  const json::value* cs = state.if_contains("user_entity_controls");
  if (!cs || !cs->is_array()) return;
  const json::array& arr = cs->as_array();
  for (size_t n = 0; n < arr.size(); ++n) {
    if (!arr[n].is_object()) continue;
    std::string cite = StateString(arr[n].as_object(), "hipaa_citation");
    if (cite.empty()) continue;
    if (auto problem = HipaaCitationProblem(cite)) {
      details.push_back(
          {"user_entity_controls[" + std::to_string(n) + "].hipaa_citation", *problem, {}});
    }
  }
}

}  // namespace accord::domain
