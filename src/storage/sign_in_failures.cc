#include "accord/storage/sign_in_failures.h"

#include <boost/json.hpp>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/throttle.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

bool IsAccountKey(std::string_view key) { return key.starts_with("acct:"); }

// The account a key throttles ("unknown" for an email with no account: the ledger does not
// keep the emails people mistype), or the address it counts ("addr:203.0.113.9" ->
// "203.0.113.9", an IPv6 client's /64).
Result<json::object> ThrottleScope(Tx& tx, const std::string& key, domain::Subject& subject) {
  subject = {"user", "unknown"};
  if (!IsAccountKey(key)) {
    return json::object{{"throttled", "address"}, {"address", key.substr(key.find(':') + 1)}};
  }
  auto user = FindUserByEmail(tx, std::string_view(key).substr(5));
  if (!user.ok()) return std::move(user).error();
  if (user->has_value()) subject.id = domain::StateString(**user, "id");
  return json::object{{"throttled", "account"}};
}

// auth.sign_in_throttle_ended: the run of `failures` under `key` is over (`why`).
Status AppendEnded(CommandContext& c, const std::string& key, int64_t failures,
                   std::string_view why) {
  domain::Subject subject;
  auto payload = ThrottleScope(c.tx(), key, subject);
  if (!payload.ok()) return std::move(payload).error();
  (*payload)["failures"] = failures;
  (*payload)["ended_by"] = why;
  auto e = c.Append(domain::Event{.type = "auth.sign_in_throttle_ended",
                                  .actor = domain::SystemActor(),
                                  .subject = std::move(subject),
                                  .payload = std::move(*payload)});
  if (!e.ok()) return std::move(e).error();
  return Ok();
}

}  // namespace

Status RecordSignInFailure(CommandContext& c, std::initializer_list<std::string> keys,
                           domain::Event failed) {
  std::vector<std::pair<std::string, int64_t>> started;  // keys this failure throttled
  bool throttled = false;                                // a key already was
  for (const std::string& key : keys) {
    auto count = ThrottleFailure(c.tx(), key, c.Now());
    if (!count.ok()) return std::move(count).error();
    const int free = FreeFailuresOf(key);
    if (count->forgiven > free) ACCORD_TRY(AppendEnded(c, key, count->forgiven, "quiet_day"));
    if (count->failures == free + 1) started.emplace_back(key, count->failures);
    if (count->failures > free + 1) throttled = true;
  }
  if (started.empty()) {
    if (throttled) return Ok();  // counted in the throttle rows, not one event each
    auto e = c.Append(std::move(failed));
    if (!e.ok()) return std::move(e).error();
    return Ok();
  }
  for (const auto& [key, failures] : started) {
    domain::Subject ignored;
    auto scope = ThrottleScope(c.tx(), key, ignored);
    if (!scope.ok()) return std::move(scope).error();
    json::object payload = failed.payload;
    payload["failed_event"] = failed.type;
    for (auto& [k, v] : *scope) {
      if (!payload.contains(k)) payload[k] = v;  // the failure's own address stays exact
    }
    payload["failures"] = failures;
    auto e = c.Append(domain::Event{.type = "auth.sign_in_throttled",
                                    .actor = failed.actor,
                                    .subject = failed.subject,
                                    .payload = std::move(payload)});
    if (!e.ok()) return std::move(e).error();
  }
  return Ok();
}

Status ClearSignInFailures(CommandContext& c, const std::string& account_key) {
  auto failures = ThrottleClear(c.tx(), account_key);
  if (!failures.ok()) return std::move(failures).error();
  if (*failures > FreeFailuresOf(account_key)) {
    ACCORD_TRY(AppendEnded(c, account_key, *failures, "signed_in"));
  }
  return Ok();
}

Result<int> EndQuietThrottles(EventLog& log, int limit) {
  const std::string sql = std::string("SELECT key, failures FROM auth_throttle WHERE ") +
                          kThrottledSql + " AND last_failure_at < ? ORDER BY key LIMIT ?";
  auto params = [&](TimePoint now) -> std::vector<Value> {
    return {int64_t{kFreeAccountFailures}, int64_t{kFreeAddressFailures},
            FormatRfc3339(now - std::chrono::hours(24)), int64_t{limit}};
  };
  // Most minutes nothing is due: look first, so the sweep costs a read, not a write.
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto rows = tx.Query(sql, params(log.clock().Now()));
    if (!rows.ok()) return std::move(rows).error();
    any = !rows->empty();
    return Ok();
  }));
  if (!any) return 0;
  auto r = log.Execute([&](CommandContext& c) -> Result<json::value> {
    auto rows = c.tx().Query(sql, params(c.Now()));
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& row : *rows) {
      const std::string key = row.Text(0);
      ACCORD_TRY(AppendEnded(c, key, row.Int(1), "quiet_day"));
      auto gone = c.tx().Exec("DELETE FROM auth_throttle WHERE key = ?", {key});
      if (!gone.ok()) return std::move(gone).error();
    }
    return json::value(static_cast<int64_t>(rows->size()));
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
