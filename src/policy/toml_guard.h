// toml++ 3.3 (Debian 12) reaches __builtin_unreachable, undefined behaviour, whenever it asks
// whether U+00A1–U+0499, U+2C5E–U+3057 (but U+3000) or U+FB26–U+FEFE is whitespace
// (marzer/tomlplusplus#190, fixed upstream only in 2026): outside strings, after a line-ending
// backslash, and on its error paths. Found by the toml_profile fuzzer. ParseTomlGuarded hands
// toml++ the text with each such character moved to U+F0000 + c (Supplementary Private Use
// Area-A, past the range toml++ asks about) and moves every string back after parsing, so what
// a profile says is unchanged. A text that already holds U+F0000–U+FFFFF is refused.
#pragma once

#include <toml++/toml.h>
#include <string_view>

namespace accord::policy::internal {

// toml::parse with the characters above moved out of toml++'s way. Throws toml::parse_error
// as toml::parse does.
toml::table ParseTomlGuarded(std::string_view text, std::string_view origin);

}  // namespace accord::policy::internal
