// Declarative field specs: how each registry object's JSON body is validated, normalised
// and documented (the OpenAPI schema is generated from the same spec).
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::domain {

enum class FieldType {
  kString,    // one line, 1..max_length bytes
  kText,      // free text, may be multi-line
  kEnum,      // one of `values`
  kEnumList,  // array of distinct `values`
  kBool,
  kInt,     // integer in [min, max]
  kNumber,  // number in [min, max]
  kTime,    // RFC 3339 or YYYY-MM-DD (midnight UTC); stored as RFC 3339 with ms
  kEmail,
  kPhone,  // E.164: +, 8..15 digits
  kId,     // an object id (checked to exist by the caller)
  kIdList,
  kStringList,  // array of short strings
  kObject,      // nested object with its own `fields`
  kObjectList,  // array of up to max_length objects, each with its own `fields`
};

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::kString;
  bool required = false;
  std::vector<std::string> values;  // kEnum, kEnumList
  double min = 0, max = 0;          // kInt, kNumber (max > min to check)
  size_t max_length = 200;          // kString, kText (bytes), lists (items)
  bool read_only = false;           // set by the server; refused in requests
  bool internal = false;            // our own assessment: never shown to the party's contacts
  std::vector<FieldSpec> fields;    // kObject, kObjectList
  std::string description;
};

// Validates `body` against `specs` into `out`. Unknown and read-only fields are errors;
// every problem is reported (field path, reason), none is fixed silently.
// With `partial` (PATCH), absent fields keep their value in `out` and required fields
// are not demanded. `null` clears an optional field.
void ValidateFields(const std::vector<FieldSpec>& specs, const boost::json::object& body,
                    bool partial, std::string_view prefix, boost::json::object& out,
                    std::vector<ErrorDetail>& details);

// The error for a non-empty details list: validation_failed, message = first detail.
Error ValidationErrors(std::vector<ErrorDetail> details);

// Removes the fields marked internal (top level): what a third party's contact may see of
// an object about its own organisation.
void RemoveInternalFields(const std::vector<FieldSpec>& specs, boost::json::object& doc);

// JSON Schema (OpenAPI 3.1) of a request body built from the specs.
boost::json::object SchemaOf(const std::vector<FieldSpec>& specs, bool for_patch);
// JSON Schema of the stored object the API answers with: the server's fields too, optional
// fields nullable, internal fields not required (a party's contact does not see them).
boost::json::object ViewSchemaOf(const std::vector<FieldSpec>& specs);

bool IsValidEmail(std::string_view s);
bool IsValidE164(std::string_view s);
bool HasControlChars(std::string_view s, bool allow_newlines);

// Lowercased words of a name, for prefix search ("Acme Health, Inc." -> acme health inc).
std::vector<std::string> NameWords(std::string_view name);
std::string Lowercase(std::string_view s);

// Search indexes every prefix of a word up to kMaxIndexedPrefix bytes (cut on UTF-8
// boundaries); a longer query word is looked up by its first kMaxIndexedPrefix bytes.
inline constexpr size_t kMaxIndexedPrefix = 16;
std::string IndexedPrefix(std::string_view word);
std::vector<std::string> WordPrefixes(std::string_view word);

}  // namespace accord::domain
