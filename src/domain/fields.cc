#include "accord/domain/fields.h"

#include <boost/json.hpp>
#include <cmath>
#include <cstdint>
#include <set>

#include "accord/core/time.h"
#include "accord/core/utf8.h"

namespace accord::domain {

namespace json = boost::json;

namespace {

// Well-formed UTF-8 (Unicode Table 3-7): no stray continuation bytes, overlong forms,
// surrogates or code points above U+10FFFF.

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

bool OneOf(const std::vector<std::string>& values, std::string_view v) {
  for (const auto& x : values) {
    if (x == v) return true;
  }
  return false;
}

// Checks a string value; returns an empty reason when it is fine.
std::string CheckString(const FieldSpec& spec, std::string_view s) {
  bool text = spec.type == FieldType::kText;
  if (s.empty()) return "must not be empty";
  if (s.size() > spec.max_length) {
    return "must be at most " + std::to_string(spec.max_length) + " bytes";
  }
  if (!IsValidUtf8(s)) return "must be valid UTF-8";
  if (HasControlChars(s, text)) {
    return text ? "must not contain control characters other than newline and tab"
                : "must not contain control characters or line breaks";
  }
  // "Relay SMS " next to "Relay SMS" would be two parties a person cannot tell apart.
  if (!text && (s.front() == ' ' || s.back() == ' ')) {
    return "must not start or end with a space";
  }
  return {};
}

// Validates one present, non-null value; writes the normalised value or a detail.
void CheckValue(const FieldSpec& spec, const json::value& v, const std::string& path,
                json::value& out, std::vector<ErrorDetail>& details) {
  auto fail = [&](std::string reason) { details.push_back({path, std::move(reason), {}}); };
  switch (spec.type) {
    case FieldType::kString:
    case FieldType::kText:
    case FieldType::kId: {
      if (!v.is_string()) return fail("must be a string");
      std::string reason = CheckString(spec, v.as_string());
      if (!reason.empty()) return fail(reason);
      out = v;
      return;
    }
    case FieldType::kEnum:
      if (!v.is_string() || !OneOf(spec.values, v.as_string())) {
        return fail("must be one of: " + Join(spec.values));
      }
      out = v;
      return;
    case FieldType::kBool:
      if (!v.is_bool()) return fail("must be true or false");
      out = v;
      return;
    case FieldType::kInt: {
      if (!v.is_int64() && !v.is_uint64()) return fail("must be an integer");
      // A uint64 holds either a small unsigned value built in code or one beyond int64.
      bool fits = v.is_int64() || v.as_uint64() <= static_cast<uint64_t>(INT64_MAX);
      double d = fits ? static_cast<double>(v.to_number<int64_t>()) : 1e300;
      if (spec.max > spec.min && (d < spec.min || d > spec.max)) {
        return fail("must be between " + std::to_string(static_cast<int64_t>(spec.min)) + " and " +
                    std::to_string(static_cast<int64_t>(spec.max)));
      }
      if (!fits) return fail("is too large");
      out = v.to_number<int64_t>();
      return;
    }
    case FieldType::kNumber: {
      if (!v.is_number()) return fail("must be a number");
      double d = v.to_number<double>();
      if (!std::isfinite(d) || (spec.max > spec.min && (d < spec.min || d > spec.max))) {
        return fail("must be between " + json::serialize(json::value(spec.min)) + " and " +
                    json::serialize(json::value(spec.max)));
      }
      out = v;
      return;
    }
    case FieldType::kTime: {
      if (!v.is_string()) return fail("must be an RFC 3339 time or a YYYY-MM-DD date");
      std::string s(v.as_string());
      if (s.size() == 10) s += "T00:00:00Z";
      auto t = ParseRfc3339(s);
      if (!t.ok()) return fail("must be an RFC 3339 time or a YYYY-MM-DD date");
      out = FormatRfc3339(*t);
      return;
    }
    case FieldType::kEmail:
      if (!v.is_string() || !IsValidEmail(v.as_string())) {
        return fail("must be an email address like name@example.com");
      }
      out = v;
      return;
    case FieldType::kPhone:
      if (!v.is_string() || !IsValidE164(v.as_string())) {
        return fail("must be an E.164 phone number like +14155550123");
      }
      out = v;
      return;
    case FieldType::kEnumList:
    case FieldType::kIdList:
    case FieldType::kStringList: {
      if (!v.is_array()) return fail("must be an array");
      const auto& arr = v.as_array();
      if (arr.size() > spec.max_length) {
        return fail("must have at most " + std::to_string(spec.max_length) + " items");
      }
      std::set<std::string> seen;
      json::array norm;
      for (size_t i = 0; i < arr.size(); ++i) {
        std::string item_path = path + "[" + std::to_string(i) + "]";
        const auto& item = arr[i];
        if (!item.is_string()) {
          details.push_back({item_path, "must be a string", {}});
          continue;
        }
        std::string_view s = item.as_string();
        if (spec.type == FieldType::kEnumList && !OneOf(spec.values, s)) {
          details.push_back({item_path, "must be one of: " + Join(spec.values), {}});
          continue;
        }
        FieldSpec item_spec{.name = spec.name, .max_length = 200};
        if (std::string reason = CheckString(item_spec, s); !reason.empty()) {
          details.push_back({item_path, reason, {}});
          continue;
        }
        if (!seen.insert(std::string(s)).second) {
          details.push_back({item_path, "is listed twice", {}});
          continue;
        }
        norm.push_back(item);
      }
      out = std::move(norm);
      return;
    }
    case FieldType::kObject: {
      if (!v.is_object()) return fail("must be an object");
      json::object nested;
      ValidateFields(spec.fields, v.as_object(), false, path, nested, details);
      out = std::move(nested);
      return;
    }
    case FieldType::kObjectList: {
      if (!v.is_array()) return fail("must be an array of objects");
      const auto& arr = v.as_array();
      if (arr.size() > spec.max_length) {
        return fail("must have at most " + std::to_string(spec.max_length) + " items");
      }
      json::array norm;
      for (size_t i = 0; i < arr.size(); ++i) {
        std::string item_path = path + "[" + std::to_string(i) + "]";
        if (!arr[i].is_object()) {
          details.push_back({item_path, "must be an object", {}});
          continue;
        }
        json::object nested;
        ValidateFields(spec.fields, arr[i].as_object(), false, item_path, nested, details);
        norm.push_back(std::move(nested));
      }
      out = std::move(norm);
      return;
    }
  }
}

const char* TypeName(FieldType t) {
  switch (t) {
    case FieldType::kBool:
      return "boolean";
    case FieldType::kInt:
      return "integer";
    case FieldType::kNumber:
      return "number";
    case FieldType::kEnumList:
    case FieldType::kIdList:
    case FieldType::kStringList:
    case FieldType::kObjectList:
      return "array";
    case FieldType::kObject:
      return "object";
    default:
      return "string";
  }
}

}  // namespace

void ValidateFields(const std::vector<FieldSpec>& specs, const json::object& body, bool partial,
                    std::string_view prefix, json::object& out, std::vector<ErrorDetail>& details) {
  auto path_of = [&](std::string_view name) {
    return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
  };
  for (const auto& [key, value] : body) {
    const FieldSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (s.name == key) spec = &s;
    }
    if (!spec) {
      details.push_back({path_of(key), "unknown field", {}});
      continue;
    }
    if (spec->read_only) {
      details.push_back({path_of(key), "is set by the server and cannot be given", {}});
    }
  }
  for (const auto& spec : specs) {
    if (spec.read_only) continue;
    const json::value* v = body.if_contains(spec.name);
    std::string path = path_of(spec.name);
    if (!v) {
      if (spec.required && !partial && !out.contains(spec.name)) {
        details.push_back({path, "is required", {}});
      }
      continue;
    }
    if (v->is_null()) {
      if (spec.required) {
        details.push_back({path, "is required and cannot be null", {}});
      } else {
        out.erase(spec.name);
      }
      continue;
    }
    json::value normalised;
    size_t before = details.size();
    CheckValue(spec, *v, path, normalised, details);
    if (details.size() == before) out[spec.name] = std::move(normalised);
  }
}

