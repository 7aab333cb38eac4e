#include "support/api_assert.h"

#include <gtest/gtest.h>

namespace accord::testing {

namespace json = boost::json;

json::object ExpectError(const HttpResult& r, int status, std::string_view code) {
  EXPECT_EQ(r.status, status) << r.body;
  json::error_code ec;
  auto v = json::parse(r.body, ec);
  EXPECT_FALSE(ec) << r.body;
  if (ec || !v.is_object() || !v.as_object().contains("error")) return {};
  auto e = v.at("error").as_object();
  EXPECT_EQ(e.at("code").as_string(), code) << r.body;
  EXPECT_TRUE(e.at("message").is_string());
  EXPECT_TRUE(e.at("details").is_array());
  return e;
}

std::string FirstField(const json::object& e) {
  if (!e.contains("details") || e.at("details").as_array().empty()) return "";
  return std::string(e.at("details").at(0).at("field").as_string());
}

}  // namespace accord::testing
