// AES-256-GCM boxes and the master key ring: every changed byte, a wrong key, another
// message's aad and a truncated box are refused, with the same message each time.
#include "accord/messaging/sealed_box.h"

#include <gtest/gtest.h>

#include <string>

namespace accord::messaging {
namespace {

TEST(SealedBoxTest, OpensWhatItSealedAndNothingChanged) {
  Key key = NewKey();
  std::string text = "Patient Jane Roe, DOB 1970-01-02";
  Bytes box = Seal(key, AsBytes(text), "smg_1");
  EXPECT_EQ(box.size(), text.size() + 28);
  EXPECT_EQ(std::string(AsString(box)).find("Jane"), std::string::npos);
  auto plain = Open(key, box, "smg_1");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(AsString(*plain), text);
  // Two boxes of one text differ (a fresh nonce each).
  EXPECT_NE(Seal(key, AsBytes(text), "smg_1"), box);
  for (size_t i = 0; i < box.size(); ++i) {
    Bytes flipped = box;
    flipped[i] ^= 0x01;
    auto r = Open(key, flipped, "smg_1");
    ASSERT_FALSE(r.ok()) << "byte " << i;
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(r.error().message, "the message cannot be opened");
  }
  for (size_t n = 0; n < box.size(); n += 7) {
    EXPECT_FALSE(Open(key, std::span(box.data(), n), "smg_1").ok()) << n;
  }
  EXPECT_FALSE(Open(NewKey(), box, "smg_1").ok());
  EXPECT_FALSE(Open(key, box, "smg_2").ok()) << "a box moved to another message";
}

TEST(MasterKeyRingTest, RotationRewrapsWithoutTouchingTheContent) {
  std::string first = MasterKeyRing::NewKeyLine();
  auto old_ring = MasterKeyRing::Parse("# keys\n" + first, "master_key_file");
  ASSERT_TRUE(old_ring.ok());
  Key data = NewKey();
  Bytes box = Seal(data, AsBytes(std::string("content")), "smg_1");
  Bytes wrapped = old_ring->Wrap(data, "smg_1");
  auto rotated = MasterKeyRing::Parse(first + MasterKeyRing::NewKeyLine(), "master_key_file");
  ASSERT_TRUE(rotated.ok());
  ASSERT_NE(rotated->current().id, old_ring->current().id);
  auto unwrapped = rotated->Unwrap(old_ring->current().id, wrapped, "smg_1");
  ASSERT_TRUE(unwrapped.ok());
  Bytes rewrapped = rotated->Wrap(*unwrapped, "smg_1");
  auto again = rotated->Unwrap(rotated->current().id, rewrapped, "smg_1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(AsString(*Open(*again, box, "smg_1")), "content");
  // A key wrapped for one message does not unwrap for another, nor under another key's id.
  EXPECT_FALSE(rotated->Unwrap(rotated->current().id, rewrapped, "smg_2").ok());
  EXPECT_FALSE(rotated->Unwrap(old_ring->current().id, rewrapped, "smg_1").ok());
  EXPECT_FALSE(rotated->Unwrap("mk-unknown", rewrapped, "smg_1").ok());
}

TEST(MasterKeyRingTest, ABadFileNamesItsLine) {
  auto r = MasterKeyRing::Parse("mk-1 c2hvcnQ=\n", "master_key_file");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).line, 1);
  EXPECT_FALSE(MasterKeyRing::Parse("# nothing\n", "master_key_file").ok());
  std::string line = MasterKeyRing::NewKeyLine();
  EXPECT_FALSE(MasterKeyRing::Parse(line + line, "master_key_file").ok()) << "an id twice";
}

}  // namespace
}  // namespace accord::messaging