Error ValidationErrors(std::vector<ErrorDetail> details) {
  std::string message = details.front().field + ": " + details.front().reason;
  if (details.size() > 1) message += " (and " + std::to_string(details.size() - 1) + " more)";
  return Error{ErrorCode::kValidationFailed, std::move(message), std::move(details)};
}

void RemoveInternalFields(const std::vector<FieldSpec>& specs, json::object& doc) {
  for (const auto& s : specs) {
    if (s.internal) doc.erase(s.name);
  }
}

namespace {

enum class SchemaUse { kCreate, kPatch, kView };

json::object ObjectSchema(const std::vector<FieldSpec>& specs, SchemaUse use);

// One field's JSON Schema. In a view, a field that may be absent or null says so.
json::object PropertyOf(const FieldSpec& s, SchemaUse use) {
  json::object p{{"type", TypeName(s.type)}};
  bool nullable = use == SchemaUse::kView && !s.required;
  if (nullable) p["type"] = json::array{TypeName(s.type), "null"};
  if (!s.description.empty()) p["description"] = s.description;
  if (s.type == FieldType::kEnum) {
    json::array values(s.values.begin(), s.values.end());
    if (nullable) values.emplace_back(nullptr);
    p["enum"] = std::move(values);
  }
  if (s.type == FieldType::kEnumList) {
    p["items"] = json::object{{"type", "string"}, {"enum", json::value_from(s.values)}};
  } else if (s.type == FieldType::kIdList || s.type == FieldType::kStringList) {
    p["items"] = json::object{{"type", "string"}};
  }
  if (s.type == FieldType::kTime) p["format"] = "date-time";
  if (s.type == FieldType::kEmail) p["format"] = "email";
  SchemaUse nested_use = use == SchemaUse::kView ? use : SchemaUse::kCreate;
  if (s.type == FieldType::kObject && !s.fields.empty()) {
    json::object nested = ObjectSchema(s.fields, nested_use);
    p["properties"] = nested["properties"];
    if (use == SchemaUse::kView && nested.contains("required")) p["required"] = nested["required"];
  }
  if (s.type == FieldType::kObjectList) p["items"] = ObjectSchema(s.fields, nested_use);
  return p;
}

json::object ObjectSchema(const std::vector<FieldSpec>& specs, SchemaUse use) {
  json::object props;
  json::array required;
  for (const auto& s : specs) {
    if (s.read_only && use != SchemaUse::kView) continue;
    props[s.name] = PropertyOf(s, use);
    // A view always has the required fields (the server's own among them), except what a
    // party's contact is not shown.
    bool present = use == SchemaUse::kView ? s.required && !s.internal
                                           : s.required && use == SchemaUse::kCreate;
    if (present) required.push_back(json::value(s.name));
  }
  json::object schema{{"type", "object"}, {"properties", std::move(props)}};
  if (!required.empty()) schema["required"] = std::move(required);
  // A request names only known fields; a view may carry more (ledger_index, allowed_actions).
  if (use != SchemaUse::kView) schema["additionalProperties"] = false;
  return schema;
}

}  // namespace

