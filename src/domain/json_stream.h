// Streams a JSON document through Boost.JSON's basic_parser and hands over, one at a time, the
// whole values found at the given paths (e.g. runs/*/results/*). Everything else is read and
// dropped, so memory follows the largest value handed over, not the document.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/scan_report.h"

namespace accord::domain::json_stream {

// A path's segments: object keys, or "*" for any element of an array.
using Path = std::vector<std::string>;

// `pattern`: the index in the patterns; `indices`: the array indices along the path (one per
// "*"). A returned error stops the parse and is returned.
using OnValue = std::function<Status(size_t pattern, const std::vector<size_t>& indices,
                                     boost::json::value&& value)>;

Status Stream(const ScanReader& read, const std::vector<Path>& patterns, const OnValue& on_value);

}  // namespace accord::domain::json_stream
