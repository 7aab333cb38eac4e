// Secure Message's storage on each backend: what the tables hold (ciphertext only), a tampered
// box or a wrong master key refused with nothing revealed, expiry by the injected clock, a
// retraction that destroys the key, and a master key rotation that rewraps keys and leaves the
// content's ciphertext as it was. The PHI guard on the outbox: a refusal kept without content.
#include "accord/storage/secure_messages.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "accord/storage/outbox.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

class SecureMessageStoreTest : public ::testing::Test {
 protected:
  SecureMessageStoreTest()
      : keys_(*messaging::MasterKeyRing::Parse(messaging::MasterKeyRing::NewKeyLine(), "keys")) {}

  std::string Send(const std::string& body, int64_t days = 14) {
    storage::SecureMessageInput in{.recipient = "liaison@clinic.example",
                                   .subject = "Results",
                                   .body = body,
                                   .attachments = {{"a.txt", "text/plain", "attached " + body}},
                                   .expires_in_days = days};
    auto r = f_.rt().log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto v = storage::SendSecureMessage(c, keys_, {"usr_sender", "security_officer", "", ""}, in,
                                          {.link_base = "https://x.example"});
      if (!v.ok()) return std::move(v).error();
      return json::value(std::move(*v));
    });
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() ? std::string(r->at("id").as_string()) : "";
  }
  Result<storage::SecurePlain> Open(const std::string& id, const messaging::MasterKeyRing& keys) {
    storage::SecurePlain p;
    Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
      auto r = storage::OpenSecureMessage(tx, keys, id, f_.clock().Now());
      if (!r.ok()) return std::move(r).error();
      p = std::move(*r);
      return Ok();
    });
    if (!s.ok()) return std::move(s).error();
    return p;
  }
  void Exec(const std::string& sql, std::initializer_list<storage::Value> params) {
    ASSERT_TRUE(f_.rt()
                    .store()
                    .Write([&](storage::Tx& tx) -> Status {
                      auto n = tx.Exec(sql, params);
                      return n.ok() ? Ok() : Status(std::move(n).error());
                    })
                    .ok());
  }
  Bytes Column(const std::string& sql, const std::string& id) {
    Bytes out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto row = tx.QueryOne(sql, {id});
                      if (!row.ok()) return std::move(row).error();
                      if (row->has_value()) out = (*row)->BlobAt(0);
                      return Ok();
                    })
                    .ok());
    return out;
  }

  // A master key rotation: every data key not under the ring's last key is rewrapped.
  storage::RewrapCount Rewrap(const messaging::MasterKeyRing& ring) {
    storage::RewrapCount n;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Write([&](storage::Tx& tx) -> Status {
                      auto r = storage::RewrapSecureMessageKeys(tx, ring);
                      if (!r.ok()) return std::move(r).error();
                      n = *r;
                      return Ok();
                    })
                    .ok());
    return n;
  }

  RuntimeFixture f_;
  messaging::MasterKeyRing keys_;
};

TEST_F(SecureMessageStoreTest, TheTablesHoldCiphertextOnly) {
  std::string id = Send("MARKER-body-91c2");
  Bytes sealed = Column("SELECT sealed FROM secure_messages WHERE id = ?", id);
  Bytes part = Column("SELECT sealed FROM secure_message_parts WHERE message_id = ?", id);
  EXPECT_EQ(std::string(AsString(sealed)).find("MARKER"), std::string::npos);
  EXPECT_EQ(std::string(AsString(part)).find("MARKER"), std::string::npos);
  auto p = Open(id, keys_);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->body, "MARKER-body-91c2");
  EXPECT_EQ(p->attachments.at(0).filename, "a.txt");
}

TEST_F(SecureMessageStoreTest, TamperedCiphertextAndAWrongKeyAreRefused) {
  std::string id = Send("tamper me");
  Bytes sealed = Column("SELECT sealed FROM secure_messages WHERE id = ?", id);
  sealed[sealed.size() / 2] ^= 0x40;
  Exec("UPDATE secure_messages SET sealed = ? WHERE id = ?", {storage::BlobOf(sealed), id});
  auto tampered = Open(id, keys_);
  ASSERT_FALSE(tampered.ok());
  EXPECT_EQ(tampered.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(tampered.error().message.find("tamper"), std::string::npos);

  std::string other = Send("wrong key");
  auto stranger = messaging::MasterKeyRing::Parse(
      keys_.current().id + " " + Base64Encode(messaging::NewKey()) + "\n", "keys");
  ASSERT_TRUE(stranger.ok());
  auto wrong = Open(other, *stranger);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kForbidden);
  // An attachment box moved to another message does not open there.
  Bytes part = Column("SELECT sealed FROM secure_message_parts WHERE message_id = ?", other);
  std::string third = Send("third");
  Exec("UPDATE secure_message_parts SET sealed = ? WHERE message_id = ?",
       {storage::BlobOf(part), third});
  Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
    auto r = storage::OpenSecureAttachment(tx, keys_, third, 0, f_.clock().Now());
    return r.ok() ? Ok() : Status(std::move(r).error());
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kForbidden);
}

