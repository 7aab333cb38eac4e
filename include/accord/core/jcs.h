// RFC 8785 JSON Canonicalization Scheme: the exact bytes that ledger leaves are hashed from.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "accord/core/result.h"

namespace accord {

// Fails with kValidationFailed (naming the offending field, e.g. "payload.items[2]") on
// NaN/Infinity, integers beyond +-2^53 (not exactly representable as IEEE 754 doubles),
// strings that are not valid UTF-8, or nesting deeper than 512 levels.
[[nodiscard]] Result<std::string> Canonicalize(const boost::json::value& value);

// Appends to out, so a hot path can reuse one buffer; on error out is left as it was.
[[nodiscard]] Status CanonicalizeTo(const boost::json::value& value, std::string& out);

// The same for an object or a string, so callers can assemble canonical JSON without
// first copying their data into a boost::json::value.
[[nodiscard]] Status CanonicalizeObjectTo(const boost::json::object& object, std::string& out);
[[nodiscard]] Status CanonicalizeStringTo(std::string_view text, std::string& out);

}  // namespace accord
