// Small readers for event payload fields used by projections.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "accord/storage/store.h"

namespace accord::storage {

// The string at `key`, or "" when absent or not a string.
std::string PayloadString(const boost::json::object& payload, std::string_view key);
// The string at `key` as a Value, NULL when absent or null.
Value PayloadStringOrNull(const boost::json::object& payload, std::string_view key);

}  // namespace accord::storage
