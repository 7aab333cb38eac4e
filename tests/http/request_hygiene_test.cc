// Issue 21 item 6, in-process (identity_test.h's fixture): the Authorization scheme is
// case-insensitive, a JSON body is JSON (its type and its keys), a note names a subject that
// exists, API tokens expire by default, and /metrics wants credentials.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "accord/core/time.h"
#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

const std::vector<Header> kJson = {{"Content-Type", "application/json"}};

class RequestHygieneTest : public IdentityTest {
 protected:
  RequestHygieneTest() {
    officer_ = AddUser("uma@luma.example", "security_officer");
    auto t = app::CreateApiToken(f_.rt().log(), {"test", "installer"}, officer_, "hygiene", "",
                                 std::nullopt);
    EXPECT_TRUE(t.ok()) << t.error().message;
    token_ = t->secret;
    token_id_ = t->id;
  }
  std::vector<Header> Bearer(std::vector<Header> more = kJson) const {
    more.push_back({"Authorization", "Bearer " + token_});
    return more;
  }
  static std::string Field(const Reply_& r) {
    if (!r.body.contains("error")) return "";
    const auto& d = r.body.at("error").at("details").as_array();
    return d.empty() ? "" : std::string(d[0].at("field").as_string());
  }
  static std::string Code(const Reply_& r) {
    return r.body.contains("error") ? std::string(r.body.at("error").at("code").as_string()) : "";
  }
  std::string OrgNote() const {
    return json::serialize(json::object{
        {"subject", json::object{{"kind", "org"}, {"id", f_.org().id}}}, {"text", "checked"}});
  }

  std::string officer_, token_, token_id_;
};

TEST_F(RequestHygieneTest, TheAuthorizationSchemeIsCaseInsensitive) {
  for (const std::string scheme : {"Bearer ", "bearer ", "BEARER ", "bEaReR ", "Bearer   "}) {
    Reply_ r = Call("GET", "/api/v1/parties", "", {{"Authorization", scheme + token_}});
    EXPECT_EQ(r.status, 200) << "'" << scheme << "': " << json::serialize(r.body);
  }
  for (const std::string& bad :
       std::vector<std::string>{"Basic " + token_, "Bearer", "Bearer ", "Bearertoken " + token_}) {
    EXPECT_EQ(Call("GET", "/api/v1/parties", "", {{"Authorization", bad}}).status, 401) << bad;
  }
}

TEST_F(RequestHygieneTest, DuplicateKeysInAJsonBodyAreRefusedNamingTheKey) {
  const uint64_t before = f_.LedgerSize();
  std::string subject = R"({"kind": "org", "id": ")" + f_.org().id + R"("})";
  Reply_ top =
      Call("POST", "/api/v1/notes",
           R"({"subject": )" + subject + R"(, "text": "first", "text": "second"})", Bearer());
  EXPECT_EQ(top.status, 400) << json::serialize(top.body);
  EXPECT_EQ(Code(top), "malformed_json");
  EXPECT_EQ(Field(top), "text");
  Reply_ nested =
      Call("POST", "/api/v1/notes",
           R"({"subject": {"kind": "org", "kind": "party", "id": "x"}, "text": "t"})", Bearer());
  EXPECT_EQ(nested.status, 400) << json::serialize(nested.body);
  EXPECT_EQ(Field(nested), "subject.kind");
  Reply_ in_array =
      Call("POST", "/api/v1/parties", R"({"name": "A", "tags": [{"k": 1, "k": 2}]})", Bearer());
  EXPECT_EQ(in_array.status, 400) << json::serialize(in_array.body);
  EXPECT_EQ(Field(in_array), "tags[0].k");
  EXPECT_EQ(f_.LedgerSize(), before) << "nothing written";
  // The same key in two different objects is no duplicate.
  Reply_ fine = Call(
      "POST", "/api/v1/notes",
      R"({"subject": {"kind": "org", "id": ")" + f_.org().id + R"("}, "text": "id"})", Bearer());
  EXPECT_EQ(fine.status, 201) << json::serialize(fine.body);
}

