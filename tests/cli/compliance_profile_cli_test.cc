// `accord profile check` on a profile whose compliance mapping is malformed (issue 23): every
// mistake printed with the file and its line, exit 1.
#include <gtest/gtest.h>

#include <fstream>

#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

constexpr const char* kProfile =
    "[profile]\n"                           // 1
    "name = \"custom\"\n"                   // 2
    "[access]\n"                            // 3
    "max_grant_days = 30\n"                 // 4
    "[[access.rules]]\n"                    // 5
    "id = \"t\"\n"                          // 6
    "check = \"time_bound\"\n"              // 7
    "seed_ref = \"TP-3\"\n"                 // 8
    "seed = \"s\"\n"                        // 9
    "statement = \"s\"\n"                   // 10
    "remedy = \"r\"\n"                      // 11
    "[compliance.workflows]\n"              // 12
    "baa_in_force = [\"164.308(b)(1)\"]\n"  // 13
    "soc2_reviews = [\"TP-99\"]\n"          // 14
    "[compliance.rules]\n"                  // 15
    "nobody = [\"TP-3\"]\n";                // 16

TEST(ComplianceProfileCliTest, AMalformedMappingIsRefusedWithItsLine) {
  TempDir dir;
  std::string path = (dir.path() / "custom.toml").string();
  std::ofstream(path) << kProfile;
  auto r = RunAccord({"profile", "check", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(path + ":14: compliance.workflows.soc2_reviews: unknown control 'TP-99'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(path + ":16: compliance.rules.nobody: no [[access.rules]] has the id "
                              "'nobody'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find(":13:"), std::string::npos) << "line 13 is right";
}

}  // namespace
}  // namespace accord::testing
