#include "accord/domain/event.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/core/jcs.h"

namespace accord::domain {
namespace {

namespace json = boost::json;

Event Sample() {
  return Event{.type = "note.added",
               .time = TimePoint(std::chrono::milliseconds(1795000000123)),
               .actor = {"usr_1", "security_officer"},
               .subject = {"party", "pty_\u00e9\"x"},
               .payload = json::object{{"z", 1},
                                       {"a", json::array{true, nullptr, 1.5}},
                                       {"\u20ac", "euro"},
                                       {"n", json::object{{"b", 2}, {"a", 1}}}},
               .org = "org_1"};
}

TEST(EventTest, LeafIsTheCanonicalFormOfTheEventJson) {
  Event e = Sample();
  auto leaf = CanonicalLeaf(e);
  ASSERT_TRUE(leaf.ok());
  auto expected = Canonicalize(json::value(ToJson(e)));
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(*leaf, *expected);
  EXPECT_TRUE(leaf->starts_with(R"({"actor":{"id":"usr_1","role":"security_officer"},"org":)"));
  EXPECT_NE(leaf->find(R"("time":"2026-11-18T11:06:40.123Z")"), std::string::npos) << *leaf;
}

TEST(EventTest, ParseLeafRoundTrips) {
  Event e = Sample();
  auto leaf = CanonicalLeaf(e);
  ASSERT_TRUE(leaf.ok());
  auto parsed = ParseLeaf(*leaf);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  auto again = CanonicalLeaf(*parsed);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *leaf);
}

TEST(EventTest, InvalidTypesAndShapesAreRejected) {
  Event e = Sample();
  for (const char* bad :
       {"Note.added", "note", "note.", ".added", "note.added.twice", "note-x.y"}) {
    e.type = bad;
    EXPECT_FALSE(CanonicalLeaf(e).ok()) << bad;
  }
  EXPECT_FALSE(ParseLeaf("{}").ok());
  EXPECT_FALSE(ParseLeaf("not json").ok());
  EXPECT_FALSE(
      ParseLeaf(R"({"type":"a.b","time":"x","actor":{},"subject":{},"payload":{},"org":""})").ok());
}

TEST(EventTest, PayloadErrorsNameTheField) {
  Event e = Sample();
  e.payload["big"] = int64_t{1} << 60;
  auto leaf = CanonicalLeaf(e);
  ASSERT_FALSE(leaf.ok());
  ASSERT_FALSE(leaf.error().details.empty());
  EXPECT_EQ(leaf.error().details[0].field, "payload.big");
}

}  // namespace
}  // namespace accord::domain
