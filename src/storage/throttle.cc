#include "accord/storage/throttle.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "accord/core/time.h"

namespace accord::storage {

std::string ClientKey(std::string_view address) {
  if (address.find(':') == std::string_view::npos) return "addr:" + std::string(address);
  // IPv6: one client holds a whole /64, so the first four groups are its address.
  in6_addr a{};
  if (inet_pton(AF_INET6, std::string(address).c_str(), &a) != 1) {
    return "addr:" + std::string(address);
  }
  if (IN6_IS_ADDR_V4MAPPED(&a)) {
    char v4[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a.s6_addr[12], v4, sizeof v4);
    return "addr:" + std::string(v4);
  }
  std::string out = "addr6:";
  for (int i = 0; i < 8; ++i) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02x", a.s6_addr[i]);
    out += hex;
  }
  return out + "::/64";
}

Status CountPublicPost(Tx& tx, const std::string& key, TimePoint now, int limit,
                       std::chrono::seconds window) {
  auto row = tx.QueryOne("SELECT window_start, count FROM public_rate WHERE key = ?", {key});
  if (!row.ok()) return std::move(row).error();
  TimePoint start = now;
  int64_t count = 0;
  if (row->has_value()) {
    auto t = ParseRfc3339((*row)->Text(0));
    if (t.ok() && *t + window > now) {
      start = *t;
      count = (*row)->Int(1);
    }
  }
  if (count >= limit) {
    int64_t wait = std::max<int64_t>(
        1, std::chrono::duration_cast<std::chrono::seconds>(start + window - now).count());
    return Error{
        ErrorCode::kRateLimited,
        "too many requests from this address: try again in " + std::to_string(wait) + " seconds",
        {{"retry_after", std::to_string(wait), {}}}};
  }
  auto r = tx.Exec(
      "INSERT INTO public_rate(key, window_start, count) VALUES (?, ?, ?) ON CONFLICT (key) DO "
      "UPDATE SET window_start = excluded.window_start, count = excluded.count",
      {key, FormatRfc3339(start), count + 1});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

int64_t RetryAfterSeconds(const Error& error) {
  if (error.code != ErrorCode::kRateLimited) return 0;
  for (const auto& d : error.details) {
    if (d.field == "retry_after") return std::atoll(d.reason.c_str());
  }
  return 0;
}

int64_t ThrottleDelaySeconds(int64_t failures, int free_failures) {
  if (failures <= free_failures) return 0;
  int64_t over = failures - free_failures - 1;
  if (over >= 10) return 900;
  return std::min<int64_t>(int64_t{1} << over, 900);
}

Result<int64_t> ThrottleWait(Tx& tx, const std::string& key, TimePoint now) {
  auto row = tx.QueryOne("SELECT blocked_until FROM auth_throttle WHERE key = ?", {key});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return int64_t{0};
  auto until = ParseRfc3339((*row)->Text(0));
  if (!until.ok() || *until <= now) return int64_t{0};
  auto ms = (*until - now).count();
  return static_cast<int64_t>((ms + 999) / 1000);
}

int FreeFailuresOf(std::string_view key) {
  return key.starts_with("acct:") ? kFreeAccountFailures : kFreeAddressFailures;
}

Result<ThrottleCount> ThrottleFailure(Tx& tx, const std::string& key, TimePoint now) {
  auto row =
      tx.QueryOne("SELECT failures, last_failure_at FROM auth_throttle WHERE key = ?", {key});
  if (!row.ok()) return std::move(row).error();
  ThrottleCount count{.failures = 1};
  if (row->has_value()) {
    auto last = ParseRfc3339((*row)->Text(1));
    // A day without failures forgives the count.
    bool recent = last.ok() && now - *last < std::chrono::hours(24);
    if (recent) {
      count.failures = (*row)->Int(0) + 1;
    } else {
      count.forgiven = (*row)->Int(0);
    }
  }
  const int64_t failures = count.failures;
  TimePoint blocked =
      now + std::chrono::seconds(ThrottleDelaySeconds(failures, FreeFailuresOf(key)));
  auto r = tx.Exec(
      "INSERT INTO auth_throttle(key, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, "
      "?) "
      "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, "
      "last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until",
      {key, failures, FormatRfc3339(now), FormatRfc3339(blocked)});
  if (!r.ok()) return std::move(r).error();
  return count;
}

Result<int64_t> ThrottleClear(Tx& tx, const std::string& key) {
  auto row = tx.QueryOne("SELECT failures FROM auth_throttle WHERE key = ?", {key});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return int64_t{0};
  auto r = tx.Exec("DELETE FROM auth_throttle WHERE key = ?", {key});
  if (!r.ok()) return std::move(r).error();
  return (*row)->Int(0);
}

}  // namespace accord::storage
