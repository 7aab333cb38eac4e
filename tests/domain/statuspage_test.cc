// The Statuspage v2 reader on real captures (tests/testdata/statuspage) and on documents that
// are not what they claim: each refused with the field named, none crashing.
#include "accord/domain/statuspage.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace accord::testing {
namespace {

std::string Sample(const std::string& name) {
  std::ifstream in(TestdataDir() / "statuspage" / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(StatuspageTest, ReadsASummaryWithAnUnresolvedIncident) {
  auto feed = domain::ParseStatusFeed(Sample("summary-incident.json"));
  ASSERT_TRUE(feed.ok()) << feed.error().ToString();
  EXPECT_EQ(feed->indicator, "minor");
  ASSERT_EQ(feed->components.size(), 8u);
  int degraded = 0;
  for (const auto& c : feed->components) {
    EXPECT_TRUE(domain::IsComponentState(c.status)) << c.status;
    degraded += c.status == "degraded_performance";
  }
  EXPECT_EQ(degraded, 1);
  ASSERT_EQ(feed->incidents.size(), 1u);
  const auto& i = feed->incidents[0];
  EXPECT_EQ(i.status, "investigating");
  EXPECT_EQ(i.impact, "minor");
  EXPECT_TRUE(i.resolved_at.empty());
  ASSERT_EQ(i.updates.size(), 1u);
  EXPECT_EQ(i.component_ids, std::vector<std::string>{"sm5wkcnqkvr9"});
}

TEST(StatuspageTest, ReadsEveryRecordedDocument) {
  auto ops = domain::ParseStatusFeed(Sample("summary-operational.json"));
  ASSERT_TRUE(ops.ok());
  EXPECT_EQ(ops->indicator, "none");
  EXPECT_EQ(ops->components.size(), 12u);
  EXPECT_TRUE(ops->incidents.empty());
  auto incidents = domain::ParseStatusFeed(Sample("incidents.json"));
  ASSERT_TRUE(incidents.ok()) << incidents.error().ToString();
  ASSERT_EQ(incidents->incidents.size(), 5u);
  size_t updates = 0;
  for (const auto& i : incidents->incidents) {
    EXPECT_EQ(i.status, "resolved");
    EXPECT_FALSE(i.resolved_at.empty());
    updates += i.updates.size();
  }
  EXPECT_EQ(updates, 52u);
  auto status = domain::ParseStatusFeed(Sample("status.json"));
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->indicator, "minor");
  auto components = domain::ParseStatusFeed(Sample("components.json"));
  ASSERT_TRUE(components.ok());
  EXPECT_EQ(components->components.size(), 8u);
}

TEST(StatuspageTest, RefusesWhatIsNotAStatuspageDocument) {
  struct Case {
    const char* text;
    const char* field;
  } cases[] = {
      {"{\"page\": {", "feed"},
      {"<html><body>502 Bad Gateway</body></html>", "feed"},
      {"[]", "feed"},
      {"{\"components\": []}", "page"},
      {"{\"page\": {}, \"components\": {}}", "components"},
      {"{\"page\": {}, \"components\": [{\"status\": 3}]}", "components[0].status"},
      {"{\"page\": {}, \"incidents\": [{\"incident_updates\": [{\"affected_components\": "
       "[7]}]}]}",
       "incidents[0].incident_updates[0].affected_components[0]"},
  };
  for (const auto& c : cases) {
    auto feed = domain::ParseStatusFeed(c.text);
    ASSERT_FALSE(feed.ok()) << c.text;
    EXPECT_EQ(feed.error().code, ErrorCode::kValidationFailed);
    ASSERT_FALSE(feed.error().details.empty()) << c.text;
    EXPECT_EQ(feed.error().details[0].field, c.field) << c.text;
  }
  // Every truncation of a real capture is refused or read, never a crash.
  std::string text = Sample("summary-incident.json");
  for (size_t n = 0; n < text.size(); n += 97) (void)domain::ParseStatusFeed(text.substr(0, n));
}

}  // namespace
}  // namespace accord::testing
