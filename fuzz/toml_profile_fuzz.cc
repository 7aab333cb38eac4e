// A policy profile's TOML text (accord profile check / --profile FILE).
#include <string_view>

#include "accord/policy/profile.h"
#include "fuzz_entry.h"

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto profile = accord::policy::ParseProfile(text, "fuzz.toml");
  if (!profile.ok()) {
    FUZZ_CHECK(!profile.error().details.empty());
    return 0;
  }
  // An accepted profile parses again to the same thing.
  auto again = accord::policy::ParseProfile(profile->source, "fuzz.toml");
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->sha256 == profile->sha256);
  return 0;
}
