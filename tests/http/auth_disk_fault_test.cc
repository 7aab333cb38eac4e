// A disk that refuses writes must not refuse the reads it can still serve: signing a request
// in records when a token was last used and extends a session (a write every 30 s), and those
// writes failing leaves the request to go on. The write itself answers 503.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "http/identity_test.h"
#include "support/faulty_vfs.h"
#include "support/test_db.h"

namespace accord::http::identity_test {
namespace {

using testing::FaultyVfs;
using testing::VfsFault;

// Registered before the fixture opens its store, so every connection goes through it.
struct FaultyDisk {
  FaultyVfs vfs;
};

class AuthDiskFaultTest : public FaultyDisk, public IdentityTest {};

TEST_F(AuthDiskFaultTest, ReadsAreServedWhileTheDiskRefusesWrites) {
  if (accord::testing::UsePostgres()) GTEST_SKIP() << "SQLite's VFS only";
  std::string officer = AddUser("ros@luma.example", "security_officer");
  auto token = app::CreateApiToken(f_.rt().log(), {"test", "installer"}, officer, "automation", "",
                                   std::nullopt);
  ASSERT_TRUE(token.ok()) << token.error().message;
  const std::vector<Header> bearer{{"Authorization", "Bearer " + token->secret}};
  Signed s = SignInAndEnrol("ros@luma.example");
  ASSERT_EQ(Call("GET", "/api/v1/notes?limit=5", "", bearer).status, 200);
  ASSERT_EQ(Call("GET", "/api/v1/notes?limit=5", "", Cookie(s.secret)).status, 200);

  // Both the token's last use and the session are due to be written again.
  Advance(std::chrono::seconds(31));
  vfs.Inject(VfsFault::kWrite);
  Reply_ by_token = Call("GET", "/api/v1/notes?limit=5", "", bearer);
  EXPECT_EQ(by_token.status, 200) << json::serialize(by_token.body);
  Reply_ by_session = Call("GET", "/api/v1/notes?limit=5", "", Cookie(s.secret));
  EXPECT_EQ(by_session.status, 200) << json::serialize(by_session.body);
  json::object note{{"subject", json::object{{"kind", "org"}, {"id", f_.org().id}}},
                    {"text", "refused"}};
  Reply_ write = Call("POST", "/api/v1/notes", json::serialize(note), bearer);
  EXPECT_EQ(write.status, 503) << json::serialize(write.body);
  EXPECT_GT(vfs.failures(), 0);

  vfs.Inject(VfsFault::kNone);
  Reply_ after = Call("POST", "/api/v1/notes", json::serialize(note), bearer);
  EXPECT_EQ(after.status, 201) << json::serialize(after.body);
}

}  // namespace
}  // namespace accord::http::identity_test
