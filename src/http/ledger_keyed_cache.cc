#include "ledger_keyed_cache.h"

#include <chrono>

#include "accord/http/json.h"
#include "accord/storage/ledger_tables.h"

namespace accord::http {

namespace {
constexpr auto kCacheFor = std::chrono::seconds(5);
}  // namespace

Response LedgerKeyedCache::Get(const std::string& name, const std::function<Response()>& build,
                               const std::vector<Header>& headers) {
  MonoTime now = deps_.clock.Monotonic();
  uint64_t size = 0;
  Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    size = head->size();
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  {
    std::lock_guard lock(mu_);
    auto it = cache_.find(name);
    if (it != cache_.end() && it->second->ledger_size == size && now - it->second->at < kCacheFor) {
      return it->second->response;
    }
  }
  Response r = build();
  if (r.status == 200) {
    r.headers.push_back({"Cache-Control", "public, max-age=5"});
    r.headers.insert(r.headers.end(), headers.begin(), headers.end());
    std::lock_guard lock(mu_);
    cache_[name] = std::make_shared<const Entry>(Entry{now, size, r});
  }
  return r;
}

}  // namespace accord::http
