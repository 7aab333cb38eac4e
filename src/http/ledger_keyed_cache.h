// Public answers (the trust center, the status page) kept while the ledger has not grown and
// for at most five seconds (what is valid today changes with time too): a change shows at
// once, and a burst of visitors costs one read of the ledger's size each.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "accord/http/api.h"

namespace accord::http {

class LedgerKeyedCache {
 public:
  explicit LedgerKeyedCache(ApiDeps& deps) : deps_(deps) {}

  // The answer named `name`, from the cache or made by `build`. A 200 answer gets
  // "Cache-Control: public, max-age=5" and `headers`, and is kept.
  Response Get(const std::string& name, const std::function<Response()>& build,
               const std::vector<Header>& headers = {});

 private:
  struct Entry {
    MonoTime at;
    uint64_t ledger_size = 0;  // the ledger it was built from
    Response response;
  };
  ApiDeps& deps_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Entry>> cache_;
};

}  // namespace accord::http
