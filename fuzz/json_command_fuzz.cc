// A JSON command body as a route receives it: ParseJsonObject, then the registry's field-spec
// validation (create and PATCH) for one kind, chosen by the first byte.
#include <boost/json.hpp>
#include <cstdio>
#include <string_view>
#include <vector>

#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/http/json.h"
#include "fuzz_entry.h"

namespace json = boost::json;

namespace {

// A lifecycle that allows no status change: PATCH still validates everything else.
std::vector<std::string> NoTransitions(std::string_view, std::string_view) { return {}; }

}  // namespace

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const auto& kinds = accord::domain::RegistryKinds();
  const uint8_t selector = data[0];
  const auto& spec = kinds[selector % kinds.size()];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto parsed = accord::http::ParseJsonObject(body);
  if (!parsed.ok()) return 0;
  const bool partial = (selector & 0x80) != 0;
  json::object out;
  std::vector<accord::ErrorDetail> details;
  accord::domain::ValidateFields(spec.fields, *parsed, partial, "", out, details);
  if (!details.empty()) {
    // Every problem says what is wrong (the field may be "": a body can have a key "").
    for (const auto& d : details) FUZZ_CHECK(!d.reason.empty());
    return 0;
  }
  // What validation accepted, validated again, is accepted unchanged.
  json::object again;
  accord::domain::ValidateFields(spec.fields, out, partial, "", again, details);
  for (const auto& d : details) {
    std::fprintf(stderr, "%s: accepted, then refused: %s: %s\n", spec.kind.c_str(), d.field.c_str(),
                 d.reason.c_str());
  }
  FUZZ_CHECK(details.empty());
  FUZZ_CHECK(again == out);
  const accord::TimePoint now{std::chrono::milliseconds(1'700'000'000'000)};
  auto created = accord::domain::NewObject(spec, *parsed, "obj_1", "", now);
  if (created.ok()) {
    std::vector<std::string> changed;
    (void)accord::domain::PatchObject(spec, *created, *parsed, now, changed, NoTransitions);
  }
  return 0;
}
