// JSON with two-space indentation, keys in their order, for documents the repository keeps
// (docs/openapi.json) so that their diffs read line by line.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace accord::testing {

std::string PrettyJson(const boost::json::value& v);

}  // namespace accord::testing
