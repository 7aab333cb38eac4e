// Secure Message's purge on expiry: a message past its expires_at opens for nobody (link or
// account), yet its wrapped data key would still open it for whoever holds a copy of the store
// and the master key file. The scheduler destroys that key, the sealed content and attachments,
// and the message's codes and reading sessions, as a retraction does; the row keeps what its
// sender's list shows (recipient, sizes, times, status "expired").
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/event.h"
#include "accord/storage/secure_messages.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

constexpr int64_t kPerRun = 200;

// Past its expiry, not retracted, its data key still there; the oldest first.
constexpr std::string_view kDue =
    "SELECT id, read_at FROM secure_messages WHERE expires_at <= ? AND retracted_at IS NULL "
    "AND length(wrapped_key) > 0 ORDER BY expires_at, id LIMIT ?";

}  // namespace

Result<int> PurgeExpiredSecureMessages(EventLog& log) {
  const std::string now = FormatRfc3339(log.clock().Now());
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto due = tx.Query(kDue, {now, int64_t{1}});
    if (!due.ok()) return std::move(due).error();
    any = !due->empty();
    return Ok();
  }));
  if (!any) return 0;
  auto purged = log.Execute([](CommandContext& c) -> Result<json::value> {
    auto due = c.tx().Query(kDue, {FormatRfc3339(c.Now()), kPerRun});
    if (!due.ok()) return std::move(due).error();
    for (const auto& row : *due) {
      const std::string id = row.Text(0);
      ACCORD_TRY(DestroySecureContent(c.tx(), id));
      // Its one-time codes too (a retraction leaves them: they open nothing either way).
      ACCORD_TRY(c.tx().Exec("DELETE FROM secure_message_codes WHERE message_id = ?", {id}));
      auto index = c.Append(domain::Event{.type = "secure_message.expired",
                                          .actor = domain::SystemActor(),
                                          .subject = {"secure_message", id},
                                          .payload = json::object{{"was_read", !row.IsNull(1)}}});
      if (!index.ok()) return std::move(index).error();
    }
    return json::value(static_cast<int64_t>(due->size()));
  });
  if (!purged.ok()) return std::move(purged).error();
  return static_cast<int>(purged->as_int64());
}

}  // namespace accord::storage
