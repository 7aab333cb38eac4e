// Field specs for what the API takes (input fields) and the meta fields every registry object
// carries: shared by the files that define registry kinds (registry_kinds.cc,
// registry_kinds_work.cc, questionnaire.cc). output_fields.h has the read-only ones.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "accord/domain/fields.h"
#include "output_fields.h"

namespace accord::domain::input_fields {

inline FieldSpec Str(std::string name, bool required = false, std::string description = "") {
  return {.name = std::move(name),
          .type = FieldType::kString,
          .required = required,
          .description = std::move(description)};
}
inline FieldSpec Text(std::string name, size_t max = 10000) {
  return {.name = std::move(name), .type = FieldType::kText, .max_length = max};
}
inline FieldSpec Enum(std::string name, std::vector<std::string> values, bool required = false) {
  return {.name = std::move(name),
          .type = FieldType::kEnum,
          .required = required,
          .values = std::move(values)};
}
inline FieldSpec Bool(std::string name, bool required = false, std::string description = "") {
  return {.name = std::move(name),
          .type = FieldType::kBool,
          .required = required,
          .description = std::move(description)};
}
inline FieldSpec Time(std::string name, bool required = false) {
  return {.name = std::move(name), .type = FieldType::kTime, .required = required};
}
inline FieldSpec Number(std::string name, double min, double max) {
  return {.name = std::move(name), .type = FieldType::kNumber, .min = min, .max = max};
}

// Our own assessment of a party (risk, criticality, who owns it here): kept from its contacts.
inline FieldSpec Internal(FieldSpec f) {
  f.internal = true;
  f.description += f.description.empty() ? "" : "; ";
  f.description += "internal: not shown to the party's contacts";
  return f;
}

// Fields every registry object carries, set by the server.
inline void AddMeta(std::vector<FieldSpec>& fields, const std::string& parent_kind) {
  using output_fields::Out;
  fields.push_back(Out("id"));
  for (const char* f : {"created_at", "updated_at"}) fields.push_back(Out(f, FieldType::kTime));
  fields.push_back(Out("version", FieldType::kInt));
  if (!parent_kind.empty()) fields.push_back(Out(parent_kind + "_id"));
}

}  // namespace accord::domain::input_fields
