// Profile changes are recorded: when `accord serve` starts with the same profile but other
// text (an upgrade's built-in rules, an edited file), org.profile_changed carries the new
// text into the ledger, once; an unchanged profile records nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

struct OrgRow {
  std::string profile, sha256;
};

OrgRow ReadOrgRow(RuntimeFixture& f) {
  OrgRow out;
  Status s = f.rt().store().Read([&](storage::Tx& tx) -> Status {
    auto row = tx.QueryOne("SELECT profile, profile_sha256 FROM rm_org", {});
    if (!row.ok()) return std::move(row).error();
    out = {(*row)->Text(0), (*row)->Text(1)};
    return Ok();
  });
  EXPECT_TRUE(s.ok());
  return out;
}

json::object LastEvent(RuntimeFixture& f) {
  json::object out;
  Status s = f.rt().store().Read([&](storage::Tx& tx) -> Status {
    auto row = tx.QueryOne("SELECT leaf FROM ledger_leaves ORDER BY idx DESC LIMIT 1", {});
    if (!row.ok()) return std::move(row).error();
    const Bytes& leaf = (*row)->BlobAt(0);
    out = json::parse(std::string(leaf.begin(), leaf.end())).as_object();
    return Ok();
  });
  EXPECT_TRUE(s.ok());
  return out;
}

TEST(ProfileChangeTest, NewTextOfTheSameProfileIsRecordedOnce) {
  RuntimeFixture f;
  auto luma = policy::LoadProfile("luma");
  ASSERT_TRUE(luma.ok());
  EXPECT_EQ(ReadOrgRow(f).sha256, luma->sha256);

  // Started again unchanged: nothing is written.
  uint64_t size = f.LedgerSize();
  ASSERT_TRUE(f.rt().EnsureOrg(*luma, "", "Test Org").ok());
  EXPECT_EQ(f.LedgerSize(), size);

  // The same profile, edited.
  auto edited = policy::ParseProfile(luma->source + "\n# reviewed by the SO, 2026-12\n", "luma");
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  ASSERT_EQ(edited->name, "luma");
  ASSERT_NE(edited->sha256, luma->sha256);
  ASSERT_TRUE(f.rt().EnsureOrg(*edited, "", "Test Org").ok());
  ASSERT_EQ(f.LedgerSize(), size + 1);
  json::object e = LastEvent(f);
  EXPECT_EQ(e.at("type"), "org.profile_changed");
  const json::object& p = e.at("payload").as_object();
  EXPECT_EQ(p.at("profile"), "luma");
  EXPECT_EQ(p.at("profile_sha256"), edited->sha256.c_str());
  EXPECT_EQ(p.at("previous_sha256"), luma->sha256.c_str());
  EXPECT_EQ(p.at("profile_source"), edited->source.c_str());
  EXPECT_EQ(ReadOrgRow(f).sha256, edited->sha256);

  // Once: a restart with the edited text records nothing more; going back records again.
  f.Reopen();
  ASSERT_TRUE(f.rt().EnsureOrg(*edited, "", "Test Org").ok());
  EXPECT_EQ(f.LedgerSize(), size + 1);
  ASSERT_TRUE(f.rt().EnsureOrg(*luma, "", "Test Org").ok());
  EXPECT_EQ(f.LedgerSize(), size + 2);
  EXPECT_EQ(ReadOrgRow(f).sha256, luma->sha256);
}

TEST(ProfileChangeTest, AnotherProfileIsStillRefused) {
  RuntimeFixture f;
  auto janus = policy::LoadProfile("janus");
  ASSERT_TRUE(janus.ok());
  uint64_t size = f.LedgerSize();
  auto r = f.rt().EnsureOrg(*janus, "", "Test Org");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "profile");
  EXPECT_EQ(f.LedgerSize(), size);
  EXPECT_EQ(ReadOrgRow(f).profile, "luma");
}

}  // namespace
}  // namespace accord::testing