json::object SchemaOf(const std::vector<FieldSpec>& specs, bool for_patch) {
  return ObjectSchema(specs, for_patch ? SchemaUse::kPatch : SchemaUse::kCreate);
}

json::object ViewSchemaOf(const std::vector<FieldSpec>& specs) {
  return ObjectSchema(specs, SchemaUse::kView);
}

bool HasControlChars(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (c == '\n' || c == '\t' || c == '\r') {
      if (!allow_newlines) return true;
      continue;
    }
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

bool IsValidEmail(std::string_view s) {
  if (s.size() < 3 || s.size() > 254) return false;
  size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at != s.rfind('@')) return false;
  std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.size() > 64 || domain.empty()) return false;
  for (char c : local) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) ||
          std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos)) {
      return false;
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  // The domain: dot-separated labels of letters, digits and hyphens, at least two labels.
  size_t labels = 0, start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return false;
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

bool IsValidE164(std::string_view s) {
  if (s.size() < 9 || s.size() > 16 || s[0] != '+' || s[1] == '0') return false;
  for (char c : s.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : Lowercase(name)) {
    bool part =
        std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80);
    if (part) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string IndexedPrefix(std::string_view word) {
  size_t n = std::min(word.size(), kMaxIndexedPrefix);
  while (n > 0 && n < word.size() && IsContinuation(word[n])) --n;
  return std::string(word.substr(0, n));
}

std::vector<std::string> WordPrefixes(std::string_view word) {
  std::vector<std::string> out;
  std::string_view limited = std::string_view(word).substr(0, IndexedPrefix(word).size());
  for (size_t n = 1; n <= limited.size(); ++n) {
    if (n < word.size() && IsContinuation(word[n])) continue;
    out.emplace_back(limited.substr(0, n));
  }
  return out;
}

}  // namespace accord::domain