TEST_F(SecureMessageStoreTest, ExpiryAndRetractionCloseTheMessage) {
  std::string id = Send("short lived", 1);
  f_.clock().Advance(std::chrono::hours(25));
  auto expired = Open(id, keys_);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, ErrorCode::kConflict);

  std::string kept = Send("to retract");
  auto r = f_.rt().log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto v = storage::RetractSecureMessage(c, keys_, kept, {"usr_sender", "security_officer"});
    if (!v.ok()) return std::move(v).error();
    return json::value(std::move(*v));
  });
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(Column("SELECT wrapped_key FROM secure_messages WHERE id = ?", kept).empty());
  EXPECT_FALSE(Open(kept, keys_).ok());
}

// Past its expiry a message opens for nobody, so the scheduler destroys what could still open
// it for whoever holds the store and the key file: its data key, content and attachments.
TEST_F(SecureMessageStoreTest, AnExpiredMessageIsPurgedOnceAndAFreshOneIsLeft) {
  std::string old = Send("PURGE-ME-4471", 1);
  std::string fresh = Send("still valid", 14);
  auto none = storage::PurgeExpiredSecureMessages(f_.rt().log());
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_EQ(*none, 0);
  EXPECT_FALSE(Column("SELECT wrapped_key FROM secure_messages WHERE id = ?", old).empty());

  f_.clock().Advance(std::chrono::hours(25));
  const uint64_t size = f_.LedgerSize();
  auto purged = storage::PurgeExpiredSecureMessages(f_.rt().log());
  ASSERT_TRUE(purged.ok()) << purged.error().message;
  EXPECT_EQ(*purged, 1);
  EXPECT_TRUE(Column("SELECT wrapped_key FROM secure_messages WHERE id = ?", old).empty());
  EXPECT_TRUE(Column("SELECT sealed FROM secure_messages WHERE id = ?", old).empty());
  EXPECT_TRUE(Column("SELECT sealed FROM secure_message_parts WHERE message_id = ?", old).empty());
  EXPECT_FALSE(Column("SELECT wrapped_key FROM secure_messages WHERE id = ?", fresh).empty());
  EXPECT_FALSE(
      Column("SELECT sealed FROM secure_message_parts WHERE message_id = ?", fresh).empty());
  EXPECT_EQ(f_.LedgerSize(), size + 1);
  std::string last_event;
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    auto row = tx.QueryOne(
                        "SELECT type FROM rm_subject_events WHERE subject_kind = "
                        "'secure_message' AND subject_id = ? ORDER BY idx DESC LIMIT 1",
                        {old});
                    if (!row.ok()) return std::move(row).error();
                    if (row->has_value()) last_event = (*row)->Text(0);
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(last_event, "secure_message.expired");
  // Its sender still sees it in the list, expired, without a subject.
  Status listed = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
    auto list = storage::ListSecureMessages(tx, keys_, {"usr_sender", "security_officer"},
                                            std::nullopt, 10, f_.clock().Now());
    if (!list.ok()) return std::move(list).error();
    for (const auto& m : list->first) {
      if (m.at("id").as_string() != old) continue;
      EXPECT_EQ(m.at("status").as_string(), "expired");
      EXPECT_TRUE(m.at("subject").is_null());
    }
    return Ok();
  });
  ASSERT_TRUE(listed.ok()) << listed.error().message;

  auto again = storage::PurgeExpiredSecureMessages(f_.rt().log());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(f_.LedgerSize(), size + 1);
  // A master key rotation has nothing left to rewrap for it, and does not call it unreadable.
  auto rotated =
      messaging::MasterKeyRing::Parse(keys_.current().id + " " + Base64Encode(keys_.current().key) +
                                          "\n" + messaging::MasterKeyRing::NewKeyLine(),
                                      "keys");
  ASSERT_TRUE(rotated.ok());
  storage::RewrapCount n = Rewrap(*rotated);
  EXPECT_EQ(n.rewrapped, 1);
  EXPECT_EQ(n.unreadable, 0);
}

