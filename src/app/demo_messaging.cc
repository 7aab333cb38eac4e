// The demo's messaging (issue 26): a message the PHI guard refused, with its reason in the
// outbox, and a Secure Message from the Security Officer that the staff member read signed in,
// the open recorded in the ledger.
#include <boost/json.hpp>

#include "accord/app/message_keys.h"
#include "accord/app/runtime.h"
#include "accord/domain/registry.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/storage/secure_messages.h"

namespace accord::app {

namespace json = boost::json;

Status SeedMessagingDemo(Runtime& runtime, const messaging::MasterKeyRing& keys,
                         const std::string& link_base) {
  std::string officer, staff;
  ACCORD_TRY(runtime.store().Read([&](storage::Tx& tx) -> Status {
    for (auto [email, id] :
         {std::pair{"officer@luma.example", &officer}, std::pair{"staff@luma.example", &staff}}) {
      auto user = storage::FindUserByEmail(tx, email);
      if (!user.ok()) return std::move(user).error();
      if (user->has_value()) *id = domain::StateString(**user, "id");
    }
    return Ok();
  }));
  if (officer.empty() || staff.empty()) return Ok();  // a profile without the demo accounts
  auto r = runtime.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    // Someone tried to email a patient's details: the guard refuses it, keeps the reason.
    auto refused = storage::QueueMessage(
        c.tx(),
        storage::OutboxMessage{.dedupe_key = "demo:phi-refused",
                               .user_id = staff,
                               .recipient = "staff@luma.example",
                               .subject = "Follow-up call",
                               .body = "Please call Jane Roe (DOB 03/14/1962) about her lab "
                                       "results before Friday.",
                               .ref_kind = "demo",
                               .ref_id = "demo"},
        c.Now());
    if (!refused.ok()) return std::move(refused).error();
    // The same content, sent the right way, and read by its recipient.
    storage::SecureMessageInput in{
        .recipient = "staff@luma.example",
        .subject = "Follow-up call for a patient",
        .body =
            "Please call Jane Roe (DOB 03/14/1962) about her lab results before Friday. "
            "(Demo data: invented.)",
        .attachments = {{"call-notes.txt", "text/plain", "Demo call notes: nothing real.\n"}}};
    auto sent =
        storage::SendSecureMessage(c, keys, {officer, "security_officer", "", ""}, std::move(in),
                                   {.link_base = link_base, .organisation = "Luma Health (demo)"});
    if (!sent.ok()) return std::move(sent).error();
    std::string id(sent->at("id").as_string());
    ACCORD_TRY(storage::RecordSecureAccess(c, id, {staff, "staff", "", ""},
                                           {"account", "127.0.0.1", "demo", std::nullopt}));
    return json::value(nullptr);
  });
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

}  // namespace accord::app
