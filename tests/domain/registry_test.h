// Helpers of the registry's pure-rule tests (fields_test.cc, registry_test.cc): parsing a
// body, the fields and reasons of errors, new objects that must pass or fail.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::domain::registry_test {

namespace json = boost::json;

inline const TimePoint kNow = TimePoint(std::chrono::milliseconds(1795000000000));

inline json::object Obj(std::string_view text) { return json::parse(text).as_object(); }

inline std::vector<std::string> Fields(const std::vector<ErrorDetail>& details) {
  std::vector<std::string> out;
  for (const auto& d : details) out.push_back(d.field);
  return out;
}

inline std::vector<std::string> Fields(const Error& e) { return Fields(e.details); }

// The reason given for `field`, or "" when that field has no detail.
inline std::string ReasonFor(const std::vector<ErrorDetail>& details, std::string_view field) {
  for (const auto& d : details) {
    if (d.field == field) return d.reason;
  }
  return "";
}

inline const KindSpec& Kind(std::string_view name) {
  const KindSpec* k = FindKind(name);
  EXPECT_NE(k, nullptr) << name;
  return *k;
}

inline json::object NewOk(std::string_view kind, std::string_view body, std::string parent = "") {
  auto r = NewObject(Kind(kind), Obj(body), "id_1", std::move(parent), kNow);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? *r : json::object{};
}

inline Error NewFails(std::string_view kind, std::string_view body) {
  auto r = NewObject(Kind(kind), Obj(body), "id_1", "pty_1", kNow);
  EXPECT_FALSE(r.ok()) << kind << " " << body;
  if (r.ok()) return Error{};
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
  EXPECT_FALSE(r.error().details.empty());
  return r.error();
}

}  // namespace accord::domain::registry_test
