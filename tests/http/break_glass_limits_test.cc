// IdentityTest (identity_test.h), issue 21 item 4: a break-glass reason must say something,
// and the elevation is for the work, not for reading other people's credentials.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

TEST_F(IdentityTest, BreakGlassRefusesAReasonOfOnlyWhitespace) {
  AddUser("quin@luma.example", "staff");
  Signed s = SignInAndEnrol("quin@luma.example");
  const uint64_t before = f_.LedgerSize();
  for (const char* reason : {"                         ",  // 25 spaces
                             "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                             "   outage              \n        ",  // 6 characters said
                             "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
                             "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
                             "\u3000\u3000"}) {
    Reply_ r = Call("POST", "/api/v1/auth/break-glass",
                    json::serialize(json::object{{"reason", reason}}), Cookie(s.secret, s.csrf));
    EXPECT_EQ(r.status, 422) << json::serialize(r.body);
    ASSERT_TRUE(r.body.contains("error")) << json::serialize(r.body);
    const auto& details = r.body["error"].at("details").as_array();
    ASSERT_EQ(details.size(), 1u);
    EXPECT_EQ(details[0].at("field"), "reason");
  }
  EXPECT_EQ(f_.LedgerSize(), before) << "a refused reason records nothing";
  EXPECT_EQ(Call("GET", "/api/v1/alerts", "", Cookie(s.secret)).status, 403) << "not elevated";
}

TEST_F(IdentityTest, BreakGlassListsOnlyTheCallersOwnTokens) {
  std::string officer = AddUser("ros@luma.example", "security_officer");
  std::string staff = AddUser("sam@luma.example", "staff");
  auto officers = app::CreateApiToken(f_.rt().log(), {"test", "installer"}, officer,
                                      "officer automation", "", std::nullopt);
  ASSERT_TRUE(officers.ok()) << officers.error().message;
  auto own = app::CreateApiToken(f_.rt().log(), {"test", "installer"}, staff, "sam's script", "",
                                 std::nullopt);
  ASSERT_TRUE(own.ok()) << own.error().message;
  Signed s = SignInAndEnrol("sam@luma.example");
  ASSERT_EQ(Call("POST", "/api/v1/auth/break-glass",
                 R"({"reason": "EHR outage, the security officer cannot be reached"})",
                 Cookie(s.secret, s.csrf))
                .status,
            200);
  Reply_ list = Call("GET", "/api/v1/tokens", "", Cookie(s.secret));
  ASSERT_EQ(list.status, 200) << json::serialize(list.body);
  const auto& items = list.body["items"].as_array();
  ASSERT_EQ(items.size(), 1u) << json::serialize(list.body);
  EXPECT_EQ(items[0].at("id").as_string(), own->id);
  EXPECT_EQ(items[0].at("user_id").as_string(), staff);
  // Nor may the elevation revoke the officer's token (it may not take over accounts).
  EXPECT_EQ(Call("DELETE", "/api/v1/tokens/" + officers->id, "", Cookie(s.secret, s.csrf)).status,
            404);
}

TEST_F(IdentityTest, BreakGlassNeitherApprovesNorDeniesAccessRequests) {
  AddUser("tom@luma.example", "staff");
  Signed s = SignInAndEnrol("tom@luma.example");
  auto headers = Cookie(s.secret, s.csrf);
  ASSERT_EQ(Call("POST", "/api/v1/auth/break-glass",
                 R"({"reason": "EHR outage, the security officer cannot be reached"})", headers)
                .status,
            200);
  // Refused before the grant is even looked up; revoking stays possible (here: no such grant).
  for (const char* verb : {"approve", "deny"}) {
    Reply_ r = Call("POST", std::string("/api/v1/access/grants/gnt_nope/") + verb,
                    R"({"comment": "emergency"})", headers);
    EXPECT_EQ(r.status, 403) << verb << ": " << json::serialize(r.body);
  }
  EXPECT_EQ(Call("POST", "/api/v1/access/grants/gnt_nope/revoke", R"({"comment": "stop"})", headers)
                .status,
            404);
}

}  // namespace
}  // namespace accord::http::identity_test
