// Field specs for what the API answers about kinds written by their own commands (read-only
// fields): the type, and whether the field is always there (required) or may be null or absent.
// Shared by registry_kinds.cc and each kind defined in a file of its own (change_requests.cc).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "accord/domain/fields.h"

namespace accord::domain::output_fields {

inline FieldSpec Out(std::string name, FieldType type = FieldType::kString, bool always = true) {
  return {.name = std::move(name), .type = type, .required = always, .read_only = true};
}
inline FieldSpec OutOpt(std::string name, FieldType type = FieldType::kString) {
  return Out(std::move(name), type, false);
}
inline FieldSpec OutObject(std::string name, std::vector<FieldSpec> fields, bool always = false,
                           FieldType type = FieldType::kObject) {
  FieldSpec f = Out(std::move(name), type, always);
  f.fields = std::move(fields);
  return f;
}
// Who did something, as events record it (domain::ActorJson), with a name where the view adds
// one.
inline FieldSpec ActorOut(std::string name, bool always = false) {
  return OutObject(std::move(name),
                   {Out("id"), Out("role"), OutOpt("name"), OutOpt("email", FieldType::kEmail)},
                   always);
}

}  // namespace accord::domain::output_fields
