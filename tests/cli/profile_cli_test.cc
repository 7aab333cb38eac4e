// `accord profile check` and `accord serve --profile` with valid and invalid profiles.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

// A profile whose only rule names a check that does not exist (line 8) and whose
// [access] has an unknown key (line 5).
constexpr const char* kBadProfile =
    "[profile]\n"                                // 1
    "name = \"custom\"\n"                        // 2
    "[access]\n"                                 // 3
    "approver_roles = [\"security_officer\"]\n"  // 4
    "max_days = 30\n"                            // 5
    "[[access.rules]]\n"                         // 6
    "id = \"x.mind_reading\"\n"                  // 7
    "check = \"telepathy\"\n"                    // 8
    "seed_ref = \"TP-2\"\n"                      // 9
    "seed = \"none\"\n"                          // 10
    "statement = \"none\"\n"                     // 11
    "remedy = \"none\"\n";                       // 12

std::string WriteFile(const TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = (dir.path() / name).string();
  std::ofstream(path) << text;
  return path;
}

TEST(ProfileCliTest, CheckBuiltinProfilesPasses) {
  auto luma = RunAccord({"profile", "check", "luma"});
  EXPECT_EQ(luma.exit_code, 0) << luma.err;
  EXPECT_EQ(luma.out, "ok: luma (9 access rules)\n");
  auto janus = RunAccord({"profile", "check", "janus", "--rules"});
  EXPECT_EQ(janus.exit_code, 0) << janus.err;
  EXPECT_NE(janus.out.find("ok: janus (11 access rules)\n"), std::string::npos);
  EXPECT_NE(janus.out.find("tp8.infrastructure_permission"), std::string::npos);
  // TP-5: the check knows the encrypted-transit rule.
  EXPECT_NE(janus.out.find("tp5.encrypted_transit"), std::string::npos);
  EXPECT_NE(janus.out.find("encrypted_transit"), std::string::npos);
  auto json = RunAccord({"profile", "check", "bloomapi", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto v = boost::json::parse(json.out);
  EXPECT_EQ(v.at("name"), "bloomapi");
  EXPECT_EQ(v.at("access_rules").as_array().size(), 11u);
}

TEST(ProfileCliTest, CheckPrintsEveryErrorWithFileAndLineAndExitsOne) {
  TempDir dir;
  std::string path = WriteFile(dir, "custom.toml", kBadProfile);
  auto r = RunAccord({"profile", "check", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":5: access.max_days: unknown key\n" + path +
                       ":8: access.rules[0].check: unknown check 'telepathy' (one of: "
                       "party_status, due_diligence, controls, agreement_in_force, "
                       "no_production_ephi, time_bound, minimum_necessary, "
                       "developer_no_production_write, infrastructure_permission, approval, "
                       "encrypted_transit)\n");
  auto missing = RunAccord({"profile", "check", (dir.path() / "nope.toml").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("neither a built-in profile"), std::string::npos) << missing.err;
  EXPECT_EQ(RunAccord({"profile", "check"}).exit_code, 2);
}

TEST(ProfileCliTest, ServeRefusesAnInvalidAccessSection) {
  TempDir dir;
  std::string path = WriteFile(dir, "custom.toml", kBadProfile);
  auto r = RunAccord({"serve", "--profile", path, "--data-dir", (dir.path() / "data").string(),
                      "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("access.rules[0].check"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 8"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "data" / "accord.db"));
}

}  // namespace
}  // namespace accord::testing