TEST_F(RequestHygieneTest, JsonRoutesRefuseOtherContentTypesWith415) {
  const uint64_t before = f_.LedgerSize();
  for (const std::string type : {"text/plain", "application/x-www-form-urlencoded",
                                 "multipart/form-data; boundary=x", "application/jsonx", ""}) {
    Reply_ r = Call("POST", "/api/v1/notes", OrgNote(), Bearer({{"Content-Type", type}}));
    EXPECT_EQ(r.status, 415) << "'" << type << "': " << json::serialize(r.body);
    EXPECT_EQ(Code(r), "unsupported_media_type") << type;
    EXPECT_EQ(Field(r), "Content-Type") << type;
  }
  EXPECT_EQ(f_.LedgerSize(), before);
  for (const std::string type :
       {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
        "application/json ; charset=utf-8"}) {
    Reply_ r = Call("POST", "/api/v1/notes", OrgNote(), Bearer({{"Content-Type", type}}));
    EXPECT_EQ(r.status, 201) << "'" << type << "': " << json::serialize(r.body);
  }
  // Authentication still comes first: an anonymous caller learns nothing about types.
  EXPECT_EQ(Call("POST", "/api/v1/notes", OrgNote(), {{"Content-Type", "text/plain"}}).status, 401);
  // A route that takes no body does not care.
  Reply_ signout = Call("POST", "/api/v1/auth/sign-out", "", {});
  EXPECT_NE(signout.status, 415);
}

TEST_F(RequestHygieneTest, ANoteMustNameASubjectThatExists) {
  const uint64_t before = f_.LedgerSize();
  Reply_ ghost = Call(
      "POST", "/api/v1/notes",
      R"({"subject": {"kind": "party", "id": "pty_01DOESNOTEXIST00000000000"}, "text": "boo"})",
      Bearer());
  EXPECT_EQ(ghost.status, 422) << json::serialize(ghost.body);
  EXPECT_EQ(Field(ghost), "subject.id");
  Reply_ other_org = Call("POST", "/api/v1/notes",
                          R"({"subject": {"kind": "org", "id": "org_x"}, "text": "t"})", Bearer());
  EXPECT_EQ(other_org.status, 422) << json::serialize(other_org.body);
  EXPECT_EQ(Field(other_org), "subject.id");
  Reply_ odd_kind = Call("POST", "/api/v1/notes",
                         R"({"subject": {"kind": "spaceship", "id": "x"}, "text": "t"})", Bearer());
  EXPECT_EQ(odd_kind.status, 422) << json::serialize(odd_kind.body);
  EXPECT_EQ(Field(odd_kind), "subject.kind");
  EXPECT_EQ(f_.LedgerSize(), before);
  // Real subjects: the organisation, an account.
  EXPECT_EQ(Call("POST", "/api/v1/notes", OrgNote(), Bearer()).status, 201);
  Reply_ user = Call(
      "POST", "/api/v1/notes",
      json::serialize(json::object{{"subject", json::object{{"kind", "user"}, {"id", officer_}}},
                                   {"text", "spoke with her"}}),
      Bearer());
  EXPECT_EQ(user.status, 201) << json::serialize(user.body);
}

TEST_F(RequestHygieneTest, ApiTokensExpireByDefault) {
  Reply_ list = Call("GET", "/api/v1/tokens", "", Bearer({}));
  ASSERT_EQ(list.status, 200) << json::serialize(list.body);
  bool found = false;
  for (const auto& item : list.body["items"].as_array()) {
    if (item.at("id").as_string() != token_id_) continue;
    found = true;
    ASSERT_TRUE(item.at("expires_at").is_string()) << json::serialize(item);
    auto at = ParseRfc3339(std::string(item.at("expires_at").as_string()));
    ASSERT_TRUE(at.ok());
    EXPECT_EQ(*at - f_.clock().Now(), std::chrono::days(90)) << "the default lifetime";
  }
  EXPECT_TRUE(found);
}

TEST_F(RequestHygieneTest, MetricsWantCredentialsEvenOnLoopback) {
  Reply_ anonymous = Call("GET", "/metrics", "", {}, "127.0.0.1");
  EXPECT_EQ(anonymous.status, 401);
  Reply_ officer = Call("GET", "/metrics", "", Bearer({}), "127.0.0.1");
  EXPECT_EQ(officer.status, 200);
}

}  // namespace
}  // namespace accord::http::identity_test
