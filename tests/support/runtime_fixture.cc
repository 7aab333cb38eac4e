#include "support/runtime_fixture.h"

#include "support/test_db.h"

#include "accord/storage/ledger_tables.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace accord::testing {

namespace json = boost::json;

RuntimeFixture::RuntimeFixture() : clock_(TimePoint(std::chrono::milliseconds(1795000000000))) {
  Reopen();
  auto profile = policy::LoadProfile("luma");
  EXPECT_TRUE(profile.ok());
  auto org = rt_->EnsureOrg(*profile, "", "Test Org");
  EXPECT_TRUE(org.ok()) << org.error().message;
  org_ = *org;
  auto s = rt_->LoadSigner(org_.origin);
  EXPECT_TRUE(s.ok()) << s.error().message;
}

uint64_t RuntimeFixture::LedgerSize() {
  uint64_t size = 0;
  Status s = rt_->store().Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    size = head->size();
    return Ok();
  });
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return size;
}

void RuntimeFixture::Reopen() {
  rt_.reset();
  app::StoreConfig config;
  config.data_dir = dir_.path();
  if (db_url_.empty()) db_url_ = TestDatabaseUrl(dir_);
  config.db_url = db_url_;
  auto rt = app::Runtime::Open(config, clock_);
  ASSERT_TRUE(rt.ok()) << rt.error().message;
  rt_ = std::move(rt.value());
}

void RuntimeFixture::AppendNotes(int n) {
  for (int k = 0; k < n; ++k) {
    int i = next_note_++;
    auto r = rt_->log().Execute([i](storage::CommandContext& c) -> Result<json::value> {
      domain::Event e{.type = "note.added",
                      .actor = {"usr_test", "security_officer"},
                      .subject = {"org", "org_test"},
                      .payload = json::object{{"note_id", "note_" + std::to_string(i)},
                                              {"text", "note number " + std::to_string(i)}}};
      auto index = c.Append(std::move(e));
      if (!index.ok()) return std::move(index).error();
      return json::value(*index);
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
    clock_.Advance(std::chrono::milliseconds(1000));
  }
}

}  // namespace accord::testing