TEST_F(SecureMessageStoreTest, RotationRewrapsKeysAndLeavesTheContentAlone) {
  std::string id = Send("survives rotation");
  Bytes before = Column("SELECT sealed FROM secure_messages WHERE id = ?", id);
  Bytes wrapped_before = Column("SELECT wrapped_key FROM secure_messages WHERE id = ?", id);
  std::string old_line = keys_.current().id + " " + Base64Encode(keys_.current().key) + "\n";
  auto rotated =
      messaging::MasterKeyRing::Parse(old_line + messaging::MasterKeyRing::NewKeyLine(), "keys");
  ASSERT_TRUE(rotated.ok());
  storage::RewrapCount n = Rewrap(*rotated);
  EXPECT_EQ(n.rewrapped, 1);
  EXPECT_EQ(n.unreadable, 0);
  EXPECT_EQ(Column("SELECT sealed FROM secure_messages WHERE id = ?", id), before);
  EXPECT_NE(Column("SELECT wrapped_key FROM secure_messages WHERE id = ?", id), wrapped_before);
  // The new key alone opens it: the old line may now leave the file.
  auto only_new = messaging::MasterKeyRing::Parse(
      rotated->current().id + " " + Base64Encode(rotated->current().key) + "\n", "keys");
  ASSERT_TRUE(only_new.ok());
  auto p = Open(id, *only_new);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->body, "survives rotation");
}

TEST_F(SecureMessageStoreTest, TheOutboxRefusesPhiAndKeepsOnlyTheReason) {
  storage::OutboxMessage m{.dedupe_key = "alert:phi",
                           .user_id = "usr_x",
                           .recipient = "so@example.com",
                           .subject = "Follow-up",
                           .body = "Patient Jane Roe, DOB 03/14/1962, needs a call.",
                           .ref_kind = "alert",
                           .ref_id = "alr_1"};
  bool queued = true;
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Write([&](storage::Tx& tx) -> Status {
                    auto r = storage::QueueMessage(tx, m, f_.clock().Now());
                    if (!r.ok()) return std::move(r).error();
                    queued = *r;
                    return Ok();
                  })
                  .ok());
  EXPECT_FALSE(queued);
  std::vector<json::object> rows;
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    auto r = storage::ListOutbox(tx, {.status = "refused", .limit = 10});
                    if (!r.ok()) return std::move(r).error();
                    rows = std::move(r->first);
                    return Ok();
                  })
                  .ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("subject"), "");
  EXPECT_EQ(rows[0].at("body"), "");
  EXPECT_EQ(rows[0].at("recipient"), "so@example.com");
  std::string reason(rows[0].at("last_error").as_string());
  EXPECT_NE(reason.find("a date of birth"), std::string::npos) << reason;
  EXPECT_NE(reason.find("Secure Message"), std::string::npos) << reason;
  EXPECT_EQ(reason.find("Jane"), std::string::npos);
  // A row written around the guard is refused as it leaves, and its content blanked.
  Exec(
      "INSERT INTO outbox(id, dedupe_key, channel, user_id, recipient, subject, body, ref_kind, "
      "ref_id, status, attempts, next_attempt_at, created_at) VALUES ('msg_raw', 'raw', 'email', "
      "'', 'so@example.com', 'x', 'SSN 123-45-6789', 'alert', 'a', 'queued', 0, "
      "'2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z')",
      {});
  struct Never final : storage::OutboxChannel {
    std::string name() const override { return "email"; }
    Status Send(const storage::OutboxMessage&) override {
      ADD_FAILURE() << "a PHI message was sent";
      return Ok();
    }
  };
  storage::OutboxDelivery delivery(f_.rt().store(), f_.clock());
  delivery.AddChannel(std::make_unique<Never>());
  auto sent = delivery.RunOnce();
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(*sent, 0);
  Bytes body;
  Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
    auto row = tx.QueryOne("SELECT status, body FROM outbox WHERE id = 'msg_raw'", {});
    if (!row.ok()) return std::move(row).error();
    EXPECT_EQ((*row)->Text(0), "refused");
    EXPECT_EQ((*row)->Text(1), "");
    return Ok();
  });
  EXPECT_TRUE(s.ok());
}

}  // namespace
}  // namespace accord::testing
